/**
 * "在页面上显示": scrolls to a mark and outlines it for a few seconds. The outline is drawn in an
 * overlay of our own (a `<govmark-outline>` host, fixed, letting clicks through, styled by the
 * stylesheet sent with the request); the page's own elements are never touched.
 */
import { overlayHost } from './overlay-host';

const SHOW_MS = 4000;

let current: (() => void) | undefined;

export function outlineElement(target: Element, css: string, ms = SHOW_MS): void {
  current?.();
  const doc = target.ownerDocument;
  const view = doc.defaultView!;
  const { host, root } = overlayHost(doc, 'govmark-outline', css);
  const box = root.appendChild(doc.createElement('div'));
  target.scrollIntoView({ block: 'center' });
  // Follows the mark while the page scrolls or reflows, until the time is up.
  let frame = 0;
  const place = () => {
    const r = target.getBoundingClientRect();
    box.style.cssText = `left:${r.left - 6}px;top:${r.top - 6}px;width:${r.width + 12}px;height:${r.height + 12}px`;
    frame = view.requestAnimationFrame(place);
  };
  const stop = () => {
    view.cancelAnimationFrame(frame);
    view.clearTimeout(timer);
    host.remove();
    current = undefined;
  };
  const timer = view.setTimeout(stop, ms);
  current = stop;
  place();
  doc.documentElement.append(host);
}
