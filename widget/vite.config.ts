import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { clientConfig } from '../scripts/lib/client-config.mjs';

// The chat app that runs inside the iframe; the loader is built separately (build.mjs)
// because it must be one small classic script, not a module graph.
export default defineConfig({
  root: import.meta.dirname,
  base: '/widget/',
  define: { __COMPTOIR_CONFIG__: JSON.stringify(clientConfig()) },
  build: {
    outDir: '../dist/hosting/widget',
    emptyOutDir: true,
    // The iframe bundle is mostly the Firebase SDK; its budget is checked by npm run bench.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: {
        chat: resolve(import.meta.dirname, 'chat.html'),
        // The console's live preview: the launcher and the chat views, fed unsaved settings.
        preview: resolve(import.meta.dirname, 'preview.html'),
        'preview-chat': resolve(import.meta.dirname, 'preview-chat.html'),
      },
    },
  },
});
