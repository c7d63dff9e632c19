import { describe, expect, it } from 'vitest';
import { indexPack } from '../../shared/engine/pack-index.ts';
import { oncePerPack, perPack } from '../../shared/engine/per-pack.ts';
import type { Fact } from '../../shared/pack/schema.ts';
import { fixturePackDir, readPackDir } from '../support/pack-dir.ts';

const pack = readPackDir(fixturePackDir);

describe('per-pack helpers', () => {
  it('perPack builds an index once per pack index, and anew for another', () => {
    const built: unknown[] = [];
    const factCount = perPack((index) => {
      built.push(index);
      return index.factById.size;
    });
    const first = indexPack(pack);
    const second = indexPack(pack);
    expect([factCount(first), factCount(first), factCount(second)]).toEqual([
      pack.facts.length,
      pack.facts.length,
      pack.facts.length,
    ]);
    expect(built).toEqual([first, second]);
  });

  it('oncePerPack answers each key once, an undefined answer included, and tells two facts apart by identity', () => {
    const asked: string[] = [];
    const firstReference = oncePerPack(
      (fact: Fact) => fact,
      (_index, fact: Fact): string | undefined => {
        asked.push(fact.id);
        return fact.references.length > 0 ? undefined : 'none';
      },
    );
    const index = indexPack(pack);
    const [fact] = pack.facts;
    if (!fact) throw new Error('the fixture pack has no facts');
    const twin: Fact = { ...fact };
    expect(firstReference(index, fact)).toBeUndefined();
    expect(firstReference(index, fact)).toBeUndefined();
    expect(firstReference(index, twin)).toBeUndefined();
    expect(asked).toEqual([fact.id, fact.id]);
  });
});
