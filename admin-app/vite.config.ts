import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { clientConfig } from '../scripts/lib/client-config.mjs';

// The Firebase config is baked in at build time: the console is static files on Hosting,
// so there is no server to ask for it at runtime.
export default defineConfig({
  base: '/',
  plugins: [vue()],
  define: {
    __COMPTOIR_CONFIG__: JSON.stringify(clientConfig()),
  },
  build: {
    outDir: '../dist/hosting',
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Firebase changes far less often than the console: its own chunk stays cached
        // across deploys (Hosting serves /assets/ as immutable).
        manualChunks: {
          firebase: ['firebase/app', 'firebase/auth', 'firebase/firestore', 'firebase/functions'],
          vue: ['vue', 'vue-router', 'pinia', 'vuefire'],
        },
      },
    },
    // Firestore alone is ~500 kB minified; the warning would fire on every build.
    chunkSizeWarningLimit: 800,
  },
});
