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

/**
 * Merges two sorted lists into one sorted list; items whose `compare` is 0 are combined.
 *
 * @param a - a sorted list
 * @param b - a sorted list
 * @param compare - the order
 * @param combine - how to combine two equal items (must be commutative for merge to be)
 * @returns the merged, sorted list
 * @example
 * mergeSorted([1, 3], [2, 3], (x, y) => x - y, (x) => x); // => [1, 2, 3]
 */
export function mergeSorted<T>(
  a: readonly T[],
  b: readonly T[],
  compare: (x: T, y: T) => number,
  combine: (x: T, y: T) => T,
): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as T;
    const y = b[j] as T;
    const c = compare(x, y);
    if (c < 0) {
      out.push(x);
      i++;
    } else if (c > 0) {
      out.push(y);
      j++;
    } else {
      out.push(combine(x, y));
      i++;
      j++;
    }
  }
  while (i < a.length) out.push(a[i++] as T);
  while (j < b.length) out.push(b[j++] as T);
  return out;
}

const sumRows = (x: CounterRow, y: CounterRow): CounterRow => [x[0], x[1].map((n, k) => n + (y[1][k] ?? 0))];
const byKey = (x: CounterRow, y: CounterRow): number => compareKeys(x[0], y[0]);

/**
 * Merges two counters: rows with the same key are summed. Associative and commutative, with `[]`
 * as identity.
 *
 * @param a - a counter
 * @param b - a counter with the same fields
 * @returns the merged counter
 * @example
 * mergeCounters([[["a"], [1]]], [[["a"], [2]], [["b"], [1]]]); // => [[["a"], [3]], [["b"], [1]]]
 */
export function mergeCounters(a: readonly CounterRow[], b: readonly CounterRow[]): CounterRow[] {
  return mergeSorted(a, b, byKey, sumRows);
}

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
