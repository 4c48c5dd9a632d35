// Builds the three parts: main (Electron shell, CLI, sampler and lab watcher workers), preload, renderer.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import {
  CONTENT_SECURITY_POLICY,
  DEV_SERVER_CONTENT_SECURITY_POLICY,
} from './src/shared/contract/contentSecurityPolicy';

/**
 * Writes the one shared policy into index.html, so the page and browser mode never disagree;
 * served by the dev server (`npm run dev`), the page gets the dev server's policy instead.
 */
const contentSecurityPolicy: Plugin = {
  name: 'proclab-csp',
  transformIndexHtml: (html, context) =>
    html.replace(
      '%CONTENT_SECURITY_POLICY%',
      context.server ? DEV_SERVER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    ),
};

/** `--mode profile` keeps the page's code unminified, so that CPU profiles name its functions (bench/peers.ts). */
export default defineConfig(({ mode }) => ({
  main: {
    build: {
      // Bundled, so the sampler worker, unpacked from the asar archive in a package, needs no
      // node_modules beside it (electron-builder.yml).
      externalizeDeps: { exclude: ['pidusage', 'ps-list'] },
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli/main.ts'),
          samplerWorker: resolve('src/main/sampler/samplerWorker.ts'),
          labWatcherWorker: resolve('src/main/lab/labWatcherWorker.ts'),
          // npm start's launcher (scripts/start.mjs); it runs in Node, before Electron.
          start: resolve('src/main/launcher/start.ts'),
        },
        // Shared chunks sit next to the entries, so __dirname is out/main in every module
        // (builtWorkerEntry.ts finds the worker and the renderer from there).
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: { input: { index: resolve('src/preload/index.ts') } },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      rolldownOptions: { input: resolve('src/renderer/index.html') },
      // The page loads over loopback in browser mode too: small code is a faster first table.
      minify: mode !== 'profile',
    },
    plugins: [react(), contentSecurityPolicy],
  },
}));
