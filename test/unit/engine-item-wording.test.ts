import { describe, expect, it } from 'vitest';
import { formsOf, indexPack } from '../../shared/engine/pack-index.ts';
import { mentionsAny } from '../../shared/engine/normalize.ts';
import { bundledBank, bundledPack } from '../support/engine.ts';

/** What audit R (seed 20261217) found in the wording of items, each checked over the whole bank. */

const index = indexPack(bundledPack);

describe('item wording', () => {
  it('a fill-in names its source once', () => {
    for (const item of bundledBank.quiz) {
      if (item.kind !== 'cloze') continue;
      const framedBy = /^Fill in the blank \(/.test(item.prompt);
      expect(framedBy && /\breview's\b/.test(item.prompt), item.id).toBe(false);
    }
  });

  it('no card shows its answer on the front', () => {
    for (const card of bundledBank.cards) {
      if (card.kind !== 'fact-cloze') continue;
      const answers = card.entityIds.filter((id) =>
        formsOf(index, id).some((form) => form.toLowerCase() === card.back.toLowerCase()),
      );
      expect(answers.length, card.id).toBeLessThanOrEqual(1);
      for (const id of answers) {
        expect(mentionsAny(card.front, formsOf(index, id)), `${card.id}: ${card.front}`).toBe(
          false,
        );
      }
    }
  });

  it('no edge-sign item asks a "no difference" between groups as a link', () => {
    const noDifference = new Set(
      bundledPack.pathways.flatMap((p) =>
        p.edges.filter((e) => e.sign === 'no-difference').map((e) => `${p.id}:${e.id}`),
      ),
    );
    expect(noDifference.size).toBeGreaterThan(0);
    for (const item of bundledBank.quiz) {
      if (item.kind !== 'diagram-edge') continue;
      expect(noDifference.has(`${item.pathwayId}:${item.hiddenEdgeId}`), item.id).toBe(false);
    }
  });

  it('a kinase is activated, and what changes is its activity, never its level (audit V)', () => {
    const kinases = new Set(
      bundledPack.entities.filter((e) => e.type === 'kinase').flatMap((e) => formsOf(index, e.id)),
    );
    const perturbations = bundledBank.quiz.filter((item) => item.kind === 'perturbation');
    const asked = perturbations.filter((item) => [...kinases].some((k) => item.prompt.includes(k)));
    expect(asked.length).toBeGreaterThan(0);
    for (const item of asked) {
      for (const kinase of kinases) {
        expect(item.prompt, item.id).not.toContain(`${kinase} is raised`);
        expect(item.prompt, item.id).not.toMatch(new RegExp(`happens to ${kinase}\\?`));
      }
    }
  });
});
