/**
 * The background's side of the companion: reads a certificate page the person opened, compares it
 * with the checked tab they came from, and lets it stand in for a fetch of GovMark's that could
 * not be read (then re-verifies the tabs that link to it).
 */
import type { Cache } from '../engine/cache';
import { parseCertificate } from '../engine/certificate';
import { CERTIFICATE_TTL_MS, type CertificateLookup, certificateCacheKey, type ScriptLookup } from '../engine/conac-client';
import { certificatePageId, mayUseRenderedCertificate, renderedLookup } from '../engine/rendered-certificate';
import type { Lang } from '../engine/verdict';
import { idsToLookUp } from '../engine/verify';
import { type CompanionView, companionView } from './companion-view';
import type { TabState } from './tab-state';

export interface CompanionSender {
  url?: string;
  frameId?: number;
  tab?: { id?: number; openerTabId?: number };
}

export interface CompanionDeps {
  /** Every tab's saved state. */
  tabStates(): Promise<Array<{ tabId: number; state: TabState }>>;
  cache: Cache<CertificateLookup | ScriptLookup>;
  /** Checks the tab again, reading certificates from the cache. */
  reverify(tabId: number): Promise<unknown>;
  lang: Lang;
  now?: () => number;
}

type Checked = { tabId: number; state: Extract<TabState, { status: 'done' }> };

/** null when the sender is not a top-frame certificate page on bszs.conac.cn: nothing it says is used. */
export async function readCertificatePage(
  html: string,
  sender: CompanionSender,
  deps: CompanionDeps,
): Promise<CompanionView | null> {
  const id = certificatePageId(sender.url, sender.frameId);
  if (!id || typeof html !== 'string') return null;
  // The id is the page's own (from the address the browser reports), never one the message names.
  const parse = parseCertificate(html, id);
  const linking = (await deps.tabStates())
    .filter((s): s is Checked => s.state.status === 'done' && s.tabId !== sender.tab?.id)
    .filter((s) => idsToLookUp(s.state.result.scan, s.state.result.lookups.scripts).includes(id))
    .sort((a, b) => b.tabId - a.tabId);
  const compared = linking.find((s) => s.tabId === sender.tab?.openerTabId) ?? linking[0];

  const waiting = linking.filter((s) => mayUseRenderedCertificate(s.state.result.lookups.certificates[id], parse));
  if (waiting.length > 0) {
    const lookup = renderedLookup(parse, sender.url!, (deps.now ?? Date.now)());
    await deps.cache.set(certificateCacheKey(id), lookup, CERTIFICATE_TTL_MS).catch(() => undefined);
    for (const { tabId } of waiting) void deps.reverify(tabId).catch(() => undefined);
  }
  return companionView(parse, compared?.state.url ?? null, deps.lang);
}
