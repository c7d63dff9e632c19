import { describe, expect, it } from 'vitest';
import { generateBank } from '../../shared/engine/bank.ts';
import { indexPack } from '../../shared/engine/pack-index.ts';
import { edgeIsSolid } from '../../shared/engine/items/pathway-common.ts';
import { everyPerturbationItem } from '../../shared/engine/kinds/perturbation/generate.ts';
import type { Pack, Pathway, PathwayEdge } from '../../shared/pack/schema.ts';
import { factBase } from '../../shared/verify/facts.ts';
import { edgeProblem } from '../../shared/verify/pathway-keys.ts';
import { bundledPack } from '../support/engine.ts';

// D5 draws p38 MAPK → TNF-α citing F051 (IL-32 activates p38) and F052 (IL-32 induces TNF-α):
// neither states the link; only the textbook fact B082 (p38 MAPK raises TNF-α) does.
const pathway = bundledPack.pathways.find((p) => p.id === 'D5') as Pathway;
const edge = pathway.edges.find((e) => e.id === 'p38-mapk-to-tnf-alpha') as PathwayEdge;
const withoutB082: Pack = {
  ...bundledPack,
  background: bundledPack.background.filter((f) => f.id !== 'B082'),
};

/** Items whose key rests on that edge: a perturbation across it, its sign, a cascade through it. */
const usesEdge = (id: string): boolean =>
  /^perturbation:D5:p38-mapk:\w+:tnf-alpha$/.test(id) ||
  id === `diagram-edge:D5:${edge.id}` ||
  id.includes('>p38-mapk>tnf-alpha');

describe('an edge backs items only when a fact states it', () => {
  it('the cited facts do not state the link: the edge is not solid and backs no item', () => {
    expect(edge.factIds).toEqual(['F051', 'F052']);
    expect(edgeIsSolid(indexPack(withoutB082), pathway, edge)).toBe(false);
    const ids = generateBank(withoutB082, { seed: 1 }).quiz.map((q) => q.id);
    expect(ids.filter(usesEdge)).toEqual([]);
    expect(edgeProblem(factBase(withoutB082), pathway, edge)).toMatch(/no fact with its sign/);
  });

  it('a background fact stating the link with its sign makes the same edge back items', () => {
    expect(edgeIsSolid(indexPack(bundledPack), pathway, edge)).toBe(true);
    // What the rules allow, before selection balances the keys.
    const allowed = everyPerturbationItem({ index: indexPack(bundledPack), seed: 1 });
    expect(allowed.map((q) => q.id).filter(usesEdge)).toContain(
      'perturbation:D5:p38-mapk:raised:tnf-alpha',
    );
    expect(edgeProblem(factBase(bundledPack), pathway, edge)).toBeUndefined();
  });

  it('a background fact with the opposite sign does not', () => {
    const flipped: Pack = {
      ...bundledPack,
      background: bundledPack.background.map((f) =>
        f.id === 'B082' ? { ...f, relation: 'decreases' } : f,
      ),
    };
    expect(edgeIsSolid(indexPack(flipped), pathway, edge)).toBe(false);
    expect(edgeProblem(factBase(flipped), pathway, edge)).toBeDefined();
  });
});
