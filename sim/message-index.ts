import type { MessageStatus } from "../lib/yazsana/schemas";
import type { Paging } from "./paging";
import type { SimSending } from "./state";
import { containsFolded, foldForSearch } from "./text-search";

/**
 * Finds one page of a sending's messages without sorting or copying the whole
 * list: messages stay in send order, an unfiltered page is a slice, and a
 * status filter uses per-status position lists that are rebuilt only after the
 * sending changed (finished sendings never change, so theirs live forever).
 */
type StatusIndex = { version: number; positions: Map<MessageStatus, number[]> };
const statusIndexes = new WeakMap<SimSending, StatusIndex>();

function positionsWithStatus(sending: SimSending, status: MessageStatus): number[] {
  let index = statusIndexes.get(sending);
  if (!index || index.version !== sending.version) {
    const positions = new Map<MessageStatus, number[]>();
    sending.messages.forEach((message, position) => {
      const list = positions.get(message.status);
      if (list) list.push(position);
      else positions.set(message.status, [position]);
    });
    index = { version: sending.version, positions };
    statusIndexes.set(sending, index);
  }
  return index.positions.get(status) ?? [];
}

export type MessageFilter = { status?: MessageStatus; text?: string };

/** Positions (into `sending.messages`) of the requested page, and the filtered total. */
export function selectMessages(sending: SimSending, filter: MessageFilter, paging: Paging): { total: number; positions: number[] } {
  const end = paging.offset + paging.limit;
  const needle = foldForSearch(filter.text ?? "");
  // One text for the whole sending: if it matches, the text filter keeps every message.
  const textKeepsAll = containsFolded(sending.message, needle);

  if (textKeepsAll && !filter.status) {
    const total = sending.messages.length;
    const positions: number[] = [];
    for (let position = paging.offset; position < Math.min(end, total); position += 1) positions.push(position);
    return { total, positions };
  }
  const candidates = filter.status ? positionsWithStatus(sending, filter.status) : undefined;
  if (textKeepsAll) return { total: candidates!.length, positions: candidates!.slice(paging.offset, end) };

  // Otherwise the text must be part of the recipient number: one cheap pass.
  let total = 0;
  const positions: number[] = [];
  const consider = (position: number) => {
    if (!sending.messages[position]!.to.includes(needle)) return;
    if (total >= paging.offset && total < end) positions.push(position);
    total += 1;
  };
  if (candidates) candidates.forEach(consider);
  else for (let position = 0; position < sending.messages.length; position += 1) consider(position);
  return { total, positions };
}
