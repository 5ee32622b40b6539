import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fetchText } from '../utils/engine/fetch-text';
import { isWebAddress, type Options } from './options';

export interface Page {
  url: string;
  html: string;
  /** Where the address came from: downloaded, --url, or the file's "saved from url" comment. */
  source: 'fetched' | 'url-option' | 'saved-from';
}

/** A saved page's address: --url, else the "saved from url" comment browsers write. */
export async function loadPage(input: string, options: Options): Promise<Page> {
  if (isWebAddress(input)) {
    const response = await fetchText(input, {
      fetch,
      redirects: 'follow',
      timeoutMs: options.timeoutMs,
      maxBytes: 8 * 1024 * 1024,
    });
    if (response.status === 'unreachable') throw new Error(`could not fetch ${input}: ${response.detail}`);
    return { url: response.receipt.url, html: response.text, source: 'fetched' };
  }
  const html = await readFile(resolve(input), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`could not read ${input}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  // --url always wins; without any address the domain check would compare against nothing and cry wolf.
  if (options.url) return { url: options.url, html, source: 'url-option' };
  const savedFrom = savedFromUrl(html);
  if (!savedFrom) throw new Error(`could not tell where ${input} was saved from: give its address with --url`);
  return { url: savedFrom, html, source: 'saved-from' };
}

/**
 * The comment browsers write at the top of a saved page: `<!-- saved from url=(0027)https://… -->`,
 * first in the file or right after the doctype, its length prefix the address's length. One
 * anywhere else (inside a script, later in the page, after other content) was not written by a
 * browser and is not believed: a page could name any address for itself.
 */
const PROLOGUE = /^\ufeff?\s*(?:<!doctype[^>]*>\s*)?<!-- saved from url=\((\d{4})\)(https?:\/\/[^\s>]+) -->/i;

export function savedFromUrl(html: string): string | null {
  const m = PROLOGUE.exec(html.slice(0, 4096));
  return m && Number(m[1]) === m[2].length ? m[2] : null;
}
