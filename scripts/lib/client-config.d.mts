import type { ClientConfig } from '../../core/src/clientConfig';
export declare const DEMO_PROJECT_ID: string;
export declare function firebaseJson(): Record<string, any>;
export declare function clientConfig(env?: NodeJS.ProcessEnv): ClientConfig;
export declare function hostingOrigin(env?: NodeJS.ProcessEnv): string;
