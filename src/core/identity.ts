// Event identity (idempotency keys) and the effect bookkeeping `refold` hands back: domain-free,
// shared by every lifecycle through the engine.

/**
 * How many applied event ids a state remembers once time moves on: the last 32. A redelivery of
 * one of them is a no-op that says so (`duplicate: true`, no effects). An id is only forgotten when
 * a later event moves the record past the instant it was applied at, so its redelivery happened
 * before the record's last change and is refused `outOfOrder` (the host's event log, keyed by id,
 * remembers every id for `refold`). Ids applied at the record's current instant are all kept, up to
 * {@link APPLIED_IDS_CAP}.
 */
export const APPLIED_IDS_LIMIT = 32;

/**
 * The most ids a state holds: 1,000. Only events applied at one and the same millisecond can take
 * it past {@link APPLIED_IDS_LIMIT}; past 1,000 of them the oldest are forgotten even at that
 * instant, and a redelivery of those would apply again (a documented limit, not a rule).
 */
export const APPLIED_IDS_CAP = 1000;

/** The longest event id: 200 characters (a HubSpot `eventId` and object id fit many times over). */
export const MAX_EVENT_ID_LENGTH = 200;

/**
 * Whether a value can be an event id: a non-empty string of at most {@link MAX_EVENT_ID_LENGTH}
 * characters.
 *
 * @param value - anything
 * @returns `true` for an id
 * @example
 * isEventId("hubspot:call:8812:1"); // => true
 */
export const isEventId = (value: unknown): value is string =>
  typeof value === "string" && value.length > 0 && value.length <= MAX_EVENT_ID_LENGTH;

/**
 * Whether a state has applied an event with this id (a retried delivery).
 *
 * @param state - a lifecycle state
 * @param id - the event's id
 * @returns `true` when `id` is among the state's `appliedIds`
 * @example
 * isApplied({ appliedIds: ["a"] }, "a"); // => true
 */
export function isApplied(state: unknown, id: unknown): boolean {
  const applied: unknown = (state as { appliedIds?: unknown } | null)?.appliedIds;
  return id !== undefined && Array.isArray(applied) && applied.includes(id);
}

/**
 * The applied ids after one more is applied, oldest first. When the event moved the record to a
 * later instant (`sameInstant` false), the last {@link APPLIED_IDS_LIMIT}: every id dropped was
 * applied before the record's new instant, so its redelivery is refused `outOfOrder`. At the same
 * instant nothing is dropped (a redelivery at that instant would not be refused), up to
 * {@link APPLIED_IDS_CAP}.
 *
 * @param applied - the ids applied so far (anything that is not a list counts as none)
 * @param id - the id just applied
 * @param sameInstant - whether the event happened at the instant the record was already at
 * @returns the ids to store
 * @example
 * remember(["a", "b"], "c", false); // => ["a", "b", "c"]
 */
export function remember(applied: unknown, id: string, sameInstant: boolean): readonly string[] {
  const prior = Array.isArray(applied) ? (applied as string[]) : [];
  const keep = sameInstant ? APPLIED_IDS_CAP : APPLIED_IDS_LIMIT;
  const kept = prior.length >= keep ? prior.slice(prior.length - keep + 1) : prior;
  return [...kept, id];
}

// A value written one way whatever the order of its keys: effects from storage compare equal to
// the ones the library builds.
// Total, whatever a host's stored effects hold: a BigInt, a symbol or a function is written by
// kind and value, a value met again inside itself (a cycle) as "<cycle>".
function canonical(value: unknown, within: unknown[] = []): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol" || typeof value === "function") return `<${typeof value}>`;
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "undefined";
  if (within.includes(value)) return "<cycle>";
  within.push(value);
  const text = Array.isArray(value)
    ? `[${Array.from(value, (v) => canonical(v, within)).join(",")}]`
    : `{${Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k], within)}`)
        .join(",")}}`;
  within.pop();
  return text;
}

/**
 * The two sides of a multiset difference of effects: what `due` has that `done` lacks
 * (`toCarryOut`), and what `done` has that `due` lacks (`noLongerHold`). Effects are equal when
 * they are the same JSON, whatever the order of their keys; each occurrence counts.
 *
 * @param due - the effects the record's history requires
 * @param done - the effects the host has carried out
 * @returns the effects still to carry out and those carried out that no longer hold
 * @example
 * effectDiff([{ type: "a" }, { type: "b" }], [{ type: "b" }, { type: "c" }]);
 * // => { toCarryOut: [{ type: "a" }], noLongerHold: [{ type: "c" }] }
 */
export function effectDiff<Ef>(
  due: readonly Ef[],
  done: readonly Ef[],
): { readonly toCarryOut: readonly Ef[]; readonly noLongerHold: readonly Ef[] } {
  const pending = new Map<string, number>();
  for (const effect of done) {
    const key = canonical(effect);
    pending.set(key, (pending.get(key) ?? 0) + 1);
  }
  const toCarryOut: Ef[] = [];
  for (const effect of due) {
    const key = canonical(effect);
    const left = pending.get(key) ?? 0;
    if (left > 0) pending.set(key, left - 1);
    else toCarryOut.push(effect);
  }
  const noLongerHold: Ef[] = [];
  for (let i = done.length - 1; i >= 0; i--) {
    const effect = done[i] as Ef;
    const key = canonical(effect);
    const left = pending.get(key) ?? 0;
    if (left > 0) {
      pending.set(key, left - 1);
      noLongerHold.push(effect);
    }
  }
  noLongerHold.reverse();
  return { toCarryOut, noLongerHold };
}

/**
 * An identity key that fits an event's `id`: the key itself when it has at most
 * {@link MAX_EVENT_ID_LENGTH} characters, otherwise `"#"` and a 64-bit FNV-1a hash of it in hex
 * (two 32-bit lanes over its UTF-16 code units). The same key always gives the same id, so a
 * retried delivery is still recognised; two different long keys share an id only by a hash
 * collision (about one chance in 2^64 per pair).
 *
 * @param key - an adapter's identity key (e.g. a HubSpot webhook change's)
 * @returns an event id of 1 to 200 characters
 * @example
 * boundedEventId("hubspot:call:1"); // => "hubspot:call:1"
 * boundedEventId("x".repeat(201)).length; // => 17
 */
export function boundedEventId(key: string): string {
  if (key.length <= MAX_EVENT_ID_LENGTH) return key;
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193) >>> 0;
  }
  return `#${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}`;
}
