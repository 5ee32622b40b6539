/**
 * `browser` for content scripts, without webextension-polyfill (see ./index.ts).
 *
 * Firefox's own `browser` already speaks promises. In Chrome, `chrome.runtime` is wrapped the
 * way the polyfill wraps it, so both ends of a message behave exactly as before: a listener
 * answers by returning a promise, a rejected answer rejects the sender's promise, and "no
 * listener answered" resolves to undefined.
 */

type Listener = (message: unknown, sender: unknown) => unknown;
type NativeListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean;

interface ChromeRuntime {
  id?: string;
  lastError?: { message?: string };
  sendMessage(message: unknown, callback: (reply: unknown) => void): void;
  onMessage: {
    addListener(listener: NativeListener): void;
    removeListener(listener: NativeListener): void;
    hasListener(listener: NativeListener): boolean;
  };
}

/** The polyfill's wire format for a rejected answer; the polyfilled background reads and writes it. */
const REJECTED = '__mozWebExtensionPolyfillReject__';
const NO_ANSWER = 'The message port closed before a response was received.';

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as PromiseLike<unknown>).then === 'function';

function wrapChrome(runtime: ChromeRuntime) {
  const wrapped = new WeakMap<Listener, NativeListener>();
  const nativeOf = (listener: Listener): NativeListener => {
    let native = wrapped.get(listener);
    if (!native) {
      native = (message, sender, sendResponse) => {
        let result: unknown;
        try {
          result = listener(message, sender);
        } catch (error) {
          result = Promise.reject(error);
        }
        if (!isThenable(result)) return false;
        result.then(sendResponse, (error: unknown) =>
          sendResponse({ [REJECTED]: true, message: error instanceof Error ? error.message : 'An unexpected error occurred' }),
        );
        return true;
      };
      wrapped.set(listener, native);
    }
    return native;
  };
  return {
    runtime: {
      get id() {
        return runtime.id;
      },
      sendMessage: (message: unknown) =>
        new Promise((resolve, reject) => {
          runtime.sendMessage(message, (reply) => {
            const error = runtime.lastError;
            if (error) {
              if (error.message === NO_ANSWER) resolve(undefined);
              else reject(new Error(error.message));
            } else if (reply && typeof reply === 'object' && (reply as Record<string, unknown>)[REJECTED]) {
              reject(new Error(String((reply as Record<string, unknown>).message)));
            } else resolve(reply);
          });
        }),
      onMessage: {
        addListener: (listener: Listener) => runtime.onMessage.addListener(nativeOf(listener)),
        removeListener: (listener: Listener) => runtime.onMessage.removeListener(nativeOf(listener)),
        hasListener: (listener: Listener) => runtime.onMessage.hasListener(nativeOf(listener)),
      },
    },
  };
}

const scope = globalThis as unknown as { browser?: { runtime?: { id?: string } }; chrome: { runtime: ChromeRuntime } };

export const browser = scope.browser?.runtime?.id ? scope.browser : wrapChrome(scope.chrome.runtime);
