import { chromium } from 'playwright-core';
const [url, out, width = '1200'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: Number(width), height: 900 } });
await p.goto(url); await p.screenshot({ path: out, fullPage: true }); await b.close();
