import { test as base, type Page } from '@playwright/test';

export { expect } from '@playwright/test';
export type { BrowserContext, Locator, Page, Response } from '@playwright/test';

/**
 * Every page arrives as prerendered HTML that the app then takes over (decision 0005). A test that
 * presses a button in that window presses plain HTML, as a person on a slow phone could, and on a
 * busy machine the window can last seconds. So each `page.goto` in a test also waits until the app
 * has taken the page over: its <main> carries React's fiber. Pages without the app's script (the
 * server's own unsubscribe page) need no wait.
 */
async function waitForApp(page: Page) {
  await page.waitForFunction(() => {
    if (!document.querySelector('script[type="module"][src], template#app-code')) return true;
    const main = document.querySelector('main');
    return Boolean(main && Object.keys(main).some((key) => key.startsWith('__reactFiber')));
  });
}

const wrapped = new WeakSet<Page>();

function takeOverAware(page: Page) {
  if (wrapped.has(page)) return page;
  wrapped.add(page);
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    await waitForApp(page);
    return response;
  };
  return page;
}

export const test = base.extend({
  context: async ({ context }, provide) => {
    context.on('page', takeOverAware);
    await provide(context);
  },
  page: async ({ page }, provide) => {
    await provide(takeOverAware(page));
  },
});
