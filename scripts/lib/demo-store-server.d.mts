export declare const DEMO_STORE_PORT: number;
export declare function startDemoStore(options: {
  widgetOrigin: string;
  storeId: string;
  port?: number;
  host?: string;
  /** The store's identity secret: pages opened with ?customer=1 identify DEMO_CUSTOMER. */
  identitySecret?: string | null;
}): Promise<{ url: string; close(): Promise<void> }>;
export declare const DEMO_CUSTOMER: { id: string; name: string; email: string; phone: string };
