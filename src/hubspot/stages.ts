// The Client Hub pipeline in HubSpot: records carry the stage's internal id in
// `hs_pipeline_stage`, never its label. The portal's stage ids come from the Pipelines API
// (GET /crm/v3/pipelines/{objectType}/{pipelineId}); the map is built once from it by label.

import { CLIENT_HUB_STAGES, type ClientHubStage } from "../client-hub/pipeline.js";
import { describeValue } from "../core/describe.js";
import { guarded } from "../core/guard.js";
import { isName } from "../core/limits.js";
import { err, ok, type Result } from "../core/result.js";
import {
  type HubSpotError,
  type HubSpotInvalid,
  hubSpotError,
  hubSpotInvalid,
  unreadableHubSpot,
  unreadableHubSpotObject,
} from "./properties.js";

/** Each Client Hub stage's internal HubSpot stage id in the portal's pipeline. */
export type HubSpotStageMap = Readonly<Record<ClientHubStage, string>>;

const STAGE_PROPERTY = "hs_pipeline_stage";
const STAGES = Object.keys(CLIENT_HUB_STAGES) as ClientHubStage[];
const norm = (label: string): string => label.trim().toLowerCase();

/**
 * Builds the stage map from a Pipelines API pipeline (`{ id, label, stages: [{ id, label,
 * archived }] }`) by matching each Client Hub stage's label ("Call Preparation", …, or the labels
 * given) to a stage label, ignoring case, surrounding spaces and archived stages. A stage with no
 * match, or a label two stages share, is refused.
 *
 * @param pipeline - the Pipelines API response for the Client Hub pipeline
 * @param labels - the portal's labels where they differ from the playbook's
 * @returns the map, or an error naming every missing label (with the pipeline's stage ids) and
 *   every stage that shares a label (at `stages.<index>`, its id as the value)
 * @example
 * clientHubStageMap({ id: "p", label: "Client Hub", stages: [] }).ok; // => false
 */
export function clientHubStageMap(
  pipeline: unknown,
  labels: { readonly [K in ClientHubStage]?: string } = {},
): Result<HubSpotStageMap, HubSpotInvalid> {
  return guarded((): Result<HubSpotStageMap, HubSpotInvalid> => {
    // Labels from a host's config: an object of non-empty texts, or the refusal naming the one at fault.
    const given: unknown = labels;
    if (typeof given !== "object" || given === null || Array.isArray(given)) {
      return err(
        hubSpotInvalid("HubSpot stage labels", [
          hubSpotError("invalidPayload", "labels", given, "must be an object of stage labels"),
        ]),
      );
    }
    const badLabels = Object.entries(given).filter(([, label]) => !isName(label));
    if (badLabels.length > 0) {
      return err(
        hubSpotInvalid(
          "HubSpot stage labels",
          badLabels.map(([stage, label]) =>
            hubSpotError("invalidPayload", `labels.${stage}`, label, "must be a stage label (text)"),
          ),
        ),
      );
    }
    const stages = (pipeline as { stages?: unknown } | null)?.stages;
    if (!Array.isArray(stages)) {
      return err(
        hubSpotInvalid("HubSpot pipeline", [
          hubSpotError("invalidPayload", "stages", stages, "must be the pipeline's list of stages"),
        ]),
      );
    }
    const issues: HubSpotError[] = [];
    // Each label's stages, by id and place in the pipeline: a refusal names the stage ids at fault.
    const byLabel = new Map<string, { id: string; index: number }[]>();
    const known: string[] = [];
    stages.forEach((stage: { id?: unknown; label?: unknown; archived?: unknown } | null, index) => {
      if (stage?.archived === true) return;
      if (!isName(stage?.id) || !isName(stage?.label)) {
        const id = isName(stage?.id) ? ` (stage ${stage.id})` : "";
        issues.push(
          hubSpotError("invalidPayload", `stages.${index}`, stage, `${id} must have a text id and label`.trim()),
        );
        return;
      }
      known.push(`${stage.id} "${stage.label}"`);
      byLabel.set(norm(stage.label), [...(byLabel.get(norm(stage.label)) ?? []), { id: stage.id, index }]);
    });
    const map: Partial<Record<ClientHubStage, string>> = {};
    for (const stage of STAGES) {
      const label = labels[stage] ?? CLIENT_HUB_STAGES[stage].label;
      const found = byLabel.get(norm(label)) ?? [];
      const [first, ...others] = found;
      if (first !== undefined && others.length === 0) map[stage] = first.id;
      else if (first === undefined)
        issues.push(
          hubSpotError(
            "unknownValue",
            "stages",
            label,
            `has no stage labelled "${label}" (${stage}); its stages: ${known.length > 0 ? known.join(", ") : "none"}`,
          ),
        );
      else
        for (const other of found)
          issues.push(
            hubSpotError(
              "unknownValue",
              `stages.${other.index}`,
              other.id,
              `(stage ${other.id}) shares the label "${label}" (${stage}) with stage ${found
                .filter((f) => f !== other)
                .map((f) => f.id)
                .join(", ")}`,
            ),
          );
    }
    return issues.length > 0 ? err(hubSpotInvalid("HubSpot pipeline", issues)) : ok(map as HubSpotStageMap);
  }, unreadableHubSpotObject);
}

/**
 * The Client Hub stage of a HubSpot stage id (`hs_pipeline_stage`).
 *
 * @param stageId - the record's `hs_pipeline_stage`
 * @param map - the portal's stage map
 * @returns the stage, or an error naming `hs_pipeline_stage`
 * @example
 * const map = { completed: "1000", callPreparation: "1001", call1: "1002", call2: "1003", call3: "1004", summaryOfCall: "1005", unsuccessfulCall: "1006" };
 * clientHubStageOf("1002", map); // => { ok: true, value: "call1" }
 */
export function clientHubStageOf(stageId: unknown, map: HubSpotStageMap): Result<ClientHubStage, HubSpotError> {
  return guarded((): Result<ClientHubStage, HubSpotError> => {
    const stage = STAGES.find((s) => map?.[s] === stageId && isName(stageId));
    return stage === undefined
      ? err(
          hubSpotError(
            "unknownValue",
            STAGE_PROPERTY,
            stageId,
            `${describeValue(stageId)} is not a stage of the Client Hub pipeline`,
          ),
        )
      : ok(stage);
  }, unreadableHubSpot);
}

/**
 * The HubSpot stage id to write to `hs_pipeline_stage` for a Client Hub stage.
 *
 * @param stage - the Client Hub stage
 * @param map - the portal's stage map
 * @returns the stage id (`""` when the map has none for it)
 * @example
 * const map = { completed: "1000", callPreparation: "1001", call1: "1002", call2: "1003", call3: "1004", summaryOfCall: "1005", unsuccessfulCall: "1006" };
 * hubSpotStageIdOf("call1", map); // => "1002"
 */
export function hubSpotStageIdOf(stage: ClientHubStage, map: HubSpotStageMap): string {
  return guarded(
    (): string => {
      const id: unknown =
        typeof stage === "string" && typeof map === "object" && map !== null && Object.hasOwn(map, stage)
          ? map[stage]
          : undefined;
      return typeof id === "string" ? id : "";
    },
    () => "",
  );
}
