// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';
import { unified } from '@astrojs/markdown-remark';
import { rehypeDanishHeadingIds } from './src/lib/rehype-danish-heading-ids.ts';
import { rehypeUnitPhoneLinks } from './src/lib/rehype-unit-phone-links.ts';
import { securityHeaders } from './src/server/security-headers.ts';
import { findability } from './src/integrations/findability.ts';
import { config } from './src/lib/config.ts';

// Every environment variable is read and checked in src/lib/config.ts; a wrong value stops the build.
const { port, host, siteUrl } = config();
const dkfds = fileURLToPath(new URL('./node_modules/dkfds/src/', import.meta.url));

export default defineConfig({
  site: siteUrl,
  output: 'static',
  trailingSlash: 'always',
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx(), preact(), findability()],
  // The unified processor (not Astro 7's default, Sätteri) because content data links to
  // ASCII heading ids ("hvad-koster-det", "hvem-kan-faa-stoette") that a rehype plugin sets.
  // A second one makes the units' phone numbers in a standard's text tel: links.
  markdown: { processor: unified({ rehypePlugins: [rehypeDanishHeadingIds, rehypeUnitPhoneLinks] }) },
  session: false,
  server: { port, host, headers: securityHeaders() },
  build: { inlineStylesheets: 'never', format: 'directory' },
  security: { checkOrigin: true },
  devToolbar: { enabled: false },
  vite: {
    // Never inline a script: the CSP has no 'unsafe-inline', so every script is a file (docs/islands.md).
    build: {
      assetsInlineLimit: 0,
      // terser over the default minifier (Oxc): about 0.25 KB less gzip on the application page, whose
      // budget is nearly used (docs/islands.md). unsafe_arrows turns anonymous function expressions that never use
      // `this` into arrows (unsafe only for a function used with `new` or through its `.prototype`; the
      // browser tests walk both islands).
      minify: 'terser',
      terserOptions: { module: true, ecma: 2020, compress: { passes: 3, pure_getters: true, unsafe_arrows: true } },
      rollupOptions: {
        output: {
          // Both Preact islands (questionnaire, application) load Preact, the shared components, the
          // routing rule and the look-up of its reasons, the ids and the mount function.
          // Left to itself the bundler splits them into several small files, and each is gzipped on
          // its own; one file for what the two islands share is ~0.2 KB less per page. Only modules
          // both islands import (minShareCount) are grouped, and not the plain-script island's, so
          // the contact page still loads no Preact (tests/server/budgets.test.ts).
          codeSplitting: {
            groups: [
              // The small modules the contact page's plain script shares with the islands (clock words,
              // templates): one file rather than two, and kept out of the Preact group below.
              { name: 'site-shared', test: /[\\/]src[\\/](domain[\\/]danish-clock|lib[\\/]template)\.ts$/, minShareCount: 2, priority: 2 },
              {
                name: 'islands-shared',
                test: /^\0vite[\\/]preload-helper|[\\/]node_modules[\\/]preact[\\/]|[\\/]src[\\/]components[\\/]|[\\/]src[\\/](domain[\\/](routing|ids)|lib[\\/]route-reason|islands[\\/]mount)\.ts$/,
                minShareCount: 2,
                priority: 1,
              },
            ],
          },
        },
      },
    },
    plugins: [
      {
        // No module-preload helper (~0.9 KB gzip) around the islands' import() of the part they load after
        // mounting (docs/islands.md): every file that part imports is already loaded, so the helper would
        // preload nothing. Vite always inserts it for the browser; this plugin loads it as a plain call.
        name: 'stoetteportalen:no-module-preload',
        enforce: 'pre',
        load: (id) => (id === '\0vite/preload-helper.js' ? 'export const __vitePreload = (load) => load();' : undefined),
        // …and without the list of files to preload. (Astro sets the top-level `build.modulePreload` itself.)
        configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
      },
    ],
    resolve: { alias: { '@dkfds/': dkfds } },
    css: {
      preprocessorOptions: {
        scss: {
          loadPaths: [`${dkfds}stylesheets`, fileURLToPath(new URL('./src/styles', import.meta.url))],
          quietDeps: true,
          silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'if-function'],
        },
      },
    },
  },
});
