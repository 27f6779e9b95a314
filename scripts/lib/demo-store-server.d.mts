export declare const DEMO_STORE_PORT: number;
export declare function startDemoStore(options: {
  widgetOrigin: string;
  storeId: string;
  port?: number;
  host?: string;
}): Promise<{ url: string; close(): Promise<void> }>;
