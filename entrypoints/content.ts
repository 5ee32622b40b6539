import { defineContentScript } from 'wxt/utils/define-content-script';
import { showAlert } from '@/utils/extension/alert-view';
import { scanOwnHomepage } from '@/utils/extension/homepage-fetch';
import { findTarget } from '@/utils/extension/locate-mark';
import { onMessage, sendMessage } from '@/utils/extension/messaging';
import { outlineElement } from '@/utils/extension/outline-view';
import { scanPage, watchPage } from '@/utils/extension/page-watch';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // One alert per page at most: a new one replaces it, null removes it. Built only when one is sent.
    let alert: ReturnType<typeof showAlert> | null = null;
    const stops = [
      watchPage(document, (scan) => void sendMessage('pageScanned', scan).catch(() => undefined)),
      onMessage('scanNow', () => scanPage(document)),
      onMessage('scanHomepage', () => scanOwnHomepage(document)),
      onMessage('pageAlert', (next) => {
        alert?.remove();
        alert = next && showAlert(document, next, (action) => void sendMessage('alertAction', action).catch(() => undefined));
      }),
      onMessage('showMark', ({ target, css }) => {
        const element = findTarget(document, target);
        if (element) outlineElement(element, css);
        return element !== null;
      }),
      () => alert?.remove(),
    ];
    ctx.onInvalidated(() => {
      for (const stop of stops) stop();
    });
  },
});
