/** The folders' rules (README › How it is built), checked over the source so a stray import fails the suite. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const MAX_LINES = 400;
/** The browser and UI frameworks: the pure engine runs in Node, a worker and a page alike. */
const BROWSER_OR_UI = /^(?:wxt(?:\/|$)|#imports$|webextension-polyfill$|@wxt-dev\/|preact(?:\/|$))/;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function importsOf(source: string): string[] {
  const specifiers = source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"]+)\1/g);
  return [...specifiers].map((m) => m[2]!);
}

/** Where a relative or `@/` import points, from the repository root. */
function targetOf(file: string, specifier: string): string | null {
  if (specifier.startsWith('@/') || specifier.startsWith('~/')) return specifier.slice(2);
  if (specifier.startsWith('.')) return relative(ROOT, resolve(ROOT, dirname(file), specifier));
  return null;
}

function violations(dir: string, rule: (file: string, specifier: string) => string | null): string[] {
  return sources(dir).flatMap((file) =>
    importsOf(readFileSync(join(ROOT, file), 'utf8')).flatMap((specifier) => {
      const why = rule(file, specifier);
      return why ? [`${file}: ${specifier} (${why})`] : [];
    }),
  );
}

const engineRule = (file: string, specifier: string) => {
  if (BROWSER_OR_UI.test(specifier)) return 'a browser or UI module in the pure engine';
  const target = targetOf(file, specifier);
  return target !== null && !target.startsWith('utils/engine/') ? 'leaves utils/engine/' : null;
};
const componentRule = (file: string, specifier: string) =>
  targetOf(file, specifier)?.startsWith('entrypoints/') ? 'a component importing an entrypoint' : null;

describe('architecture', () => {
  it('the engine imports nothing from the browser, the UI or outside utils/engine/', () => {
    expect(sources('utils/engine').length).toBeGreaterThan(10);
    expect(violations('utils/engine', engineRule)).toEqual([]);
  });

  it('no source file in utils/, components/, entrypoints/ or cli/ is over 400 lines (split by concern)', () => {
    const long = ['utils', 'components', 'entrypoints', 'cli']
      .flatMap(sources)
      .map((file) => [file, readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('components import nothing from entrypoints/', () => {
    expect(violations('components', componentRule)).toEqual([]);
  });

  it.each([
    ['utils/engine/verify.ts', "import { storage } from 'wxt/utils/storage';", 'a browser or UI module in the pure engine'],
    ['utils/engine/verify.ts', "import type { TabState } from '../extension/tab-state';", 'leaves utils/engine/'],
    ['utils/engine/detect/marks.ts', "export { h } from 'preact';", 'a browser or UI module in the pure engine'],
    ['utils/engine/detect/marks.ts', "const m = await import('@/utils/i18n');", 'leaves utils/engine/'],
    ['utils/engine/detect/marks.ts', "import { parseDomain } from '../domain';", null],
    ['components/Popup.tsx', "import { x } from '../entrypoints/popup/main';", 'a component importing an entrypoint'],
  ])('catches a breach: %s with %s', (file, line, expected) => {
    const rule = file.startsWith('components/') ? componentRule : engineRule;
    const found = importsOf(line).map((s) => rule(file, s));
    expect(found).toEqual([expected]);
  });
});
