// Screenshots of pages at phone (light) and desktop (dark) width, for looking at what we build.
// Usage: npm run build && npx vite preview --port 4300 &  then
//        node scripts/screenshots.mjs <persona name or none> /route [/route …]
// Writes PNGs to ./screenshots (git-ignored). BASE overrides the preview address.
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE ?? 'http://127.0.0.1:4300';
const outDir = process.env.SHOTS_DIR ?? 'screenshots';
const [, , persona = 'none', ...routes] = process.argv;
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});
for (const [width, height, scheme] of [
  [390, 844, 'light'],
  [1280, 900, 'dark'],
]) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(base + '/sign-in');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => fetch('/api/demo/reset', { method: 'POST' }));
  if (persona !== 'none') {
    await page.goto(base + '/sign-in');
    await page.getByRole('button', { name: new RegExp('Sign in as ' + persona) }).click();
    await page.waitForTimeout(800);
  }
  for (const route of routes) {
    await page.goto(base + route);
    await page.waitForTimeout(1200);
    const name = `${outDir}/${route.replace(/\W+/g, '_') || 'root'}-${width}-${scheme}`;
    // Long pages are cut into screen-sized parts, so each picture stays readable.
    const fullHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let part = 0, y = 0; y < fullHeight && part < 8; part++, y += height) {
      const file = `${name}-${part + 1}.png`;
      const clip = { x: 0, y, width, height: Math.min(height, fullHeight - y) };
      await page.screenshot({ path: file, fullPage: true, clip });
      console.log(file);
    }
  }
  await context.close();
}
await browser.close();
