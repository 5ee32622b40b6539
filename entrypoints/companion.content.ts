import { defineContentScript } from 'wxt/utils/define-content-script';
import { settled, showCompanion } from '@/utils/extension/companion-panel';
import { sendMessage } from '@/utils/extension/messaging';

/** Only on the registry's certificate pages, top frame only; every other page gets nothing of it. */
export default defineContentScript({
  matches: ['http://bszs.conac.cn/sitename*', 'https://bszs.conac.cn/sitename*'],
  runAt: 'document_idle',
  async main(ctx) {
    // Read after the page's own scripts ran: some layouts exist only once rendered.
    await settled(document);
    const view = await sendMessage('certificatePageRead', document.documentElement.outerHTML).catch(() => null);
    if (!view || ctx.isInvalid) return;
    ctx.onInvalidated(showCompanion(document, view));
  },
});
