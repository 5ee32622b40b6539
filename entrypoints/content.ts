import { defineContentScript } from 'wxt/utils/define-content-script';
import { scanOwnHomepage } from '@/utils/extension/homepage-fetch';
import { onMessage, sendMessage } from '@/utils/extension/messaging';
import { scanPage, watchPage } from '@/utils/extension/page-watch';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const stop = watchPage(document, (scan) => void sendMessage('pageScanned', scan).catch(() => undefined));
    const stopListening = onMessage('scanNow', () => scanPage(document));
    const stopHomepage = onMessage('scanHomepage', () => scanOwnHomepage(document));
    ctx.onInvalidated(() => {
      stop();
      stopListening();
      stopHomepage();
    });
  },
});
