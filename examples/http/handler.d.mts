export declare const MAX_BODY_BYTES: number;
export declare function createHandler(campaignInput?: unknown): (request: Request) => Promise<Response>;
