import { describe, expect, it } from 'vitest';
import { stateOf, type Reason } from '../../utils/verdict';

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
