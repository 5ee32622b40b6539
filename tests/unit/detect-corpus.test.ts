/**
 * The detection corpus: 95 realistic pages (JSP/ASP.NET/CMS footers, Vue/React/Angular builds,
 * jQuery string-built footers …) written from the forms seen on real government sites, each with
 * the marks a person looking at the page would find (tests/fixtures/detect-corpus/expected.json).
 *
 * The expectations were written by hand, independently of the detector. Mapping onto the Mark model:
 * - `displayed` is `active`; `where: 'script'` is a mark read from script text (`js-generated`);
 * - `linkKind` 'conac' is a certificate link on bszs.conac.cn, 'imitation' a certificate id carried
 *   by a link to another host (look-alike, redirector, own copy), 'none' no link at all.
 * - An unlinked copy of the image beside a linked mark of the same colour is not a separate problem
 *   (the rule): the detector folds it into the linked mark, so it is not looked for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMarks } from '../../utils/engine/detect';
import type { Mark } from '../../utils/engine/scan';
import { DOM_PARSERS } from './dom-parsers';

interface ExpectedMark {
  certificateId: string | null;
  colour: 'red' | 'blue' | null;
  displayed: boolean;
  linkKind: 'conac' | 'imitation' | 'none';
  where: 'dom' | 'script';
}
interface Page {
  file: string;
  url: string;
  class: string;
  marks: ExpectedMark[];
  note: string;
}

const DIR = join(__dirname, '../fixtures/detect-corpus');
const pages: Page[] = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));

/**
 * Where this project overrides the corpus writer's judgement, and why.
 * Pages 59 and 62: a server-side template comment (`<%-- --%>`, `{# #}`) left raw in served HTML is
 * text to a browser, so the writer called the mark inside displayed. The issue makes it a product rule
 * that a mark inside a server-side comment syntax is not displayed: the page's author meant it removed,
 * and a certificate kept behind it is not the page's claim.
 */
const OVERRIDES: Record<string, Record<string, Partial<ExpectedMark>>> = {
  '59-server-jsp-comment-raw.html': { '6B96EEF0E5AB800EFC3B23DD06E103B7': { displayed: false } },
  '62-server-jinja-raw.html': { '6343416380E558E370FF1759D2E34870': { displayed: false } },
};

/**
 * Pages where the detector still differs from the corpus, with the reason: a parser that does not
 * build the page as a browser does (the detector reads the DOM it is given; in the browser the
 * content script gets Chromium's), or a miss of the detector. Each is asserted to still differ, so
 * that a fix shows up here.
 */
const DOUBLE_ESCAPED =
  "parser: '<!--' then '<script' puts a browser's script tokenizer in the double-escaped state, where the inner '</script>' does not end the element; this parser ends it there";
const LIMITS: Record<string, Record<string, string>> = {
  'happy-dom': {
    '22-onclick-javascript-prefix.html':
      'detector: /images/wzbs.png (网站标识) linked to "#" names no unit type, and "wzbs" is in no table: the colourless unlinked mark is not found',
    '26-angular-click-open.html': 'parser: happy-dom drops the attribute named "(click)", which a browser keeps',
    '57-js-double-escaped-script.html': DOUBLE_ESCAPED,
    '59-server-jsp-comment-raw.html':
      'parser: happy-dom drops the text from "<%--" with the elements inside, which a browser parses as text and elements',
  },
  linkedom: {
    '22-onclick-javascript-prefix.html':
      'detector: /images/wzbs.png (网站标识) linked to "#" names no unit type, and "wzbs" is in no table: the colourless unlinked mark is not found',
    '57-js-double-escaped-script.html': DOUBLE_ESCAPED,
  },
};

const parsers = DOM_PARSERS;

type Seen = ExpectedMark;
function seen(m: Mark): Seen {
  return {
    certificateId: m.certId,
    colour: m.color,
    displayed: m.active,
    linkKind: m.certId == null ? 'none' : m.linkHost === 'bszs.conac.cn' && m.certificateLink ? 'conac' : 'imitation',
    where: m.kind === 'js-generated' ? 'script' : 'dom',
  };
}

function expected(page: Page): Seen[] {
  const linkedColours = new Set(page.marks.filter((m) => m.certificateId && m.displayed).map((m) => m.colour));
  return page.marks
    .filter((m) => m.certificateId || !m.colour || !linkedColours.has(m.colour))
    .map((m) => ({ ...m, ...(m.certificateId ? OVERRIDES[page.file]?.[m.certificateId] : {}) }));
}

const order = (a: Seen, b: Seen) =>
  `${a.certificateId}${a.colour}${a.where}`.localeCompare(`${b.certificateId}${b.colour}${b.where}`);

describe.each(parsers)('the detection corpus in %s', (name, parse) => {
  it.each(pages.map((p) => [p.file, p] as const))('%s', (_file, page) => {
    const html = readFileSync(join(DIR, page.file), 'utf8');
    const found = detectMarks(parse(html), page.url).marks.map(seen).sort(order);
    const want = expected(page).sort(order);
    const limit = LIMITS[name]?.[page.file];
    if (limit) expect(found, limit).not.toEqual(want);
    else expect(found, page.note).toEqual(want);
  });
});
