import type { InvalidInput, Result } from "../core/result.js";
import { buildClientHub, type ClientHubLifecycle } from "./pipeline.js";
import { parseClientHubOptions } from "./schema.js";

/**
 * Builds a Client Hub pipeline tuned by options from outside (a tenant's configuration), validated
 * first: a ratio list without the default ratio, a zero call interval or an unknown stage label is
 * an error value naming the field.
 *
 * @param options - untrusted options; missing fields take the playbook's defaults
 * @returns the lifecycle, or an error value. Its check-in call types are known only at run time
 *   (`ClientHubLifecycle<string>`): read events for it with `parseClientHubEvent(input, lifecycle.options)`
 * @example
 * createClientHubLifecycle({ preparationDays: 3 }).ok; // => true
 */
export function createClientHubLifecycle(options?: unknown): Result<ClientHubLifecycle<string>, InvalidInput> {
  const parsed = parseClientHubOptions(options);
  return parsed.ok ? { ok: true, value: buildClientHub(parsed.value) } : parsed;
}
