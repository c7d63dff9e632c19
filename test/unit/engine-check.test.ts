import { afterAll, describe, expect, it } from 'vitest';
import { checkBank } from '../../shared/engine/check.ts';
import { indexPack } from '../../shared/engine/pack-index.ts';
import { claimStatement } from '../../shared/engine/items/distractors.ts';
import { refutationOf, supportOf } from '../../shared/engine/semantics.ts';
import {
  violationRules,
  type Bank,
  type ChoiceOption,
  type QuizItem,
  type ViolationRule,
  type WhichStudyItem,
} from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import { bundledBank, bundledBankAllKinds, bundledPack, itemOf } from '../support/engine.ts';

/**
 * checkBank must be able to fail: every rule is shown firing on a deliberately broken item, and
 * the same item unbroken passes.
 */
const fired = new Set<ViolationRule>();
const index = indexPack(bundledPack);

function rulesFor(items: readonly QuizItem[], pack: Pack = bundledPack): ViolationRule[] {
  const bank: Bank = { cards: [], quiz: items };
  return checkBank(pack, bank).map((v) => v.rule);
}

function expectRule(rule: ViolationRule, broken: QuizItem | QuizItem[], pack?: Pack): void {
  const rules = rulesFor(Array.isArray(broken) ? broken : [broken], pack);
  expect(rules).toContain(rule);
  fired.add(rule);
}

const mcq = itemOf(bundledBank, 'mcq', (q) => q.claim.kind !== 'statement');
const diagramNode = itemOf(bundledBank, 'diagram-node');
// The content rules for entity choices are shared by MCQs and hidden nodes; the hidden node's
// claim ("local IL-32γ lowers ?") has entities that fit it and entities nothing is known about.
const mcqClaim = diagramNode.claim;
const mcqAnswer = mcq.options.find((o) => o.correct)?.text ?? '';
// A fact the bank asks both ways, true and flipped (which facts are asked so is the selection's).
const pairedFact = bundledBank.quiz
  .filter((q) => q.id.startsWith('tf-flip:'))
  .map((q) => q.id.slice('tf-flip:'.length))
  .find((id) => bundledBank.quiz.some((q) => q.id === `tf-true:${id}`));
const tfTrue = itemOf(bundledBank, 'true-false', (q) => q.id === `tf-true:${pairedFact ?? ''}`);
const tfFalse = itemOf(bundledBank, 'true-false', (q) => q.id === `tf-flip:${pairedFact ?? ''}`);
const cloze = itemOf(bundledBank, 'cloze', (q) => q.id === 'cloze:F099');
const matching = itemOf(
  bundledBankAllKinds,
  'matching',
  (q) => q.matchingFamily === 'disease-status',
);
// Ordering is switched off after audit H; its rules still hold for the items it would make.
const ordering = itemOf(bundledBankAllKinds, 'ordering', (q) => q.answer.length >= 3);
const perturbation = itemOf(
  bundledBank,
  'perturbation',
  (q) => q.perturbation.versus === undefined,
);
const contextStatus = itemOf(bundledBank, 'context', (q) => q.ask === 'status');
const diagramEdge = itemOf(bundledBank, 'diagram-edge', (q) => q.pathwayId === 'D1');
const statementMcq = itemOf(bundledBank, 'mcq', (q) => q.claim.kind === 'statement');
const samples: QuizItem[] = [
  mcq,
  tfTrue,
  tfFalse,
  cloze,
  matching,
  ordering,
  perturbation,
  contextStatus,
  diagramEdge,
  diagramNode,
  statementMcq,
];

const wrong = (options: readonly ChoiceOption[]): ChoiceOption => {
  const found = options.find((o) => !o.correct);
  if (!found) throw new Error('no wrong option');
  return found;
};
const withCorrect = (options: readonly ChoiceOption[], id: string): ChoiceOption[] =>
  options.map((o) => ({ ...o, correct: o.id === id }));

describe('checkBank', () => {
  it('passes the unbroken sample items', () => {
    expect(rulesFor(samples)).toEqual([]);
  });

  describe('structure', () => {
    it('refuses duplicate ids', () => expectRule('duplicate-id', [mcq, mcq]));
    it('refuses an empty prompt', () => expectRule('prompt-empty', { ...tfTrue, prompt: ' ' }));
    it('refuses an empty explanation', () =>
      expectRule('explanation-empty', { ...tfTrue, explanation: '' }));
    it('refuses items without citations', () =>
      expectRule('citations-missing', { ...tfTrue, citations: [] }));
    it('refuses items resting on no fact', () =>
      expectRule('facts-missing', { ...tfTrue, factIds: [] }));
    it('refuses unknown facts', () => expectRule('fact-unknown', { ...tfTrue, factIds: ['F999'] }));
    it('refuses background facts', () => {
      const fact = bundledPack.facts.find((f) => f.id === pairedFact);
      const backgroundPack: Pack = {
        ...bundledPack,
        entities: bundledPack.entities.map((e) =>
          e.id === fact?.subject || e.id === fact?.object ? { ...e, background: true } : e,
        ),
      };
      expectRule('fact-background', tfTrue, backgroundPack);
    });
    it('refuses a malformed answer', () =>
      expectRule('answer-shape', { ...cloze, prompt: cloze.prompt.replace('_____', '…') }));
    it('wants exactly four MCQ options', () =>
      expectRule('mcq-option-count', {
        ...mcq,
        options: mcq.options.filter((o) => o !== wrong(mcq.options)),
      }));
    it('wants two to four options on other choice items', () =>
      expectRule('option-count', {
        ...contextStatus,
        options: contextStatus.options.filter((o) => o.correct),
      }));
    it('wants exactly one correct option', () =>
      expectRule('one-correct-option', {
        ...mcq,
        options: mcq.options.map((o) => ({ ...o, correct: true })),
      }));
    it('wants a rationale for every wrong option', () =>
      expectRule('rationale-missing', {
        ...mcq,
        options: mcq.options.map((o) => (o.correct ? o : { ...o, rationale: '' })),
      }));
    it('refuses one entity offered twice under two names', () => {
      const twin = bundledPack.entities.find(
        (e) => e.id !== 'il-32' && index.entitiesByForm.get('il32')?.includes(e.id),
      );
      expect(twin).toBeDefined();
      const options = mcq.options.map((o, i) =>
        o.correct ? o : { ...o, id: `x${i}`, entityId: i % 2 === 0 ? 'il-32' : (twin?.id ?? '') },
      );
      expectRule('duplicate-option', { ...mcq, options });
    });
  });

  describe('content', () => {
    it('refuses a stem that names the answer', () =>
      expectRule('answer-in-stem', { ...mcq, prompt: `${mcq.prompt} (Hint: ${mcqAnswer}.)` }));
    it('refuses a stem not framed on a source or a model', () =>
      expectRule('stem-not-framed', {
        ...mcq,
        prompt: 'IL-32γ decreases which of the following?',
        citations: mcq.citations.map((c) => ({ ...c, label: 'Somebody 1999' })),
      }));
    it('refuses an answer no fact supports (and the displaced answer then fits the stem)', () => {
      const broken = { ...mcq, options: withCorrect(mcq.options, wrong(mcq.options).id) };
      expectRule('answer-unsupported', broken);
      expectRule('distractor-satisfies-stem', broken);
    });
    it('refuses a background entity as an answer', () =>
      expectRule('answer-background', {
        ...cloze,
        answer: {
          text: 'Wnt signalling',
          entityId: 'wnt-signalling',
          accepted: ['Wnt signalling'],
        },
      }));
    it('refuses an inferred edge as an answer', () => {
      const edge = bundledPack.pathways.find((p) => p.id === 'D1')?.edges.find((e) => e.inferred);
      expectRule('answer-inferred', { ...diagramEdge, hiddenEdgeId: edge?.id ?? '' });
    });
    it('refuses a contested fact behind a single-answer item', () => {
      const contested = bundledPack.facts.find((f) => f.contested);
      expectRule('answer-contested', {
        ...tfTrue,
        factIds: [...tfTrue.factIds, contested?.id ?? ''],
      });
    });
    it('refuses a distractor that fits the stem', () => {
      const fits = bundledPack.entities.find(
        (e) =>
          !diagramNode.options.some((o) => o.entityId === e.id) &&
          supportOf(index, claimStatement(mcqClaim, e.id, { compartments: [], diseases: [] })) !==
            null,
      );
      expect(fits).toBeDefined();
      const options = diagramNode.options.map((o) =>
        o === wrong(diagramNode.options)
          ? { ...o, id: fits?.id ?? '', entityId: fits?.id ?? '' }
          : o,
      );
      expectRule('distractor-satisfies-stem', { ...diagramNode, options });
    });
    it('refuses a distractor merely because nothing is known about it', () => {
      const situation = { compartments: [], diseases: [] };
      const unknown = bundledPack.entities.find((e) => {
        if (e.type !== 'cytokine' || e.background) return false;
        const statement = claimStatement(mcqClaim, e.id, situation);
        return !supportOf(index, statement) && !refutationOf(index, statement);
      });
      expect(unknown).toBeDefined();
      const options = diagramNode.options.map((o) =>
        o === wrong(diagramNode.options)
          ? { ...o, id: unknown?.id ?? '', entityId: unknown?.id ?? '' }
          : o,
      );
      expectRule('distractor-unproven', { ...diagramNode, options });
    });
    it('refuses a distractor of another type than the answer', () => {
      const options = diagramNode.options.map((o) =>
        o === wrong(diagramNode.options)
          ? { ...o, id: 'osteoporosis', entityId: 'osteoporosis' }
          : o,
      );
      expectRule('distractor-type', { ...diagramNode, options });
    });
    it('refuses a "true" statement the pack does not state', () =>
      expectRule('true-statement-unsupported', {
        ...tfTrue,
        statement: { ...tfTrue.statement, object: 'il-10' },
      }));
    it('refuses a "false" statement that is a fact of the pack', () =>
      expectRule('false-statement-is-fact', { ...tfFalse, statement: tfTrue.statement }));
    it('refuses a "false" statement nothing in the pack refutes', () =>
      expectRule('false-statement-unproven', {
        ...tfFalse,
        statement: { ...tfFalse.statement, object: 'il-10' },
      }));
    it('refuses a matching whose pairs the pack does not back or that has no unique solution', () => {
      const [first, second] = matching.answer;
      if (!first || !second) throw new Error('matching too small');
      const swapped = {
        ...matching,
        answer: matching.answer.map((a) =>
          a === first
            ? { ...a, rightId: second.rightId }
            : a === second
              ? { ...a, rightId: first.rightId }
              : a,
        ),
      };
      expectRule('matching-unsupported-pair', swapped);
      expectRule('matching-ambiguous', {
        ...matching,
        right: matching.right.map((r) =>
          r.id === first.rightId ? { ...r, text: 'raised everywhere' } : r,
        ),
      });
    });
    it('refuses an order the pathway does not force', () =>
      expectRule('ordering-not-a-cascade', {
        ...ordering,
        answer: [...ordering.answer].reverse(),
      }));
    it('recomputes perturbation answers', () => {
      const other = wrong(perturbation.options);
      expectRule('perturbation-mismatch', {
        ...perturbation,
        options: withCorrect(perturbation.options, other.id),
      });
    });
    it('wants an answer resting on an inferred edge to say so', () =>
      // No generated item rests on an inference; one that claimed to without saying so is caught.
      expectRule('inference-undisclosed', {
        ...perturbation,
        inferenceIds: bundledPack.manifest.inferences.slice(0, 1).map((i) => i.id),
      }));
    it('checks the sign of a hidden edge', () =>
      expectRule('edge-sign-mismatch', {
        ...diagramEdge,
        options: withCorrect(diagramEdge.options, wrong(diagramEdge.options).id),
      }));
    it('checks the context (compartment and status) of a finding', () =>
      expectRule('context-mismatch', {
        ...contextStatus,
        options: withCorrect(contextStatus.options, wrong(contextStatus.options).id),
      }));
  });

  describe('prose and fairness', () => {
    it('refuses a bracketed list of settings and a bracket inside a bracket', () => {
      expectRule('stem-brackets', {
        ...mcq,
        prompt: `${mcq.prompt} (septic shock; plasma; in neutrophils; mouse)`,
      });
      expect(
        rulesFor([{ ...tfTrue, prompt: `${tfTrue.prompt} (a note (with an aside))` }]),
      ).toContain('stem-brackets');
      expect(rulesFor([{ ...tfTrue, prompt: `${tfTrue.prompt} (mouse; in vivo)` }])).toEqual([]);
    });
    it('refuses a common noun capitalised mid-sentence, and a pack note pasted in brackets', () => {
      expectRule('stem-casing', {
        ...tfTrue,
        prompt:
          'True or false? According to the review (Lee et al. 2017), IL-32 is linked to Rheumatic disease.',
      });
      expect(
        rulesFor([{ ...tfTrue, prompt: `${tfTrue.prompt} (Known from the paper's title only)` }]),
      ).toContain('stem-casing');
      expect(
        rulesFor([{ ...tfTrue, prompt: 'Rheumatic disease: true or false? (Lee et al. 2017)' }]),
      ).not.toContain('stem-casing');
    });
    it('refuses a doubled word', () =>
      expectRule('repeated-word', {
        ...tfTrue,
        prompt: tfTrue.prompt.replace(/\.$/, ' with 4 isoforms isoforms.'),
      }));
    it('refuses a blank that accepts several answers without asking for one of them', () =>
      expectRule('cloze-ambiguous', {
        ...cloze,
        answer: { ...cloze.answer, accepted: [...cloze.answer.accepted, 'TNF-α'] },
      }));
    it('refuses a blank that other answers of the pack fit in the setting shown', () => {
      const fact = bundledPack.facts.find((f) => f.id === 'F053');
      expect(fact?.object).toBe('il-1beta');
      const open = {
        ...cloze,
        id: 'cloze:F053',
        factIds: ['F053'],
        prompt:
          'Fill in the blank (Kwon et al. 2023): IL-32 induces _____ in monocytes and macrophages.',
        answer: {
          text: 'IL-1β',
          entityId: 'il-1beta',
          accepted: ['IL-1β', 'interleukin-1β', 'IL-1beta'],
        },
      };
      expectRule('cloze-ambiguous', open);
      // Naming the other answers makes the blank unique.
      const listed = {
        ...open,
        prompt:
          'Fill in the blank (Kwon et al. 2023): IL-32 induces TNF-α, IL-6, IL-8, PGE2, NF-κB, p38 MAPK, MIP-2 and _____ in monocytes and macrophages.',
      };
      expect(rulesFor([listed])).not.toContain('cloze-ambiguous');
    });
    it('refuses a which-study item on a fact that is not contested', () => {
      // The bank asks no which-study items; the kind remains, and so does its rule.
      const item: WhichStudyItem = {
        ...statementMcq,
        kind: 'which-study',
        factId: 'F099',
        options: statementMcq.options,
      };
      expectRule('which-study-mismatch', item);
    });
    it('refuses a distractor unrelated to the answer by topic, pathway and study', () => {
      const options = diagramNode.options.map((o) =>
        o === wrong(diagramNode.options)
          ? { ...o, id: 'mip-2', entityId: 'mip-2', text: 'MIP-2' }
          : o,
      );
      expectRule('distractor-off-topic', { ...diagramNode, options });
    });
    it('refuses a statement option the source supports, or one it never refutes', () => {
      const bad = wrong(statementMcq.options);
      const supported = {
        ...statementMcq,
        options: statementMcq.options.map((o) =>
          o === bad
            ? { ...o, statement: statementMcq.options.find((x) => x.correct)?.statement }
            : o,
        ),
      };
      expect(rulesFor([supported])).toContain('distractor-satisfies-stem');
      const unrelated = {
        ...statementMcq,
        claim: { kind: 'statement' as const, referenceId: 'P:Ciccia' },
      };
      expect(rulesFor([unrelated])).toEqual(
        expect.arrayContaining(['answer-unsupported', 'distractor-unproven']),
      );
    });
    it('refuses two cards that ask the same thing with different answers', () => {
      const card = bundledBank.cards.find((c) => c.kind === 'fact-cloze');
      if (!card) throw new Error('no card');
      const twin = { ...card, id: 'fact-cloze:twin', back: 'Something else' };
      const rules = checkBank(bundledPack, { cards: [card, twin], quiz: [] }).map((v) => v.rule);
      expect(rules).toContain('card-ambiguous');
      fired.add('card-ambiguous');
    });
  });

  afterAll(() => {
    // Every rule the checker knows has been seen to fire above.
    expect([...violationRules].filter((rule) => !fired.has(rule))).toEqual([]);
  });
});
