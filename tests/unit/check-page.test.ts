/** One check of one page: what is asked of the registry, in which order, and what the verdict is built from. */
import { describe, expect, it } from 'vitest';
import { checkPage } from '../../utils/engine/check-page';
import type { CertificateLookup, ConacClient, ScriptLookup } from '../../utils/engine/conac-client';
import { BEIJING_ID, certificate, mark, scan } from './helpers';

const SCRIPT_CODE = 'CA110000000000000000001';
const OTHER_ID = 'B'.repeat(32);

/** A registry that answers from two tables and writes down every question. */
function recordingClient(certificates: Record<string, CertificateLookup>, scripts: Record<string, ScriptLookup> = {}) {
  const asked: string[] = [];
  const client: ConacClient = {
    certificate: async (id) => {
      asked.push(`certificate ${id}`);
      return certificates[id] ?? { status: 'not-found' };
    },
    scriptCertId: async (code) => {
      asked.push(`script ${code}`);
      return scripts[code] ?? { status: 'unresolved', detail: 'no such script' };
    },
  };
  return { client, asked };
}

const fixedClock = () => Date.UTC(2026, 10, 30, 8, 0, 0);

describe('checkPage', () => {
  it('offline: nothing is asked, the lookups say offline, and the page is judged on its own', async () => {
    const result = await checkPage(scan(), null, fixedClock);
    expect(result.lookups).toEqual({ certificates: {}, scripts: {}, offline: true });
    expect(result.verdict.state).toBe('unknown');
  });

  it('online: the certificate the mark links to is read and verifies the page', async () => {
    const { client, asked } = recordingClient({ [BEIJING_ID]: { status: 'ok', certificate: certificate() } });
    const result = await checkPage(scan(), client, fixedClock);
    expect(asked).toEqual([`certificate ${BEIJING_ID}`]);
    expect(result.lookups.offline).toBe(false);
    expect(result.verdict.state).toBe('verified');
  });

  it('the time of the check comes from the clock it is given', async () => {
    const result = await checkPage(scan(), null, fixedClock);
    expect(result.checkedAt).toBe('2026-11-30T08:00:00.000Z');
  });

  it('returns the scan it judged', async () => {
    const page = scan();
    expect((await checkPage(page, null, fixedClock)).scan).toBe(page);
  });

  it('an unrendered official embed is resolved first, then the certificate it names is read', async () => {
    const embed = mark({
      kind: 'live-script',
      certId: null,
      scriptCode: SCRIPT_CODE,
      linkUrl: null,
      linkHost: null,
      active: false,
    });
    const { client, asked } = recordingClient(
      { [BEIJING_ID]: { status: 'ok', certificate: certificate() } },
      { [SCRIPT_CODE]: { status: 'ok', certId: BEIJING_ID } },
    );
    const result = await checkPage(scan({ marks: [embed] }), client, fixedClock);
    expect(asked).toEqual([`script ${SCRIPT_CODE}`, `certificate ${BEIJING_ID}`]);
    expect(result.lookups.scripts[SCRIPT_CODE]).toEqual({ status: 'ok', certId: BEIJING_ID });
    expect(result.lookups.certificates[BEIJING_ID]?.status).toBe('ok');
  });

  it('a hostile page with many marks gets at most three certificate questions', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `${i}`.repeat(32));
    const marks = ids.map((id) => mark({ certId: id, linkUrl: `https://bszs.conac.cn/sitename?method=show&id=${id}` }));
    const { client, asked } = recordingClient({});
    await checkPage(scan({ marks }), client, fixedClock);
    expect(asked).toEqual(ids.slice(0, 3).map((id) => `certificate ${id}`));
  });

  it('a hostile page with many embeds gets at most three script questions', async () => {
    const codes = Array.from({ length: 5 }, (_, i) => `CA11000000000000000000${i}`);
    const marks = codes.map((code) =>
      mark({ kind: 'live-script', certId: null, scriptCode: code, linkUrl: null, linkHost: null, active: false }),
    );
    const { client, asked } = recordingClient({});
    await checkPage(scan({ marks }), client, fixedClock);
    expect(asked).toEqual(codes.slice(0, 3).map((code) => `script ${code}`));
  });

  it('a certificate that is not found is recorded under its id', async () => {
    const other = mark({ certId: OTHER_ID, linkUrl: `https://bszs.conac.cn/sitename?method=show&id=${OTHER_ID}` });
    const { client } = recordingClient({});
    const result = await checkPage(scan({ marks: [other] }), client, fixedClock);
    expect(result.lookups.certificates).toEqual({ [OTHER_ID]: { status: 'not-found' } });
  });
});
