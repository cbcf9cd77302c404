/**
 * Freezes a value and everything reachable from it through own properties (objects, arrays,
 * functions), in place, and returns it. The exported tables and presets are frozen with it, so
 * `CALL_RESULTS.emailOnly.countsAs = "nothing"` throws in strict mode and changes nothing, in
 * every module of the process. Call it as `/* @__PURE__ *\/ deepFreeze(...)` at module scope, so
 * a bundler drops a table nobody imports. Already-frozen parts are not walked again (shared
 * sub-tables cost once); a cycle is fine.
 *
 * @param value - a table, preset or any value
 * @returns the same value, frozen all the way down
 * @example
 * Object.isFrozen(deepFreeze({ a: [1] }).a); // => true
 */
export function deepFreeze<T>(value: T): T {
  if ((typeof value !== "object" && typeof value !== "function") || value === null || Object.isFrozen(value)) {
    return value;
  }
  Object.freeze(value);
  if (typeof value === "function") {
    // A preset's verb: its prototype (if any) sits in a non-enumerable key.
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor !== undefined && "value" in descriptor) deepFreeze(descriptor.value);
    }
  } else {
    // Tables are plain data: their enumerable keys are all there is, and reading them this way is
    // several times quicker at import than asking for every descriptor (measured: the 19 JSON
    // Schemas, ~940 objects, freeze in ~0.5 ms cold instead of ~8 ms).
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The keys a tuple misses from T: `never` when it names them all. */
type Missing<T, L extends readonly PropertyKey[]> = Exclude<keyof T, L[number]>;

/**
 * A preset built on first use: an object with the same keys as `build()`'s lifecycle whose
 * properties read through to it, built and deep-frozen the first time any of them is read.
 * Importing a module therefore builds nothing (a quicker cold import, and nothing runs at module
 * scope); the first call pays the build once. The shell itself is frozen, and `common` with `own`
 * must name every property of the built object (a missing one is a compile error). Two lists, not
 * one spread list: a bundler keeps a spread (it may run an iterator), so a preset nobody imports
 * would stay in the bundle.
 *
 * @param build - builds the preset (called at most once)
 * @param common - the properties every lifecycle has (`LIFECYCLE_KEYS`)
 * @param own - the preset's other properties
 * @returns the shell
 * @example
 * const preset = lazyPreset(() => ({ size: 2, unit: "cm" }), ["size"], ["unit"]);
 * preset.size; // => 2
 */
export function lazyPreset<
  T extends object,
  const C extends readonly (keyof T & string)[],
  const O extends readonly (keyof T & string)[],
>(
  build: () => T,
  common: C,
  own: [Missing<T, [...C, ...O]>] extends [never] ? O : { readonly missing: Missing<T, [...C, ...O]> },
): T {
  let built: T | undefined;
  const shell = {} as T;
  const define = (key: keyof T & string): void => {
    // Each getter keeps its own value once read: the getters share one call site, so a look-up
    // by key in them would see every key (a megamorphic load on every call of a verb).
    let value: T[typeof key] | undefined;
    Object.defineProperty(shell, key, {
      enumerable: true,
      get: (): T[typeof key] => {
        built ??= deepFreeze(build());
        value ??= built[key];
        return value;
      },
    });
  };
  for (const key of common) define(key);
  for (const key of own as O) define(key);
  return Object.freeze(shell);
}
