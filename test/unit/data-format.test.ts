/** The embedded data directory of an older data format is set aside, never replayed into new code. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FORMAT, ensureDataFormat } from '../../runtime/data-format';

describe('data format', () => {
  it('moves a directory of format 1 (no marker) aside, renamed, and marks the new one', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'format-'));
    const dir = path.join(root, 'data');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'temporal.sqlite'), 'old cases');
    const lines: string[] = [];
    ensureDataFormat(dir, (line) => lines.push(line));
    const aside = fs.readdirSync(root).find((name) => name.startsWith('data.format-1-'))!;
    expect(fs.readFileSync(path.join(root, aside, 'temporal.sqlite'), 'utf8')).toBe('old cases');
    expect(fs.readFileSync(path.join(dir, 'data-format'), 'utf8').trim()).toBe(String(DATA_FORMAT));
    expect(fs.readdirSync(dir)).toEqual(['data-format']);
    expect(lines.join('\n')).toContain(aside);
  });

  it('keeps a directory of the current format, and starts an empty one', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'format-'));
    const dir = path.join(root, 'data');
    ensureDataFormat(dir, () => undefined);
    fs.writeFileSync(path.join(dir, 'temporal.sqlite'), 'cases');
    ensureDataFormat(dir, () => undefined);
    expect(fs.readFileSync(path.join(dir, 'temporal.sqlite'), 'utf8')).toBe('cases');
    expect(fs.readdirSync(root)).toEqual(['data']);
  });
});
