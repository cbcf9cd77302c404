// Types of bench/results.mjs, for the TypeScript benches.
export declare const quick: boolean;
export declare function machine(): { cores: number; cpu: string; node: string; os: string };
export declare function startBench(
  name: string,
  command: string,
): { quick: boolean; report(): void; finish(figures: Record<string, unknown>): void };
