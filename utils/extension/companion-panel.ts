/**
 * The companion's panel on a certificate page: a host element of its own with a closed shadow
 * root and its own styles, fixed at the top (the page does not move), reachable by keyboard. The
 * page cannot read or restyle it; if the page removes it, it comes back (a few times).
 */
import type { CompanionView } from './companion-view';
import { overlayHost } from './overlay-host';

const STYLE = `:host{all:initial}
.panel{position:fixed;top:8px;left:50%;transform:translateX(-50%);z-index:2147483647;box-sizing:border-box;
max-width:min(640px,calc(100vw - 16px));padding:10px 40px 10px 14px;border-radius:8px;border:2px solid #6b7280;
background:#fff;color:#1f2328;font:14px/1.6 system-ui,"Microsoft YaHei",sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.2)}
.panel:focus{outline:3px solid #2563eb;outline-offset:2px}
.match{border-color:#15803d}.mismatch{border-color:#b91c1c}.related{border-color:#b45309}
.title{font-weight:600;font-size:12px;color:#57606a}
p{margin:2px 0}.match .verdict{color:#15803d}.mismatch .verdict{color:#b91c1c}.related .verdict{color:#b45309}
button{position:absolute;top:6px;right:6px;width:28px;height:28px;border:0;border-radius:4px;background:transparent;color:#57606a;font:18px/1 system-ui;cursor:pointer}
button:focus-visible{outline:3px solid #2563eb}
@media (prefers-color-scheme:dark){.panel{background:#12161c;color:#e6edf3}.title,button{color:#9aa4ae}
.match .verdict{color:#4ade80}.mismatch .verdict{color:#f87171}.related .verdict{color:#fbbf24}}`;

const MAX_RESTORES = 10;

export function showCompanion(doc: Document, view: CompanionView): () => void {
  const { host, root } = overlayHost(doc, 'govmark-companion', STYLE);
  const panel = doc.createElement('section');
  panel.className = `panel ${view.tone}`;
  panel.tabIndex = 0;
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', view.title);
  const title = doc.createElement('div');
  title.className = 'title';
  title.textContent = view.title;
  panel.append(title);
  view.lines.forEach((line, i) => {
    const p = doc.createElement('p');
    if (i === 0) p.className = 'verdict';
    p.textContent = line;
    panel.append(p);
  });
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', view.close);
  panel.append(close);
  root.append(panel);
  // Page styles cannot hide the host: inline !important outranks any stylesheet of the page.
  host.style.setProperty('display', 'block', 'important');
  host.style.setProperty('visibility', 'visible', 'important');

  let restores = 0;
  const observer = new (doc.defaultView ?? window).MutationObserver(() => {
    if (host.isConnected || restores >= MAX_RESTORES) return;
    restores++;
    doc.documentElement.append(host);
  });
  const dismiss = () => {
    observer.disconnect();
    host.remove();
  };
  close.addEventListener('click', dismiss);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') dismiss();
  });
  doc.documentElement.append(host);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return dismiss;
}

/** Resolves once the page has been quiet for `quietMs`, or after `maxMs` whatever it does. */
export function settled(doc: Document, quietMs = 400, maxMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const view = doc.defaultView ?? window;
    let quiet: ReturnType<typeof setTimeout>;
    const done = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(limit);
      resolve();
    };
    const observer = new view.MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    quiet = setTimeout(done, quietMs);
    const limit = setTimeout(done, maxMs);
  });
}
