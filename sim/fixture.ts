import { readFileSync } from "node:fs";
import { z } from "zod";
import { apiPhoneNumber, messageStatus, sendingSource, smsText } from "../lib/yazsana/schemas";

/**
 * The seed data of the simulator: who exists, what they may do, what they own.
 * Credits are the balances *now*: the seeded sendings are history whose cost
 * was already paid, so loading them charges nothing.
 */

const id = z.uuid();
/** A non-negative amount with at most the API's six decimal places. */
const amount = z.string().regex(/^\d+(\.\d{1,6})?$/, "must be a non-negative decimal with at most 6 places");

const fixtureUser = z.strictObject({
  id,
  username: z.string().min(1),
  email: z.email(),
  createdAt: z.iso.datetime(),
  /** The demo user's key is always replaced at start (see `demoKey`), so it may be omitted. */
  apiKey: z.string().min(8).optional(),
  credit: amount,
  demo: z.boolean().default(false),
});

const fixtureOrganization = z.strictObject({
  id,
  name: z.string().min(1),
  state: z.boolean(),
  members: z.array(z.strictObject({ userId: id, memberCredit: amount, permissions: z.array(z.string()) })),
});

const fixtureService = z.strictObject({
  id,
  name: z.string().min(1),
  type: z.literal("sms"),
  currency: z.string().regex(/^[A-Z]{3}$/),
  unitPrice: amount,
  /** Inactive services are not listed and cannot be sent with. */
  active: z.boolean().default(true),
  /** Final price for one organization's context, overriding `unitPrice`. */
  organizationPrices: z.record(id, amount).default({}),
});

const fixtureSending = z.strictObject({
  id,
  userId: id,
  organizationId: id.nullable().default(null),
  serviceId: id,
  source: sendingSource.default("panel"),
  message: smsText,
  createdAt: z.iso.datetime(),
  invalidSize: z.number().int().nonnegative().default(0),
  recipients: z.array(z.strictObject({ to: apiPhoneNumber, status: messageStatus })).min(1),
});

export const simFixture = z
  .strictObject({
    users: z.array(fixtureUser).min(1),
    organizations: z.array(fixtureOrganization),
    services: z.array(fixtureService),
    sendings: z.array(fixtureSending).default([]),
  })
  .superRefine((fixture, context) => {
    for (const problem of crossReferenceProblems(fixture)) context.addIssue({ code: "custom", message: problem });
  });

/** What a caller may write (defaults optional). */
export type SimFixture = z.input<typeof simFixture>;
/** What the simulator works with after validation. */
export type ParsedSimFixture = z.output<typeof simFixture>;

function crossReferenceProblems(fixture: ParsedSimFixture): string[] {
  const problems: string[] = [];
  const users = new Set(fixture.users.map((user) => user.id));
  const services = new Set(fixture.services.map((service) => service.id));
  const organizations = new Map(fixture.organizations.map((org) => [org.id, org]));

  if (fixture.users.filter((user) => user.demo).length !== 1) problems.push("exactly one user must have demo: true");
  for (const user of fixture.users) {
    if (!user.demo && !user.apiKey) problems.push(`user ${user.username} needs an apiKey`);
  }
  const keys = fixture.users.flatMap((user) => (user.apiKey ? [user.apiKey] : []));
  if (new Set(keys).size !== keys.length) problems.push("API keys must be unique");
  for (const org of fixture.organizations) {
    for (const member of org.members) {
      if (!users.has(member.userId)) problems.push(`organization ${org.name} has unknown member ${member.userId}`);
    }
  }
  for (const sending of fixture.sendings) {
    if (!users.has(sending.userId)) problems.push(`sending ${sending.id} has unknown user`);
    if (!services.has(sending.serviceId)) problems.push(`sending ${sending.id} has unknown service`);
    if (sending.organizationId) {
      const org = organizations.get(sending.organizationId);
      if (!org?.members.some((member) => member.userId === sending.userId)) {
        problems.push(`sending ${sending.id}: its user is not a member of its organization`);
      }
    }
  }
  return problems;
}

/** Parses a fixture, throwing one readable error listing every problem. */
export function parseFixture(input: unknown, origin = "fixture"): ParsedSimFixture {
  const parsed = simFixture.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid simulator ${origin}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const DEFAULT_FIXTURE_FILE = new URL("./fixture.json", import.meta.url);

/** Reads and validates sim/fixture.json afresh (callers may mutate the result). */
export function loadDefaultFixture(): ParsedSimFixture {
  return parseFixture(JSON.parse(readFileSync(DEFAULT_FIXTURE_FILE, "utf8")), "fixture sim/fixture.json");
}
