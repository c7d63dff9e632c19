import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackFolder } from '../../services/packs/pack-folder.ts';
import { generateBank } from '../../shared/engine/bank.ts';
import { checkBank, coverageGaps } from '../../shared/engine/check.ts';
import { packJsonSchemaFiles } from '../../shared/pack/json-schema.ts';
import { requiredPackFileNames } from '../../shared/pack/schema.ts';
import { runPackScript } from '../support/packs.ts';
import { tempDir } from '../support/test-scope.ts';

const run = runPackScript;

describe('pack:new', () => {
  it('scaffolds a pack the real loader and pack:check accept, and says what to do next', () => {
    const dir = path.join(tempDir('pack-new'), 'nested', 'bone-wnt');
    const made = run('pack-new.ts', 'bone-wnt', '--dir', dir, '--title', 'Wnt in bone');
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Next steps');
    expect(made.stdout).toContain(`npm run pack:check -- ${dir}`);

    for (const file of [...requiredPackFileNames, 'layout.json']) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    for (const [file, text] of Object.entries(packJsonSchemaFiles())) {
      expect(readFileSync(path.join(dir, file), 'utf8'), file).toBe(text);
    }
    const loaded = loadPackFolder(dir);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    if (!loaded.ok) return;
    expect(loaded.pack.manifest).toMatchObject({ id: 'bone-wnt', title: 'Wnt in bone' });
    expect(loaded.pack.manifest.$schema).toBe('./schema/manifest.schema.json');
    // The engine takes an empty pack: no items, nothing to break, nothing left uncovered.
    const bank = generateBank(loaded.pack, { seed: 1 });
    expect([bank.cards.length, bank.quiz.length]).toEqual([0, 0]);
    expect(checkBank(loaded.pack, bank)).toEqual([]);
    expect(coverageGaps(loaded.pack, bank).factsUntaught).toEqual([]);
    // Every field the author must write is marked, so none ships as if it were content.
    expect(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).toMatch(/"TODO: [^"]+"/);

    // Valid, with each placeholder left to write named as a warning at its place.
    const checked = run('pack-check.ts', dir);
    expect(checked.stdout).toContain('no problems');
    expect(checked.stdout).toContain(
      `⚠ ${path.join(dir, 'references.json')}:6:14  "TODO: the review's title" is still to write`,
    );
    expect(checked.stdout).toContain('"10.0000/TODO" is still to write');
    expect(checked.stdout).not.toContain('Wnt in bone');
    expect(checked.code).toBe(0);
  });

  it('refuses a folder that exists, and leaves it as it was', () => {
    const dir = path.join(tempDir('pack-new'), 'taken');
    mkdirSync(dir);
    const { code, stdout, stderr } = run('pack-new.ts', 'taken', '--dir', dir);
    expect(stderr.trim()).toBe(`${dir} already exists; choose another id or --dir`);
    expect(stdout).toBe('');
    expect(code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses an id the manifest's own id rule rejects, and writes nothing", () => {
    const root = tempDir('pack-new');
    const dir = path.join(root, 'bad');
    const { code, stderr } = run('pack-new.ts', 'Bone_Wnt', '--dir', dir);
    expect(stderr.trim()).toBe(
      '"Bone_Wnt" is not a valid pack id: it must be a kebab-case entity id such as "sclerostin" or "tnf-alpha"',
    );
    expect(code).toBe(1);
    expect(readdirSync(root)).toEqual([]);
  });
});
