import { describe, expect, it, vi } from 'vitest';
import { generateBank } from '../../shared/engine/bank.ts';
import { checkBank, coverageGaps } from '../../shared/engine/check.ts';
import { kinds as kindDefs } from '../../shared/engine/kinds/index.ts';
import { claimKey } from '../../shared/engine/kinds/mcq/statement-mcq.ts';
import { everyPerturbationItem } from '../../shared/engine/kinds/perturbation/generate.ts';
import { indexPack } from '../../shared/engine/pack-index.ts';
import { quizKinds } from '../../shared/engine/types.ts';
import { WINDOW, windowOf } from '../../shared/engine/kinds/mcq/statement-mcq.ts';
import { replicatePack } from '../support/synthetic-pack.ts';
import {
  bundledBank,
  bundledBankAllKinds,
  bundledPack,
  fixtureBank,
  fixturePack,
  itemOf,
} from '../support/engine.ts';

describe.each([
  ['bundled il32-gamma pack', bundledPack, bundledBank],
  ['fixture pack', fixturePack, fixtureBank],
] as const)('the bank of the %s', (_name, pack, bank) => {
  it('breaks no rule of checkBank', () => {
    expect(checkBank(pack, bank)).toEqual([]);
  });

  it('teaches and quizzes every high-yield fact, leaves out few minor ones, and exercises every edge', () => {
    const gaps = coverageGaps(pack, bank);
    expect({ ...gaps, minorFactsLeftOut: [] }).toEqual({
      factsUntaught: [],
      factsWithoutQuizItem: [],
      edgesWithoutItem: [],
      minorFactsLeftOut: [],
    });
    // Left out where no item can be proven fair (a cause's effects are an open set, a phrase cannot
    // be typed fairly, a claim with no opposite is only ever true): reported by pack:stats; a
    // sudden rise means a rule broke. True/false asking only claims that can be turned round
    // (audits O to S) took it from 40 to 64 of 139.
    expect(gaps.minorFactsLeftOut.length).toBeLessThanOrEqual(Math.ceil(pack.facts.length * 0.47));
  });

  it('has unique, stable, seed-independent ids', () => {
    const ids = [...bank.cards.map((c) => c.id), ...bank.quiz.map((q) => q.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const other = generateBank(pack, { seed: 'another seed' });
    expect(other.quiz.map((q) => q.id)).toEqual(bank.quiz.map((q) => q.id));
    expect(other.cards.map((c) => c.id)).toEqual(bank.cards.map((c) => c.id));
  });

  it('is byte-identical for the same pack and seed', () => {
    expect(JSON.stringify(generateBank(pack, { seed: 1 }))).toBe(JSON.stringify(bank));
  });

  it('is the same whatever was built before it: no other pack or seed reaches its caches', async () => {
    // The same ids under other names: a cache keyed by id rather than by pack would mix them.
    const renamed = {
      ...pack,
      entities: pack.entities.map((e) => ({ ...e, name: `${e.name} variant` })),
    };
    vi.resetModules();
    const fresh = await import('../../shared/engine/bank.ts');
    const alone = JSON.stringify(fresh.generateBank(renamed, { seed: 1 }));
    // This file's engine has built `pack`'s bank, and now another seed's.
    generateBank(pack, { seed: 'another seed' });
    expect(JSON.stringify(generateBank(renamed, { seed: 1 }))).toBe(alone);
    expect(JSON.stringify(generateBank(pack, { seed: 1 }))).toBe(JSON.stringify(bank));
  });

  it('gives each card a distinct teaching rank from 0 upwards, in order', () => {
    expect(bank.cards.map((c) => c.teachingRank)).toEqual(bank.cards.map((_, i) => i));
  });
});

describe('the bundled bank', () => {
  const kinds = new Set(bundledBank.quiz.map((q) => q.kind));
  const perturbations = bundledBank.quiz.filter((q) => q.kind === 'perturbation');

  it('uses every kind not switched off (all but which-study, matching and ordering)', () => {
    expect(kinds.size).toBeGreaterThanOrEqual(7);
    const shown = quizKinds.filter((k) => k !== 'which-study' && !kindDefs[k].switchedOff);
    expect([...kinds].sort()).toEqual(shown.sort());
  });

  it('has at least twenty perturbation items, keyed rise or fall, never "no change" without a fact', () => {
    expect(perturbations.length).toBeGreaterThanOrEqual(20);
    const answers = perturbations.map((q) => q.options.find((o) => o.correct)?.id);
    for (const effect of ['up', 'down']) expect(answers).toContain(effect);
    // The bundled pack reports no "no difference after this intervention": no such key.
    expect(answers).not.toContain('unchanged');
  });

  it('asks no balance whose arms move the same way: the model cannot settle it (audit I)', () => {
    const all = everyPerturbationItem({ index: indexPack(bundledPack), seed: 1 });
    const balances = all.filter((q) => q.id.includes('~'));
    expect(balances.every((q) => q.options.find((o) => o.correct)?.id !== 'depends')).toBe(true);
    expect(all.some((q) => q.id.startsWith('perturbation:D1:il-32-gamma:raised:'))).toBe(true);
  });

  it('frames a double negative as a rise, with the facts behind each step', () => {
    // Before selection: key balance decides which of the allowed items the bank keeps.
    const item = everyPerturbationItem({ index: indexPack(bundledPack), seed: 1 }).find(
      (q) => q.id === 'perturbation:D1:il-32-gamma:raised:osteoblast-differentiation',
    );
    if (item === undefined) throw new Error('the rules no longer allow the item');
    expect(item.options.find((o) => o.correct)?.id).toBe('up');
    expect(item.routes[0]?.chain).toBe('IL-32γ → miR-29a ⊣ DKK-1 ⊣ Osteoblast differentiation');
    expect(item.factIds).toEqual(expect.arrayContaining(['F099', 'F100', 'F106']));
  });

  it('rests no pathway answer on an inferred edge', () => {
    const pathwayItems = bundledBank.quiz.filter((q) => q.pathwayId !== undefined);
    expect(pathwayItems.filter((q) => q.inferenceIds.length > 0).map((q) => q.id)).toEqual([]);
  });

  it('keeps contested facts out of every quiz item, and asks no "which study" trivia', () => {
    const contested = new Set(bundledPack.facts.filter((f) => f.contested).map((f) => f.id));
    for (const item of bundledBank.quiz) {
      expect(
        item.factIds.filter((id) => contested.has(id)),
        item.id,
      ).toEqual([]);
    }
    expect(bundledBank.quiz.some((q) => q.kind === 'which-study')).toBe(false);
  });

  it('offers each claim once among a statement question’s wrong options, whatever its setting', () => {
    const statementItems = bundledBank.quiz.filter(
      (q) => q.kind === 'mcq' && q.options.some((o) => o.statement !== undefined),
    );
    expect(statementItems.length).toBeGreaterThan(0);
    for (const item of statementItems) {
      if (item.kind !== 'mcq') continue;
      const claims = item.options.flatMap((o) =>
        !o.correct && o.statement ? [claimKey(o.statement)] : [],
      );
      expect(new Set(claims).size, item.id).toBe(claims.length);
    }
  });

  it('frames choice stems on their source or model, never naming the answer', () => {
    for (const item of bundledBank.quiz.filter((q) => q.kind === 'mcq')) {
      const key = item.options.find((o) => o.correct);
      if (key?.entityId !== undefined) expect(item.prompt, item.id).not.toContain(key.text);
      expect(item.prompt, item.id).toMatch(/review|model|et al\.|According to/);
    }
  });

  it('asks a few dozen single-best-answer questions: entity, study and model statements', () => {
    const mcqs = bundledBank.quiz.filter((q) => q.kind === 'mcq');
    // Fewer than before issue 10: only options a fact or a background fact proves wrong remain,
    // and a statement key needs a wrong option said with its verb (audit R).
    expect(mcqs.length).toBeGreaterThanOrEqual(10);
    const kinds = new Set(mcqs.map((q) => q.id.split(':')[0]));
    expect([...kinds].sort()).toEqual(['mcq-model', 'mcq-reverse', 'mcq-statement']);
    const statement = itemOf(bundledBank, 'mcq', (q) => q.id === 'mcq-statement:F073');
    expect(statement.prompt).toBe(
      'Which of the following does the review (Lee et al. 2017) state?',
    );
    expect(statement.options.find((o) => o.correct)?.text).toBe(
      'IL-32γ increases RANKL production.',
    );
  });

  it('still builds sound study-statement questions when a source has many times more findings', () => {
    // 12 copies: each source's near statements outgrow the window a fact weighs at a time.
    const large = replicatePack(bundledPack, 12);
    const statements = generateBank(large, { seed: 1 }).quiz.filter((q) =>
      q.id.startsWith('mcq-statement:'),
    );
    const perCopy = bundledBank.quiz.filter((q) => q.id.startsWith('mcq-statement:')).length;
    // Weighing windows instead of whole buckets may lose a few items, never more than 2 %.
    expect(statements.length).toBeGreaterThanOrEqual(Math.floor(perCopy * 12 * 0.98));
    expect(checkBank(large, { cards: [], quiz: statements })).toEqual([]);
  }, 180_000); // a bank twelve times the bundled one: 67 s on a loaded machine pinned to one core

  it('weighs every statement of a bucket exactly once over its rounds of windows', () => {
    for (const length of [0, 5, WINDOW, WINDOW + 1, 2 * WINDOW + 1, 5 * WINDOW]) {
      const bucket = Array.from({ length }, (_, i) => i);
      const rounds = Math.max(1, Math.ceil(length / WINDOW));
      const seen = Array.from({ length: rounds + 1 }, (_, round) =>
        windowOf(bucket, `F001:${length}`, round),
      );
      expect(seen.every((window) => window.length <= WINDOW)).toBe(true);
      expect(seen.at(-1)).toEqual([]);
      expect(seen.flat().sort((a, b) => a - b)).toEqual(bucket);
    }
  });

  it('asks which isoform from the review’s superlatives, offering only isoforms', () => {
    const item = itemOf(bundledBank, 'mcq', (q) => q.id === 'mcq-reverse:F035');
    expect(item.options.every((o) => /^IL-32[α-ω]$/.test(o.text))).toBe(true);
  });

  it('cites review-tier facts by figure', () => {
    const card = bundledBank.cards.find((c) => c.id === 'fact-cloze:F099');
    expect(card?.citations[0]).toEqual({
      referenceId: 'R17',
      label: 'Lee et al. 2017, Figure 1',
      tier: 'review',
    });
  });

  it('matches diseases to the compartment-specific change of IL-32γ (local vs systemic)', () => {
    // Matching is switched off for learners; its generator is still tested.
    const item = itemOf(
      bundledBankAllKinds,
      'matching',
      (q) => q.matchingFamily === 'disease-status' && q.anchorEntityId === 'il-32-gamma',
    );
    const pairs = Object.fromEntries(
      item.answer.map((a) => [a.leftId, item.right.find((r) => r.id === a.rightId)?.text]),
    );
    expect(pairs.as).toMatch(/^raised locally/);
    expect(pairs.osteoporosis).toMatch(/^reduced systemically/);
  });
});

describe('flashcards', () => {
  const card = (id: string) => {
    const found = bundledBank.cards.find((c) => c.id === id);
    if (!found) throw new Error(`no card ${id}`);
    return found;
  };

  it('asks each fact as its own sentence with the answer blanked', () => {
    expect(card('fact-cloze:F099')).toMatchObject({
      front: "In the review's Figure 1 model, IL-32γ raises the level of the microRNA _____.",
      back: 'miR-29a',
      factIds: ['F099'],
      pathwayIds: ['D1'],
    });
  });

  it('introduces each entity before the first fact that needs it', () => {
    for (const fact of bundledBank.cards.filter((c) => c.kind === 'fact-cloze')) {
      for (const entityId of fact.entityIds) {
        const definition = bundledBank.cards.find((c) => c.id === `entity-definition:${entityId}`);
        if (definition)
          expect(definition.teachingRank, `${entityId} before ${fact.id}`).toBeLessThan(
            fact.teachingRank,
          );
      }
    }
  });

  it('ranks definitions before mechanisms, and upstream before downstream', () => {
    const rank = (id: string) => card(id).teachingRank;
    expect(rank('entity-definition:il-32')).toBeLessThan(rank('fact-cloze:F099'));
    expect(rank('fact-cloze:F099')).toBeLessThan(rank('fact-cloze:F100'));
    expect(rank('fact-cloze:F073')).toBeLessThan(rank('fact-cloze:F074'));
  });

  it('makes no entity card for background entities', () => {
    const background = bundledPack.entities.filter((e) => e.background).map((e) => e.id);
    expect(background.length).toBeGreaterThan(0);
    const carded = new Set(
      bundledBank.cards.flatMap((c) => (c.kind.startsWith('entity') ? c.entityIds : [])),
    );
    expect(background.filter((id) => carded.has(id))).toEqual([]);
  });
});
