/**
 * A short, safe description of any value, for error messages: its kind and, for a short string,
 * number or boolean, the value itself. Never serialises untrusted input (no JSON.stringify of a
 * BigInt, a cycle, a 4,000-level array or a 10 MB string), never throws (a revoked Proxy or an
 * array Proxy whose `length` throws is "a Proxy"), at most ~60 characters.
 *
 * @param value - anything
 * @returns e.g. `"\"calendar\""`, `"42"`, `"null"`, `"an object"`, `"an array of 3"`
 * @example
 * describeValue("calendar"); // => "\"calendar\""
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
    case "number":
    case "boolean":
      return String(value);
    case "bigint":
      return value > -(10n ** 15n) && value < 10n ** 15n ? `${value}n` : "a BigInt";
    case "object":
      // Array.isArray throws on a revoked Proxy, and an array Proxy's `length` may throw: the
      // reading is inside the describer, so a message about a bad value never throws itself.
      try {
        return value === null ? "null" : Array.isArray(value) ? `an array of ${value.length}` : "an object";
      } catch {
        return "a Proxy"; // only a Proxy throws there (an array's length is not a getter)
      }
    case "undefined":
      return "undefined";
    default:
      return `a ${typeof value}`;
  }
}
