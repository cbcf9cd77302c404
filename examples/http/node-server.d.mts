export declare function serve(
  handler: (request: Request) => Promise<Response>,
  options?: { host?: string; port?: number; stopAfterMs?: number },
): Promise<{ url: string; close: () => Promise<void> }>;
