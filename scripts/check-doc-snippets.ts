// `npm test` step (after the build): every TypeScript or JavaScript block in README.md and docs/*.md
// is compiled and run against the *built* package, so a doc cannot drift from the code.
// - Each block is a file of its own under .tmp/snippets/ (inside this package, so "leadrules",
//   "leadrules/tally", … resolve to dist/ through Node's package self-reference, as they would
//   from node_modules): it brings its own imports and its own data.
// - Type-checked as a user's strict project would: strict, exactOptionalPropertyTypes,
//   noUncheckedIndexedAccess, module and moduleResolution nodenext, against dist/'s declarations.
// - Then run with Node; a block fails if it throws, rejects or sets a non-zero exit code.
// - A line `expression; // => literal` is asserted (the same reading as the API reference's
//   @examples, scripts/lib/literal-line.ts); other comments (`// → { ok: false, … }`) are prose.
// Blocks tagged ts, typescript, mts, js, javascript or mjs are checked, as ES modules; a block
// tagged cjs, cts, jsx or tsx fails (this check cannot run it, and it must not go unchecked); any
// other tag (sh, json, sql, mermaid, or none) is not code to run. There is no opt-out for a JS
// block: give a fragment the data it needs (a stand-in for your database, a sample event).
// Prints one summary line; on failure, every failing block with its place in the doc and why.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { literalLine } from "./lib/literal-line.js";

const LANGUAGES: Record<string, "ts" | "js"> = {
  ts: "ts",
  typescript: "ts",
  mts: "ts",
  js: "js",
  javascript: "js",
  mjs: "js",
};
const UNSUPPORTED = new Set(["cjs", "cts", "jsx", "tsx"]);
const DIR = resolve(".tmp", "snippets");

interface Snippet {
  readonly doc: string;
  readonly line: number; // 1-based line of the first line of code in the doc
  readonly kind: "ts" | "js";
  readonly code: string;
  readonly file: string; // the TypeScript (or JavaScript) source that is type-checked
  readonly run: string; // the module that is run, with its `// =>` lines turned into checks
  asserted: number;
  readonly unchecked: string[]; // `// =>` lines that are not `expression; // => literal`
}

const unsupported: string[] = [];

function collect(): Snippet[] {
  const docs = [
    "README.md",
    ...readdirSync("docs")
      .filter((f) => f.endsWith(".md"))
      .sort()
      .map((f) => `docs/${f}`),
  ];
  const snippets: Snippet[] = [];
  for (const doc of docs) {
    const lines = readFileSync(doc, "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i] ?? "");
      if (open === null) continue;
      const [, indent = "", fence = "", tag = ""] = open;
      const end = lines.findIndex((l, j) => {
        const c = l.trim();
        return j > i && c.length >= fence.length && c[0] === fence[0] && /^(`+|~+)$/.test(c);
      });
      const close = end === -1 ? lines.length : end;
      const kind = LANGUAGES[tag.toLowerCase()];
      if (UNSUPPORTED.has(tag.toLowerCase())) unsupported.push(`${doc}:${i + 1}: a \`${tag}\` block`);
      if (kind !== undefined) {
        const code = lines
          .slice(i + 1, close)
          .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
          .join("\n");
        const name = `${doc.replace(/[/.]/g, "-")}-L${i + 2}`;
        snippets.push({
          doc,
          line: i + 2,
          kind,
          code,
          file: join(DIR, `${name}.${kind === "ts" ? "mts" : "mjs"}`),
          run: join(DIR, `${name}.run.mjs`),
          asserted: 0,
          unchecked: [],
        });
      }
      i = close;
    }
  }
  return snippets;
}

const options: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noFallthroughCasesInSwitch: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  types: ["node"],
  allowJs: true,
  checkJs: true,
  noEmit: true,
  skipLibCheck: true,
};

/** Compiler diagnostics, each placed at its line in the doc. */
function typeCheck(snippets: readonly Snippet[]): Map<Snippet, string[]> {
  const program = ts.createProgram(
    snippets.map((s) => s.file),
    options,
  );
  const problems = new Map<Snippet, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const snippet = snippets.find((s) => d.file !== undefined && resolve(d.file.fileName) === s.file);
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n    ");
    if (snippet === undefined || d.file === undefined) {
      // A problem outside the snippets (a broken declaration in dist/, a bad option): all fail.
      const where = d.file ? `${d.file.fileName}: ` : "";
      for (const s of snippets) problems.set(s, [...(problems.get(s) ?? []), `${where}TS${d.code}: ${message}`]);
      continue;
    }
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    const text = snippet.code.split("\n")[line]?.trim() ?? "";
    problems.set(snippet, [
      ...(problems.get(snippet) ?? []),
      `${snippet.doc}:${snippet.line + line}: TS${d.code}: ${message}\n      ${text}`,
    ]);
  }
  return problems;
}

/** The module that runs: the block as JavaScript, each `// =>` line a deep-equality check. */
function runnable(snippet: Snippet): string {
  const body = snippet.code
    .split("\n")
    .map((line, i) => {
      const literal = literalLine(line);
      if (literal === undefined) {
        // `// =>` promises a checked result: prose belongs after `// →`.
        if (/\/\/ => /.test(line)) snippet.unchecked.push(`${snippet.doc}:${snippet.line + i}: ${line.trim()}`);
        return line;
      }
      snippet.asserted++;
      const where = `${snippet.doc}:${snippet.line + i}`;
      return `__check(${JSON.stringify(where)}, (${literal.expression}), ${JSON.stringify(literal.expected)});`;
    })
    .join("\n");
  const js = ts.transpileModule(body, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
    fileName: snippet.file,
  }).outputText;
  return (
    `import { isDeepStrictEqual as __equal } from "node:util";\n${js}\n` +
    "function __check(where, got, expected) {\n" +
    `  const value = JSON.parse(JSON.stringify(got) ?? "null");\n` +
    "  if (!__equal(value, expected)) {\n" +
    '    console.error(where + ": the comment says " + JSON.stringify(expected) + ", the code gives " + JSON.stringify(got));\n' +
    "    process.exitCode = 1;\n  }\n}\n"
  );
}

if (!existsSync("dist/index.d.ts")) throw new Error("dist/ is missing: build first (npm run build)");
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
const snippets = collect();
for (const s of snippets) writeFileSync(s.file, s.code);
const compileErrors = typeCheck(snippets);
const failures: string[] = [];
for (const s of snippets) {
  const where = `${s.doc}:${s.line} (${s.kind})`;
  const errors = compileErrors.get(s);
  if (errors !== undefined) {
    failures.push(`✗ ${where} does not compile:\n  ${errors.join("\n  ")}`);
    continue;
  }
  writeFileSync(s.run, runnable(s));
  if (s.unchecked.length > 0) {
    failures.push(
      `✗ ${where}: a "// =>" comment that is not a checkable literal (write "// →" for prose):\n  ${s.unchecked.join("\n  ")}`,
    );
    continue;
  }
  try {
    // No time budget decides a verdict here; the timeout only stops a block that hangs.
    execFileSync(process.execPath, [s.run], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 600_000 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    const output = `${e.stdout ?? ""}${e.stderr ?? ""}`.trim() || e.message;
    failures.push(`✗ ${where} fails when run:\n  ${output.replaceAll("\n", "\n  ")}`);
  }
}
const asserted = snippets.reduce((n, s) => n + s.asserted, 0);
const docs = new Set(snippets.map((s) => s.doc)).size;
if (snippets.length === 0) failures.push("✗ no TypeScript or JavaScript block found in README.md or docs/");
if (unsupported.length > 0) {
  failures.push(`✗ blocks this check cannot run (write them as ES modules: ts or js):\n  ${unsupported.join("\n  ")}`);
}
if (failures.length > 0) {
  console.error(failures.join("\n\n"));
  console.error(`\n${failures.length} of ${snippets.length} doc snippets fail (the generated modules: ${DIR})`);
  process.exit(1);
}
console.log(
  `✓ ${snippets.length} snippets in ${docs} docs compile (strict, nodenext, against dist/) and run; ${asserted} "// =>" results asserted`,
);
