/**
 * The site as a visitor without JavaScript gets it, with JavaScript still on
 * for axe and the layout measurements that run in the page. The CSP allows
 * only the site's own script files (`script-src 'self'`, no inline scripts)
 * and the site has no <noscript>, so blocking every `.js` request leaves
 * exactly the page a browser with JavaScript off shows: no island mounts,
 * Pagefind never loads. Tests that need no script in the page at all use a
 * context with `javaScriptEnabled: false` instead.
 */
import type { Browser, BrowserContext, BrowserContextOptions } from '@playwright/test';

/** Blocks every script file the context would load (the site's `/_astro/` modules, Pagefind's). */
export async function blockSiteScripts(context: BrowserContext) {
  await context.route(/\.m?js(\?.*)?$/, (route) => route.abort());
}

/** A new browser context that runs none of the site's scripts. */
export async function withoutSiteScripts(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  await blockSiteScripts(context);
  return context;
}
