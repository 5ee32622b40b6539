import { describe, expect, it } from 'vitest';
import { visibleRange } from '../../components/virtual-window';

describe('visibleRange', () => {
  // [scrollTop, view px, row px, rows, overscan] → [start, end)
  const cases: Array<[number, number, number, number, number, number, number]> = [
    [0, 600, 60, 20000, 10, 0, 20], // top: the 10 rows in view and 10 below
    [6000, 600, 60, 20000, 10, 90, 120], // row 100 first in view: 10 above, 10 in view, 10 below
    [6030, 600, 60, 20000, 10, 90, 121], // half a row scrolled: one more row shows at the bottom
    [0, 600, 60, 5, 10, 0, 5], // fewer rows than the view
    [1_199_400, 600, 60, 20000, 10, 19980, 20000], // the bottom
    [99_999_999, 600, 60, 20000, 10, 20000, 20000], // past the end (a list that just got shorter)
    [-50, 600, 60, 100, 10, 0, 20], // overscrolled above the top
    [0, 600, 60, 0, 10, 0, 0], // nothing to show
  ];
  it.each(cases)('scrollTop %d, view %d, row %d, %d rows, overscan %d → [%d, %d)', (top, view, row, count, over, start, end) => {
    expect(visibleRange(top, view, row, count, over)).toEqual({ start, end });
  });
});
