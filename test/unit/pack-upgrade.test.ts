import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../shared/pack/problems.ts';
import { validatePack } from '../../shared/pack/validate.ts';
import { edit, readMiniPack, type PackTexts } from '../support/packs.ts';

/**
 * The mini pack as format 1 wrote it: species by four words, formatVersion 1, no sections in the
 * manifest (format 1 named them from a fixed list), and the pathway naming its figure and title.
 */
function asFormat1(): PackTexts {
  const mini = readMiniPack();
  const manifest = JSON.parse(mini['manifest.json'] ?? '{}') as Record<string, unknown>;
  delete manifest['sections'];
  const pathways = JSON.parse(mini['pathways.json'] ?? '[]') as Record<string, unknown>[];
  const format1Pathways = pathways.map((pathway) => ({
    ...pathway,
    title: 'IL-32γ in the spine',
    figure: 'Figure 2A',
  }));
  let files: PackTexts = {
    ...mini,
    'manifest.json': JSON.stringify({ ...manifest, formatVersion: 1 }, null, 2),
    'pathways.json': JSON.stringify(format1Pathways, null, 2),
  };
  files = edit(files, 'facts.json', '"species": ["Homo sapiens"]', '"species": "human"');
  files = edit(files, 'facts.json', '"species": ["Homo sapiens"]', '"species": "human-and-mouse"');
  return edit(files, 'facts.json', '"species": ["Homo sapiens"]', '"species": "unspecified"');
}

describe('packs of an earlier format', () => {
  it('reads a format-1 pack, its species upgraded to NCBI names', () => {
    const result = validatePack(asFormat1());
    if (!result.ok) throw new Error(result.problems.map((p) => formatProblem(p)).join('\n'));
    expect(result.pack.manifest.formatVersion).toBe(2);
    // Its sections come from the names it used, its figure's title from the pathway.
    expect(result.pack.manifest.sections.map((s) => [s.id, s.kind, s.title])).toEqual([
      ['abstract', 'abstract', 'Abstract'],
      ['figure-1', 'figure', 'Figure 1'],
      ['figure-2a', 'figure', 'IL-32γ in the spine'],
    ]);
    expect(result.pack.pathways.map((p) => [p.figure, p.title])).toEqual([
      ['figure-2a', 'IL-32γ in the spine'],
    ]);
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
