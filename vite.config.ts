import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative asset URLs so the same build serves from app://pathwise/ and from the preview's http://127.0.0.1.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    reportCompressedSize: false,
  },
  worker: { format: 'es' },
});
