import { defineConfig } from 'vite';

// The renderer is plain React + TSX compiled by esbuild; no dev-server features are needed
// because both hosts serve the built files.
export default defineConfig({
  root: 'renderer',
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
});
