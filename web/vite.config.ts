import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

// Static files only (web/dist): the Node server serves them under `npm start`; a CDN or S3 can too.
export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: path.join(root, 'dist'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    // `npx vite web` during development: the API of a running `npm start` behind the same origin.
    proxy: Object.fromEntries(['/v1', '/auth', '/ui-config.json', '/openapi.json'].map((p) => [p, `http://localhost:${process.env.PORT ?? 3000}`])),
  },
});
