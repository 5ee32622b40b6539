import { describe, expect, it } from 'vitest';
import { type Reason, stateOf } from '../../utils/engine/verdict';

const reason = (severity: Reason['severity']): Reason => ({ code: 'domain-match', severity, evidence: {} });

describe('stateOf', () => {
  it('lets the worst severity decide', () => {
    expect(stateOf([reason('ok'), reason('unknown'), reason('warning')], true)).toBe('warning');
    expect(stateOf([reason('warning'), reason('danger')], true)).toBe('danger');
    expect(stateOf([reason('unknown')], false)).toBe('unknown');
  });
  it('is verified only with a verified certificate', () => {
    expect(stateOf([reason('ok')], true)).toBe('verified');
    expect(stateOf([reason('info')], false)).toBe('none');
  });
});

describe('the README', () => {
  it('documents every reason code', async () => {
    const { readFile } = await import('node:fs/promises');
    const { REASON_CODES } = await import('../../utils/engine/verdict');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8').catch(() => readFile('README.md', 'utf8'));
    expect(REASON_CODES.filter((code) => !readme.includes(`\`${code}\``))).toEqual([]);
  });
});
