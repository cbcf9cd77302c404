import * as z from "zod/mini";
import { err, type InvalidInput, type Issue, invalidInput, ok, type Result } from "./result.js";
import { type Instant, isTimeZone, toEpochMs, toIso } from "./time.js";

const INSTANT_MESSAGE = "expected an instant: a Date, an ISO-8601 date-time with Z or an offset, or epoch milliseconds";

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
 * A zod/mini schema for an IANA time-zone name.
 *
 * @returns the schema
 * @example
 * z.safeParse(timeZoneSchema(), "Mars/Base").success; // => false
 */
export function timeZoneSchema(): z.ZodMiniCustom<string, string> {
  return z.custom<string>((v) => isTimeZone(v), { message: 'expected an IANA time-zone name such as "Europe/London"' });
}

function describe(issue: z.core.$ZodIssue, input: unknown): Issue {
  const path = issue.path.map(String).join(".");
  if (issue.code === "invalid_union" && issue.path.length === 0 && typeof input === "object" && input !== null) {
    const type = (input as { type?: unknown }).type;
    if (type === undefined) return { path: "type", message: "is required" };
  }
  if (issue.code === "invalid_union" && "note" in issue && issue.note === "No matching discriminator") {
    return { path: path === "" ? "type" : path, message: "is not a known event type" };
  }
  if (issue.code === "unrecognized_keys") {
    return { path, message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}` };
  }
  const received = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
  return { path, message: received };
}

/**
 * Parses `unknown` input with a schema and returns every issue as a plain-English
 * {@link InvalidInput} naming each field. Never throws.
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
  const parsed = z.safeParse(schema, input);
  if (parsed.success) return ok(parsed.data);
  return err(
    invalidInput(
      what,
      parsed.error.issues.map((issue) => describe(issue, input)),
    ),
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
