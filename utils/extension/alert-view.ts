/**
 * Draws the page alert in the content script: plain DOM and the stylesheet sent with the alert
 * (./overlay-styles.ts) in a CLOSED shadow root on a `<govmark-alert>` host appended to <html>.
 * Page CSS cannot restyle it (the host's rules are `!important` inside the shadow tree, which
 * outranks the page), page scripts cannot reach inside it, and being fixed at the top it moves
 * nothing on the page. Plain DOM on purpose: this is in the content script of every page.
 */
import type { AlertAction } from './messaging';
import { overlayHost } from './overlay-host';
import type { PageAlert } from './page-alert';

/** The page removing our host is answered by putting it back, this many times (a page looping on it gets nowhere faster). */
const MAX_REATTACH = 20;

export function showAlert(
  doc: Document,
  alert: PageAlert,
  act: (action: AlertAction) => void,
  mode: ShadowRootMode = 'closed',
): { remove(): void } {
  const { host, root } = overlayHost(doc, 'govmark-alert', alert.css, mode);
  const el = (tag: string, className: string, ...kids: (Node | string)[]) => {
    const node = doc.createElement(tag);
    node.className = className;
    node.append(...kids);
    return node;
  };
  const button = (label: string, className: string, action: AlertAction) => {
    const b = el('button', className, label);
    b.addEventListener('click', () => {
      if (action === 'dismiss') remove();
      act(action);
    });
    return b;
  };

  const bar = el(
    'div',
    'bar',
    el('p', 'text', el('strong', '', alert.title), [alert.message, alert.holder, alert.advice].filter(Boolean).join(' ')),
    el(
      'div',
      'actions',
      button(alert.details, '', 'details'),
      button(alert.dismiss, 'plain', 'dismiss'),
      button(alert.turnOff, 'link', 'turn-off'),
    ),
  );
  bar.lang = alert.lang;
  bar.setAttribute('role', 'alert');
  bar.setAttribute('aria-label', alert.label);
  bar.querySelector('.plain')!.setAttribute('title', alert.dismissHint);
  root.append(bar);

  let reattached = 0;
  const parent = doc.documentElement;
  const observer = new MutationObserver(() => {
    if (!host.isConnected && reattached++ < MAX_REATTACH) parent.append(host);
  });
  parent.append(host);
  observer.observe(parent, { childList: true });
  function remove() {
    observer.disconnect();
    host.remove();
  }
  return { remove };
}
