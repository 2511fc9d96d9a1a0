/** The logger's redaction (logging/logger.ts): fields on the list, identifiers in any string. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubText } from '../../logging/logger';

function captured() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'info' }, stream), lines };
}

describe('logger', () => {
  it('removes DUF numbers and fødselsnummer from strings, as typed, but not ids that contain digits', () => {
    for (const typed of ['202612345671', '2026 1234 5671', '14039012345', '140390 12345', '140390-12345']) expect(scrubText(`x ${typed} y`)).toBe('x [redacted] y');
    for (const kept of ['2026-12-01T23:47:28.400Z', '12345678', 'c0ffee12-1234-5678-9012-123456789012', 'case-123456789012abcdef', '/v1/cases/case-1/persons/m1']) expect(scrubText(kept)).toBe(kept);
  });

  it('replaces redacted fields at any depth and scrubs messages and errors', async () => {
    const { logger, lines } = captured();
    const error = new Error('notify failed for 202612345671');
    logger.info({ caseId: 'case-1', deep: { permit: { persons: [{ givenName: 'Amal' }] }, list: [{ dufNumber: '202612345682', ok: 1 }] }, err: error }, 'step by 14039012345');
    await new Promise((r) => setImmediate(r));
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ caseId: 'case-1', level: 'info', msg: 'step by [redacted]', deep: { permit: '[redacted]', list: [{ dufNumber: '[redacted]', ok: 1 }] } });
    expect(line.err.message).toBe('notify failed for [redacted]');
    expect(lines[0]).not.toContain('Amal');
  });
});
