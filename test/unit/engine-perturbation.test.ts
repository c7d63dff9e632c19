import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cascadeLevels, predictPerturbation } from '../../shared/engine/graph.ts';
import type { EdgeSign, Pathway } from '../../shared/pack/schema.ts';
import { pathwaySchema } from '../../shared/pack/schema.ts';
import { bundledBankAllKinds, bundledPack } from '../support/engine.ts';

type Edge = [
  from: string,
  to: string,
  sign: EdgeSign,
  extra?: { inferred?: boolean; contexts?: string[] },
];

function pathway(nodes: string[], edges: Edge[], contexts: string[] = []): Pathway {
  return pathwaySchema.parse({
    id: 'D9',
    title: 'Test pathway',
    summary: 'For tests.',
    tier: 'review',
    references: ['R17'],
    contexts: contexts.map((id) => ({ id, label: id, description: id })),
    nodes: nodes.map((id) => ({ id, entity: id, compartment: 'bone' })),
    edges: edges.map(([from, to, sign, extra], i) => ({
      id: `e${i}`,
      from,
      to,
      sign,
      factIds: extra?.inferred ? [] : [`F${String(i + 1).padStart(3, '0')}`],
      inferred: extra?.inferred ?? false,
      ...(extra?.inferred ? { inference: 'I5' } : {}),
      contexts: extra?.contexts ?? [],
    })),
  });
}

const effectOf = (
  p: Pathway,
  node: string,
  change: 'raised' | 'blocked',
  target: string,
  context?: string,
) =>
  predictPerturbation(p, { nodeId: node, change }, context).effects.find(
    (e) => e.nodeId === target,
  );

describe('predictPerturbation', () => {
  it('multiplies signs along a route: two inhibitions make a rise', () => {
    const p = pathway(
      ['x', 'm', 'd', 'ob'],
      [
        ['x', 'm', 'increases-level'],
        ['m', 'd', 'decreases-level'],
        ['d', 'ob', 'inhibits'],
      ],
    );
    const up = effectOf(p, 'x', 'raised', 'ob');
    expect(up?.effect).toBe('up');
    expect(up?.routes[0]?.chain).toBe('x → m ⊣ d ⊣ ob');
    expect(up?.factIds).toEqual(['F001', 'F002', 'F003']);
    expect(effectOf(p, 'x', 'blocked', 'ob')?.effect).toBe('down');
    expect(effectOf(p, 'x', 'blocked', 'd')?.effect).toBe('up');
  });

  it('answers "depends" where parallel routes disagree, with a route for each sign', () => {
    const p = pathway(
      ['x', 'a', 'b', 'mass'],
      [
        ['x', 'a', 'stimulates'],
        ['x', 'b', 'stimulates'],
        ['a', 'mass', 'increases-level'],
        ['b', 'mass', 'decreases-level'],
      ],
    );
    const mass = effectOf(p, 'x', 'raised', 'mass');
    expect(mass?.effect).toBe('depends');
    expect(mass?.routes.map((r) => r.sign).sort()).toEqual([-1, 1]);
  });

  it('leaves upstream and unlinked nodes unchanged, and no-difference edges carry nothing', () => {
    const p = pathway(
      ['x', 'y', 'z', 'w'],
      [
        ['x', 'y', 'stimulates'],
        ['y', 'z', 'no-difference'],
      ],
    );
    expect(effectOf(p, 'y', 'raised', 'x')?.effect).toBe('unchanged');
    expect(effectOf(p, 'y', 'raised', 'z')?.effect).toBe('unchanged');
    expect(effectOf(p, 'x', 'raised', 'w')?.effect).toBe('unchanged');
  });

  it('follows feedback loops without looping forever', () => {
    const p = pathway(
      ['tnf', 'il32', 'il6'],
      [
        ['tnf', 'il32', 'increases-level'],
        ['il32', 'tnf', 'increases-level'],
        ['il32', 'il6', 'increases-level'],
      ],
    );
    expect(effectOf(p, 'tnf', 'blocked', 'il6')?.effect).toBe('down');
    const self = effectOf(p, 'tnf', 'blocked', 'tnf');
    expect(self).toMatchObject({ perturbed: true, effect: 'down' });
  });

  it('follows inferred edges but says when an effect rests on them', () => {
    const p = pathway(
      ['d', 'wnt', 'ob'],
      [
        ['d', 'wnt', 'inhibits'],
        ['wnt', 'ob', 'stimulates', { inferred: true }],
      ],
    );
    expect(effectOf(p, 'd', 'raised', 'ob')).toMatchObject({
      effect: 'down',
      factualEffect: 'unchanged',
      dependsOnInference: true,
      inferenceIds: ['I5'],
    });
    expect(effectOf(p, 'd', 'raised', 'wnt')?.dependsOnInference).toBe(false);
  });

  it('restricts itself to one panel when given a context', () => {
    const p = pathway(
      ['x', 'y'],
      [['x', 'y', 'stimulates', { contexts: ['as'] }]],
      ['as', 'normal'],
    );
    expect(effectOf(p, 'x', 'raised', 'y', 'as')?.effect).toBe('up');
    expect(effectOf(p, 'x', 'raised', 'y', 'normal')?.effect).toBe('unchanged');
    expect(() => predictPerturbation(p, { nodeId: 'x', change: 'raised' }, 'ra')).toThrow(
      /no context "ra"/,
    );
    expect(() => predictPerturbation(p, { nodeId: 'nope', change: 'raised' })).toThrow(
      /no node "nope"/,
    );
  });

  it('agrees with the sign product on any chain of signed edges', () => {
    const signs: EdgeSign[] = ['stimulates', 'inhibits', 'increases-level', 'decreases-level'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...signs), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (chain, raise) => {
          const nodes = chain.map((_, i) => `n${i}`).concat(`n${chain.length}`);
          const p = pathway(
            nodes,
            chain.map((sign, i): Edge => [`n${i}`, `n${i + 1}`, sign]),
          );
          const negatives = chain.filter((s) => s === 'inhibits' || s === 'decreases-level').length;
          const expectedUp = (negatives % 2 === 0) === raise;
          const effect = effectOf(
            p,
            'n0',
            raise ? 'raised' : 'blocked',
            `n${chain.length}`,
          )?.effect;
          expect(effect).toBe(expectedUp ? 'up' : 'down');
        },
      ),
    );
  });

  it('reproduces Figure 1: raising IL-32γ raises both arms', () => {
    const d1 = bundledPack.pathways.find((p) => p.id === 'D1');
    if (!d1) throw new Error('no D1');
    const result = predictPerturbation(
      d1,
      { nodeId: 'il-32-gamma', change: 'raised' },
      undefined,
      bundledPack.entities,
    );
    const effect = (id: string) => result.effects.find((e) => e.nodeId === id)?.effect;
    expect(effect('dkk-1')).toBe('down');
    expect(effect('osteoblast-differentiation')).toBe('up');
    expect(effect('osteoclast-differentiation')).toBe('up');
  });
});

describe('cascadeLevels', () => {
  it('orders upstream before downstream and breaks cycles deterministically', () => {
    const p = pathway(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b', 'stimulates'],
        ['b', 'c', 'stimulates'],
        ['c', 'b', 'stimulates'],
        ['c', 'd', 'stimulates'],
      ],
    );
    const levels = cascadeLevels([p]);
    expect(levels.get('a')).toBe(0);
    expect(levels.get('b')).toBe(1);
    expect(levels.get('c')).toBe(2);
    expect(levels.get('d')).toBe(3);
    expect(cascadeLevels([p])).toEqual(levels);
  });
});

describe('perturbation explanations', () => {
  const parityRule = 'An odd number of lowering or inhibiting steps turns the change around.';
  const items = bundledBankAllKinds.quiz.filter((item) => item.kind === 'perturbation');

  it('state the parity rule only for a chain, never for a one-step route (audit 20261233)', () => {
    const oneStep = items.filter((item) => item.routes.every((r) => r.edgeIds.length === 1));
    const chains = items.filter((item) => item.routes.some((r) => r.edgeIds.length > 1));
    expect(oneStep.length).toBeGreaterThan(0);
    for (const item of oneStep) expect(item.explanation, item.id).not.toContain(parityRule);
    expect(chains.some((item) => item.explanation.includes(parityRule))).toBe(true);
  });
});
