import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cueLines, disagreementLines, verifyBank } from '../../shared/verify/index.ts';
import { generateBank } from '../../shared/engine/bank.ts';
import { keyCheckOf } from '../../shared/engine/kinds/index.ts';
import { bundledPackDir, readPackDir } from '../support/pack-dir.ts';

/**
 * The independent check over the bundled bank. This asserts the real thing: no disagreement and
 * no winning cue. On the generators of ad32abc it fails (see bank-audit-findings.md) until the
 * generator work of issue 10 lands.
 */
describe('the bundled bank, checked independently', () => {
  const pack = readPackDir(bundledPackDir);
  const verification = verifyBank(pack, generateBank(pack, { seed: 1 }).quiz, keyCheckOf);

  it('has no key the raw facts disagree with', () => {
    expect(disagreementLines(verification)).toEqual([]);
  });

  it('gives no cue that wins', () => {
    expect(cueLines(verification).filter((line) => line.startsWith('✗'))).toEqual([]);
  });
});

describe('shared/verify stays independent of the generators', () => {
  const dir = path.resolve('shared/verify');
  const imports = readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      [
        ...readFileSync(path.join(dir, file), 'utf8').matchAll(
          /^import (type )?[^;]*? from '([^']+)';/gms,
        ),
      ].map((m) => ({ file, typeOnly: m[1] !== undefined, from: m[2] ?? '' })),
    );

  it('imports its own modules, the pack format, and engine types (type-only) and nothing else', () => {
    expect(imports.length).toBeGreaterThan(10);
    const outside = imports.filter(({ from, typeOnly }) => {
      if (from.startsWith('./')) return false;
      if (from === '../pack/schema.ts' || from === '../pack/species.ts') return false;
      if (from === '../engine/types.ts' || from === '../pack/relations.ts') return !typeOnly;
      return true;
    });
    expect(outside).toEqual([]);
  });
});
