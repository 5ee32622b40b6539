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

/** Modules whose code a bundle of `entry` holds: value imports and re-exports followed (`import type` ships nothing). */
function bundledModules(entry: string): Set<string> {
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    const source = readFileSync(join(ROOT, file), 'utf8');
    const statements = source.matchAll(
      /^(?:import|export)\s+(?!type\s)[^;]*?\bfrom\s*(['"])([^'"]+)\1|^import\s*(['"])([^'"]+)\3/gm,
    );
    for (const m of statements) {
      const target = targetOf(file, m[2] ?? m[4]!);
      const resolved =
        target && [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`].find((f) => sources(dirname(f)).includes(f));
      if (resolved) visit(resolved);
    }
  };
  visit(entry);
  return found;
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

  it('the content script, which runs on every page, does not ship the owner reader (the service worker reads owners)', () => {
    const content = bundledModules('entrypoints/content.ts');
    expect(content).toContain('utils/engine/detect/marks.ts');
    expect(content).toContain('utils/engine/detect/claims.ts');
    for (const reader of ['owner.ts', 'owner-words.ts', 'complete.ts'])
      expect(content).not.toContain(`utils/engine/detect/${reader}`);
    // The walk follows re-exports: the detector's front door does lead to the owner reader.
    expect(bundledModules('utils/engine/detect/index.ts')).toContain('utils/engine/detect/owner-words.ts');
  });

  it('content scripts use only what the lean context of modules/content-script-runtime offers (ctx.onInvalidated, ctx.isInvalid)', () => {
    const scripts = sources('entrypoints').filter((f) => /(?:^|[/.])content\.tsx?$/.test(f));
    expect(scripts).toEqual(expect.arrayContaining(['entrypoints/content.ts', 'entrypoints/companion.content.ts']));
    const used = scripts.flatMap((f) =>
      [...readFileSync(join(ROOT, f), 'utf8').matchAll(/\bctx\s*\.\s*(\w+)/g)].map((m) => m[1]),
    );
    expect(used.length).toBeGreaterThan(0);
    expect(new Set(used)).toEqual(new Set(['onInvalidated', 'isInvalid']));
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
