import { describe, expect, it } from 'vitest';
import type { QuizOptionsInfo } from '../../shared/contract/quiz.ts';
import { printExamRequestSchema } from '../../shared/contract/print.ts';
import { pdfFileStemSchema } from '../../shared/contract/window.ts';
import { printableKinds, printedKinds } from '../../shared/engine/print-kinds.ts';
import { quizKinds } from '../../shared/engine/types.ts';
import {
  examRequest,
  optionLetter,
  pdfFileStem,
  printableOptions,
} from '../../renderer/src/features/print/model.ts';

const options: QuizOptionsInfo = {
  total: 30,
  highYield: 5,
  kinds: [
    { id: 'mcq', label: 'Single best answer', description: '', count: 10 },
    { id: 'cloze', label: 'Fill in the blank', description: '', count: 5 },
    { id: 'diagram-node', label: 'Hidden node', description: '', count: 0 },
    { id: 'matching', label: 'Matching', description: '', count: 3 },
  ],
  topics: [{ id: 'isoforms', title: 'IL-32 isoforms', count: 9 }],
  pathways: [],
  diseases: [],
};

describe('the print kinds table', () => {
  it('says for every quiz kind how it is printed or why not', () => {
    expect(Object.keys(printedKinds).sort()).toEqual([...quizKinds].sort());
    for (const kind of quizKinds) expect(printedKinds[kind].how.length).toBeGreaterThan(10);
    expect(printableKinds).not.toContain('matching');
    expect(printableKinds).toContain('diagram-node');
  });
});

describe('the exam request', () => {
  it('offers only kinds paper can ask that the pack has', () => {
    expect(printableOptions(options).map((k) => k.id)).toEqual(['mcq', 'cloze']);
  });

  it('leaves out a filter at "all", keeps a narrowing one, and clamps size and seed', () => {
    const all = examRequest({ kinds: [], topics: [], count: 500, seed: -3 }, options);
    expect(all).toEqual({ count: 100, seed: 0 });
    const narrow = examRequest(
      { kinds: ['cloze', 'matching'], topics: ['isoforms'], count: 7.4, seed: 12 },
      options,
    );
    expect(narrow).toEqual({ count: 7, seed: 12, kinds: ['cloze'], topics: ['isoforms'] });
    expect(printExamRequestSchema.safeParse(narrow).success).toBe(true);
    expect(examRequest({ kinds: [], topics: [], count: NaN, seed: NaN }, options)).toEqual({
      count: 20,
      seed: 0,
    });
  });
});

describe('paper details', () => {
  it('letters options A–Z, then AA', () => {
    expect([0, 1, 25, 26, 27].map(optionLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });

  it('names each PDF with a stem the window channel accepts', () => {
    for (const stem of [pdfFileStem('exam', 4242), pdfFileStem('cards'), pdfFileStem('pathways')])
      expect(pdfFileStemSchema.safeParse(stem).success).toBe(true);
  });
});
