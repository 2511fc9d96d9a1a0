/**
 * domain/ is bundled into Temporal's deterministic workflow sandbox: no I/O, no clock, no
 * randomness, no imports but zod and its own files (extensionless, for moduleResolution Bundler).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const domainDir = path.resolve(import.meta.dirname, '../../domain');
// Subfolders too (domain/rates/ holds the rate tables as data).
const sources = fs
  .readdirSync(domainDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, code: fs.readFileSync(path.join(domainDir, file), 'utf8') }));

describe('domain/ stays deterministic', () => {
  it('has source files to check', () => {
    expect(sources.map((s) => s.file)).toContain('index.ts');
  });

  it.each(sources)('$file imports only zod and sibling files, without extensions', ({ code }) => {
    const specifiers = [...code.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'/g)].map((m) => m[1]!);
    for (const specifier of specifiers) {
      expect(specifier === 'zod' || /^\.\/[a-z-]+$/.test(specifier), specifier).toBe(true);
    }
    expect(code).not.toMatch(/\brequire\(|import\(/);
  });

  it.each(sources)('$file reads no clock, randomness or environment', ({ code }) => {
    expect(code).not.toMatch(/Date\.now\(|new Date\(\s*\)|Math\.random|performance\.now|process\.|globalThis|setTimeout|setInterval|fetch\(|console\./);
  });
});
