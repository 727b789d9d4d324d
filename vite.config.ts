// Vite: builds the single-page app in src/web into dist/web, which the server serves (src/server/http/web.ts).
// scripts/build-web.ts runs it and adds .br/.gz copies. `npm run dev:web` serves the app with hot reload and
// sends /api to a server started with `npm start`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const WEB_ROOT = fileURLToPath(new URL('./src/web', import.meta.url));
const WEB_OUT_DIR = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root: WEB_ROOT,
  publicDir: path.join(WEB_ROOT, 'public'),
  plugins: [react()],
  build: {
    outDir: WEB_OUT_DIR,
    emptyOutDir: true,
    // bench/web-bundle.ts reads it to tell the first load from the lazy chunks.
    manifest: true,
    target: 'es2022',
    reportCompressedSize: false,
    // The budget that matters is compressed JavaScript on first load, checked by `npm run bench:web`.
    chunkSizeWarningLimit: 1000,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
