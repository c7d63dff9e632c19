import { describe, expect, it } from 'vitest';
import { dayMs } from '../../shared/engine/scheduler.ts';
import { addDays, studyDayOf } from '../../shared/engine/study-day.ts';
import { allCardStates } from '../../services/storage/card-states.ts';
import { quizSql } from '../../services/storage/quiz-rows.ts';
import { eventSql } from '../../services/storage/review-events.ts';
import { answerNext, code } from '../support/review-answers.ts';
import { factId, syntheticCards, syntheticPack } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';

// The schedule beyond the daily queue: exam mode's pacing and ordering, and quiz answers that
// lapse or restore the cards of the facts they test.
describe('exam mode', () => {
  it('paces new cards so every card is seen before the exam', () => {
    const services = openTestServices({ cards: syntheticCards(60) });
    const today = studyDayOf(services.clock.ms());
    services.settings.update({ newCardsPerDay: 5, examDate: addDays(today, 4) });
    const counts = services.review.counts();
    expect(counts.examPace).toBe(15);
    expect(counts.new).toBe(15);
    // Follow the plan for four days: everything is introduced before the exam day.
    for (let day = 0; day < 4; day++) {
      for (;;) {
        const next = services.review.next();
        if (!next.item) break;
        services.review.answer({
          cardId: next.item.card.id,
          rating: 'easy',
          durationMs: 1,
          expectedVersion: next.item.stateVersion,
        });
      }
      services.clock.advance(dayMs);
    }
    expect(services.review.counts().unseen).toBe(0);
    const summary = services.progress.summary();
    expect(summary.exam).toMatchObject({ daysLeft: 0, forecast: { cards: 60, unseen: 0 } });
    services.close();
  });

  it('rejects an exam date in the past', () => {
    const services = openTestServices();
    expect(code(() => services.settings.update({ examDate: '2020-01-01' }))).toBe(
      'invalid-request',
    );
    services.close();
  });

  it('orders due reviews by predicted recall on exam day and pulls in cards at risk after it', () => {
    const services = openTestServices({ cards: syntheticCards(4, { facts: 4 }) });
    // Learn all four at a low retention: long intervals.
    services.settings.update({ desiredRetention: 0.7 });
    for (let i = 0; i < 4; i++) answerNext(services, 'good');
    services.clock.advance(11 * 60_000);
    for (let i = 0; i < 4; i++) answerNext(services, i < 2 ? 'easy' : 'good');
    const today = studyDayOf(services.clock.ms());
    // Exam in 3 days, nothing due before it; at 0.97 every card is at risk on exam day.
    services.settings.update({ desiredRetention: 0.97, examDate: addDays(today, 3) });
    const counts = services.review.counts();
    expect(counts.dueReviews).toBe(4);
    const next = services.review.next();
    expect(next.item?.queue).toBe('review');
    // The weakest on exam day comes first: one answered Good (shorter stability).
    const states = allCardStates(services.storage).sort(
      (a, b) => a.state.stability - b.state.stability,
    );
    expect(next.item?.card.id).toBe(states[0]?.cardId);
    // With the exam far off, every card comes due again before it: none is pulled forward.
    const states0 = allCardStates(services.storage);
    const farExam = addDays(today, 90);
    expect(states0.every((r) => r.state.due < Date.parse(`${farExam}T00:00:00`))).toBe(true);
    services.settings.update({ examDate: farExam });
    expect(services.review.counts().dueReviews).toBe(0);
    // Without exam mode the same cards are not due.
    services.settings.update({ examDate: null });
    expect(services.review.counts().dueReviews).toBe(0);
    services.close();
  });
});

describe('quiz attempts inform the schedule', () => {
  it('records a session, answers and a score by topic; wrong answers lapse introduced cards only', () => {
    const cards = syntheticCards(6, { facts: 3 });
    const services = openTestServices({ cards, pack: syntheticPack() });
    // Introduce the cards testing F001 only partly: cards 0 and 3 (ranks 6 and 3).
    services.settings.update({ newCardsPerDay: 2 });
    const introduced = [
      answerNext(services, 'easy').answer.cardId,
      answerNext(services, 'easy').answer.cardId,
    ];
    const session = services.quizRecords.startQuizSession({
      mode: 'practice',
      config: { topics: ['topic-a'] },
    });

    const wrong = services.quizRecords.recordQuizAnswer({
      sessionId: session.sessionId,
      itemId: 'mcq:F001',
      kind: 'mcq',
      factIds: [factId(0)],
      topic: 'topic-a',
      correct: false,
      response: { chosen: 'B' },
      durationMs: 6000,
    });
    const f001Cards = cards.filter((c) => c.factIds.includes(factId(0))).map((c) => c.id);
    const expected = introduced.filter((id) => f001Cards.includes(id)).sort();
    expect(wrong.scheduled.map((s) => s.cardId).sort()).toEqual(expected);
    expect(wrong.scheduled.every((s) => s.rating === 'again')).toBe(true);
    // New cards stay new.
    expect(wrong.counts.unseen).toBe(4);

    // A second wrong answer the same day adds no further lapse.
    const again = services.quizRecords.recordQuizAnswer({
      sessionId: session.sessionId,
      itemId: 'tf:F001',
      kind: 'true-false',
      factIds: [factId(0)],
      topic: 'topic-b',
      correct: false,
      response: true,
      durationMs: 3000,
    });
    expect(again.scheduled).toEqual([]);

    // The lapsed cards are due in minutes: a right answer then counts as Good.
    services.clock.advance(15 * 60_000);
    const right = services.quizRecords.recordQuizAnswer({
      sessionId: session.sessionId,
      itemId: 'cloze:F001',
      kind: 'cloze',
      factIds: [factId(0)],
      topic: 'topic-a',
      correct: true,
      response: 'IL-32',
      durationMs: 3000,
    });
    expect(right.scheduled.map((s) => s.rating)).toEqual(expected.map(() => 'good'));

    const summary = services.quizRecords.finishQuizSession({ sessionId: session.sessionId });
    expect(summary).toMatchObject({
      correct: 1,
      total: 3,
      byTopic: [
        { topic: 'topic-a', correct: 1, total: 2 },
        { topic: 'topic-b', correct: 0, total: 1 },
      ],
    });
    expect(summary.score).toBeCloseTo(1 / 3, 10);
    expect(services.quizRecords.finishQuizSession({ sessionId: session.sessionId })).toEqual(
      summary,
    );
    expect(
      code(() =>
        services.quizRecords.recordQuizAnswer({
          sessionId: session.sessionId,
          itemId: 'x',
          kind: 'mcq',
          factIds: [],
          topic: 't',
          correct: true,
          response: null,
          durationMs: 1,
        }),
      ),
    ).toBe('conflict');
    expect(code(() => services.quizRecords.finishQuizSession({ sessionId: 'missing' }))).toBe(
      'not-found',
    );
    expect(services.quizRecords.quizHistory()).toEqual([summary]);
    // The quiz-informed rating blocks undoing the earlier flashcard answer on that card.
    if (expected.includes(introduced[1] ?? ''))
      expect(code(() => services.review.undo())).toBe('conflict');
    services.close();
  });

  it('"I was right" counts a wrong answer right, keeps the claim, and takes back its lapses', () => {
    const cards = syntheticCards(6, { facts: 3 });
    const services = openTestServices({ cards, pack: syntheticPack() });
    services.settings.update({ newCardsPerDay: 6 });
    // One card per fact today: the others are its siblings and wait until tomorrow.
    for (let i = 0; i < 3; i++) answerNext(services, 'easy');
    const before = new Map(allCardStates(services.storage).map((r) => [r.cardId, r.state]));
    const session = services.quizRecords.startQuizSession({ mode: 'practice', config: {} });
    const wrong = services.quizRecords.recordQuizAnswer({
      sessionId: session.sessionId,
      itemId: 'cloze:F001',
      kind: 'cloze',
      factIds: [factId(0)],
      topic: 'topic-a',
      correct: false,
      response: { response: { kind: 'text', text: 'IL32g' }, score: 0 },
      durationMs: 5000,
    });
    expect(wrong.scheduled.length).toBeGreaterThan(0);
    expect(wrong.scheduled.every((s) => s.rating === 'again')).toBe(true);

    services.clock.advance(2000);
    services.quizRecords.claimRight({ sessionId: session.sessionId, itemId: 'cloze:F001' });
    // The lapses are undone in the log, and no rating is added on top of an undone one.
    for (const { cardId } of wrong.scheduled) {
      const state = allCardStates(services.storage).find((r) => r.cardId === cardId)?.state;
      expect(state).toMatchObject({
        phase: before.get(cardId)?.phase,
        lapses: 0,
        reps: before.get(cardId)?.reps,
        stability: before.get(cardId)?.stability,
      });
      const events = services.storage.statement(eventSql.forCard).all(cardId);
      expect(events.map((row) => row.kind)).toEqual(['rating', 'rating', 'undo']);
      expect(events.filter((row) => row.kind === 'undo' && row.source === 'quiz')).toHaveLength(1);
    }
    // Read back, the claim is folded into the answer; in the log (and the export) it is its own row.
    const answers = services.quizRecords.answers(session.sessionId);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.correct).toBe(true);
    expect(JSON.parse(answers[0]?.response ?? '{}')).toEqual({
      response: { kind: 'text', text: 'IL32g' },
      score: 0,
      claimedRightAt: services.clock.now().getTime(),
    });
    const rows = services.storage.statement(quizSql.allAnswers).all();
    expect(rows.map((row) => [row.kind, row.correct])).toEqual([
      ['cloze', 0],
      ['claim-right', 1],
    ]);
    // Only once, and only on a wrong answer.
    expect(
      code(() =>
        services.quizRecords.claimRight({
          sessionId: session.sessionId,
          itemId: 'cloze:F001',
        }),
      ),
    ).toBe('conflict');
    expect(services.quizRecords.finishQuizSession({ sessionId: session.sessionId })).toMatchObject({
      correct: 1,
      total: 1,
    });
    services.close();
  });
});
