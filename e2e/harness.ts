// Browser-test harness: the built web app (rebuilt when its sources changed), a real server on a random port over
// an in-memory PGlite database seeded with the real catalogue, Hanoi's agencies and the demo accounts, and Debian's
// Chromium driven by playwright-core. Each journey gets a fresh browser context; pages can be checked with axe-core
// and photographed into e2e/screenshots/.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureWebBuild } from '../scripts/build-web.ts';
import { setupLifecycle } from '../src/server/testing/lifecycle-fixture.ts';
import { fixedClock } from '../src/server/testing/test-deps.ts';

export const CHROMIUM = '/usr/bin/chromium';
// As verified in STACK.md: headless, no sandbox (containers), and nothing that phones home.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots', import.meta.url));

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

/** Monday 23 November 2026, 10:00 in Hanoi: a working day of a confirmed calendar year. */
export const START = '2026-11-23T03:00:00Z';

export type Portal = Awaited<ReturnType<typeof startPortal>>;

/** Starts everything a journey needs; call close() in after(). */
export async function startPortal() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run 'bash scripts/ensure-test-tools.sh' (or apt-get install chromium fonts-noto-core).`);
  }
  await ensureWebBuild();
  const clock = fixedClock(START);
  const lifecycle = await setupLifecycle(clock);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    await lifecycle.close();
    throw error;
  }
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  return {
    baseUrl: lifecycle.server.url,
    clock,
    lifecycle,
    /** Uncaught exceptions seen in any page: a journey ends by asserting there were none. */
    pageErrors,

    /** A new page in a fresh context (own cookies and storage), Vietnamese locale, Hanoi time. */
    async newPage(viewport = DESKTOP): Promise<Page> {
      const context = await (browser as Browser).newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', baseURL: lifecycle.server.url });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return page;
    },

    /** Fails on any serious or critical WCAG 2.1 A/AA violation axe-core finds on the page as it is now. */
    async assertAccessible(page: Page, what: string): Promise<void> {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const report = serious
        .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`).join('\n')}`)
        .join('\n');
      assert.equal(serious.length, 0, `accessibility violations on ${what}:\n${report}`);
    },

    async screenshot(page: Page, name: string): Promise<void> {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },

    async close(): Promise<void> {
      for (const context of contexts) await context.close().catch(() => {});
      await browser?.close();
      await lifecycle.close();
    },
  };
}

/** The page is no wider than its viewport: nothing to scroll sideways. */
export async function assertNoHorizontalScroll(page: Page, what: string): Promise<void> {
  // A string, not a function: this file is compiled without the DOM library (it runs in Node.js).
  const { scrollWidth, clientWidth } = await page.evaluate<{ scrollWidth: number; clientWidth: number }>(
    '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
  );
  assert.ok(scrollWidth <= clientWidth, `${what} scrolls sideways: ${scrollWidth} px of content in ${clientWidth} px`);
}

/** Signs an officer in through the login page (password motcua-demo) and waits for the workspace. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: false }).first().fill('motcua-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  await page.waitForURL('**/can-bo');
  await page.getByRole('heading', { level: 1, name: 'Không gian làm việc của cán bộ' }).waitFor();
}
