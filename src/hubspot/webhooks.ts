// HubSpot webhook batches (an array of events, each `{ eventId, subscriptionId, portalId, appId,
// occurredAt, subscriptionType | eventType, attemptNumber, objectId, propertyName, propertyValue,
// changeSource }`) read as library events with identity keys. HubSpot delivers at least once, in
// no particular order, and says `eventId` alone is not unique: the identity key is built from
// what identifies the change itself (see `webhookEventId`), never from the attempt number.

import type { ClientHubActor, ClientHubEvent, ContactRatio } from "../client-hub/pipeline.js";
import { describeValue } from "../core/describe.js";
import { guard, guarded, hostCall } from "../core/guard.js";
import { boundedEventId } from "../core/identity.js";
import { isName } from "../core/limits.js";
import { err, ok, type Result } from "../core/result.js";
import { toEpochMs, toIso } from "../core/time.js";
import type { HubSpotEnvelope } from "./calls.js";
import { type HubSpotError, hasHubSpotValue, hubSpotError, unreadableHubSpot } from "./properties.js";

/** One change HubSpot reported, checked and normalised. */
export interface HubSpotChange {
  /** The identity key: the same change delivered again (a retry) has the same `id`. */
  readonly id: string;
  /**
   * What changed: the `subscriptionType` (or the legacy `eventType`), e.g.
   * `"contact.propertyChange"`; for `object.*` subscriptions that name an `objectTypeId`, that id
   * takes the place of `object` (`"2-123456.propertyChange"`), and a HubSpot-defined object's id
   * its name (`0-5` is `"ticket"`), so both spellings of one subscription are one type.
   */
  readonly type: string;
  readonly portalId: number;
  /** The HubSpot object the change is about, as text. */
  readonly objectId: string;
  readonly propertyName: string | null;
  readonly propertyValue: string | null;
  /** When it happened (`occurredAt`), ISO-8601 UTC. */
  readonly occurredAt: string;
  readonly eventId: number;
  /** 0 for the first delivery; not part of the identity key. */
  readonly attemptNumber: number;
  readonly changeSource: string | null;
}

/**
 * Maps one change to a library event: the event, `null` when the change means nothing to the
 * library (a task moved to In progress), or an error naming the HubSpot property.
 */
export type HubSpotChangeMapper<E> = (change: HubSpotChange) => Result<E | null, HubSpotError>;

/** A mapped event with its identity key, its place in the batch and the HubSpot object it is about. */
export interface HubSpotChangeEvent<E> extends HubSpotEnvelope<E> {
  /** The item's index in the batch (what `ignored` and `rejected` name items by). */
  readonly index: number;
  readonly objectId: string;
  readonly type: string;
}

/** A change that means nothing to the library: no mapper is named for it, or its mapper said `null`. */
export interface HubSpotIgnored {
  readonly index: number;
  readonly id: string;
  /** What changed: the HubSpot property (`propertyName`), or the type for a change of no property. */
  readonly property: string;
  /** `true` when no mapper is named for the change (subscribe only to what you map). */
  readonly unmapped: boolean;
}

/** The event type a mapper produces. */
export type MapperEvent<F> = F extends HubSpotChangeMapper<infer E> ? E : never;
/** The events a set of mappers produces: the union of each mapper's. */
export type MappedEvent<M> = MapperEvent<M[keyof M]>;

/** What a batch became: events to apply, changes that mean nothing, and items refused. */
export interface HubSpotBatch<E> {
  readonly events: readonly HubSpotChangeEvent<E>[];
  /** Changes no mapper is named for, or a mapper returned `null` for, each by its property. */
  readonly ignored: readonly HubSpotIgnored[];
  /** Items refused, by their index in the batch, naming the field or HubSpot property at fault. */
  readonly rejected: readonly { readonly index: number; readonly error: HubSpotError }[];
}

/**
 * The identity key of a webhook event, stable across HubSpot's retries:
 * `hubspot:<portalId>:<type>:<objectId>:<propertyName>:<occurredAt ms>:<eventId>`. HubSpot says
 * `eventId` alone is not unique, so the key adds what identifies the change (portal, subscription
 * type, object, property, instant); `attemptNumber`, which a retry changes, is left out.
 *
 * @param change - the change's identifying fields
 * @returns the key; `""` for a value that is not an object (no identity: never use it as a key —
 *   {@link readWebhookEvent} checks a change before keying it)
 * @example
 * webhookEventId({ portalId: 62515, type: "contact.creation", objectId: "123", propertyName: null, occurredAt: "2019-07-26T04:00:00.000Z", eventId: 1 });
 * // => "hubspot:62515:contact.creation:123::1564113600000:1"
 */
export function webhookEventId(
  change: Pick<HubSpotChange, "portalId" | "type" | "objectId" | "propertyName" | "occurredAt" | "eventId">,
): string {
  return guarded(
    (): string => {
      // Not a change: no identity ("", which a caller must never use as a key).
      if (typeof change !== "object" || change === null) return "";
      // Each part URI-encoded, so a ":" inside one (an object id, a custom object type) cannot make two
      // changes share a key; HubSpot's own ids and names come out unchanged.
      const part = (value: unknown): string => encodeURIComponent(String(value ?? ""));
      return boundedEventId(
        `hubspot:${part(change.portalId)}:${part(change.type)}:${part(change.objectId)}:${part(change.propertyName)}:${Date.parse(change.occurredAt)}:${part(change.eventId)}`,
      );
    },
    () => "",
  );
}

// HubSpot-defined objects' type ids (https://developers.hubspot.com/docs/guides/api/crm/understanding-the-crm#object-type-ids)
// → the names the legacy subscriptions use, so `object.propertyChange` with `objectTypeId` "0-5" and
// `ticket.propertyChange` are one type. Custom objects ("2-…") keep their id.
const OBJECT_NAMES: Readonly<Record<string, string>> = {
  "0-1": "contact",
  "0-2": "company",
  "0-3": "deal",
  "0-5": "ticket",
  "0-7": "product",
  "0-8": "line_item",
  "0-27": "task",
  "0-46": "note",
  "0-47": "meeting",
  "0-48": "call",
  "0-49": "email",
};
/** The `objectTypeId` spelling of a HubSpot-defined object's type (`ticket.x` → `0-5.x`), or `undefined`. */
const idSpelling = (type: string): string | undefined => {
  const dot = type.indexOf(".");
  const name = type.slice(0, dot);
  const id = Object.keys(OBJECT_NAMES).find((k) => OBJECT_NAMES[k] === name);
  return id === undefined ? undefined : `${id}${type.slice(dot)}`;
};

const whole = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const textOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);

/**
 * Checks one webhook event and normalises it to a {@link HubSpotChange}.
 *
 * @param item - one element of the batch
 * @returns the change, or an error naming the payload field at fault
 * @example
 * readWebhookEvent({ eventId: 1, portalId: 62515, occurredAt: 1564113600000, subscriptionType: "contact.creation", objectId: 123, attemptNumber: 0 }).ok; // => true
 */
export function readWebhookEvent(item: unknown): Result<HubSpotChange, HubSpotError> {
  return guarded((): Result<HubSpotChange, HubSpotError> => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      return err(hubSpotError("invalidPayload", "event", item, `must be an object, got ${describeValue(item)}`));
    }
    const e = item as Record<string, unknown>;
    const bad = (field: string, shape: string): Result<never, HubSpotError> =>
      err(hubSpotError("invalidPayload", field, e[field], `must be ${shape}, got ${describeValue(e[field])}`));
    const subscription = e.subscriptionType ?? e.eventType;
    if (!isName(subscription) || !subscription.includes(".")) {
      return bad(
        e.subscriptionType === undefined && e.eventType !== undefined ? "eventType" : "subscriptionType",
        'a subscription type such as "contact.propertyChange"',
      );
    }
    if (!whole(e.eventId)) return bad("eventId", "a whole number");
    if (!whole(e.portalId)) return bad("portalId", "a whole number");
    const occurred = typeof e.occurredAt === "number" ? toEpochMs(e.occurredAt) : Number.NaN;
    if (Number.isNaN(occurred)) return bad("occurredAt", "epoch milliseconds");
    const objectId = whole(e.objectId) ? String(e.objectId) : e.objectId;
    if (!isName(objectId)) return bad("objectId", "the object's id");
    if (e.attemptNumber !== undefined && !whole(e.attemptNumber)) return bad("attemptNumber", "a whole number");
    if (e.propertyName !== undefined && e.propertyName !== null && !isName(e.propertyName))
      return bad("propertyName", "a property name");
    if (e.propertyValue !== undefined && e.propertyValue !== null && typeof e.propertyValue !== "string") {
      return bad("propertyValue", "text");
    }
    const objectTypeId = e.objectTypeId;
    const type =
      subscription.startsWith("object.") && isName(objectTypeId)
        ? `${Object.hasOwn(OBJECT_NAMES, objectTypeId) ? OBJECT_NAMES[objectTypeId] : objectTypeId}${subscription.slice(6)}`
        : subscription;
    const fields = {
      type,
      portalId: e.portalId,
      objectId,
      propertyName: textOrNull(e.propertyName),
      propertyValue: textOrNull(e.propertyValue),
      occurredAt: toIso(occurred),
      eventId: e.eventId,
      attemptNumber: (e.attemptNumber as number | undefined) ?? 0,
      changeSource: textOrNull(e.changeSource),
    };
    return ok({ id: webhookEventId(fields), ...fields });
  }, unreadableHubSpot);
}

/** Whether a mapper's answer is a Result (a host's mapper may return anything). */
function isMapped<E>(value: unknown): value is Result<E | null, HubSpotError> {
  if (typeof value !== "object" || value === null) return false;
  const r = value as { ok?: unknown; value?: unknown; error?: unknown };
  return r.ok === true ? "value" in r : r.ok === false && typeof r.error === "object" && r.error !== null;
}

/**
 * Reads a webhook batch: checks every item, finds its mapper — by `"<type>:<propertyName>"`
 * first, then by `"<type>"`, a HubSpot-defined object's type by either spelling
 * (`"ticket.propertyChange"` or `"0-5.propertyChange"`) — and maps it. One bad item never stops
 * the rest: it is listed in `rejected` with its index and the field or property at fault. An item
 * no mapper is named for means nothing to the library: it is listed in `ignored` by its property,
 * with `unmapped: true`. Every event carries its index in the batch.
 *
 * @param body - the parsed JSON body (an array)
 * @param mappers - mappers by `"<type>:<propertyName>"` or `"<type>"`
 * @returns the events, the ignored changes and the refused items; an error when the body is not an array
 * @example
 * readWebhookBatch([{ eventId: 1, portalId: 1, occurredAt: 0, subscriptionType: "contact.creation", objectId: 9 }], {}).ok; // => true
 */
export function readWebhookBatch<const M extends Readonly<Record<string, HubSpotChangeMapper<unknown>>>>(
  body: unknown,
  mappers: M,
): Result<HubSpotBatch<MappedEvent<M>>, HubSpotError> {
  return guarded((): Result<HubSpotBatch<MappedEvent<M>>, HubSpotError> => {
    if (!Array.isArray(body)) {
      return err(
        hubSpotError("invalidPayload", "body", body, `must be an array of events, got ${describeValue(body)}`),
      );
    }
    const table: unknown = mappers;
    if (typeof table !== "object" || table === null || Array.isArray(table)) {
      return err(
        hubSpotError("invalidPayload", "mappers", table, `must be an object of mappers, got ${describeValue(table)}`),
      );
    }
    const events: HubSpotChangeEvent<MappedEvent<M>>[] = [];
    const ignored: HubSpotIgnored[] = [];
    const rejected: { index: number; error: HubSpotError }[] = [];
    // Index by index, holes included: forEach would skip a hole without a word.
    for (let index = 0; index < body.length; index++) {
      const read = readWebhookEvent(body[index]);
      if (!read.ok) {
        rejected.push({ index, error: read.error });
        continue;
      }
      const change = read.value;
      const property = change.propertyName ?? change.type;
      const other = idSpelling(change.type);
      const keys = [change.type, ...(other === undefined ? [] : [other])];
      const key = [...keys.map((type) => `${type}:${change.propertyName ?? ""}`), ...keys].find((k) =>
        Object.hasOwn(mappers, k),
      );
      const mapper = key === undefined ? undefined : mappers[key];
      if (key === undefined || mapper === undefined) {
        ignored.push({ index, id: change.id, property, unmapped: true });
        continue;
      }
      if (typeof mapper !== "function") {
        rejected.push({
          index,
          error: hubSpotError("invalidPayload", `mappers.${key}`, mapper, "must be a mapper function"),
        });
        continue;
      }
      // The host's mapper: an exception it throws is the host's bug and passes through to the host
      // (hostCall); an answer that is not a Result refuses this item only.
      const mapped: unknown = hostCall(mapper as HubSpotChangeMapper<MappedEvent<M>>, change);
      if (!isMapped<MappedEvent<M>>(mapped)) {
        rejected.push({
          index,
          error: hubSpotError(
            "invalidPayload",
            `mappers.${key}`,
            mapped,
            "must return { ok: true, value } or { ok: false, error }",
          ),
        });
      } else if (!mapped.ok) rejected.push({ index, error: mapped.error });
      else if (mapped.value === null) ignored.push({ index, id: change.id, property, unmapped: false });
      else
        events.push({
          index,
          id: change.id,
          objectId: change.objectId,
          type: change.type,
          event: mapped.value,
        });
    }
    return ok({ events, ignored, rejected });
  }, unreadableHubSpot);
}

/** A library mapper's answer to a value that is not a change. */
const notAChange = (change: unknown): Result<never, HubSpotError> =>
  err(hubSpotError("invalidPayload", "change", change, "must be a change read by readWebhookEvent"));

/**
 * A mapper for a change of the Client Hub record's Contact Ratio property: its enumeration values
 * → ratios. A cleared value means nothing; an unlisted one is refused naming the property.
 *
 * @param values - the property's internal values → Contact Ratios
 * @param actor - who sets it (default the owner)
 * @returns the mapper
 * @example
 * const change = { id: "k", type: "2-7654321.propertyChange", portalId: 33, objectId: "5", propertyName: "contact_ratio", propertyValue: "1_month", occurredAt: "2026-03-02T10:00:00.000Z", eventId: 1, attemptNumber: 0, changeSource: null };
 * contactRatioSetFrom({ "1_month": { count: 1, unit: "month" } })(change).ok; // => true
 */
export function contactRatioSetFrom(
  values: Readonly<Record<string, ContactRatio>>,
  actor: ClientHubActor = "owner",
): HubSpotChangeMapper<Extract<ClientHubEvent, { readonly type: "contactRatioSet" }>> {
  // The library's own mapper: guarded like every export (a host may call it on anything).
  type Set = Extract<ClientHubEvent, { readonly type: "contactRatioSet" }>;
  return guard((change: HubSpotChange): Result<Set | null, HubSpotError> => {
    if (typeof values !== "object" || values === null) {
      return err(hubSpotError("invalidPayload", "values", values, "must be an object of Contact Ratios by value"));
    }
    if (typeof change !== "object" || change === null) {
      return notAChange(change);
    }
    const value = change.propertyValue;
    if (!hasHubSpotValue(value)) return ok(null);
    if (!Object.hasOwn(values, value as string)) {
      const property = change.propertyName ?? "propertyValue";
      return err(
        hubSpotError(
          "unknownValue",
          property,
          value,
          `${describeValue(value)} is not one of ${Object.keys(values).join(", ")}`,
        ),
      );
    }
    const { count, unit } = values[value as string] as ContactRatio;
    return ok({ type: "contactRatioSet", at: change.occurredAt, actor, contactRatio: { count, unit }, id: change.id });
  }, unreadableHubSpot);
}

/**
 * A mapper for a change of a task's status (`hs_task_status`): `COMPLETED` (or the value given)
 * completes the record's stage task; any other status means nothing.
 *
 * @param completed - the value that means done (default `"COMPLETED"`)
 * @returns the mapper
 * @example
 * const change = { id: "k", type: "task.propertyChange", portalId: 33, objectId: "9", propertyName: "hs_task_status", propertyValue: "IN_PROGRESS", occurredAt: "2026-03-02T10:00:00.000Z", eventId: 1, attemptNumber: 0, changeSource: null };
 * taskCompletedFrom()(change); // => { ok: true, value: null }
 */
export function taskCompletedFrom(
  completed = "COMPLETED",
): HubSpotChangeMapper<Extract<ClientHubEvent, { readonly type: "taskCompleted" }>> {
  type Completed = Extract<ClientHubEvent, { readonly type: "taskCompleted" }>;
  return guard((change: HubSpotChange): Result<Completed | null, HubSpotError> => {
    if (typeof change !== "object" || change === null) {
      return notAChange(change);
    }
    return ok(
      change.propertyValue === completed
        ? { type: "taskCompleted", at: change.occurredAt, actor: "owner", id: change.id }
        : null,
    );
  }, unreadableHubSpot);
}
