/** The host of anything GovMark draws on a page: our own element, a closed shadow root, its stylesheet. */
export function overlayHost(doc: Document, tag: string, css: string, mode: ShadowRootMode = 'closed') {
  const host = doc.createElement(tag);
  // Attached before the host joins the page: nothing on the page gets to attach one first.
  const root = host.attachShadow({ mode });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
