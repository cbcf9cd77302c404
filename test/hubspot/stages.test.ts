// Pipelines API stages ↔ Client Hub stages: test/hubspot/fixtures/pipeline.json (the Pipelines
// API's documented response) and the same shape with the Client Hub's stages.
import { describe, expect, it } from "vitest";
import { clientHubStageMap, clientHubStageOf, hubSpotStageIdOf } from "../../src/hubspot/index.js";
import { unwrap, unwrapErr } from "../helpers.js";
import { fixture } from "./fixtures.js";

const LABELS = ["Completed", "Call Preparation", "Call 1", "Call 2", "Call 3", "Summary of Call", "Unsuccessful Call"];
const clientHubPipeline = (labels: readonly string[] = LABELS, extra: readonly object[] = []) => ({
  ...fixture("pipeline.json").response,
  label: "Client Hub",
  stages: [...labels.map((label, i) => ({ archived: false, displayOrder: i, id: String(1000 + i), label })), ...extra],
});

describe("the Client Hub pipeline's stage ids", () => {
  it("are matched by label (case and spaces aside; archived stages skipped)", () => {
    const map = unwrap(
      clientHubStageMap(
        clientHubPipeline(
          ["completed", " Call Preparation ", "CALL 1", "Call 2", "Call 3", "Summary of Call", "Unsuccessful Call"],
          [{ archived: true, id: "9", label: "Call 1" }],
        ),
      ),
    );
    expect(map).toEqual({
      completed: "1000",
      callPreparation: "1001",
      call1: "1002",
      call2: "1003",
      call3: "1004",
      summaryOfCall: "1005",
      unsuccessfulCall: "1006",
    });
    expect(clientHubStageOf("1002", map)).toEqual({ ok: true, value: "call1" });
    expect(hubSpotStageIdOf("summaryOfCall", map)).toBe("1005");
  });

  it("refuses the documented ticket pipeline: none of the Client Hub's labels are there", () => {
    const refused = unwrapErr(clientHubStageMap(fixture("pipeline.json").response));
    expect(refused.code).toBe("invalidHubSpotObject");
    // Each refusal names the Client Hub stage and the pipeline's own stage ids (issue 28).
    expect(refused.issues[2]?.message).toBe(
      'stages has no stage labelled "Call 1" (call1); its stages: 1234912 "In Progress", 1234914 "Done"',
    );
    expect(refused.issues.map((i) => i.value)).toEqual(LABELS);
  });

  it("refuses a label two stages share, a malformed stage, and a response with no stages", () => {
    const dup = unwrapErr(
      clientHubStageMap(
        clientHubPipeline(LABELS, [
          { id: "77", label: "call 2" },
          { id: 5, label: "x" },
        ]),
      ),
    );
    expect(dup.issues.map((i) => [i.code, i.property, i.message])).toEqual([
      ["invalidPayload", "stages.8", "stages.8 must have a text id and label"],
      ["unknownValue", "stages.3", 'stages.3 (stage 1003) shares the label "Call 2" (call2) with stage 77'],
      ["unknownValue", "stages.7", 'stages.7 (stage 77) shares the label "Call 2" (call2) with stage 1003'],
    ]);
    expect(dup.issues.slice(1).map((i) => i.value)).toEqual(["1003", "77"]);
    expect(unwrapErr(clientHubStageMap({ results: [] })).message).toBe(
      "Invalid HubSpot pipeline: stages must be the pipeline's list of stages",
    );
    expect(unwrapErr(clientHubStageMap(null)).issues[0]?.property).toBe("stages");
  });

  it("uses the portal's own labels where given", () => {
    const pipeline = clientHubPipeline(["Done", ...LABELS.slice(1)]);
    expect(unwrap(clientHubStageMap(pipeline, { completed: "Done" })).completed).toBe("1000");
  });

  it("an id that is not one of the pipeline's is refused naming hs_pipeline_stage", () => {
    const map = unwrap(clientHubStageMap(clientHubPipeline()));
    expect(clientHubStageOf("Call 1", map)).toEqual({
      ok: false,
      error: {
        code: "unknownValue",
        message: 'hs_pipeline_stage "Call 1" is not a stage of the Client Hub pipeline',
        property: "hs_pipeline_stage",
        value: "Call 1",
      },
    });
    expect(clientHubStageOf(undefined, { ...map, call1: undefined as never }).ok).toBe(false);
  });
});

describe("clientHubStageMap's labels from a host's config (found in review)", () => {
  it("refuses labels that are not an object, or a label that is not text, by name", () => {
    const pipeline = fixture("pipeline.json").response;
    expect(unwrapErr(clientHubStageMap(pipeline, null as never)).issues).toEqual([
      { code: "invalidPayload", property: "labels", value: null, message: "labels must be an object of stage labels" },
    ]);
    expect(unwrapErr(clientHubStageMap(pipeline, { call1: 5 } as never)).issues).toEqual([
      {
        code: "invalidPayload",
        property: "labels.call1",
        value: 5,
        message: "labels.call1 must be a stage label (text)",
      },
    ]);
  });
});
