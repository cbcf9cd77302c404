// The source's import graph, type imports included: no cycle anywhere (a cycle in call-result —
// classify → record → classify, record ↔ validate — made load order matter and the modules
// impossible to read one at a time), and modules never import each other (house style: shared
// needs go to core/, which imports no module).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve("src");
const files = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => f.endsWith(".ts"))
  .map((f) => join(SRC, f));
const graph = new Map(
  files.map((file) => {
    const text = readFileSync(file, "utf8");
    const specifiers = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g)].map((m) => m[1] as string);
    return [file, specifiers.map((s) => resolve(dirname(file), s.replace(/\.js$/, ".ts")))] as const;
  }),
);
const name = (file: string): string => relative(SRC, file);
const moduleOf = (file: string): string => name(file).split("/")[0] as string;

function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string): void => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      found.push([...path.slice(path.indexOf(file)), file].map(name));
      return;
    }
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

describe("the source's import graph", () => {
  it("reads every import (the walker found the graph)", () => {
    expect(graph.size).toBeGreaterThan(40);
    for (const targets of graph.values()) for (const t of targets) expect(graph.has(t), name(t)).toBe(true);
  });

  it("has no import cycle, type imports included", () => {
    expect(cycles()).toEqual([]);
  });

  it("modules never import each other; core imports no module", () => {
    const rules = ["lead-status", "call-result", "client-hub", "tally", "core"];
    const crossing = [...graph].flatMap(([file, targets]) =>
      rules.includes(moduleOf(file))
        ? targets
            .filter((t) => moduleOf(t) !== moduleOf(file) && moduleOf(t) !== "core")
            .map((t) => `${name(file)} → ${name(t)}`)
        : [],
    );
    expect(crossing).toEqual([]);
  });

  it("field adapters (hubspot, cliniko) sit above the modules: nothing imports them, they import no other adapter", () => {
    const adapters = ["hubspot", "cliniko"];
    const wrong = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((t) => adapters.includes(moduleOf(t)) && moduleOf(t) !== moduleOf(file))
        .map((t) => `${name(file)} → ${name(t)}`),
    );
    expect(wrong).toEqual([]);
    expect([...graph.keys()].filter((f) => adapters.includes(moduleOf(f))).length).toBeGreaterThan(5);
  });

  it("no source file imports a Node built-in", () => {
    const builtins = files.filter((f) => /from\s+"node:|require\("node:/.test(readFileSync(f, "utf8"))).map(name);
    expect(builtins).toEqual([]);
  });
});
