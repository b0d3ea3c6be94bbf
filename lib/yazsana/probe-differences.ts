import "server-only";
import { z } from "zod";
import { issuePath } from "./parse-response";

export type FieldDifference = {
  /** Dotted path; array items collapse to "[]" so 50 items report once. */
  path: string;
  change: "missing" | "wrong_type" | "extra" | "absent_optional";
  /** What our schema expects, or what the client does with it. Never a response value. */
  detail: string;
};

/**
 * Compares one raw JSON answer with the schema the client parses it with:
 * schema failures (missing, wrong type) from zod's issues, and what zod's loose
 * objects silently accept (unexpected extra fields, optional fields left out).
 */
export function compareWithSchema(schema: z.ZodType, value: unknown): { parses: boolean; differences: FieldDifference[] } {
  const differences = new Map<string, FieldDifference>();
  const add = (difference: FieldDifference) => {
    if (!differences.has(`${difference.change}:${difference.path}`)) differences.set(`${difference.change}:${difference.path}`, difference);
  };

  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const actual = valueAt(value, issue.path);
      const path = collapseIndexes(issuePath(issue.path));
      if (actual === undefined) add({ path, change: "missing", detail: issue.message });
      else add({ path, change: "wrong_type", detail: `${issue.message} (got ${typeName(actual)})` });
    }
  }
  walk(schema, value, [], add);
  return { parses: parsed.success, differences: [...differences.values()] };
}

function walk(schema: z.ZodType, value: unknown, path: string[], add: (difference: FieldDifference) => void): void {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && isPlainObject(value)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    for (const key of Object.keys(value)) {
      if (!(key in shape)) add({ path: formatPath([...path, key]), change: "extra", detail: "not in our schema; kept as is" });
    }
    for (const [key, field] of Object.entries(shape)) {
      if (value[key] === undefined) {
        if (isOptional(field)) add({ path: formatPath([...path, key]), change: "absent_optional", detail: "optional in our schema; left empty" });
        continue;
      }
      walk(field, value[key], [...path, key], add);
    }
  } else if (inner instanceof z.ZodArray && Array.isArray(value)) {
    for (const item of value) walk(inner.element as z.ZodType, item, [...path, "[]"], add);
  }
}

/** Sees through optional/nullable/default wrappers to the shape that matters. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

function isOptional(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function formatPath(segments: string[]): string {
  return segments.join(".").replace(/\.\[\]/g, "[]");
}

/** "data.items.3.stats" → "data.items[].stats", matching the walker's paths. */
function collapseIndexes(path: string): string {
  return path.replace(/\.\d+(?=\.|$)/g, "[]").replace(/^\d+(?=\.|\[|$)/, "[]");
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
