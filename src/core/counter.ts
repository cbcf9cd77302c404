/**
 * The mergeable counter every tally is built on: rows of `[key, counts]`, where a key is a list
 * of strings (any strings: `__proto__` is just a key) and counts line up with a fixed list of
 * fields. Rows are kept sorted by key, so equal tallies are equal data, whatever order they were
 * built or merged in.
 */
export type CounterRow = readonly [key: readonly string[], counts: readonly number[]];

/** Compares two keys element by element, by UTF-16 code units (a total order). */
export function compareKeys(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const sumRows = (x: CounterRow, y: CounterRow): CounterRow => [x[0], x[1].map((n, k) => n + (y[1][k] ?? 0))];
const byKey = (x: CounterRow, y: CounterRow): number => compareKeys(x[0], y[0]);

/**
 * Puts counter rows from outside (hand-edited, another tool) in canonical form: sorted by key,
 * rows with the same key summed. One sort and one pass.
 *
 * @param rows - rows in any order, keys possibly repeated
 * @returns the canonical counter
 * @example
 * normaliseCounter([[["b"], [1]], [["a"], [2]], [["b"], [3]]]); // => [[["a"], [2]], [["b"], [4]]]
 */
export function normaliseCounter(rows: readonly CounterRow[]): CounterRow[] {
  const out: CounterRow[] = [];
  for (const row of [...rows].sort(byKey)) {
    const last = out.at(-1);
    if (last !== undefined && byKey(last, row) === 0) out[out.length - 1] = sumRows(last, row);
    else out.push(row);
  }
  return out;
}

/**
 * The first count of counter rows that is not a safe integer (a merge summed past
 * `Number.MAX_SAFE_INTEGER`, where adding one more would no longer be exact), or undefined.
 *
 * @param rows - counter rows
 * @returns the row's key and the field's index, or undefined when every count is safe
 * @example
 * unsafeCount([[["a"], [1, 2 ** 53]]]); // => { key: ["a"], field: 1 }
 */
export function unsafeCount(
  rows: readonly CounterRow[],
): { readonly key: readonly string[]; readonly field: number } | undefined {
  for (const [key, counts] of rows) {
    const field = counts.findIndex((n) => !Number.isSafeInteger(n));
    if (field >= 0) return { key, field };
  }
  return undefined;
}

interface Node {
  readonly children: Map<string, Node>;
  counts: Float64Array | undefined;
}

/**
 * A counter being filled in a loop: a tree of `Map`s, one level per key part, so adding is a few
 * hash lookups and no string building. It belongs to the function that creates it; `rows()` turns
 * it into plain, sorted data.
 */
export class CounterBuilder {
  readonly #root: Node = { children: new Map(), counts: undefined };
  readonly #width: number;

  /** @param width - how many fields each row counts */
  constructor(width: number) {
    this.#width = width;
  }

  /** The counts array of a key, created at zero when new; add to it in place. */
  at(key: readonly string[]): Float64Array {
    let node = this.#root;
    for (const part of key) {
      let child = node.children.get(part);
      if (child === undefined) {
        child = { children: new Map(), counts: undefined };
        node.children.set(part, child);
      }
      node = child;
    }
    node.counts ??= new Float64Array(this.#width);
    return node.counts;
  }

  /** The counts array of a two-part key (the common case, without building a key array). */
  at2(first: string, second: string): Float64Array {
    let a = this.#root.children.get(first);
    if (a === undefined) {
      a = { children: new Map(), counts: undefined };
      this.#root.children.set(first, a);
    }
    let b = a.children.get(second);
    if (b === undefined) {
      b = { children: new Map(), counts: new Float64Array(this.#width) };
      a.children.set(second, b);
    }
    b.counts ??= new Float64Array(this.#width);
    return b.counts;
  }

  /** The rows, sorted by key. */
  rows(): CounterRow[] {
    const out: CounterRow[] = [];
    const walk = (node: Node, key: string[]): void => {
      if (node.counts !== undefined) out.push([key, Array.from(node.counts)]);
      for (const [part, child] of node.children) walk(child, [...key, part]);
    };
    walk(this.#root, []);
    return out.sort(byKey);
  }
}

/**
 * Adds to one field of a counts array, in place (for arrays a builder handed out).
 *
 * @param counts - the counts
 * @param field - the field's index
 * @param by - how much, default 1
 * @example
 * const c = new Float64Array(2); inc(c, 1); c[1]; // => 1
 */
export function inc(counts: Float64Array | number[], field: number, by = 1): void {
  counts[field] = (counts[field] as number) + by;
}
