import { describe, expect, it } from 'vitest';
import type { QuizStart } from '../../shared/contract/quiz.ts';
import { quizChannels } from '../support/quiz-channels.ts';

// The quiz channels end to end over the real bank (generated from the bundled pack at start),
// the real storage and the real handlers: what a quiz is made of (kinds, topics, pathways,
// filters and their counts) and the opaque ids and masked diagrams the renderer is given.

const { setup } = quizChannels();
describe('quiz channels', () => {
  it('offers every kind, topic and pathway with counts', async () => {
    const { call } = setup();
    const options = await call<{
      total: number;
      kinds: { id: string; count: number }[];
      pathways: { id: string }[];
    }>('quiz.options', undefined);
    // The bundled bank after audit R holds 146 items; far fewer means a generator broke.
    expect(options.total).toBeGreaterThan(120);
    expect(options.kinds.filter((k) => k.count > 0).length).toBeGreaterThanOrEqual(7);
    expect(options.pathways.map((p) => p.id)).toContain('D1');
  });

  it('filters by kind, pathway and high-yield, and says when nothing matches', async () => {
    const { call, fail, full } = setup();
    const quiz = await call<QuizStart>('quiz.start', {
      mode: 'practice',
      count: 10,
      kinds: ['perturbation'],
      pathwayIds: ['D1'],
    });
    expect(quiz.items.length).toBeGreaterThan(0);
    for (const item of quiz.items) {
      expect(item.kind).toBe('perturbation');
      expect(full(item.id).pathwayIds).toContain('D1');
    }
    const highYield = await call<QuizStart>('quiz.start', {
      mode: 'practice',
      count: 10,
      highYieldOnly: true,
    });
    expect(highYield.items.every((item) => item.highYield)).toBe(true);
    expect(
      await fail('quiz.start', { mode: 'practice', count: 5, topics: ['no-such-topic'] }),
    ).toMatchObject({ code: 'invalid-request' });
  });

  it('gives the renderer opaque item ids that name no fact, node, kind or answer', async () => {
    const { call, services } = setup();
    const quiz = await call<QuizStart>('quiz.start', { mode: 'practice', count: 40 });
    const internal = new Set(services.bank.quiz.map((q) => q.id));
    for (const item of quiz.items) {
      expect(item.id).toMatch(/^q-[\w-]{16}$/);
      expect(internal.has(item.id)).toBe(false);
    }
    expect(JSON.stringify(quiz.items)).not.toMatch(/tf-(true|flip|swap)|diagram-node:|ordering:D/);
  });

  it('masks the hidden node of a diagram item so its id gives nothing away', async () => {
    const { call } = setup();
    const quiz = await call<QuizStart>('quiz.start', {
      mode: 'practice',
      count: 5,
      kinds: ['diagram-node'],
    });
    for (const item of quiz.items) {
      const hidden = item.diagram?.nodes.filter((n) => n.label === null) ?? [];
      expect(hidden).toEqual([{ id: 'hidden', label: null }]);
    }
  });

  it('counts what a filter allows, as many questions as a quiz with that filter can hold', async () => {
    const { call, fail } = setup();
    const filter = { kinds: ['perturbation', 'diagram-edge'], pathwayIds: ['D1'] };
    const counted = await call<{ available: number; questions: number }>('quiz.count', filter);
    expect(counted.questions).toBeGreaterThan(0);
    expect(counted.questions).toBeLessThanOrEqual(counted.available);
    // Asking for more than it allows gives exactly that many, and the same availability.
    const quiz = await call<QuizStart>('quiz.start', { mode: 'practice', count: 100, ...filter });
    expect(quiz.items).toHaveLength(Math.min(100, counted.questions));
    expect(quiz.available).toBe(counted.available);

    const all = await call<{ available: number; questions: number }>('quiz.count', {});
    const narrower = await call<{ available: number }>('quiz.count', {
      ...filter,
      highYieldOnly: true,
    });
    expect(all.available).toBeGreaterThan(counted.available);
    expect(narrower.available).toBeLessThanOrEqual(counted.available);
    expect(await call<{ available: number }>('quiz.count', { kinds: [] })).toEqual({
      available: 0,
      questions: 0,
    });
    expect(await fail('quiz.count', { topics: ['no-such-topic'] })).toMatchObject({
      code: 'invalid-request',
    });
    expect(await fail('quiz.count', { mode: 'exam' })).toMatchObject({ code: 'invalid-request' });
  });

  it('lists the flashcards that test a fact', async () => {
    const { call } = setup();
    const cards = await call<{ id: string; factIds: string[] }[]>('bank.cards', {
      factIds: ['F099'],
    });
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((card) => card.factIds.includes('F099'))).toBe(true);
  });
});
