import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { messages } from "@/messages";

// Reads the files themselves, so a new namespace file is checked without registering it here.
const root = path.join(import.meta.dirname, "../../messages");
const namespacesOf = (locale: string) =>
  readdirSync(path.join(root, locale))
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.replace(/\.json$/, ""))
    .sort();
const catalog = (locale: string, namespace: string): unknown => JSON.parse(readFileSync(path.join(root, locale, `${namespace}.json`), "utf8"));

/** Every leaf message as "namespace.path.key" → text. */
function flatten(value: unknown, prefix: string, into = new Map<string, string>()): Map<string, string> {
  if (typeof value === "string") into.set(prefix, value);
  else if (value && typeof value === "object") for (const [key, child] of Object.entries(value)) flatten(child, `${prefix}.${key}`, into);
  else throw new Error(`${prefix} is neither a message nor a group`);
  return into;
}

/** The ICU arguments a message uses, with their kind ("count:plural", "name:argument"). */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) into.add(`${element.value}:argument`);
    if (element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) into.add(`${element.value}:${TYPE[element.type]}`);
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      placeholders(element.children, into);
    }
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      into.add(`${element.value}:${element.type === TYPE.select ? "select" : "plural"}`);
      for (const option of Object.values(element.options)) placeholders(option.value, into);
    }
  }
  return into;
}

const all = (locale: string) => new Map(namespacesOf(locale).flatMap((namespace) => [...flatten(catalog(locale, namespace), namespace)]));

describe("message catalogs", () => {
  it("have the same namespace files in every language, all registered in messages/index.ts", () => {
    for (const locale of LOCALES) {
      expect(namespacesOf(locale)).toEqual(namespacesOf("en"));
      expect(Object.keys(messages[locale]).sort()).toEqual(namespacesOf(locale));
    }
  });

  it("have the same keys in every language", () => {
    const english = [...all("en").keys()].sort();
    expect(english.length).toBeGreaterThan(20);
    for (const locale of LOCALES) expect([...all(locale).keys()].sort()).toEqual(english);
  });

  it("use the same ICU placeholders for each key, and every message parses", () => {
    const english = all("en");
    for (const locale of LOCALES) {
      for (const [key, text] of all(locale)) {
        const expected = [...placeholders(parse(english.get(key) ?? ""))].sort();
        expect([...placeholders(parse(text))].sort(), `${locale}: ${key}`).toEqual(expected);
      }
    }
  });

  it("have no empty messages", () => {
    for (const locale of LOCALES) for (const [key, text] of all(locale)) expect(text.trim(), `${locale}: ${key}`).not.toBe("");
  });
});
