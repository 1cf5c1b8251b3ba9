// Builds the bare React Flow page (main.tsx) for `npm run bench:browser`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../.scratch/bare', import.meta.url)), emptyOutDir: true },
});
