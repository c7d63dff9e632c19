import { describe, expect, it } from 'vitest';
import { evidenceSpecies } from '../../shared/engine/items/evidence-species.ts';
import type { Fact, Pathway } from '../../shared/pack/schema.ts';
import { bundledPackDir, readPackDir } from '../support/pack-dir.ts';

/** A pathway's title names no species: a link or route shown only in animals must say so. */
describe('evidenceSpecies', () => {
  const pack = readPackDir(bundledPackDir);
  const fact = (id: string, species: string[]): Fact => {
    const found = pack.facts.find((f) => f.id === id);
    if (!found) throw new Error(id);
    return {
      ...found,
      context: { ...found.context, species: species as Fact['context']['species'] },
    };
  };
  const primary = { ...(pack.pathways.find((p) => p.tier === 'primary') as Pathway) };
  const review = { ...(pack.pathways.find((p) => p.tier === 'review') as Pathway) };

  it('says the animals when every finding that names a species was made in them', () => {
    expect(evidenceSpecies(primary, [fact('F082', ['Mus musculus'])])).toBe(' (shown in mice)');
    expect(
      evidenceSpecies(primary, [
        fact('F082', ['Mus musculus']),
        fact('F083', ['Rattus norvegicus']),
        fact('F001', []),
      ]),
    ).toBe(' (shown in mice and rats)');
  });

  it('says when people and animals mix, and nothing for human or unspecified findings', () => {
    expect(
      evidenceSpecies(primary, [fact('F082', ['Mus musculus']), fact('F066', ['Homo sapiens'])]),
    ).toBe(' (from human and mouse studies)');
    expect(evidenceSpecies(primary, [fact('F066', ['Homo sapiens'])])).toBe('');
    expect(evidenceSpecies(primary, [fact('F001', [])])).toBe('');
  });

  it('leaves the review’s own figure models to the review', () => {
    expect(evidenceSpecies(review, [fact('F082', ['Mus musculus'])])).toBe('');
  });
});
