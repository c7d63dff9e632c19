import { describe, expect, it } from 'vitest';
import { bundledBank, bundledPack } from '../support/engine.ts';

/** What the learner studies from the bundled pack: cards written for a student. */

const teachingPointFacts = new Set(bundledPack.teachingPoints.flatMap((p) => p.factIds));

describe('high-yield marks', () => {
  const share = (items: readonly { highYield: boolean }[]) =>
    items.filter((i) => i.highYield).length / items.length;

  it('go to at most a third of the facts, cards and quiz items', () => {
    expect(share(bundledPack.facts)).toBeLessThanOrEqual(1 / 3);
    expect(share(bundledBank.cards)).toBeLessThanOrEqual(1 / 3);
    expect(share(bundledBank.quiz)).toBeLessThanOrEqual(1 / 3);
  });

  it('go only to the review’s own claims and its teaching points, never to dates', () => {
    const marked = bundledPack.facts.filter((f) => f.highYield);
    expect(marked.length).toBeGreaterThan(0);
    for (const fact of marked) {
      expect(fact.tier === 'review' || teachingPointFacts.has(fact.id), fact.id).toBe(true);
      expect(fact.relation, fact.id).not.toMatch(/first-identified-in|first-reported-in/);
    }
  });

  it('mark a quiz item only when every fact it rests on is high-yield', () => {
    const byId = new Map(bundledPack.facts.map((f) => [f.id, f]));
    for (const item of bundledBank.quiz.filter((i) => i.highYield)) {
      expect(
        item.factIds.every((id) => byId.get(id)?.highYield),
        item.id,
      ).toBe(true);
    }
  });
});
