// Every exported function of every entry point has an @example, and every @example type-checks
// against the entry that exports it (with its exports in scope, as a reader would import them), so
// the API reference's examples cannot rot.
import { dirname, join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { literalLine } from "../scripts/lib/literal-line.js";

const ENTRIES: Record<string, string> = {
  "leadrules/lead-status": "src/lead-status/index.ts",
  "leadrules/lead-status/reports": "src/lead-status/reports.ts",
  "leadrules/client-hub": "src/client-hub/index.ts",
  "leadrules/call-result": "src/call-result/index.ts",
  "leadrules/tally": "src/tally/index.ts",
  "leadrules/parse": "src/parse/index.ts",
  "leadrules/testing": "src/testing/index.ts",
  "leadrules/schemas": "src/schemas/index.ts",
  "leadrules/hubspot": "src/hubspot/index.ts",
  "leadrules/cliniko": "src/cliniko/index.ts",
  leadrules: "src/index.ts",
};

interface Example {
  readonly entry: string;
  readonly name: string;
  readonly code: string;
}

function collect(): { examples: Example[]; missing: string[] } {
  const config = ts.getParsedCommandLineOfConfigFile("tsconfig.json", {}, ts.sys as never);
  if (config === undefined) throw new Error("tsconfig.json not readable");
  const program = ts.createProgram(Object.values(ENTRIES), config.options);
  const checker = program.getTypeChecker();
  const examples: Example[] = [];
  const missing: string[] = [];
  const seen = new Set<ts.Declaration>();
  for (const [entry, file] of Object.entries(ENTRIES)) {
    const source = program.getSourceFile(resolve(file));
    if (source === undefined) throw new Error(`${file} not in the program`);
    const module = checker.getSymbolAtLocation(source);
    if (module === undefined) continue;
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.[0];
      if (declaration === undefined || seen.has(declaration)) continue;
      const isFunction =
        ts.isFunctionDeclaration(declaration) ||
        (ts.isVariableDeclaration(declaration) &&
          declaration.initializer !== undefined &&
          (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer)));
      if (!isFunction) continue;
      seen.add(declaration);
      const tags = ts.getJSDocTags(declaration).filter((t) => t.tagName.text === "example");
      if (tags.length === 0) missing.push(`${entry}: ${exported.name}`);
      for (const tag of tags) {
        const text = ts.getTextOfJSDocComment(tag.comment) ?? "";
        examples.push({ entry, name: exported.name, code: text.replace(/^```\w*\n?|```$/gm, "") });
      }
    }
  }
  return { examples, missing };
}

/** Type-checks every example in a module that imports its entry's exports (from src/). */
function typeCheck(examples: readonly Example[]): string[] {
  const files = new Map<string, string>();
  const byEntry = new Map<string, Example[]>();
  for (const e of examples) byEntry.set(e.entry, [...(byEntry.get(e.entry) ?? []), e]);
  for (const [entry, list] of byEntry) {
    const path = resolve(`test/.examples/${entry.replaceAll("/", "-")}.ts`);
    const from = join(dirname(path), "..", "..", ENTRIES[entry] as string)
      .replace(/\\/g, "/")
      .replace(/\.ts$/, ".js");
    // The entry's own exports, plus the root's and the parsers' for names the entry does not have
    // (an example of leadrules/testing uses a parser, as a reader would import both).
    const own = exportNames(entry);
    const root = [...exportNames("leadrules")].filter((n) => !own.has(n));
    const parse = [...exportNames("leadrules/parse")].filter((n) => !own.has(n) && !root.includes(n));
    const lines = [
      `import * as __entry from ${JSON.stringify(from)};`,
      `import * as __root from "../../src/index.js";`,
      `import * as __parse from "../../src/parse/index.js";`,
      `import fc from "fast-check";`,
      `import * as z from "zod/mini";`,
      "void fc; void z;",
      ...list.map(
        (e, i) =>
          `// ${e.name}\nexport async function example${i}() {\n  const { ${[...own].join(", ")} } = __entry;\n  const { ${root.join(", ")} } = __root;\n  const { ${parse.join(", ")} } = __parse;\n${e.code}\n}`,
      ),
    ];
    files.set(path, lines.join("\n"));
  }
  const config = ts.getParsedCommandLineOfConfigFile("tsconfig.test.json", {}, ts.sys as never);
  if (config === undefined) throw new Error("tsconfig.test.json not readable");
  const options = { ...config.options, noEmit: true, noUnusedLocals: false, noUnusedParameters: false };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (f) => files.get(resolve(f)) ?? read(f);
  host.fileExists = (f) => files.has(resolve(f)) || exists(f);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file !== undefined && files.has(resolve(d.file.fileName)))
    .map((d) => {
      const { line } = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0 };
      const text = d.file?.text.split("\n") ?? [];
      let name = "?";
      for (let l = line; l >= 0; l--) {
        const m = /^\/\/ (\S+)$/.exec(text[l] ?? "");
        if (m) {
          name = m[1] as string;
          break;
        }
      }
      return `${d.file?.fileName.replace(/.*\.examples\//, "")} ${name}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}\n    ${text[line]?.trim()}`;
    });
}

const names = new Map<string, Set<string>>();
function exportNames(entry: string): Set<string> {
  return names.get(entry) ?? new Set();
}

describe("API reference examples", () => {
  const config = ts.getParsedCommandLineOfConfigFile("tsconfig.json", {}, ts.sys as never);
  const program = ts.createProgram(Object.values(ENTRIES), config?.options ?? {});
  const checker = program.getTypeChecker();
  for (const [entry, file] of Object.entries(ENTRIES)) {
    const source = program.getSourceFile(resolve(file));
    const module = source && checker.getSymbolAtLocation(source);
    const values = (module ? checker.getExportsOfModule(module) : []).filter((s) => {
      const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
      return (target.flags & ts.SymbolFlags.Value) !== 0;
    });
    names.set(entry, new Set(values.map((s) => s.name)));
  }
  const { examples, missing } = collect();

  it("every exported function has an @example", () => {
    expect(missing).toEqual([]);
    // The collector found the API (81 examples over the seven entries when this was written).
    expect(examples.length).toBeGreaterThan(50);
  });

  it("every @example type-checks against the entry that exports it", () => {
    expect(typeCheck(examples)).toEqual([]);
  });

  it("every `expression; // => literal` line evaluates to that literal", async () => {
    const { checked, failures } = await runLiterals(examples);
    expect(failures).toEqual([]);
    // Most examples end in a checkable literal (66 lines when this was written).
    expect(checked).toBeGreaterThan(50);
  });
});

async function runLiterals(examples: readonly Example[]): Promise<{ checked: number; failures: string[] }> {
  const modules: Record<string, Record<string, unknown>> = {};
  for (const [entry, file] of Object.entries(ENTRIES)) modules[entry] = await import(resolve(file));
  let checked = 0;
  const failures: string[] = [];
  for (const example of examples) {
    const scope: Record<string, unknown> = {
      ...modules["leadrules/parse"],
      ...modules.leadrules,
      ...modules[example.entry],
      fc,
      z,
    };
    const body = example.code
      .split("\n")
      .map((line, i) => {
        const literal = literalLine(line);
        if (literal === undefined) return line;
        checked++;
        return `__check(${i}, (${literal.expression}), ${JSON.stringify(literal.expected)});`;
      })
      .join("\n");
    const js = ts.transpileModule(`return (async () => {\n${body}\n})();`, {
      compilerOptions: { target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const names = Object.keys(scope);
    const check = (line: number, got: unknown, expected: unknown) => {
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(got) ?? "null"), expected)) {
        failures.push(
          `${example.entry} ${example.name}: ${example.code.split("\n")[line]?.trim()}  (got ${JSON.stringify(got)})`,
        );
      }
    };
    try {
      await Function(...names, "__check", js)(...names.map((n) => scope[n]), check);
    } catch (error) {
      failures.push(`${example.entry} ${example.name}: threw ${String(error)}`);
    }
  }
  return { checked, failures };
}
