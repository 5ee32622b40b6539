/**
 * Windowing for long lists of fixed-height rows: only the rows in view (and a few either side)
 * are in the DOM, so a table of 20,000 results costs what a table of 40 does. Hand-written (30
 * lines) rather than a library: the lists here have one fixed row height, and the libraries that
 * fit Preact bring measuring and variable heights this page does not need.
 */
import { useRef, useState } from 'preact/hooks';

/** Rows drawn beyond each edge of the view, so a scroll does not show blank space before the redraw. */
export const OVERSCAN = 10;
/** The view's height before it is laid out (or where nothing is laid out, as in unit tests). */
const DEFAULT_VIEW_PX = 800;

/** The rows [start, end) to draw for a view of `viewPx` scrolled to `scrollTop`. */
export function visibleRange(scrollTop: number, viewPx: number, rowPx: number, count: number, overscan = OVERSCAN) {
  const top = Math.max(0, scrollTop);
  const start = Math.min(count, Math.max(0, Math.floor(top / rowPx) - overscan));
  // The last row in view may be only partly in view.
  const end = Math.min(count, Math.ceil((top + viewPx) / rowPx) + overscan);
  return { start, end: Math.max(start, end) };
}

export function useVirtualWindow(count: number, rowPx: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: DEFAULT_VIEW_PX });
  const onScroll = () => {
    const el = ref.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight || DEFAULT_VIEW_PX });
  };
  /** Back to the first row (a new filter or order is read from its top). */
  const toTop = () => {
    if (ref.current) ref.current.scrollTop = 0;
    setView((v) => ({ ...v, top: 0 }));
  };
  return { ref, onScroll, toTop, ...visibleRange(view.top, view.height, rowPx, count) };
}
