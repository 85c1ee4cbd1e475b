// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';
import { rehypeDanishHeadingIds } from './src/lib/rehype-danish-heading-ids.ts';
import { securityHeaders } from './src/server/security-headers.ts';

const port = Number(process.env.PORT ?? 4321);

export default defineConfig({
  site: process.env.SITE_URL ?? `http://localhost:${port}`,
  output: 'static',
  trailingSlash: 'always',
  adapter: node({ mode: 'standalone', staticHeaders: true }),
  integrations: [mdx(), preact()],
  session: false,
  server: { port, host: process.env.HOST ?? 'localhost', headers: securityHeaders() },
  markdown: { rehypePlugins: [rehypeDanishHeadingIds] },
  build: { inlineStylesheets: 'never', format: 'directory' },
  security: { checkOrigin: true },
  devToolbar: { enabled: false },
});
