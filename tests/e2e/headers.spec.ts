import { expect, test } from '@playwright/test';

const paths = ['/', '/bronderslev/', '/en/varde/kontakt/', '/findes-ikke/', '/favicon.svg'];

for (const path of paths) {
  test(`security headers on ${path}`, async ({ request }) => {
    const response = await request.get(path);
    const h = response.headers();
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).toContain("default-src 'self'");
    expect(h['content-security-policy']).not.toContain('unsafe-inline');
    // WebAssembly compilation (the search) is allowed; JavaScript eval is not.
    expect(h['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(h['content-security-policy']).not.toMatch(/(^|\s)'unsafe-eval'/);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  });
}

test('an unknown page answers 404 with the site’s not-found page', async ({ request }) => {
  const response = await request.get('/findes-ikke/');
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain('Siden findes ikke');
});
