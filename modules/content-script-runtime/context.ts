/**
 * WXT's ContentScriptContext cut to what GovMark's content scripts use (see ./index.ts):
 * `onInvalidated`, whose callbacks run when a newer copy of the same content script starts in the
 * page (the extension was updated or reloaded), and `isInvalid`. It speaks WXT's own start event,
 * so an old and a new copy stop each other as before, whichever context each was built with.
 */
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  readonly #invalidated = new AbortController();

  constructor(readonly contentScriptName: string) {
    const type = `${browser.runtime?.id}:${contentScriptName}:wxt:content-script-started`;
    const messageId = Math.random().toString(36).slice(2);
    // WXT also posts this to the page's window; nothing reads it there, and it would tell any page the extension's id.
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId } }));
    const newer = (event: Event) => {
      const detail = event instanceof CustomEvent ? event.detail : null;
      if (detail?.contentScriptName === contentScriptName && detail.messageId !== messageId) this.#invalidated.abort();
    };
    document.addEventListener(type, newer);
    this.onInvalidated(() => document.removeEventListener(type, newer));
  }

  /** Replaced by a newer copy, or cut off from the extension (updated, reloaded or removed) — checked now, as WXT does. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.#invalidated.abort();
    return this.#invalidated.signal.aborted;
  }

  /** Runs `callback` when this copy of the script is replaced; returns a function that cancels it. */
  onInvalidated(callback: () => void): () => void {
    const { signal } = this.#invalidated;
    signal.addEventListener('abort', callback);
    return () => signal.removeEventListener('abort', callback);
  }
}
