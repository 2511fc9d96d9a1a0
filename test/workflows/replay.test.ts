/**
 * Determinism: recorded histories of real cases replay through the current workflow code. A change
 * that would break running cases fails here; guard it with patched() and keep the old history.
 *
 * Recorded by `npm run record-histories` (after a deliberate, patched() change only).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { describe, expect, inject, it } from 'vitest';
import { testDataConverter } from '../harness/codec';

const dir = path.join(import.meta.dirname, '..', 'histories');

describe('replay of recorded histories', () => {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith('settlement-') && f.endsWith('.json')) : [];

  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s replays through the current workflow code', async (file) => {
    const history: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter: testDataConverter() }, history, file)).resolves.toBeUndefined();
  });
});
