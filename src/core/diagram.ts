import { guarded } from "./guard.js";
import type { LifecycleDefinition, LifecycleEvent, LifecycleState } from "./lifecycle.js";
import { isRecord } from "./options.js";

/**
 * Renders a lifecycle definition as a Mermaid `stateDiagram-v2`, generated from its tables so it
 * can never drift from the code. Events accepted from every open status are drawn from one
 * "any open status" node; time-based moves are labelled with their delay.
 *
 * @param def - a lifecycle definition (`lifecycle.definition`)
 * @returns the Mermaid source
 * @example
 * stateDiagram(consultation.definition).split("\n")[0]; // => "stateDiagram-v2"
 */
export function stateDiagram<
  S extends string,
  A extends string,
  St extends LifecycleState<S>,
  Ev extends LifecycleEvent<string, A>,
  Ef,
  C extends string,
>(def: LifecycleDefinition<S, A, St, Ev, Ef, C>): string {
  return guarded(
    (): string => {
      // A lifecycle's own definition (`lifecycle.definition`); anything else has no diagram.
      if (!drawable(def)) return "";
      const statuses = Object.keys(def.statuses) as S[];
      const lines = ["stateDiagram-v2", "  direction LR"];
      for (const s of statuses) lines.push(`  state "${def.statuses[s].label.replaceAll('"', "'")}" as ${s}`);
      if (Object.values(def.events).some((rule) => (rule as { from: unknown }).from === "open")) {
        lines.push('  state "any open status" as anyOpen');
      }
      lines.push(`  [*] --> ${def.initialStatus}`);
      const edges = new Map<string, string[]>();
      const edge = (from: string, to: string, label: string): void => {
        const key = `${from} --> ${to}`;
        const labels = edges.get(key);
        if (labels === undefined) edges.set(key, [label]);
        else if (!labels.includes(label)) labels.push(label);
      };
      for (const [type, rule] of Object.entries(def.events) as [string, (typeof def.events)[Ev["type"]]][]) {
        const froms = rule.from === "open" ? ["anyOpen"] : rule.from;
        const to = rule.to;
        if (typeof to === "string") {
          for (const from of froms) edge(from, to === "same" ? from : to, type);
        } else {
          for (const branch of to)
            for (const from of branch.from ?? froms) edge(from, branch.to, `${type} (${branch.when})`);
        }
      }
      for (const timer of def.timers) edge(timer.from, timer.to, timer.label);
      for (const [status, types] of Object.entries(def.closedAccepts ?? {}) as [string, string[]][]) {
        for (const type of types) {
          const rule = def.events[type as Ev["type"]];
          // A rule that lists the closed status among its own `from` is drawn with the table's edges.
          if (rule.from !== "open" && (rule.from as readonly string[]).includes(status)) continue;
          const targets = typeof rule.to === "string" ? [rule.to] : rule.to.map((b) => b.to);
          for (const to of targets) edge(status, to === "same" ? status : to, `${type} (allowed by options)`);
        }
      }
      for (const [key, labels] of edges) lines.push(`  ${key} : ${labels.join(", ")}`);
      for (const s of statuses) if (def.statuses[s].closes) lines.push(`  ${s} --> [*]`);
      return `${lines.join("\n")}\n`;
    },
    () => "",
  );
}

// Whether a value has the shape stateDiagram draws (a lifecycle's `definition`): checked whole
// before drawing, so any other value — a definition read from JSON and spoiled anywhere — answers
// "" by this check, never by the guard catching a TypeError.
const isTexts = (v: unknown): v is string[] => Array.isArray(v) && Array.from(v).every((x) => typeof x === "string");
function drawable(def: unknown): boolean {
  if (!isRecord(def) || !isRecord(def.statuses) || !isRecord(def.events) || !Array.isArray(def.timers)) return false;
  if (typeof def.initialStatus !== "string") return false;
  if (!Object.values(def.statuses).every((meta) => isRecord(meta) && typeof meta.label === "string")) return false;
  const events = def.events;
  const rules = Object.values(events).every((rule) => {
    if (!isRecord(rule) || !(rule.from === "open" || isTexts(rule.from))) return false;
    if (typeof rule.to === "string") return true;
    return (
      Array.isArray(rule.to) &&
      Array.from(rule.to as unknown[]).every(
        (b) =>
          isRecord(b) &&
          typeof b.to === "string" &&
          typeof b.when === "string" &&
          (b.from === undefined || isTexts(b.from)),
      )
    );
  });
  if (!rules) return false;
  if (
    !Array.from(def.timers as unknown[]).every(
      (t) => isRecord(t) && typeof t.from === "string" && typeof t.to === "string" && typeof t.label === "string",
    )
  ) {
    return false;
  }
  const closed = def.closedAccepts ?? {};
  return (
    isRecord(closed) &&
    Object.values(closed).every((types) => isTexts(types) && types.every((t) => Object.hasOwn(events, t)))
  );
}
