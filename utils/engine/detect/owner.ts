/**
 * The unit(s) a page says run it, read from its footer text as a careful clerk would: a reading
 * must look like a unit's name, or there is no reading — a wrong name is worse than none.
 */

import {
  ENGLISH_UNIT_WORDS,
  NOT_OWNER_LABELS,
  OWNER_LABELS,
  PLACEHOLDERS,
  PROHIBITION_WORDS,
  SITE_NAME_ENDINGS,
  UNIT_ENDINGS,
} from './owner-words';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label may have a space between its characters (主　办：, padded to align with 承　办). */
const spaced = (label: string) => (/^[\p{Script=Han}]+$/u.test(label) ? [...label].join(' ?') : escapeRegExp(label));
const alternation = (labels: string[]) =>
  [...labels]
    .sort((a, b) => b.length - a.length)
    .map(spaced)
    .join('|');

const OWNER_LABEL = new RegExp(`(${alternation(OWNER_LABELS.map((l) => l.label))})`, 'gi');
/** Keyed as labels are read: lower case, without spaces (主　办, and the space in Sponsored by). */
const RANK = new Map(OWNER_LABELS.map((l) => [l.label.toLowerCase().replace(/ /g, ''), l.rank]));
/** Province abbreviations that start ICP and police record numbers (京ICP备, 渝公网安备). */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼蜀黔滇陇';
/** Where a value ends: a non-owner label, or a record number (with its province character glued on). */
const VALUE_END = new RegExp(`[${PROVINCES}]?(?:ICP|公网安备|公安备)|${alternation([...NOT_OWNER_LABELS])}|\\d{5,}`, 'iu');
const SEPARATORS = /^[\s、,，;；|｜丨│┃/·•]+/;
const NAME_RUN = /^[^\s、,，;；|｜丨│┃/·•（(]+/;
const COLON = /^ ?[：:﹕]/;
/** Years, © and "by" between a copyright label and the name. */
const COPYRIGHT_NOISE = /^(?:copyright|版权所有|©|\(c\)|by\b|\d{4}(?:\s*[-—–~至]\s*\d{4})?|[\s:：.,，])+/i;
const PROHIBITION = new RegExp(PROHIBITION_WORDS.join('|'));
const ENGLISH_UNIT = new RegExp(`\\b(?:${ENGLISH_UNIT_WORDS.join('|')})\\b`);
const ENGLISH_NAME = /^(?:[A-Z][\p{L}'’.-]*|of|and|for|the|on|&)(?: (?:[A-Z][\p{L}'’.-]*|of|and|for|the|on|&))*$/u;
const ENGLISH_END = /\.(?:\s|$)|[,|]|\s{2,}/;
/** 由 that starts the running unit of "本网由X主办", not the 由 inside 自由贸易区. */
const BY = /(?<![自缘理经])由/g;
const JOINTLY = /(?:联合|共同)$/;

type Rank = 'host' | 'copyright';
/** Bounds on a hostile page: labels considered (the last ones), and text read around each. */
const MAX_LABELS = 40;
const BEFORE_CHARS = 80;
const AFTER_CHARS = 200;

/**
 * The owners a footer prints, in page order. Within a rank the last reading wins (footers come
 * last; an article above may name an event's organisers); 主办 outranks 版权所有.
 */
export function ownersOf(text: string): string[] {
  let copyright: string[] | null = null;
  // Backwards, so that the cost is bounded on a hostile page: the last host reading ends the search.
  const labels = [...text.matchAll(OWNER_LABEL)].slice(-MAX_LABELS).reverse();
  for (const m of labels) {
    const label = m[1].replace(/ /g, '');
    // Every label the pattern matches is a key of RANK.
    const rank = RANK.get(label.toLowerCase())!;
    if (rank === 'copyright' && copyright) continue;
    const units = unitsAt(text, m.index, m[1].length, label, rank);
    if (!units.length) continue;
    if (rank === 'host') return distinct(units);
    copyright = units;
  }
  return copyright ? distinct(copyright) : [];
}

/** The units a label at `start` introduces: after it, or (`X主办`, `X 版权所有`) just before it. */
function unitsAt(text: string, start: number, length: number, label: string, rank: Rank): string[] {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const before = text.slice(Math.max(lineStart, start - BEFORE_CHARS), start);
  const after = text.slice(start + length, start + length + AFTER_CHARS);
  const colon = COLON.test(after);
  const units = colon || label !== '主办' ? unitsAfter(after, colon || rank === 'host') : [];
  if (units.length || colon || (label !== '主办' && label !== '版权所有')) return units;
  return unitsBefore(before, label);
}

/** The units after a label, up to the end of its line (or on the next line when the label ends its own). */
function unitsAfter(after: string, nextLine: boolean): string[] {
  let rest = after.replace(COLON, '');
  // A table cell or a <br> after the label: the value is on the next non-empty line.
  if (nextLine && /^\s*\n/.test(rest)) rest = rest.trimStart();
  return unitsIn(rest.split('\n', 1)[0].replace(COPYRIGHT_NOISE, ''));
}

/** `XX市人民政府主办`, `本网由A、B联合主办`, `© 2024 XX 版权所有`. */
function unitsBefore(before: string, label: string): string[] {
  if (label === '主办' && /\s$/.test(before)) return [];
  let segment = before.split(/[|｜丨│┃,，;；。]/).pop()!;
  const by = [...segment.matchAll(BY)].at(-1);
  if (by) segment = segment.slice(by.index + 1);
  // Its last word.
  else segment = /\S*$/.exec(segment.trimEnd())![0];
  segment = segment.replace(COPYRIGHT_NOISE, '').replace(JOINTLY, '');
  return unitsIn(segment);
}

/** Reads unit names off the start of a value; the first piece that is not a unit ends it. */
function unitsIn(text: string): string[] {
  // As printed (brackets stay full-width); compared after NFKC. Callers strip leading spaces with COPYRIGHT_NOISE.
  if (/^[A-Za-z]/.test(text.normalize('NFKC'))) {
    const english = englishUnit(text.normalize('NFKC'));
    return english ? [english] : [];
  }
  const units: string[] = [];
  let rest = text;
  for (let guard = 0; guard < 8; guard++) {
    rest = rest.replace(SEPARATORS, '');
    const run = NAME_RUN.exec(rest)?.[0];
    if (!run) break;
    // A stop word ends the value: the rest then starts with it, and the next run reads no name.
    const stop = run.search(VALUE_END);
    let name = stop === -1 ? run : run.slice(0, stop);
    if (stop === -1) name += aliasAfter(rest.slice(run.length));
    if (!isUnitName(name)) break;
    units.push(name);
    rest = rest.slice(name.length);
  }
  return units;
}

/** `民政部社会组织管理局（社会组织执法监督局）`: a bracket right after a name is part of it when it names a unit too. */
function aliasAfter(rest: string): string {
  const m = /^[（(]([^（()）]{2,40})[）)]/.exec(rest);
  return m && isUnitName(m[1]) ? m[0] : '';
}

function englishUnit(text: string): string | null {
  const end = text.search(ENGLISH_END);
  let name = (end === -1 ? text : text.slice(0, end)).trim();
  const stop = name.search(VALUE_END);
  if (stop !== -1) name = name.slice(0, stop).trim();
  return ENGLISH_NAME.test(name) && ENGLISH_UNIT.test(name) ? name : null;
}

/** Looks like a unit's name: ends in a unit word, is not a site's name, a sentence, a placeholder or a record. */
export function isUnitName(printed: string): boolean {
  const name = printed.normalize('NFKC');
  const core = name.replace(/[（(][^（()）]*[）)]$/, '');
  if (core.length < 3 || core.length > 40) return false;
  if (!/^[\p{Script=Han}0-9A-Za-z·]+$/u.test(core) || !/^\p{Script=Han}/u.test(core)) return false;
  if (PROHIBITION.test(name) || VALUE_END.test(name)) return false;
  if (PLACEHOLDERS.some((p) => p.test(name))) return false;
  if (SITE_NAME_ENDINGS.some((s) => core.endsWith(s))) return false;
  return UNIT_ENDINGS.some((u) => core.endsWith(u));
}

function distinct(units: string[]): string[] {
  const key = (s: string) => s.normalize('NFKC').replace(/[\s\p{P}]/gu, '');
  return units.filter((u, i) => units.findIndex((o) => key(o) === key(u)) === i);
}
