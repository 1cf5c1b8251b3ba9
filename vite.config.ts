/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built site's Content-Security-Policy (README.md, "Content-Security-Policy"):
 * no inline script, no eval, nothing fetched from or sent to another origin.
 * No 'unsafe-inline' for styles either: React and React Flow set styles
 * through the CSSOM (element.style), which CSP allows; only style attributes
 * in parsed markup and <style> elements would need it, and the app has none
 * (test/e2e/reliability-security.spec.ts reports any violation).
 * frame-ancestors only works as a header (see README).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Build only: the dev server's HMR needs inline scripts and a websocket. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'stakemap:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
      ],
    },
  };
}

/** Dev only: live rooms at /sync on the dev server's port (server/dev.ts; docs/LIVE.md). */
function liveRooms(): Plugin {
  return {
    name: 'stakemap:live-rooms',
    apply: 'serve',
    async configureServer(server) {
      const http = server.httpServer;
      if (!http || !('listen' in http) || process.env.VITEST) return; // middleware mode and tests: no rooms
      const { attachLiveRooms } = await import('./server/dev');
      const live = attachLiveRooms(http as import('node:http').Server);
      http.on('close', () => void live.close());
    },
  };
}

const UNIT_EXCLUDE = ['test/e2e/**', 'node_modules/**'];
/** Tests that need a DOM (happy-dom): components, and code using window, self or localStorage. */
const DOM_TESTS = [
  'test/**/*.test.tsx',
  'test/export/options.test.ts',
  'test/persistence/read-migrate.test.ts',
  'test/persistence/rescue.test.ts',
  'test/app/journal.test.ts',
  'test/persistence/saveWorker.test.ts',
];

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    liveRooms(),
    VitePWA({
      // 'prompt': a new version waits for the team to reload (src/app/pwa.ts), never over unsaved edits.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Stakemap',
        short_name: 'Stakemap',
        description: "Draw your organization's ecosystem and see who your customer really is.",
        theme_color: '#1f3a5f',
        background_color: '#f4f6f9',
        display: 'standalone',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,woff,woff2}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: true },
  test: {
    // fake-indexeddb before Dexie, in both projects: Dexie is used on either side.
    setupFiles: ['test/setup.ts'],
    projects: [
      // Pure code runs in plain Node (which has BroadcastChannel, Blob,
      // crypto and streams): no DOM to build per file.
      { extends: true, test: { name: 'node', environment: 'node', include: ['test/**/*.test.ts'], exclude: [...UNIT_EXCLUDE, ...DOM_TESTS] } },
      { extends: true, test: { name: 'dom', environment: 'happy-dom', include: DOM_TESTS, exclude: UNIT_EXCLUDE } },
    ],
  },
});
