import { afterEach, describe, expect, it } from 'vitest';
import { type AppServices } from '../../services/app-services.ts';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import type {
  PublicQuizItem,
  QuizFeedback,
  QuizResume,
  QuizStart,
} from '../../shared/contract/quiz.ts';
import type { QuizItem, QuizResponse } from '../../shared/engine/types.ts';
import { publicItemId } from '../../services/quiz/public-id.ts';
import { rightAnswer, wrongAnswer } from '../support/quiz-answers.ts';
import { openTestServices, type TestClock } from '../support/test-services.ts';
import { tempDir } from '../support/test-scope.ts';

// The quiz channels end to end over the real bank (generated from the bundled pack at start),
// the real storage and the real handlers.

let open: (AppServices & { clock: TestClock })[] = [];
afterEach(() => {
  for (const services of open) services.close();
  open = [];
});

function setup(dataDir = tempDir()) {
  const services = openTestServices({ dataDir });
  open.push(services);
  const registry = createHandlerRegistry(services);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const answer = await registry.dispatch(channel, payload);
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.value as T;
  };
  const fail = async (channel: string, payload: unknown) => {
    const answer = await registry.dispatch(channel, payload);
    if (answer.ok) throw new Error(`${channel} unexpectedly succeeded`);
    return answer.error;
  };
  const byPublicId = new Map(services.bank.quiz.map((q) => [publicItemId(q.id), q]));
  const full = (id: string): QuizItem => {
    const item = byPublicId.get(id);
    if (!item) throw new Error(`no item ${id}`);
    return item;
  };
  return { services, call, fail, full, dataDir };
}

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

  it('sends items without answers, grades in main and explains in practice mode', async () => {
    const { call, full } = setup();
    const quiz = await call<QuizStart>('quiz.start', { mode: 'practice', count: 12 });
    expect(quiz.items).toHaveLength(12);
    const serialized = JSON.stringify(quiz.items);
    expect(serialized).not.toMatch(/"correct"|"rationale"|"explanation"|"answer"/);

    const [first, second] = quiz.items as [PublicQuizItem, PublicQuizItem];
    const right = await call<{
      mode: string;
      feedback: { correct: boolean; explanation: string; citations: unknown[] };
    }>('quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: first.id,
      response: rightAnswer(full(first.id)),
      durationMs: 4000,
    });
    expect(right.mode).toBe('practice');
    expect(right.feedback.correct).toBe(true);
    expect(right.feedback.explanation.length).toBeGreaterThan(10);
    expect(right.feedback.citations.length).toBeGreaterThan(0);

    const wrong = await call<{ feedback: { correct: boolean; score: number } }>('quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: second.id,
      response: wrongAnswer(full(second.id)),
      durationMs: 3000,
    });
    expect(wrong.feedback.correct).toBe(false);
  });

  it('"I was right" counts a wrong typed answer right, kept through resume and results', async () => {
    const { call, fail, full } = setup();
    const quiz = await call<QuizStart>('quiz.start', {
      mode: 'practice',
      count: 2,
      kinds: ['cloze', 'mcq'],
    });
    const cloze = quiz.items.find((item) => item.kind === 'cloze');
    const mcq = quiz.items.find((item) => item.kind === 'mcq');
    if (!cloze || !mcq) throw new Error('expected a cloze and an mcq item');
    const answer = (item: PublicQuizItem) =>
      call<{ feedback: QuizFeedback }>('quiz.answer', {
        sessionId: quiz.sessionId,
        itemId: item.id,
        response: wrongAnswer(full(item.id)),
        durationMs: 3000,
      });
    const wrong = await answer(cloze);
    expect(wrong.feedback).toMatchObject({ correct: false, claimable: true, claimedRight: false });
    expect((await answer(mcq)).feedback.claimable).toBe(false);

    // Only a typed answer can be claimed, and only once.
    const claim = (item: PublicQuizItem) =>
      ({ sessionId: quiz.sessionId, itemId: item.id }) as const;
    expect((await fail('quiz.claimRight', claim(mcq))).code).toBe('invalid-request');
    const claimed = await call<{ feedback: QuizFeedback }>('quiz.claimRight', claim(cloze));
    expect(claimed.feedback).toMatchObject({
      correct: true,
      score: 1,
      claimedRight: true,
      claimable: false,
    });
    expect((await fail('quiz.claimRight', claim(cloze))).code).toBe('conflict');

    const resumed = await call<QuizResume>('quiz.unfinished', {});
    expect(resumed.answered.find((a) => a.itemId === cloze.id)?.feedback?.claimedRight).toBe(true);
    const finished = await call<{
      summary: { correct: number; total: number };
      results: { feedback: QuizFeedback }[];
    }>('quiz.finish', { sessionId: quiz.sessionId });
    expect(finished.summary).toMatchObject({ correct: 1, total: 2 });
    expect(finished.results.map((r) => r.feedback.claimable)).toEqual([false, false]);
    // The quiz's mistakes are the ones still wrong: the claimed answer is not retried.
    const retry = await call<QuizStart>('quiz.start', {
      mode: 'practice',
      count: 2,
      retryMistakesOf: quiz.sessionId,
    });
    expect(retry.items.map((item) => item.id)).toEqual([mcq.id]);
  });

  it('reveals nothing in exam mode until the end, then scores by topic and reviews every item', async () => {
    const { call, full } = setup();
    const quiz = await call<QuizStart>('quiz.start', {
      mode: 'exam',
      count: 6,
      timeLimitMinutes: 10,
    });
    expect(quiz.deadline).not.toBeNull();
    const [a, b] = quiz.items as [PublicQuizItem, PublicQuizItem];
    const answer = await call<Record<string, unknown>>('quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: a.id,
      response: rightAnswer(full(a.id)),
      durationMs: 1000,
    });
    expect(answer).toEqual({ mode: 'exam', itemId: a.id, answered: 1, total: 6 });
    await call('quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: b.id,
      response: wrongAnswer(full(b.id)),
      durationMs: 1000,
    });

    const finished = await call<{
      summary: { correct: number; total: number; score: number; byTopic: unknown[] };
      results: { answered: boolean; feedback: { correct: boolean; explanation: string } }[];
    }>('quiz.finish', { sessionId: quiz.sessionId });
    // Four questions were never answered: they count against the score.
    expect(finished.summary).toMatchObject({ correct: 1, total: 6 });
    expect(finished.summary.score).toBeCloseTo(1 / 6);
    expect(finished.summary.byTopic.length).toBeGreaterThan(0);
    expect(finished.results).toHaveLength(6);
    expect(finished.results.filter((r) => r.answered)).toHaveLength(2);
    expect(finished.results.every((r) => r.feedback.explanation.length > 0)).toBe(true);

    const retry = await call<QuizStart>('quiz.start', {
      mode: 'practice',
      count: 1,
      retryMistakesOf: quiz.sessionId,
    });
    expect(retry.items.map((i) => i.id)).not.toContain(a.id);
    expect(retry.items.map((i) => i.id)).toContain(b.id);
    expect(retry.items).toHaveLength(5);
  });

  it('refuses a second answer, a foreign item, a wrong response shape and a late exam answer', async () => {
    const { call, fail, full, services } = setup();
    const quiz = await call<QuizStart>('quiz.start', {
      mode: 'exam',
      count: 3,
      timeLimitMinutes: 1,
    });
    const [a, b] = quiz.items as [PublicQuizItem, PublicQuizItem];
    await call('quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: a.id,
      response: rightAnswer(full(a.id)),
      durationMs: 10,
    });
    expect(
      await fail('quiz.answer', {
        sessionId: quiz.sessionId,
        itemId: a.id,
        response: rightAnswer(full(a.id)),
        durationMs: 10,
      }),
    ).toMatchObject({ code: 'conflict' });
    const foreign = services.bank.quiz.find(
      (q) => !quiz.items.some((i) => i.id === publicItemId(q.id)),
    );
    expect(
      await fail('quiz.answer', {
        sessionId: quiz.sessionId,
        itemId: foreign ? publicItemId(foreign.id) : '',
        response: { kind: 'true-false', value: true },
        durationMs: 10,
      }),
    ).toMatchObject({ code: 'not-found' });
    const shape: QuizResponse =
      full(b.id).kind === 'cloze'
        ? { kind: 'true-false', value: true }
        : { kind: 'text', text: 'x' };
    expect(
      await fail('quiz.answer', {
        sessionId: quiz.sessionId,
        itemId: b.id,
        response: shape,
        durationMs: 10,
      }),
    ).toMatchObject({ code: 'invalid-request' });
    services.clock.advance(2 * 60_000);
    expect(
      await fail('quiz.answer', {
        sessionId: quiz.sessionId,
        itemId: b.id,
        response: rightAnswer(full(b.id)),
        durationMs: 10,
      }),
    ).toMatchObject({ code: 'conflict' });
  });

  it('keeps a quiz answerable and reviewable after a restart', async () => {
    const first = setup();
    const quiz = await first.call<QuizStart>('quiz.start', { mode: 'practice', count: 4 });
    const [a, b] = quiz.items as [PublicQuizItem, PublicQuizItem];
    await first.call('quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: a.id,
      response: rightAnswer(first.full(a.id)),
      durationMs: 10,
    });
    first.services.close();
    open = open.filter((s) => s !== first.services);

    const second = setup(first.dataDir);
    await second.call('quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: b.id,
      response: rightAnswer(second.full(b.id)),
      durationMs: 10,
    });
    const finished = await second.call<{ summary: { correct: number; total: number } }>(
      'quiz.finish',
      { sessionId: quiz.sessionId },
    );
    expect(finished.summary).toMatchObject({ correct: 2, total: 4 });
    const history = await second.call<{ sessionId: string }[]>('quiz.history', undefined);
    expect(history.map((h) => h.sessionId)).toContain(quiz.sessionId);
  });

  it('offers the newest unfinished quiz to resume after a restart, with what was answered', async () => {
    const first = setup();
    expect(await first.call('quiz.unfinished', undefined)).toBeNull();
    const older = await first.call<QuizStart>('quiz.start', { mode: 'exam', count: 3 });
    first.services.clock.advance(1_000);
    const quiz = await first.call<QuizStart>('quiz.start', { mode: 'practice', count: 4 });
    const [a, b] = quiz.items as [PublicQuizItem, PublicQuizItem];
    await first.call('quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: a.id,
      response: wrongAnswer(first.full(a.id)),
      durationMs: 10,
    });
    first.services.close();
    open = open.filter((s) => s !== first.services);

    const second = setup(first.dataDir);
    const resume = await second.call<QuizResume | null>('quiz.unfinished', undefined);
    expect(resume).not.toBeNull();
    expect(resume?.session).toMatchObject({
      sessionId: quiz.sessionId,
      mode: 'practice',
      startedAt: quiz.startedAt,
      deadline: null,
    });
    // Same questions in the same order, still without their answers.
    expect(resume?.session.items).toEqual(quiz.items);
    expect(resume?.answered).toHaveLength(1);
    expect(resume?.answered[0]).toMatchObject({ itemId: a.id, feedback: { correct: false } });

    // Carrying on works as if nothing happened; once finished, the older quiz is offered.
    await second.call('quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: b.id,
      response: rightAnswer(second.full(b.id)),
      durationMs: 10,
    });
    await second.call('quiz.finish', { sessionId: quiz.sessionId });
    const next = await second.call<QuizResume | null>('quiz.unfinished', undefined);
    expect(next?.session.sessionId).toBe(older.sessionId);
    expect(next?.answered).toEqual([]);
    await second.call('quiz.finish', { sessionId: older.sessionId });
    expect(await second.call('quiz.unfinished', undefined)).toBeNull();
  });

  it('keeps an answer whose question changed since: its verdict stands, resume and marking work', async () => {
    const { services, call, full } = setup();
    const quiz = await call<QuizStart>('quiz.start', {
      mode: 'practice',
      count: 3,
      kinds: ['mcq'],
    });
    const [a] = quiz.items as [PublicQuizItem];
    const item = full(a.id);
    // As if saved before a pack update renamed the option: the saved choice no longer exists.
    services.quizRecords.recordQuizAnswer({
      sessionId: quiz.sessionId,
      itemId: item.id,
      kind: item.kind,
      factIds: [...item.factIds],
      topic: item.topic,
      correct: true,
      response: { response: { kind: 'choice', optionId: 'gone' }, score: 1 },
      durationMs: 10,
    });

    const resume = await call<QuizResume | null>('quiz.unfinished', undefined);
    expect(resume?.answered).toHaveLength(1);
    expect(resume?.answered[0]?.feedback).toMatchObject({ correct: true, score: 1 });
    expect(resume?.answered[0]?.feedback?.feedback).toMatch(/has changed since/);

    const finished = await call<{
      summary: { correct: number };
      results: { answered: boolean; response: unknown; feedback: { correct: boolean } }[];
    }>('quiz.finish', { sessionId: quiz.sessionId });
    expect(finished.summary.correct).toBe(1);
    expect(finished.results[0]).toMatchObject({
      answered: true,
      response: null,
      feedback: { correct: true },
    });
  });

  it('passes over sessions it cannot resume, and offers none left for over a week', async () => {
    const { services, call } = setup();
    const older = await call<QuizStart>('quiz.start', { mode: 'practice', count: 2 });
    services.clock.advance(1_000);
    // Newer, but made by something other than the quiz screen: nothing to resume.
    services.quizRecords.startQuizSession({ mode: 'practice', config: { made: 'elsewhere' } });
    const resume = await call<QuizResume | null>('quiz.unfinished', undefined);
    expect(resume?.session.sessionId).toBe(older.sessionId);

    services.clock.advance(8 * 86_400_000);
    expect(await call('quiz.unfinished', undefined)).toBeNull();
  });

  it('dates a quiz marked long after its last answer by that answer', async () => {
    const { services, call, full } = setup();
    const quiz = await call<QuizStart>('quiz.start', { mode: 'practice', count: 2 });
    const [a] = quiz.items as [PublicQuizItem];
    services.clock.advance(90_000);
    await call('quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: a.id,
      response: rightAnswer(full(a.id)),
      durationMs: 10,
    });
    const answeredAt = services.clock.now().toISOString();
    services.clock.advance(2 * 86_400_000);
    const finished = await call<{ summary: { finishedAt: string } }>('quiz.finish', {
      sessionId: quiz.sessionId,
    });
    expect(finished.summary.finishedAt).toBe(answeredAt);
  });

  it('resumes an exam without revealing anything about the answers given', async () => {
    const { call, full } = setup();
    const quiz = await call<QuizStart>('quiz.start', {
      mode: 'exam',
      count: 3,
      timeLimitMinutes: 10,
    });
    const [a] = quiz.items as [PublicQuizItem];
    await call('quiz.answer', {
      sessionId: quiz.sessionId,
      itemId: a.id,
      response: rightAnswer(full(a.id)),
      durationMs: 10,
    });
    const resume = await call<QuizResume | null>('quiz.unfinished', undefined);
    expect(resume?.session.deadline).toBe(quiz.deadline);
    expect(resume?.answered).toEqual([{ itemId: a.id, feedback: null }]);
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

  it('gives no pairing or order key with the feedback of kinds that have none', async () => {
    // Matching and ordering are switched off, so the bundled bank serves neither; their keys are
    // tested with the kinds themselves (engine-quiz.test.ts).
    const { call, full } = setup();
    const quiz = await call<QuizStart>('quiz.start', {
      mode: 'practice',
      count: 2,
      kinds: ['perturbation', 'mcq'],
    });
    const kinds = new Set(quiz.items.map((item) => item.kind));
    expect(kinds).toEqual(new Set(['perturbation', 'mcq']));
    for (const item of quiz.items) {
      const answer = await call<{
        feedback: {
          correctPairs: Record<string, string> | null;
          correctOrder: string[] | null;
        };
      }>('quiz.answer', {
        sessionId: quiz.sessionId,
        itemId: item.id,
        response: wrongAnswer(full(item.id)),
        durationMs: 10,
      });
      const source = full(item.id);
      const { correctPairs, correctOrder } = answer.feedback;
      if (source.kind === 'ordering') {
        expect(correctOrder).toEqual(source.answer);
        expect(correctPairs).toBeNull();
      } else {
        expect(correctPairs).toBeNull();
        expect(correctOrder).toBeNull();
      }
    }
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
