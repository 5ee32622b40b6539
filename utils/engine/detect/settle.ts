/** Settling: pairs embed scripts with the containers they rendered into, then removes duplicates. */
import type { Mark, MarkKind } from '../scan';
import { type Candidate, type Link, MAX_MARKS, noColor, noLink, noScript, outerHtml, type Scan, textStart } from './context';
import { IMAGE_LIKE } from './dom-marks';
import { colorOf } from './image-sources';
import { hrefLink } from './links';

export function settle(scan: Scan): Mark[] {
  const candidates = [...scan.candidates, ...liveScriptMarks(scan)];
  const rank = (m: Candidate) => (m.active ? 0 : 10) + KIND_RANK[m.kind];
  const preferred = [...candidates].sort((a, b) => rank(a) - rank(b) || a.order - b.order);
  const taken = new Set<string>();
  const kept: Candidate[] = [];
  for (const m of preferred) {
    const keys = keysOf(m);
    if (keys.some((k) => taken.has(k))) continue;
    for (const k of keys) taken.add(k);
    kept.push(m);
  }
  // Script or comment markup with neither id nor script cannot be told apart from a mark the
  // page shows; when the page shows one, that markup is most likely its source. (A commented-out
  // mark is never active.)
  const shown = kept.some((m) => m.active && m.kind !== 'js-generated');
  // An unlinked copy of the image beside a linked mark of its colour (a mobile footer) is that mark again.
  const linkedColors = new Set(kept.filter((m) => m.active && m.certId).map((m) => m.color));
  const copy = (m: Candidate) => m.kind === 'image-only' && m.color != null && linkedColors.has(m.color);
  return kept
    .filter((m) => !(shown && (m.kind === 'js-generated' || m.kind === 'commented-out') && !m.certId && !m.scriptCode))
    .filter((m) => !copy(m))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.order - b.order)
    .slice(0, MAX_MARKS)
    .map(({ order: _, html, ...mark }) => ({ ...mark, html: typeof html === 'string' ? html : outerHtml(html) }));
}

const KIND_RANK: Record<MarkKind, number> = {
  'live-script': 0,
  'static-link': 1,
  'text-link': 2,
  'image-only': 3,
  'js-generated': 4,
  'commented-out': 5,
};

/** Marks sharing a key are one mark. The host is part of the id key: a spoof of a real id stays. */
function keysOf(m: Candidate): string[] {
  const keys: string[] = [];
  if (m.certId) keys.push(`id ${m.certId} ${m.linkHost}`);
  if (m.scriptCode) keys.push(`code ${m.scriptCode}`);
  if (!m.certId && m.linkUrl) keys.push(`link ${m.linkUrl}`);
  if (m.kind === 'image-only') keys.push(`image ${m.color} ${m.errorIcon}`);
  return keys;
}

/**
 * The official script fills the first `#_ideConac`; saved pages add copies, duplicate ids and
 * empty spans. Renders are paired with embed scripts in page order, one mark per pair.
 * Active: a render is displayed. Without one, the script would still render in static HTML,
 * but in a live page it has had its chance and failed.
 */
function liveScriptMarks(scan: Scan): Candidate[] {
  const embeds = [...scan.embeds.values()];
  const renders: { el: Element; order: number; link: Link; image: Element | null }[] = [];
  const seen = new Set<string>();
  const empty: { el: Element; order: number }[] = [];
  for (const c of scan.containers) {
    const anchor = c.el.querySelector('a[href]');
    const image = c.el.querySelector(IMAGE_LIKE);
    if (!anchor && !image) {
      empty.push(c);
      continue;
    }
    // An `a[href]` always has a link.
    const link = (anchor && hrefLink(anchor, scan)!.link) || noLink;
    const key = `${link.linkUrl} ${image?.getAttribute('src')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    renders.push({ ...c, link, image });
  }
  const marks: Candidate[] = [];
  for (let i = 0; i < Math.max(embeds.length, renders.length); i++) {
    const embed = embeds[i];
    const render = renders[i];
    const script = { scriptCode: embed?.code ?? null, scriptUrl: embed?.url ?? null };
    if (render) {
      const kind: MarkKind = embed || render.link.linkUrl ? 'live-script' : 'image-only';
      const order = Math.min(render.order, embed?.order ?? Infinity);
      const color = colorOf(render.image, render.el, () => textStart(render.el, 200));
      marks.push({ kind, ...script, ...render.link, ...color, active: true, html: render.el, order });
    } else {
      marks.push({
        kind: 'live-script',
        ...script,
        ...noLink,
        ...noColor,
        active: !scan.live,
        html: embed!.html,
        order: embed!.order,
      });
    }
  }
  // A lone empty container is the trace of an embed whose script is gone or broken.
  if (!marks.length && empty.length) {
    const [{ el, order }] = empty;
    marks.push({ kind: 'live-script', ...noScript, ...noLink, ...noColor, active: false, html: el, order });
  }
  return marks;
}
