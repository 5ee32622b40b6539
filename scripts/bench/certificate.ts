/**
 * Certificate parse time: parseCertificate on certificate pages of about 5 KB and 50 KB, in
 * Node and in the extension's own service worker (where it runs for the extension).
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Worker } from 'playwright-core';
import { parseCertificate } from '../../utils/engine/certificate';
import { certificatePage } from '../stand-in/pages';
import { recordByKey } from '../stand-in/registry';
import { median } from './stats';

/**
 * A certificate page padded to about `bytes` (UTF-8) with what real pages carry around the
 * fields: navigation, notices, a table of links, a script and a style block.
 */
export function certificatePageOfSize(bytes: number, key = 'beijing'): string {
  const record = recordByKey(key);
  const base = Buffer.byteLength(certificatePage(record));
  const unit =
    '<div class="notice"><h3>通知公告</h3><ul><li><a href="/n/1.html">关于开展党政机关网站标识核查工作的通知</a><span>2024-03-01</span></li>' +
    '<li><a href="/n/2.html">网上标识管理办法解读</a><span>2024-02-18</span></li></ul>' +
    '<table class="links"><tr><td><a href="/a">政务和公益机构域名注册管理中心</a></td><td>机构说明</td></tr></table>' +
    '<script>var _stat = { page: "cert", t: 1 };</script><style>.notice li{line-height:2}</style></div>\n';
  const count = Math.max(0, Math.round((bytes - base) / Buffer.byteLength(unit)));
  return certificatePage(record, unit.repeat(count));
}

export interface ParseTimes {
  sizes: number[];
  /** Median ms per size, in Node. */
  node: number[];
  /** Median ms per size, in the extension's service worker (NaN when not measured). */
  worker: number[];
  rounds: number;
}

function timeNode(html: string, rounds: number, windowMs: number): number {
  const id = recordByKey('beijing').id;
  if (parseCertificate(html, id).status !== 'ok') throw new Error('the benchmark certificate page does not parse');
  for (let i = 0; i < 100; i++) parseCertificate(html, id);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = performance.now();
    let elapsed: number;
    do {
      parseCertificate(html, id);
      n++;
      elapsed = performance.now() - start;
    } while (elapsed < windowMs);
    samples.push(elapsed / n);
  }
  return median(samples);
}

export async function benchCertificate(serviceWorker: Worker | null, root: string, rounds = 31): Promise<ParseTimes> {
  const pages = [5 * 1024, 50 * 1024].map((size) => certificatePageOfSize(size));
  const node = pages.map((html) => timeNode(html, rounds, 20));
  let worker = pages.map(() => NaN);
  if (serviceWorker) {
    const bundle = await build({
      stdin: {
        contents: `import { parseCertificate } from './utils/engine/certificate'; globalThis.__govmarkParse = parseCertificate;`,
        resolveDir: resolve(root),
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      format: 'iife',
      write: false,
      target: 'es2022',
      logLevel: 'silent',
    });
    // Evaluated as the expression itself (a debugger evaluation), not through eval: the extension's CSP forbids eval.
    await serviceWorker.evaluate(bundle.outputFiles[0]!.text);
    // A string, not a function: tsx would wrap named inner functions in a helper the worker lacks.
    worker = await serviceWorker.evaluate(`(() => {
      const pages = ${JSON.stringify(pages)};
      const id = ${JSON.stringify(recordByKey('beijing').id)};
      const parse = globalThis.__govmarkParse;
      const med = (xs) => { const s = [...xs].sort((p, q) => p - q); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
      return pages.map((html) => {
        if (parse(html, id).status !== 'ok') return NaN;
        for (let i = 0; i < 100; i++) parse(html, id);
        const samples = [];
        for (let r = 0; r < ${rounds}; r++) {
          let n = 0;
          const start = performance.now();
          let elapsed;
          do { parse(html, id); n++; elapsed = performance.now() - start; } while (elapsed < 20);
          samples.push(elapsed / n);
        }
        return med(samples);
      });
    })()`);
  }
  return { sizes: pages.map((p) => Buffer.byteLength(p)), node, worker, rounds };
}
