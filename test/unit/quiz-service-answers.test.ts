import { describe, expect, it } from 'vitest';
import type {
  PublicQuizItem,
  QuizFeedback,
  QuizResume,
  QuizStart,
} from '../../shared/contract/quiz.ts';
import type { QuizResponse } from '../../shared/engine/types.ts';
import { publicItemId } from '../../services/quiz/public-id.ts';
import { rightAnswer, wrongAnswer } from '../support/quiz-answers.ts';
import { quizChannels } from '../support/quiz-channels.ts';

// The quiz channels end to end over the real bank (generated from the bundled pack at start),
// the real storage and the real handlers: answering, grading and "I was right", in practice and
// exam mode. Resuming: quiz-service-resume.test.ts; what a quiz is made of: quiz-service-filters.

const { setup } = quizChannels();
describe('quiz channels', () => {
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
});
