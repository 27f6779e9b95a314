/**
 * Shape of the configuration the build bakes into both web apps as `__COMPTOIR_CONFIG__`
 * (see scripts/lib/client-config.mjs). `emulators` is null in a production build.
 */
export interface ClientConfig {
  firebase: { apiKey: string; authDomain: string; projectId: string; appId?: string };
  emulators: {
    auth: string;
    firestore: { host: string; port: number };
    functions: { host: string; port: number };
  } | null;
  /** The demo store's page, where the Install page invites merchants to try the widget. */
  demoStoreUrl?: string | null;
}
