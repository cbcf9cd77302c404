export declare function serve(
  handler: (request: Request) => Promise<Response>,
  options?: { host?: string; port?: number; stopAfterMs?: number },
): Promise<{ url: string; close: () => Promise<void> }>;
export declare function requestUrl(
  target: string | undefined,
  hostHeader: string | undefined,
  fallback: string,
): { url: string } | { code: string; message: string };
