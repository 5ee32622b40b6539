import { pathToFileURL } from 'node:url';
import { DOMParser } from 'linkedom';
import packageJson from '../package.json';
import { withHomepage } from '../utils/batch/batch-check';
import { type CheckResult, checkPage } from '../utils/engine/check-page';
import type { ConacClient } from '../utils/engine/conac-client';
import { detectMarks } from '../utils/engine/detect';
import { createHomepageJudge } from '../utils/engine/homepage';
import type { MessageKey } from '../utils/i18n';
import { renderText, toRecord } from '../utils/report';
import { runList } from './list';
import { runMerge } from './merge';
import { EXIT, isWebAddress, type Options, parseOptions, USAGE, UsageError } from './options';
import { loadPage, type Page } from './page-input';
import { runClient } from './registry';

/** The text output says which address was used and where it came from. */
const ADDRESS_SOURCES: Record<Page['source'], MessageKey> = {
  fetched: 'addressFetched',
  'url-option': 'addressFromUrlOption',
  'saved-from': 'addressFromSavedComment',
};

export async function run(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(error.message ? `${error.message}\n\n${USAGE}` : USAGE);
    return error.message ? 64 : 0;
  }
  if (options.merge) return runMerge(options, out, err);
  const registry = options.offline ? null : runClient(options);
  const client: ConacClient | null = registry?.client ?? null;
  if (options.list !== undefined) return runList(options.list, options, registry!, out, err);

  let status = 0;
  const homepage = options.homepage && createHomepageJudge();
  const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  for (const input of options.inputs) {
    let result: CheckResult;
    let page: Page;
    try {
      page = await loadPage(input, options);
      const checked = await checkPage(detectMarks(parseHtml(page.html), page.url), client);
      // A saved file is judged alone: its homepage is fetched only for a page fetched from the web.
      const web = isWebAddress(input) && homepage;
      result = await withHomepage(checked, { fetch, parseHtml, client, timeoutMs: options.timeoutMs, homepage: web });
    } catch (error) {
      // An input that cannot be read is not verified: say why, count it as unknown, go on.
      const message = error instanceof Error ? error.message : String(error);
      if (options.json) out(JSON.stringify({ input, error: message, verdict: { state: 'unknown', reasons: [] } }));
      else err(`${input}: ${message}`);
      status = Math.max(status, 1);
      continue;
    }
    // The same record as the extension's export; requestedUrl is the address as given (a file has none unless --url).
    const context = { version: packageJson.version, requestedUrl: isWebAddress(input) ? input : (options.url ?? null) };
    const addressSource = ADDRESS_SOURCES[page.source];
    out(
      options.json
        ? JSON.stringify(toRecord(result, options.lang, context))
        : `${renderText(result, options.lang, { addressSource })}\n`,
    );
    status = Math.max(status, EXIT[result.verdict.state]);
  }
  return status;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void run(
    process.argv.slice(2),
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  ).then((code) => (process.exitCode = code));
}
