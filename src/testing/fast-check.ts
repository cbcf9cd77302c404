// fast-check is an optional peer dependency: only leadrules/testing needs it, and it must say so
// plainly when it is missing instead of failing with a bare "Cannot find package". The CommonJS
// build swaps this file for a `require` in try/catch (see tsup.config.ts).
import type * as FastCheck from "fast-check";

/** The message thrown when fast-check is not installed. */
export const MISSING_FAST_CHECK =
  "leadrules/testing needs fast-check, an optional peer dependency of leadrules: install it with `npm install --save-dev fast-check` (version 4)";

let loaded: typeof FastCheck;
try {
  loaded = await import("fast-check");
} catch (cause) {
  throw new Error(MISSING_FAST_CHECK, { cause });
}

/** fast-check, as the host installed it. */
export const fc: typeof FastCheck = loaded;
