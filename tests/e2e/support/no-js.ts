/**
 * axe and layout measurements run scripts in the page, which a browser
 * context without JavaScript does not allow. So a page as the no-JavaScript
 * visitor got it is checked as a copy: its HTML (scripts removed) served at
 * the same URL to a page that may run axe, with the site's own CSS.
 */
import type { Browser, Page } from '@playwright/test';

export async function copyWithoutScripts(page: Page): Promise<Page> {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const url = page.url();
  const context = await page.context().browser()!.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
  const copy = await context.newPage();
  // A request's URL has no fragment; the copy is still opened at the full URL, so :target applies as it did.
  const requested = url.replace(/#.*$/, '');
  await copy.route((u) => u.href === requested, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await copy.goto(url);
  return copy;
}

/**
 * A browser context that runs none of the site's scripts (the islands never
 * mount): the pages as the server sends them, with JavaScript still on for
 * axe and other checks that run in the page.
 */
export async function withoutSiteScripts(browser: Browser) {
  const context = await browser.newContext();
  await context.route('**/_astro/*.js', (route) => route.abort());
  return context;
}
