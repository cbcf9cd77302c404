export declare const MAX_BODY_BYTES: number;
export declare const MAX_REMEMBERED_DELIVERIES: number;
export declare function createHandler(
  campaignInput?: unknown,
  options?: {
    readonly hubspot?: {
      readonly secret: string;
      readonly objectTypeId: string;
      readonly ratios: Readonly<Record<string, { readonly count: number; readonly unit: "day" | "week" | "month" }>>;
      readonly records: Map<string, unknown>;
      readonly taskRecords: Map<string, string>;
      readonly now?: () => number;
      /** The public origin HubSpot calls (e.g. "https://crm.example.com"), when a proxy terminates TLS. */
      readonly publicUrl?: string;
    };
  },
): (request: Request) => Promise<Response>;
