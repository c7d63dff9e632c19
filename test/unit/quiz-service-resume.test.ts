import { describe, expect, it } from 'vitest';
import type { PublicQuizItem, QuizResume, QuizStart } from '../../shared/contract/quiz.ts';
import { rightAnswer, wrongAnswer } from '../support/quiz-answers.ts';
import { quizChannels } from '../support/quiz-channels.ts';

// The quiz channels end to end over the real bank (generated from the bundled pack at start),
// the real storage and the real handlers: a quiz kept across a restart, offered to resume with
// what was answered, and dated by its last answer.

const { setup, forget } = quizChannels();
describe('quiz channels', () => {
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
    forget(first.services);

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
    forget(first.services);

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
});
