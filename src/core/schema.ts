import * as z from "zod/mini";
import { describeValue } from "./describe.js";
import { guarded, UNREADABLE_MESSAGE } from "./guard.js";
import { APPLIED_IDS_CAP, MAX_EVENT_ID_LENGTH } from "./identity.js";
import { PARSE_LIMITS } from "./limits.js";
import { err, type InvalidInput, type Issue, invalidInput, ok, type Result } from "./result.js";
import { type Instant, toEpochMs, toIso } from "./time.js";

/** The message of an instant that is not one; internal, read by scripts/schemas.ts. */
export const INSTANT_MESSAGE =
  "expected an instant: a Date, an ISO-8601 date-time with Z or an offset, or epoch milliseconds";

/**
 * A zod/mini schema for an {@link Instant} that outputs the ISO-8601 UTC string state stores.
 *
 * @returns the schema
 * @example
 * z.parse(instantSchema(), 0); // => "1970-01-01T00:00:00.000Z"
 */
export function instantSchema(): z.ZodMiniPipe<z.ZodMiniCustom<Instant, Instant>, z.ZodMiniTransform<string, Instant>> {
  return z.pipe(
    z.custom<Instant>((v) => !Number.isNaN(toEpochMs(v)), { message: INSTANT_MESSAGE }),
    z.transform((v: Instant) => toIso(toEpochMs(v))),
  );
}

/**
 * A zod/mini schema for an event's optional id: 1 to 200 characters.
 *
 * @returns the schema
 * @example
 * z.safeParse(eventIdSchema(), "").success; // => false
 */
export function eventIdSchema(): z.ZodMiniOptional<z.ZodMiniString<string>> {
  return z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_EVENT_ID_LENGTH)));
}

/**
 * A zod/mini schema for a state's optional `appliedIds`: at most 1,000 event ids (`APPLIED_IDS_CAP`).
 *
 * @returns the schema
 * @example
 * z.safeParse(appliedIdsSchema(), ["a", "b"]).success; // => true
 */
export function appliedIdsSchema(): z.ZodMiniOptional<z.ZodMiniArray<z.ZodMiniString<string>>> {
  return z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(MAX_EVENT_ID_LENGTH))).check(z.maxLength(APPLIED_IDS_CAP)),
  );
}

const GENERIC = "Invalid input";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const join = (path: string, key: string): string => (path === "" ? key : `${path}.${key}`);
const kind = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

// zod/mini ships no messages (its default is "Invalid input" for everything) and setting its
// locale is global configuration, which a library must not touch. The plain-English messages are
// written here from the issue's data instead; a schema's own message wins when it has one.
function describe(issue: z.core.$ZodIssue, input: unknown): Issue[] {
  const path = issue.path.map(String).join(".");
  const value = valueAt(input, issue.path);
  const own = issue.message !== GENERIC ? issue.message : undefined;
  if (value === undefined && issue.path.length > 0 && issue.code !== "unrecognized_keys") {
    return [{ path, message: "is required" }];
  }
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ path: join(path, key), message: "is not a known field" }));
    case "invalid_union":
      if (issue.discriminator === undefined || !("options" in issue)) {
        const branches = (issue as { readonly errors?: readonly (readonly z.core.$ZodIssue[])[] }).errors;
        return Array.isArray(branches) && branches.length > 0
          ? closestBranches(branches, issue.path, input)
          : [{ path, message: "does not match any allowed shape" }];
      }
      return [{ path, message: `${describeValue(value)} is not one of ${(issue.options ?? []).join(", ")}` }];
    case "invalid_type":
      return [{ path, message: own ?? `expected ${issue.expected}, got ${kind(value)}` }];
    case "invalid_value":
      return [
        {
          path,
          message:
            own ?? `expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}, got ${describeValue(value)}`,
        },
      ];
    case "too_small":
      return [
        {
          path,
          message:
            own ??
            (issue.origin !== "string"
              ? `must be at least ${issue.minimum}`
              : Number(issue.minimum) <= 1
                ? "must not be empty"
                : `must be at least ${issue.minimum} characters`),
        },
      ];
    case "too_big":
      return [{ path, message: own ?? `must be at most ${issue.maximum}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

// A union names no field: the issues that matter are those of the shape the input came closest to
// (the branch with the fewest issues), so a `"false"` where a boolean goes is named by its field.
// Branches that come equally close are merged: one issue per field, the allowed values joined.
function closestBranches(
  branches: readonly (readonly z.core.$ZodIssue[])[],
  prefix: readonly PropertyKey[],
  input: unknown,
): Issue[] {
  let best = Number.POSITIVE_INFINITY;
  let closest: z.core.$ZodIssue[] = [];
  for (const branch of branches) {
    if (branch.length < best) {
      best = branch.length;
      closest = [];
    }
    if (branch.length === best) closest.push(...branch);
  }
  const byField = new Map<string, z.core.$ZodIssue>();
  for (const issue of closest) {
    const full = { ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodIssue;
    const key = `${full.code}:${full.path.map(String).join(".")}`;
    const seen = byField.get(key);
    if (seen === undefined) byField.set(key, full);
    else if (seen.code === "invalid_value" && full.code === "invalid_value") {
      byField.set(key, { ...seen, values: [...new Set([...seen.values, ...full.values])] });
    } else if (seen.code === "invalid_type" && full.code === "invalid_type" && seen.expected !== full.expected) {
      byField.set(key, { ...seen, expected: `${seen.expected} or ${full.expected}` as typeof seen.expected });
    }
  }
  return [...byField.values()].flatMap((issue) => describe(issue, input));
}

export { PARSE_LIMITS } from "./limits.js";

// One pass over the input, iterative (a 100,000-level array cannot overflow the stack), stopping
// at the first value past a limit.
function limitIssue(input: unknown): Issue | undefined {
  const stack: [unknown, string, number][] = [[input, "", 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof value === "string" && value.length > PARSE_LIMITS.maxStringLength) {
      return {
        path,
        code: "tooLong",
        message: `is too long: ${value.length} characters (at most ${PARSE_LIMITS.maxStringLength})`,
      };
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth >= PARSE_LIMITS.maxDepth) {
      return { path, code: "tooDeep", message: `is nested too deeply (at most ${PARSE_LIMITS.maxDepth} levels)` };
    }
    for (const key of Object.keys(value)) {
      stack.push([(value as Record<string, unknown>)[key], join(path, key), depth + 1]);
    }
  }
  return undefined;
}

/**
 * Parses `unknown` input with a schema and returns every issue as a plain-English
 * {@link InvalidInput} naming each field. Input past {@link PARSE_LIMITS} is refused first, with
 * that one issue. Never throws.
 *
 * @param schema - a zod/mini schema
 * @param what - what is being read, for the message
 * @param input - the untrusted input
 * @returns the parsed value, or the error value
 * @example
 * parseWith(instantSchema(), "instant", "tomorrow").ok; // => false
 */
export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  what: string,
  input: unknown,
): Result<z.output<S>, InvalidInput> {
  // The last-resort guard (core/guard.ts): every parser reads its input here.
  return guarded(
    (): Result<z.output<S>, InvalidInput> => {
      const limit = limitIssue(input);
      if (limit !== undefined) return err(invalidInput(what, [limit]));
      const parsed = z.safeParse(schema, input);
      if (parsed.success) return ok(parsed.data);
      return err(
        invalidInput(
          what,
          parsed.error.issues.flatMap((issue) => describe(issue, input)),
        ),
      );
    },
    () => err(invalidInput(what, [{ path: "", code: "unreadable", message: UNREADABLE_MESSAGE }])),
  );
}

/**
 * Memoises a schema factory, so schemas are built on first use and never at import time (an
 * import that only needs a transition never pays for zod).
 *
 * @param build - builds the schema
 * @returns a function returning the same schema every time
 * @example
 * const events = lazy(() => z.string()); events() === events(); // => true
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= build();
    return value;
  };
}

/**
 * Completes parsed options: fields left out (or `undefined`) take the defaults.
 *
 * @param defaults - the complete default options
 * @param given - the parsed, partial options
 * @returns the complete options
 * @example
 * withDefaults({ a: 1, b: 2 }, { b: 3 }); // => { a: 1, b: 3 }
 */
export function withDefaults<T extends object>(defaults: T, given: { readonly [K in keyof T]?: T[K] | undefined }): T {
  return { ...defaults, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } as T;
}
