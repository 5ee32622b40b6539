/** The one message contract between content script, background and extension pages. */
import { type Browser, browser } from 'wxt/browser';
import type { HomepageScan } from '../engine/homepage';
import type { ScanDraft } from '../engine/scan';
import type { CompanionView } from './companion-view';
import type { MarkTarget } from './locate-mark';
import type { PageAlert } from './page-alert';
import type { TabState } from './tab-state';

export interface ProtocolMap {
  /** content → background: what the page shows, whenever it changes (claims read by the background). */
  pageScanned(scan: ScanDraft): void;
  /** popup → background: the check of a tab, starting one if there is none yet. */
  getTabState(tabId: number): TabState;
  /** popup → background: check the tab again, asking the registry afresh. */
  recheck(tabId: number): TabState;
  /** background → content: scan the page as it is now. */
  scanNow(): ScanDraft;
  /** background → content: the page's own homepage (`/` of its origin), fetched same-origin and scanned as static HTML. */
  scanHomepage(): HomepageScan;
  /** companion → background: a certificate page's rendered HTML; the answer is what the companion shows (null: nothing). */
  certificatePageRead(html: string): CompanionView | null;
  /** background → content: show this alert on the page, or (null) remove any. */
  pageAlert(alert: PageAlert | null): void;
  /** content → background: a button of the page alert was used. */
  alertAction(action: AlertAction): void;
  /** popup → content: scroll to a mark and outline it, drawn with `css`; false when it is not on the page. */
  showMark(request: { target: MarkTarget; css: string }): boolean;
}

export type AlertAction = 'details' | 'dismiss' | 'turn-off';

type Type = keyof ProtocolMap;
type Data<K extends Type> = Parameters<ProtocolMap[K]> extends [infer D] ? D : undefined;
type Reply<K extends Type> = ReturnType<ProtocolMap[K]>;
interface Envelope<K extends Type> {
  govmark: K;
  data: Data<K>;
}

/** To the background, or with `tabId` to that tab's content script. */
export function sendMessage<K extends Type>(type: K, data: Data<K>, tabId?: number): Promise<Reply<K>> {
  const envelope: Envelope<K> = { govmark: type, data };
  return (
    tabId === undefined ? browser.runtime.sendMessage(envelope) : browser.tabs.sendMessage(tabId, envelope, { frameId: 0 })
  ) as Promise<Reply<K>>;
}

export function onMessage<K extends Type>(
  type: K,
  handler: (data: Data<K>, sender: Browser.runtime.MessageSender) => Reply<K> | Promise<Reply<K>>,
): () => void {
  // Answer only our own type; returning undefined leaves other messages to other listeners.
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    const envelope = message as Partial<Envelope<K>> | null;
    if (envelope?.govmark !== type) return undefined;
    return Promise.resolve(handler(envelope.data as Data<K>, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
