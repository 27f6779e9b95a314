export declare const DEMO_STORE_ID: string;
export interface Merchant {
  email: string;
  password: string;
  displayName: string;
}
export declare const DEMO_MERCHANT: Merchant;
export declare const DEMO_OPERATOR: Merchant;
export declare const DEMO_WIDGET: import('../../core/src/types').WidgetSettings;
export declare function seedMerchant(storeId: string, merchant: Merchant, role?: string): Promise<string>;
export declare const DEMO_SETTINGS: import('../../core/src/types').StoreSettings;
export declare function seedStore(
  storeId: string,
  widget?: import('../../core/src/types').WidgetSettings,
  settings?: Partial<import('../../core/src/types').StoreSettings>,
): Promise<void>;
export interface DemoOrder {
  number: string;
  email: string;
  status: import('../../core/src/types').OrderStatus;
  createdAt: number;
  updatedAt: number;
  total: number;
  currency: string;
  items?: { name: string; quantity: number }[] | null;
  carrier?: string | null;
  trackingUrl?: string | null;
}
export declare const DEMO_ORDER_EMAIL: string;
export declare const DEMO_SHIPPED_ORDER: { number: string; email: string };
export declare function demoOrders(nowMs?: number): DemoOrder[];
export declare function seedOrders(
  storeId: string,
  orders?: DemoOrder[],
  origins?: { hostingOrigin?: string },
): Promise<unknown>;
export declare function seedDemo(): Promise<{
  storeId: string;
  merchant: Merchant;
  operator: Merchant;
  order: { number: string; email: string };
}>;
export declare function identitySecretOf(storeId: string): Promise<string>;
export declare function serverSecretOf(storeId: string): Promise<string>;
export declare function demoProducts(storeOrigin?: string): Promise<import('../../core/src/types').ProductInput[]>;
export declare function seedDemoProducts(
  storeId: string,
  origins?: { hostingOrigin?: string; storeOrigin?: string },
): Promise<{ status: 'imported'; count: number }>;
