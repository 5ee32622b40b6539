import { DOMParser as LinkedomParser } from 'linkedom';

/** The DOMs the detector reads: the content script's browser DOM (happy-dom stands in) and the command line's linkedom. */
export const DOM_PARSERS: [name: string, parse: (html: string) => Document][] = [
  ['happy-dom', (html) => new DOMParser().parseFromString(html, 'text/html')],
  ['linkedom', (html) => new LinkedomParser().parseFromString(html, 'text/html') as unknown as Document],
];

export const htmlPage = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;
