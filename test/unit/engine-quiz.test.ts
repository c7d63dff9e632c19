import { describe, expect, it } from 'vitest';
import { toDump, toDumpCards, toDumpQuiz } from '../../shared/engine/dump.ts';
import { gradeAnswer, ResponseShapeError } from '../../shared/engine/grade.ts';
import { buildQuiz, QuizOptionsError } from '../../shared/engine/quiz-builder.ts';
import type { QuizItem } from '../../shared/engine/types.ts';
import { kinds } from '../../shared/engine/kinds/index.ts';
import { bundledBank, bundledBankAllKinds, bundledPack, itemOf } from '../support/engine.ts';

const quiz = (options: Partial<Parameters<typeof buildQuiz>[2]> = {}) =>
  buildQuiz(bundledBank, bundledPack, { count: 20, mode: 'practice', seed: 7, ...options });

describe('buildQuiz', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(quiz().items.map((i) => i.id)).toEqual(quiz().items.map((i) => i.id));
    expect(quiz({ seed: 8 }).items.map((i) => i.id)).not.toEqual(quiz().items.map((i) => i.id));
  });

  it('balances kinds and takes one variant per family', () => {
    const built = quiz({ count: 30 });
    expect(built.items).toHaveLength(30);
    // Every kind that makes items: all but which-study, matching and ordering (switched off).
    expect(Object.keys(built.byKind).length).toBe(7);
    expect(Math.max(...Object.values(built.byKind))).toBeLessThanOrEqual(6);
    const families = built.items.map((i) => i.family);
    expect(new Set(families).size).toBe(families.length);
  });

  it('never asks one finding twice in a quiz, even across kinds, yet keeps every kind', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const built = quiz({ count: 40, seed });
      const findings = built.items.map((i) => i.factIds[0]);
      expect(new Set(findings).size).toBe(findings.length);
      expect(Object.keys(built.byKind).length).toBe(7);
    }
  });

  it('gives both modes the same items', () => {
    expect(quiz({ mode: 'exam' }).items).toEqual(quiz({ mode: 'practice' }).items);
  });

  it('filters by topic, pathway, disease, kind and high yield', () => {
    const byPathway = quiz({ pathwayIds: ['D1'], count: 30 });
    expect(byPathway.items.every((i) => i.pathwayIds.includes('D1'))).toBe(true);
    expect(byPathway.items.some((i) => i.pathwayId === undefined)).toBe(true);
    const byDisease = quiz({ diseaseIds: ['as'], kinds: ['mcq', 'true-false', 'context'] });
    expect(byDisease.items.every((i) => i.diseaseIds.includes('as'))).toBe(true);
    expect(byDisease.items.every((i) => ['mcq', 'true-false', 'context'].includes(i.kind))).toBe(
      true,
    );
    const topic = bundledPack.manifest.topics[0]?.id ?? '';
    expect(
      quiz({ topics: [topic], highYieldOnly: true }).items.every(
        (i) => i.topic === topic && i.highYield,
      ),
    ).toBe(true);
  });

  it('reports a shortfall rather than padding', () => {
    const built = quiz({ kinds: ['which-study'], count: 50 });
    expect(built.items.length).toBeLessThan(50);
    expect(built.shortfall).toBe(50 - built.items.length);
  });

  it('refuses bad options with a specific message', () => {
    expect(() => quiz({ count: 0 })).toThrow(QuizOptionsError);
    expect(() => quiz({ count: 2.5 })).toThrow(/whole number/);
    expect(() => quiz({ topics: ['nope'] })).toThrow(/unknown topic: nope/);
    expect(() => quiz({ pathwayIds: ['D99'] })).toThrow(/unknown pathway: D99/);
    expect(() => quiz({ diseaseIds: ['il-32'] })).toThrow(/unknown disease: il-32/);
  });
});

describe('gradeAnswer', () => {
  it('grades choice items and explains a wrong choice with its rationale', () => {
    const item = itemOf(bundledBank, 'mcq');
    const right = item.options.find((o) => o.correct);
    const wrong = item.options.find((o) => !o.correct);
    expect(gradeAnswer(item, { kind: 'choice', optionId: right?.id ?? '' })).toMatchObject({
      correct: true,
      score: 1,
      expected: right?.text,
    });
    const graded = gradeAnswer(item, { kind: 'choice', optionId: wrong?.id ?? '' });
    expect(graded).toMatchObject({ correct: false, score: 0 });
    expect(graded.feedback).toContain(wrong?.rationale ?? '?');
  });

  it('grades true/false', () => {
    const item = itemOf(bundledBank, 'true-false', (q) => !q.answer);
    expect(gradeAnswer(item, { kind: 'true-false', value: false }).correct).toBe(true);
    expect(gradeAnswer(item, { kind: 'true-false', value: true })).toMatchObject({
      correct: false,
      expected: 'False',
    });
  });

  it('grades typed answers alias-aware', () => {
    const aliased = new Map(
      bundledPack.entities.filter((e) => e.aliases.length > 0).map((e) => [e.id, e] as const),
    );
    const item = itemOf(bundledBank, 'cloze', (q) => aliased.has(q.answer.entityId ?? ''));
    const entity = aliased.get(item.answer.entityId ?? '');
    const alias = entity?.aliases[0] ?? '';
    expect(gradeAnswer(item, { kind: 'text', text: alias.toLowerCase() }).correct).toBe(true);
    expect(gradeAnswer(item, { kind: 'text', text: 'no such molecule' }).correct).toBe(false);
  });

  it('gives partial credit for matching and ordering', () => {
    const matching = itemOf(bundledBankAllKinds, 'matching', (q) => q.answer.length >= 3);
    const pairs = Object.fromEntries(matching.answer.map((a) => [a.leftId, a.rightId]));
    expect(gradeAnswer(matching, { kind: 'matching', pairs }).score).toBe(1);
    // The key the feedback shows is the same pairing.
    expect(kinds.matching.solution(matching)).toEqual({ correctPairs: pairs });
    const [a, b] = matching.answer;
    const swapped = {
      ...pairs,
      [a?.leftId ?? '']: b?.rightId ?? '',
      [b?.leftId ?? '']: a?.rightId ?? '',
    };
    const partial = gradeAnswer(matching, { kind: 'matching', pairs: swapped });
    expect(partial.correct).toBe(false);
    expect(partial.score).toBeCloseTo((matching.answer.length - 2) / matching.answer.length, 3);

    // Five steps, so one swap leaves 9 of 10 pairs in order (the bundled cascades are shorter).
    const steps = ['a', 'b', 'c', 'd', 'e'];
    const ordering = {
      ...itemOf(bundledBankAllKinds, 'ordering'),
      steps: steps.map((id) => ({ id, text: id.toUpperCase() })),
      answer: steps,
    };
    expect(gradeAnswer(ordering, { kind: 'ordering', order: ordering.answer }).score).toBe(1);
    const oneSwap = [...ordering.answer];
    [oneSwap[0], oneSwap[1]] = [oneSwap[1] ?? '', oneSwap[0] ?? ''];
    expect(gradeAnswer(ordering, { kind: 'ordering', order: oneSwap }).score).toBe(0.9);
    expect(
      gradeAnswer(ordering, { kind: 'ordering', order: [...ordering.answer].reverse() }).score,
    ).toBe(0);
  });

  it('refuses a response that does not fit the item', () => {
    const mcq = itemOf(bundledBank, 'mcq');
    expect(() => gradeAnswer(mcq, { kind: 'text', text: 'x' })).toThrow(ResponseShapeError);
    expect(() => gradeAnswer(mcq, { kind: 'choice', optionId: 'nope' })).toThrow(
      /no option "nope"/,
    );
    const ordering = itemOf(bundledBankAllKinds, 'ordering');
    expect(() => gradeAnswer(ordering, { kind: 'ordering', order: ['x'] })).toThrow(
      /every step id/,
    );
  });

  it('grades every item of the bank when answered with its own expected answer', () => {
    const perfect = (item: QuizItem) => {
      switch (item.kind) {
        case 'true-false':
          return { kind: 'true-false', value: item.answer } as const;
        case 'cloze':
          return { kind: 'text', text: item.answer.text } as const;
        case 'matching':
          return {
            kind: 'matching',
            pairs: Object.fromEntries(item.answer.map((a) => [a.leftId, a.rightId])),
          } as const;
        case 'ordering':
          return { kind: 'ordering', order: item.answer } as const;
        default:
          return {
            kind: 'choice',
            optionId: item.options.find((o) => o.correct)?.id ?? '',
          } as const;
      }
    };
    for (const item of bundledBank.quiz)
      expect(gradeAnswer(item, perfect(item)).correct, item.id).toBe(true);
  });
});

describe('dump shapes', () => {
  it('maps cards and items to the content:dump shapes', () => {
    const cards = toDumpCards(bundledBank);
    expect(Object.keys(cards[0] ?? {})).toEqual(['id', 'kind', 'front', 'back', 'factIds']);
    const quizDump = toDumpQuiz(bundledBank);
    const mcq = quizDump.find((q) => q.kind === 'mcq');
    expect(Object.keys(mcq ?? {})).toEqual([
      'id',
      'kind',
      'prompt',
      'options',
      'answer',
      'explanation',
      'factIds',
      'citations',
    ]);
    expect(mcq?.options?.filter((o) => o.correct)).toHaveLength(1);
    const cloze = quizDump.find((q) => q.kind === 'cloze');
    expect(cloze?.options).toBeUndefined();
    const clozeAnswer = cloze?.answer as { text: unknown; accepted: unknown } | undefined;
    expect(typeof clozeAnswer?.text).toBe('string');
    expect(Array.isArray(clozeAnswer?.accepted)).toBe(true);
    const ordering = toDumpQuiz(bundledBankAllKinds).find((q) => q.kind === 'ordering');
    expect(Array.isArray(ordering?.answer)).toBe(true);
    expect(toDump(bundledBank)).toEqual({ cards, quiz: quizDump });
  });
});
