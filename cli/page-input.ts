import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fetchText } from '../utils/engine/fetch-text';
import { isWebAddress, type Options } from './options';

export interface Page {
  url: string;
  html: string;
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
    return { url: response.receipt.url, html: response.text };
  }
  const html = await readFile(resolve(input), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`could not read ${input}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const savedFrom = /<!-- saved from url=\(\d+\)(https?:\/\/[^\s>]+) -->/.exec(html.slice(0, 4096))?.[1];
  const address = options.url ?? savedFrom;
  // Without the page's address the domain check would compare against nothing and cry wolf.
  if (!address) throw new Error(`could not tell where ${input} was saved from: give its address with --url`);
  return { url: address, html };
}
