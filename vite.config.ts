// The web app (web/) builds to dist/web, which the Fastify server serves with an SPA fallback.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react()],
  resolve: { alias: { '@server': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // .vite/manifest.json maps each page to its chunks; scripts/first-load-size.mjs reads it.
    manifest: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
    // The web app imports the shared zod contract from src/ (@server/…), outside the Vite root.
    fs: { allow: [repoRoot] },
  },
});
