/** The real browser with the built extension, the CONAC stand-in and the sample sites, for end-to-end tests. */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { type LaunchedBrowser, launchWithExtension } from '../../scripts/browser';
import * as driver from '../../scripts/extension-driver';
import { type StandIn, startStandIn } from '../../scripts/stand-in/server';
import { sampleSiteMap } from '../../scripts/stand-in/sites';
import type { TabState } from '../../utils/extension/tab-state';

export type { Shown } from '../../scripts/extension-driver';

export const ARTIFACTS = resolve('test-results/e2e');
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface World {
  browser: LaunchedBrowser;
  standIn: StandIn;
  close(): Promise<void>;
}

export async function startWorld(
  extraSites: Record<string, string> = {},
  redirects: Record<string, string> = {},
): Promise<World> {
  await mkdir(ARTIFACTS, { recursive: true });
  const standIn = await startStandIn({ sites: { ...sampleSiteMap(), ...extraSites }, redirects, slowMs: 4000 });
  const browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, standInPort: standIn.port });
  return {
    browser,
    standIn,
    close: async () => {
      await browser.close();
      await standIn.close();
    },
  };
}

/** The id of the tab showing `page` (see scripts/extension-driver.ts). */
export function tabIdOf(world: World, page: Page): Promise<number> {
  return driver.tabIdOf(world.browser, page);
}

/** Waits until the tab's check has ended (or its state matches), then reads the toolbar indicator. */
export function indicatorOf(world: World, tabId: number, until?: (s: TabState) => boolean): Promise<driver.Shown> {
  return driver.indicatorOf(world.browser, tabId, until);
}

/** Opens the popup as an ordinary tab describing `tabId`, waits for a verdict, and saves a screenshot. */
export function openPopup(world: World, tabId: number, name: string, lang = 'zh'): Promise<Page> {
  return driver.openPopup(world.browser, tabId, { lang, screenshot: `${ARTIFACTS}/popup-${name}.png` });
}

export const reasonCodes = driver.reasonCodes;

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Audit {
  /** `rule (impact) at selector`, one per offending element. */
  violations: string[];
  /** Rules that ran and passed: proof the audit ran at all. */
  passed: number;
}

/** axe-core over the page, run through the debugger protocol (the extension pages' CSP does not stop it). */
export async function audit(page: Page): Promise<Audit> {
  await page.evaluate(AXE);
  return page.evaluate(`axe.run(document).then((r) => ({
    violations: r.violations.flatMap((v) => v.nodes.map((n) => v.id + ' (' + v.impact + ') at ' + n.target.join(' '))),
    passed: r.passes.length,
  }))`);
}
