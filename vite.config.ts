import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import tailwindcss from '@tailwindcss/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';

export default defineConfig({
  plugins: [
    tailwindcss(),
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      strategy: ['cookie', 'baseLocale'],
      emitTsDeclarations: true
    }),
    sveltekit({
      adapter: adapter({ out: process.env.HAGUKUMI_BUILD_DIR || 'build' }),
      // The origin check is ours (hooks.server.ts, run time, from the request + HAGUKUMI_TRUSTED_ORIGINS):
      // SvelteKit's own check compares against an origin fixed at build time.
      csrf: { trustedOrigins: ['*'] },
      // The service worker only serves Web Push: the settings page registers it when a person turns push on.
      serviceWorker: { register: false },
      // SvelteKit adds a nonce or hash for its own inline bootstrap script; nothing else runs inline.
      csp: {
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self', 'unsafe-inline'],
          'img-src': ['self', 'data:', 'blob:', 'https://cyberjapandata.gsi.go.jp', 'https://tile.openstreetmap.org'],
          'connect-src': ['self'],
          'font-src': ['self'],
          'object-src': ['none'],
          'base-uri': ['self'],
          'form-action': ['self'],
          'frame-ancestors': ['none']
        }
      }
    })
  ],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts'],
          environment: 'node'
        }
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts'],
          globalSetup: ['./src/lib/server/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2
        }
      }
    ]
  }
});
