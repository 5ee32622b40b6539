/**
 * The footer corpus: real portals' footer styles (JSP, ASP.NET, CMS templates, Vue/React, English
 * pages), each with the owner(s) a careful reader takes from it — or none. Written by hand, one
 * file per style or trap; expected.json says what each file tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser as LinkedomParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readClaims } from '../../utils/engine/detect';

interface Row {
  file: string;
  url: string;
  owners: string[];
  style: string;
  note: string;
  classes: string[];
}

const dir = join(__dirname, '../fixtures/footers');
const rows: Row[] = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
const html = (file: string) => {
  const text = readFileSync(join(dir, file), 'utf8');
  return /<html[\s>]/i.test(text) ? text : `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${text}</body></html>`;
};

const parsers: [string, (html: string) => Document][] = [
  ['happy-dom', (text) => new DOMParser().parseFromString(text, 'text/html')],
  ['linkedom', (text) => new LinkedomParser().parseFromString(text, 'text/html') as unknown as Document],
];

describe('the footer corpus', () => {
  it('has at least 60 footers, with and without an owner, in every style', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(rows.filter((r) => r.owners.length === 0).length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.style))).toEqual(
      new Set([
        'jsp',
        'aspnet',
        'cms',
        'cms-trs',
        'cms-hanweb',
        'cms-jcms',
        'cms-dedecms',
        'vue',
        'react',
        'jquery',
        'jquery-script-only',
        'english',
        'plain',
      ]),
    );
  });

  describe.each(parsers)('read with %s', (_name, parse) => {
    it.each(rows.map((r) => [r.file, r] as const))('%s', (_file, row) => {
      const claims = readClaims(parse(html(row.file)));
      expect(claims.owners, row.note).toEqual(row.owners);
      expect(claims.owner).toBe(row.owners.length ? row.owners.join('、') : null);
    });
  });
});
