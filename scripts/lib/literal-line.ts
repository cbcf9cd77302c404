// One reading of "this line shows its result", shared by the checks that run documentation code:
// the API reference's @examples (test/api-examples.test.ts) and the Markdown snippets in README.md
// and docs/ (scripts/check-doc-snippets.ts). `expression; // => literal` is asserted; prose after
// `// =>` (or `// →`) is left as prose.
import ts from "typescript";

/** A `// =>` line whose left side is one expression and whose right side is a JS literal. */
export function literalLine(line: string): { expression: string; expected: unknown } | undefined {
  const m = /^(.*?);?\s*\/\/ => (.*)$/.exec(line);
  if (m === null) return undefined;
  const [, expression = "", right = ""] = m;
  if (expression.trim() === "") return undefined;
  const probe = ts.createSourceFile("probe.ts", `(${expression});`, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  if ((probe as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0) return undefined;
  try {
    // JSON first: a string may hold any character ("=SUM(A1:A9)", "# heading").
    return { expression, expected: JSON.parse(right) };
  } catch {
    // not JSON: a JS literal, or prose
  }
  try {
    // Literals only: JSON, or a JS literal of arrays/objects/strings/numbers/booleans/null.
    if (!/^[\s\d.\-+eE"'[\]{}:,a-zA-Z_]*$/.test(right) || /\b(?!true\b|false\b|null\b)[a-zA-Z_]\w*\s*\(/.test(right)) {
      return undefined;
    }
    return { expression, expected: Function(`"use strict"; return (${right});`)() };
  } catch {
    return undefined; // prose such as "=> true (a first Email Only is a lead)"
  }
}
