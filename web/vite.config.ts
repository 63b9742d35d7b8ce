import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The dev server's API target; TRACEHUB_BACKEND points it at another local run (e.g. http://localhost:18080).
const backend = process.env['TRACEHUB_BACKEND'] ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    // Root-relative, so no Node path helpers are needed here.
    alias: { '@': '/src' },
  },
  server: {
    proxy: {
      '/api': backend,
      '/health': backend,
      '/actuator': backend,
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than app code: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    // Page-level tests render the whole app in jsdom; on a 2-core CI machine that also builds the backend,
    // one such test took just over the 5 s default. A timeout is not an assertion: waits inside tests
    // still fail on wrong behaviour.
    testTimeout: 20_000,
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
