/**
 * domain/ is bundled into Temporal's deterministic workflow sandbox: no I/O, no clock, no
 * randomness, no imports but zod and its own files (extensionless, for moduleResolution Bundler).
 * The rules (<topic>.ts) carry no zod at all: the schemas are in <topic>.schema.ts (and the
 * building blocks in schema.ts), which a rule file may import types from only — types are erased,
 * so a workflow importing the rules evaluates no zod (issue 13; test/workflows/bundle.test.ts
 * checks the bundle itself).
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

  it.each(sources)('$file imports only zod and sibling files, without extensions', ({ file, code }) => {
    // domain/case/ reaches its parent's topics; a type (erased) may come from the notification catalogue.
    const nested = file.includes('/');
    const valueSpecifiers = [...code.matchAll(/(?:import|export)\s+(?!type\s)[^'";]*?from\s+'([^']+)'/g)].map((m) => m[1]!);
    const typeSpecifiers = [...code.matchAll(/(?:import|export)\s+type\s[^'";]*?from\s+'([^']+)'/g)].map((m) => m[1]!);
    const sibling = (specifier: string) => specifier === 'zod' || /^\.\/[a-z-]+(\.schema)?$/.test(specifier) || (nested && /^\.\.\/[a-z-]+(\.schema)?$/.test(specifier));
    for (const specifier of valueSpecifiers) expect(sibling(specifier), specifier).toBe(true);
    for (const specifier of typeSpecifiers) {
      const allowed = sibling(specifier) || /^\.\/case\/[a-z-]+$/.test(specifier) || (nested && /^\.\.\/\.\.\/notifications\/[a-z-/]+$/.test(specifier));
      expect(allowed, specifier).toBe(true);
    }
    expect(code).not.toMatch(/\brequire\(|import\(/);
  });

  const rules = sources.filter(({ file }) => !/(^|\/)(index|schema)\.ts$|\.schema\.ts$/.test(file));
  it.each(rules)('$file (rules) imports no zod and no schema module, except types', ({ code }) => {
    const valueImports = [...code.matchAll(/(?:import|export)\s+(?!type\s)[^'";]*?from\s+'([^']+)'/g)].map((m) => m[1]!);
    expect(valueImports.filter((specifier) => specifier === 'zod' || /^\.\/(schema|[a-z-]+\.schema)$/.test(specifier))).toEqual([]);
  });

  it.each(sources)('$file reads no clock, randomness or environment', ({ code }) => {
    expect(code).not.toMatch(/Date\.now\(|new Date\(\s*\)|Math\.random|performance\.now|process\.|globalThis|setTimeout|setInterval|fetch\(|console\./);
  });
});
