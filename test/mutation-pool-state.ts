/** Module state for test/mutation-pool.test.ts: a module evaluated again starts at zero. */
export const box = { runs: 0 };
