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

/** A whole number from two ids, well mixed (for the hash table below). */
const mix = (a: number, b: number): number => {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
};

/**
 * A counter being filled in a loop, keyed by a pair of ids (indices 0, 1, 2… that the caller
 * interns in the order met: a period's and a program's, say), counting one per item of an array
 * at most (so a count stays below 2^32): an open-addressing hash table and the counts in typed
 * arrays, 24 bytes a row and 4 a count. A tree of string-keyed `Map`s (one `Map`,
 * a node and a counts array per row) took several hundred, and once a tally's rows outgrew the
 * CPU's cache (a sheet by day over ten years) every event paid for it. It belongs to the function
 * that creates it; `rows()` turns it into plain, sorted data.
 */
export class PairCounter {
  readonly #width: number;
  // Per slot: the row's first id, its second id, the row + 1 (0: an empty slot). Capacity is a
  // power of two, at most half full.
  #slots = new Int32Array(3 * 64);
  // Counts of one per item of an array at most, so below 2^32 (an array's length is too).
  #counts: Uint32Array;
  #rowKeys = new Int32Array(2 * 32);
  // By first id: the second id + 1 (0: none yet) and the row of the pair last used.
  #last = new Int32Array(2 * 64);
  #rows = 0;

  /** @param width - how many fields each row counts */
  constructor(width: number) {
    this.#width = width;
    this.#counts = new Uint32Array(width * 32);
  }

  /** The row of a pair of ids, created at zero when new. */
  row(a: number, b: number): number {
    // The row last used with the first id, when the second is the same (a sheet's period and its
    // one program, say): one read of a small array, before the table.
    const hint = 2 * a;
    if (hint < this.#last.length && this.#last[hint] === b + 1) return this.#last[hint + 1] as number;
    const row = this.#find(a, b);
    if (hint >= this.#last.length) this.#last = grow(this.#last, Math.max(2 * this.#last.length, hint + 2));
    this.#last[hint] = b + 1;
    this.#last[hint + 1] = row;
    return row;
  }

  #find(a: number, b: number): number {
    const slots = this.#slots;
    const mask = slots.length / 3 - 1;
    for (let slot = mix(a, b) & mask; ; slot = (slot + 1) & mask) {
      const row = (slots[3 * slot + 2] as number) - 1;
      if (row < 0) return this.#insert(slot, a, b);
      if (slots[3 * slot] === a && slots[3 * slot + 1] === b) return row;
    }
  }

  /** Counts one in a field of a row (one per item of an array at most: see the class). */
  add(row: number, field: number): void {
    const at = row * this.#width + field;
    this.#counts[at] = (this.#counts[at] as number) + 1;
  }

  #insert(slot: number, a: number, b: number): number {
    const row = this.#rows++;
    if (row === this.#rowKeys.length / 2) {
      this.#rowKeys = grow(this.#rowKeys, 2 * this.#rowKeys.length);
      const counts = new Uint32Array(2 * this.#counts.length);
      counts.set(this.#counts);
      this.#counts = counts;
    }
    this.#rowKeys[2 * row] = a;
    this.#rowKeys[2 * row + 1] = b;
    if (2 * this.#rows > this.#slots.length / 3) {
      this.#rehash(2 * (this.#slots.length / 3));
      return row;
    }
    this.#slots[3 * slot] = a;
    this.#slots[3 * slot + 1] = b;
    this.#slots[3 * slot + 2] = row + 1;
    return row;
  }

  #rehash(capacity: number): void {
    const slots = new Int32Array(3 * capacity);
    const mask = capacity - 1;
    for (let row = 0; row < this.#rows; row++) {
      const a = this.#rowKeys[2 * row] as number;
      const b = this.#rowKeys[2 * row + 1] as number;
      let slot = mix(a, b) & mask;
      while (slots[3 * slot + 2] !== 0) slot = (slot + 1) & mask;
      slots[3 * slot] = a;
      slots[3 * slot + 1] = b;
      slots[3 * slot + 2] = row + 1;
    }
    this.#slots = slots;
  }

  /**
   * The rows, each key as `key` names its pair of ids, sorted by key. `order`, when given, numbers
   * each pair in the order of their keys (cheaper to sort by than the keys themselves).
   */
  rows(key: (a: number, b: number) => readonly string[], order?: (a: number, b: number) => number): CounterRow[] {
    const width = this.#width;
    const counts = this.#counts;
    const keys = this.#rowKeys;
    const row = (r: number): CounterRow => {
      const values = new Array<number>(width);
      for (let k = 0; k < width; k++) values[k] = counts[r * width + k] as number;
      return [key(keys[2 * r] as number, keys[2 * r + 1] as number), values];
    };
    if (order === undefined) return Array.from({ length: this.#rows }, (_, r) => row(r)).sort(byKey);
    const rank = new Float64Array(this.#rows);
    for (let r = 0; r < this.#rows; r++) rank[r] = order(keys[2 * r] as number, keys[2 * r + 1] as number);
    const out = new Array<CounterRow>(this.#rows);
    ranksOf(rank).forEach((position, r) => {
      out[position] = row(r);
    });
    return out;
  }
}

/**
 * The place of each of distinct numbers in their ascending order. Whole numbers within a range a
 * few times their count (a tally's rows by period and program, its periods by first day) are placed
 * by counting: one pass over an array as long as the range. Others are sorted: a typed array sorts
 * numbers natively when given no comparator (with one, every comparison is a call: several times
 * slower), and each number's place is then found by bisection (for ten years of days, ten times the
 * cost of counting).
 *
 * @param values - distinct numbers (not NaN)
 * @returns for each value, its index in ascending order
 * @example
 * Array.from(ranksOf(Float64Array.of(30, 10, 20))); // => [2, 0, 1]
 */
export function ranksOf(values: Float64Array | Int32Array): Int32Array {
  const n = values.length;
  const ranks = new Int32Array(n);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    if (value < min) min = value;
    if (value > max) max = value;
    if (value !== Math.floor(value)) whole = false;
  }
  if (whole && n > 0 && max - min < 8 * n + 1024) {
    const at = new Int32Array(max - min + 1);
    for (let i = 0; i < n; i++) at[(values[i] as number) - min] = i + 1;
    let rank = 0;
    for (let k = 0; k < at.length; k++) {
      const i = at[k] as number;
      if (i > 0) ranks[i - 1] = rank++;
    }
    return ranks;
  }
  const sorted = values.slice().sort();
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo;
  }
  return ranks;
}

const grow = (from: Int32Array, length: number): Int32Array<ArrayBuffer> => {
  const to = new Int32Array(length);
  to.set(from);
  return to;
};

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
