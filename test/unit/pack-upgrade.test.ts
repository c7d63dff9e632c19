import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../shared/pack/problems.ts';
import { validatePack } from '../../shared/pack/validate.ts';
import { edit, readMiniPack, type PackTexts } from '../support/packs.ts';

/** The mini pack as format 1 wrote it: species by four words, formatVersion 1. */
function asFormat1(): PackTexts {
  let files = edit(readMiniPack(), 'manifest.json', '"formatVersion": 2', '"formatVersion": 1');
  files = edit(files, 'facts.json', '"species": ["Homo sapiens"]', '"species": "human"');
  files = edit(files, 'facts.json', '"species": ["Homo sapiens"]', '"species": "human-and-mouse"');
  return edit(files, 'facts.json', '"species": ["Homo sapiens"]', '"species": "unspecified"');
}

describe('packs of an earlier format', () => {
  it('reads a format-1 pack, its species upgraded to NCBI names', () => {
    const result = validatePack(asFormat1());
    if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p)).join('\n'));
    expect(result.pack.manifest.formatVersion).toBe(2);
    const species = result.pack.facts.map((fact) => fact.context.species).filter((s) => s.length);
    expect(species).toEqual([['Homo sapiens'], ['Homo sapiens', 'Mus musculus']]);
    const current = validatePack(readMiniPack());
    expect(current.ok).toBe(true);
  });

  it('refuses the old words in a format-2 pack, pointing at them', () => {
    const files = edit(
      readMiniPack(),
      'facts.json',
      '"species": ["Homo sapiens"]',
      '"species": "human"',
    );
    const result = validatePack(files);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => formatProblem(p))).toEqual([
      expect.stringMatching(
        /^facts\.json:\d+:\d+ \$\[\d+\]\.context\.species: expected array, found "human" \(format 2 names species by NCBI Taxonomy: write \["Homo sapiens"\]\)$/,
      ),
    ]);
  });

  it('refuses a species that is not an NCBI Taxonomy name it knows', () => {
    const files = edit(
      readMiniPack(),
      'facts.json',
      '"species": ["Homo sapiens"]',
      '"species": ["human"]',
    );
    const result = validatePack(files);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(
      /Homo sapiens.*Rattus norvegicus/,
    );
  });
});
