/** Both palettes of components/theme.css keep every text colour legible on the backgrounds it is used on (WCAG AA, 4.5:1). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../components/theme.css'), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2].toLowerCase()]));
}
const light = variables(css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {'))));
const darkBlock = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
const dark = { ...light, ...variables(darkBlock.slice(0, darkBlock.indexOf('}\n}'))) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** [text, background] as the stylesheets pair them. */
const PAIRS: [string, string][] = [
  ...['text', 'text-soft', 'muted', 'accent', 'ok', 'info', 'warning', 'danger', 'unknown', 'organ', 'institution'].flatMap(
    (text): [string, string][] => [
      [text, 'surface'],
      [text, 'subtle'],
    ],
  ),
  ...['accent', 'ok', 'info', 'warning', 'danger', 'unknown'].map((solid): [string, string] => ['on-solid', solid]),
  ['band-danger-text', 'band-danger'],
  ['ok-strong', 'ok-tint'],
  ['warning-strong', 'warning-tint'],
  ['unknown-strong', 'unknown-tint'],
  ['unknown', 'unknown-tint'],
  ['text', 'neutral-tint'],
  ['text', 'warning-tint'],
  ['text', 'danger-tint'],
  ['danger', 'danger-tint'],
  ['organ', 'danger-tint'],
  ['institution', 'institution-tint'],
  ['accent', 'institution-tint'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s palette', (_name, palette) => {
  it('defines every colour the pairs use', () => {
    for (const [text, background] of PAIRS)
      expect([palette[text], palette[background]], `${text} on ${background}`).not.toContain(undefined);
  });

  it.each(PAIRS)('%s on %s has at least 4.5:1 contrast', (text, background) => {
    expect(contrast(palette[text]!, palette[background]!)).toBeGreaterThanOrEqual(4.5);
  });
});

it('the dark palette is dark and overrides the colours it changes', () => {
  expect(luminance(dark.surface!)).toBeLessThan(0.02);
  expect(Object.keys(variables(darkBlock)).length).toBeGreaterThan(30);
});
