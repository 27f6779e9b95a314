/// <reference types="vite/client" />

declare const __COMPTOIR_CONFIG__: import('@comptoir/core').ClientConfig;
