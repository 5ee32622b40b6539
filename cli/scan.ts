import { pathToFileURL } from 'node:url';
import { DOMParser } from 'linkedom';
import packageJson from '../package.json';
import { type CheckResult, checkPage } from '../utils/engine/check-page';
import type { ConacClient } from '../utils/engine/conac-client';
import { detectMarks } from '../utils/engine/detect';
import { renderText, toRecord } from '../utils/report';
import { runList } from './list';
import { runMerge } from './merge';
import { EXIT, isWebAddress, type Options, parseOptions, USAGE, UsageError } from './options';
import { loadPage } from './page-input';
import { runClient } from './registry';

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
  for (const input of options.inputs) {
    let result: CheckResult;
    try {
      const page = await loadPage(input, options);
      const doc = new DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
      result = await checkPage(detectMarks(doc, page.url), client);
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
    out(options.json ? JSON.stringify(toRecord(result, options.lang, context)) : `${renderText(result, options.lang)}\n`);
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
