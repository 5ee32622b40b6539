/** The lean content-script context (modules/content-script-runtime/context.ts): invalidated exactly when WXT's would be, in GovMark's use. */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';
import { ContentScriptContext } from '../../modules/content-script-runtime/context';

describe('the content scripts’ context', () => {
  it('is invalidated when a newer copy of the same script starts, and only then', () => {
    const old = vi.fn();
    new ContentScriptContext('content').onInvalidated(old);
    const other = vi.fn();
    new ContentScriptContext('companion').onInvalidated(other);
    expect(old).not.toHaveBeenCalled();
    const current = vi.fn();
    new ContentScriptContext('content').onInvalidated(current);
    expect(old).toHaveBeenCalledOnce();
    expect(current).not.toHaveBeenCalled();
    expect(other).not.toHaveBeenCalled();
  });

  it('stops listening for newer copies once invalidated, and a cancelled callback never runs', () => {
    const cancelled = vi.fn();
    const kept = vi.fn();
    const ctx = new ContentScriptContext('page');
    ctx.onInvalidated(cancelled)();
    ctx.onInvalidated(kept);
    new ContentScriptContext('page');
    new ContentScriptContext('page');
    expect(cancelled).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledOnce();
  });

  it("speaks WXT's start event: a copy built with either context stops the other", () => {
    // WXT names the event after the entrypoint being built, which is the script's name; outside a build it has none.
    const name = String(undefined);
    const lean = vi.fn();
    new ContentScriptContext(name).onInvalidated(lean);
    const wxtStopped = vi.fn();
    new WxtContext(name).onInvalidated(wxtStopped);
    expect(lean).toHaveBeenCalledOnce();
    new ContentScriptContext(name);
    expect(wxtStopped).toHaveBeenCalledOnce();
  });

  it('is invalid once replaced, or once cut off from the extension (as WXT checks it)', () => {
    const replaced = new ContentScriptContext('twice');
    expect(replaced.isInvalid).toBe(false);
    new ContentScriptContext('twice');
    expect(replaced.isInvalid).toBe(true);

    const orphaned = new ContentScriptContext('orphan');
    const stopped = vi.fn();
    orphaned.onInvalidated(stopped);
    vi.spyOn(browser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(orphaned.isInvalid).toBe(true);
    expect(stopped).toHaveBeenCalledOnce();
    vi.restoreAllMocks();
  });
});
