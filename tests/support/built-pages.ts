/**
 * The built site as the tests see it: dist/client, and every HTML page the
 * build produced as a URL path ("/", "/bronderslev/kontakt/", "/en/…"), as
 * the sitemap lists them, so a new page is tested for free.
 */
import { fileURLToPath } from 'node:url';
import { builtPagePaths } from '../../src/lib/built-pages.ts';

export const clientDir = fileURLToPath(new URL('../../dist/client', import.meta.url));

export const builtPages: string[] = builtPagePaths(clientDir);
