import { describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors.ts';
import type { Rating } from '../../shared/engine/scheduler.ts';
import { dayMs } from '../../shared/engine/scheduler.ts';
import { SiblingBury, siblingKeys } from '../../shared/engine/queue.ts';
import type { StudyCard } from '../../shared/engine/types.ts';
import { addDays, studyDayOf } from '../../shared/engine/study-day.ts';
import { allCardStates } from '../../services/storage/card-states.ts';
import { quizSql } from '../../services/storage/quiz-rows.ts';
import { eventSql } from '../../services/storage/review-events.ts';
import { factId, syntheticCards, syntheticPack } from '../support/synthetic-cards.ts';
import { openTestServices, testClock } from '../support/test-services.ts';

type Services = ReturnType<typeof openTestServices>;

function eventCount(services: Services): number {
  return Number(services.storage.statement(eventSql.count).get()?.n);
}

function answerNext(services: Services, rating: Rating = 'good') {
  const next = services.review.next();
  if (!next.item) throw new Error('nothing to study');
  const answer = services.review.answer({
    cardId: next.item.card.id,
    rating,
    durationMs: 2500,
    expectedVersion: next.item.stateVersion,
  });
  return { next, answer };
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContractError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('review queue', () => {
  it('introduces new cards in teaching order, up to the daily limit', () => {
    const cards = syntheticCards(30);
    const services = openTestServices({ cards });
    services.settings.update({ newCardsPerDay: 5 });
    const expected = [...cards]
      .sort((a, b) => a.teachingRank - b.teachingRank)
      .slice(0, 5)
      .map((c) => c.id);
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { next, answer } = answerNext(services, 'easy');
      expect(next.item?.queue).toBe('new');
      expect(next.item?.stateVersion).toBe('new');
      seen.push(answer.cardId);
      expect(answer.counts.new).toBe(4 - i);
      expect(answer.counts.introducedToday).toBe(i + 1);
    }
    expect(seen).toEqual(expected);
    const after = services.review.next();
    expect(after.item).toBeNull();
    expect(after.counts).toMatchObject({ new: 0, unseen: 25, introducedToday: 5 });
    services.close();
  });

  it('previews four answers whose intervals grow, and answers with the chosen one', () => {
    const services = openTestServices({ cards: syntheticCards(3) });
    const next = services.review.next();
    const choices = next.item?.choices;
    if (!choices) throw new Error('no item');
    const intervals = [choices.again, choices.hard, choices.good, choices.easy].map(
      (c) => c.intervalMs,
    );
    expect(intervals).toEqual([...intervals].sort((a, b) => a - b));
    const answer = services.review.answer({
      cardId: next.item?.card.id ?? '',
      rating: 'good',
      durationMs: 1000,
      expectedVersion: 'new',
    });
    expect(answer.state.due).toBe(choices.good.due);
    expect(answer.state.phase).toBe('learning');
    services.close();
  });

  it('brings learning cards back after their step, and shows them early when nothing else is left', () => {
    const services = openTestServices({ cards: syntheticCards(1) });
    const { answer } = answerNext(services, 'good'); // 10-minute step
    const idle = services.review.next();
    // Within the 20-minute learn-ahead, the only card left is shown early.
    expect(idle.item?.queue).toBe('learning');
    expect(idle.item?.card.id).toBe(answer.cardId);
    services.review.answer({
      cardId: answer.cardId,
      rating: 'good',
      durationMs: 1,
      expectedVersion: idle.item?.stateVersion ?? '',
    });
    const done = services.review.next();
    expect(done.item).toBeNull();
    expect(done.nextDueAt).toBeNull();
    services.close();
  });

  it('refuses an answer when the card changed since it was shown (stale-state), writing nothing', () => {
    const services = openTestServices({ cards: syntheticCards(3) });
    const shown = services.review.next();
    const item = shown.item;
    if (!item) throw new Error('no item');
    services.review.answer({
      cardId: item.card.id,
      rating: 'good',
      durationMs: 1,
      expectedVersion: item.stateVersion,
    });
    const events = eventCount(services);
    const states = allCardStates(services.storage);
    expect(
      code(() =>
        services.review.answer({
          cardId: item.card.id,
          rating: 'easy',
          durationMs: 1,
          expectedVersion: item.stateVersion,
        }),
      ),
    ).toBe('stale-state');
    expect(eventCount(services)).toBe(events);
    expect(allCardStates(services.storage)).toEqual(states);
    expect(
      code(() =>
        services.review.answer({
          cardId: 'nope',
          rating: 'good',
          durationMs: 1,
          expectedVersion: 'new',
        }),
      ),
    ).toBe('not-found');
    services.close();
  });

  it('an import that merges an older event into a shown card makes the answer stale', () => {
    const cards = syntheticCards(1);
    const a = openTestServices({ cards });
    const cardId = answerNext(a, 'good').answer.cardId;
    const b = openTestServices({ cards, clock: testClock(a.clock.ms()) });
    b.data.importDocument(a.data.exportDocument().content);
    // B answers at +1 day, A at +2 days: A's own answer stays the card's last event.
    b.clock.advance(dayMs);
    answerNext(b, 'hard');
    a.clock.advance(2 * dayMs);
    answerNext(a, 'good');
    a.clock.advance(60 * dayMs);
    const shown = a.review.next().item;
    if (!shown) throw new Error('no card');
    a.data.importDocument(b.data.exportDocument().content);
    expect(shown.stateVersion.startsWith(allCardStates(a.storage)[0]?.lastEventId ?? '?')).toBe(
      true,
    );
    expect(
      code(() =>
        a.review.answer({
          cardId,
          rating: 'good',
          durationMs: 1,
          expectedVersion: shown.stateVersion,
        }),
      ),
    ).toBe('stale-state');
    a.close();
    b.close();
  });

  it('writes the event and the card state in one transaction', () => {
    const services = openTestServices({ cards: syntheticCards(3) });
    const next = services.review.next();
    const cardId = next.item?.card.id ?? '';
    services.storage.db().exec(`CREATE TEMP TRIGGER fail_state BEFORE INSERT ON card_state
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    expect(() =>
      services.review.answer({ cardId, rating: 'good', durationMs: 1, expectedVersion: 'new' }),
    ).toThrow(/simulated failure/);
    expect(eventCount(services)).toBe(0);
    services.storage.db().exec('DROP TRIGGER temp.fail_state');
    // The in-memory queue index followed the rollback: the card is still new.
    expect(services.review.next().item?.card.id).toBe(cardId);
    expect(services.review.counts().unseen).toBe(3);
    services.close();
  });

  it('undo rolls the last answer back with a compensating event; nothing is deleted', () => {
    const services = openTestServices({ cards: syntheticCards(5) });
    const first = answerNext(services, 'good');
    services.clock.advance(60_000);
    const second = answerNext(services, 'easy');
    expect(eventCount(services)).toBe(2);

    const undone = services.review.undo();
    expect(undone.undoneEventId).toBe(second.answer.eventId);
    expect(undone.cardId).toBe(second.answer.cardId);
    expect(undone.state.phase).toBe('new');
    expect(undone.counts.introducedToday).toBe(1);
    expect(eventCount(services)).toBe(3);
    // The undone card is offered again, with the undo as its version.
    const again = services.review.next();
    expect(again.item?.card.id).toBe(second.answer.cardId);
    expect(again.item?.stateVersion).not.toBe('new');

    // Multi-step: the first answer can be undone next.
    expect(services.review.undo().undoneEventId).toBe(first.answer.eventId);
    expect(code(() => services.review.undo())).toBe('not-found');
    expect(eventCount(services)).toBe(4);
    services.close();
  });

  it('an answer carries the next card, as review.next would give it, and what changed', () => {
    // One fact per card: no two are siblings, so none is buried for the day.
    const services = openTestServices({ cards: syntheticCards(6, { facts: 6 }) });
    for (let i = 0; i < 4; i++) {
      const { answer } = answerNext(services, i % 2 === 0 ? 'good' : 'again');
      expect(answer.changes).toEqual({ cardIds: [answer.cardId], queue: true, progress: true });
      expect(answer.next.item?.card.id).not.toBe(answer.cardId);
      // Same clock: the queue read afterwards is the one the answer already carried.
      expect(services.review.next()).toEqual(answer.next);
      expect(answer.counts).toEqual(answer.next.counts);
    }
    // The carried item answers like one from review.next: its version is current.
    const item = services.review.next().item;
    if (!item) throw new Error('no item');
    const answered = services.review.answer({
      cardId: item.card.id,
      rating: 'easy',
      durationMs: 1,
      expectedVersion: item.stateVersion,
    });
    const carried = answered.next.item;
    if (!carried) throw new Error('no next item');
    services.clock.advance(1000);
    expect(
      services.review.answer({
        cardId: carried.card.id,
        rating: 'good',
        durationMs: 1,
        expectedVersion: carried.stateVersion,
      }).cardId,
    ).toBe(carried.card.id);
    services.close();
  });

  it('predicts the card after the one shown (upNext), whatever the rating, or says it cannot', () => {
    const services = openTestServices({ cards: syntheticCards(12) });
    services.settings.update({ newCardsPerDay: 6 });
    const ratings: Rating[] = ['again', 'good', 'hard', 'easy', 'again', 'good', 'easy'];
    let shown = services.review.next();
    let predicted = 0;
    for (let i = 0; i < 30 && shown.item; i++) {
      const item = shown.item;
      const answer = services.review.answer({
        cardId: item.card.id,
        rating: ratings[i % ratings.length] ?? 'good',
        durationMs: 1000,
        expectedVersion: item.stateVersion,
      });
      if (shown.upNext) {
        predicted += 1;
        expect(answer.next.item?.card.id).toBe(shown.upNext.card.id);
        expect(answer.next.item?.stateVersion).toBe(shown.upNext.stateVersion);
      }
      // Time passing can bring learning cards due: the prediction holds for "answered now".
      services.clock.advance(2 * 60_000);
      shown = services.review.next();
    }
    expect(predicted).toBeGreaterThan(5);
    services.close();
  });

  it('has no upNext when the daily new cards run out or only learning ahead is left', () => {
    const services = openTestServices({ cards: syntheticCards(5) });
    services.settings.update({ newCardsPerDay: 2 });
    const first = services.review.next();
    const second = first.upNext;
    expect(second?.queue).toBe('new');
    const after = services.review.answer({
      cardId: first.item?.card.id ?? '',
      rating: 'good',
      durationMs: 1,
      expectedVersion: first.item?.stateVersion ?? '',
    });
    expect(after.next.item?.card.id).toBe(second?.card.id);
    // The last new card allowed today: what follows is the first card learning ahead, which
    // depends on how this one is rated.
    expect(after.next.upNext).toBeNull();
    services.close();
  });

  it('writes an answer in one transaction; a stale answer is still refused and writes nothing', () => {
    const services = openTestServices({ cards: syntheticCards(3) });
    const db = services.storage.db();
    const statements: string[] = [];
    const exec = db.exec.bind(db);
    db.exec = (sql: string) => {
      statements.push(sql);
      exec(sql);
    };
    const { next, answer } = answerNext(services, 'good');
    expect(statements).toEqual(['BEGIN IMMEDIATE', 'COMMIT']);
    expect(answer.next.item).not.toBeNull();

    statements.length = 0;
    const events = eventCount(services);
    expect(
      code(() =>
        services.review.answer({
          cardId: answer.cardId,
          rating: 'easy',
          durationMs: 1,
          expectedVersion: next.item?.stateVersion ?? '',
        }),
      ),
    ).toBe('stale-state');
    expect(statements).toEqual(['BEGIN IMMEDIATE', 'ROLLBACK']);
    expect(eventCount(services)).toBe(events);
    services.close();
  });

  it('undo hands back the undone card to answer again, with its restored state', () => {
    const services = openTestServices({ cards: syntheticCards(4) });
    answerNext(services, 'good');
    services.clock.advance(30_000);
    const second = answerNext(services, 'again');
    const undone = services.review.undo();
    expect(undone.changes).toEqual({
      cardIds: [second.answer.cardId],
      queue: true,
      progress: true,
    });
    const item = undone.next.item;
    expect(item?.card.id).toBe(second.answer.cardId);
    expect(item?.queue).toBe('new');
    expect(item?.state.phase).toBe('new');
    expect(item?.choices).toEqual(second.next.item?.choices);
    expect(undone.next.counts).toEqual(services.review.counts());
    const again = services.review.answer({
      cardId: second.answer.cardId,
      rating: 'easy',
      durationMs: 1,
      expectedVersion: item?.stateVersion ?? '',
    });
    expect(again.state.phase).toBe('review');
    services.close();
  });

  it('undo restores a reviewed card (rollback) and keeps its history', () => {
    const services = openTestServices({ cards: syntheticCards(1) });
    for (const rating of ['good', 'good'] as const) {
      answerNext(services, rating);
      services.clock.advance(11 * 60_000);
    }
    services.clock.advance(3 * dayMs);
    const before = services.review.next().item?.state;
    services.clock.advance(5000);
    answerNext(services, 'again');
    const undone = services.review.undo();
    expect(undone.state).toMatchObject({
      phase: before?.phase,
      stability: before?.stability,
      difficulty: before?.difficulty,
      reps: before?.reps,
      lapses: before?.lapses,
      lastReview: before?.lastReview,
    });
    services.close();
  });

  it('respects the daily review limit and shows the most overdue review first', () => {
    const services = openTestServices({ cards: syntheticCards(6, { facts: 6 }) });
    services.settings.update({ reviewsPerDay: 2 });
    for (let i = 0; i < 6; i++) answerNext(services, i % 2 === 0 ? 'easy' : 'good');
    for (let i = 0; i < 6; i++) {
      const next = services.review.next();
      if (!next.item) break;
      services.clock.advance(11 * 60_000);
      services.review.answer({
        cardId: next.item.card.id,
        rating: 'easy',
        durationMs: 1,
        expectedVersion: next.item.stateVersion,
      });
    }
    services.clock.advance(60 * dayMs);
    const counts = services.review.counts();
    expect(counts.dueReviews).toBe(6);
    expect(counts.review).toBe(2);
    const dueOrder = allCardStates(services.storage)
      .sort((a, b) => a.state.due - b.state.due || (a.cardId < b.cardId ? -1 : 1))
      .map((r) => r.cardId);
    const shown: string[] = [];
    for (let i = 0; i < 3; i++) {
      const next = services.review.next();
      if (!next.item) break;
      expect(next.item.queue).toBe('review');
      shown.push(next.item.card.id);
      services.review.answer({
        cardId: next.item.card.id,
        rating: 'good',
        durationMs: 1,
        expectedVersion: next.item.stateVersion,
      });
    }
    expect(shown).toEqual(dueOrder.slice(0, 2));
    expect(services.review.counts()).toMatchObject({ review: 0, reviewedToday: 2, dueReviews: 4 });
    services.close();
  });

  it('ignores stored states of cards no longer in the catalog', () => {
    const cards = syntheticCards(4, { facts: 8 });
    const services = openTestServices({ cards });
    for (let i = 0; i < 4; i++) answerNext(services, 'easy');
    services.review.setCatalog(cards.slice(0, 2));
    services.clock.advance(30 * dayMs);
    expect(services.review.counts()).toMatchObject({ dueReviews: 2, unseen: 0 });
    // A catalog that grows again: the cards studied before are still introduced, the new ones not.
    const grown = syntheticCards(7, { facts: 8 });
    services.review.setCatalog(grown);
    expect(services.review.counts()).toMatchObject({ dueReviews: 4, unseen: 3 });
    services.settings.update({ reviewsPerDay: 0 });
    expect(services.review.next().item).toMatchObject({ queue: 'new', card: { id: grown[6]?.id } });
    services.close();
  });
});

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

describe('siblings', () => {
  const card = (
    id: string,
    teachingRank: number,
    source: { factIds?: string[]; entityIds?: string[] },
  ): StudyCard => ({
    kind: 'fact-cloze',
    front: `Front of ${id}`,
    back: `Back of ${id}`,
    topic: 'topic-a',
    pathwayIds: [],
    citations: [],
    highYield: false,
    id,
    teachingRank,
    factIds: source.factIds ?? [],
    entityIds: source.entityIds ?? [],
  });

  it('groups cards by the fact or term they are made from', () => {
    expect(siblingKeys({ factIds: ['F002', 'F001'], entityIds: ['x'] })).toEqual([
      'facts:F001+F002',
    ]);
    expect(siblingKeys({ factIds: [], entityIds: ['dkk-1'] })).toEqual(['entity:dkk-1']);
    const bury = new SiblingBury([card('fact-forward:F001', 0, { factIds: ['F001'] })]);
    expect(bury.buries(card('fact-reverse:F001', 1, { factIds: ['F001'] }))).toBe(true);
    expect(bury.buries(card('fact-forward:F001', 0, { factIds: ['F001'] }))).toBe(false);
    expect(bury.buries(card('fact-forward:F002', 2, { factIds: ['F002'] }))).toBe(false);
  });

  it('keeps the sibling of a card answered today until tomorrow', () => {
    const cards = [
      card('entity-definition:dkk-1', 0, { entityIds: ['dkk-1'] }),
      card('entity-name:dkk-1', 1, { entityIds: ['dkk-1'] }),
      card('fact-forward:F001', 2, { factIds: ['F001'] }),
      card('fact-reverse:F001', 3, { factIds: ['F001'] }),
    ];
    const services = openTestServices({ cards });
    const first = answerNext(services, 'easy');
    expect(first.next.item?.card.id).toBe('entity-definition:dkk-1');
    // The name card would give the definition away: the fact card comes first, then nothing new.
    expect(first.answer.next.item?.card.id).toBe('fact-forward:F001');
    expect(first.next.upNext?.card.id).toBe('fact-forward:F001');
    const second = answerNext(services, 'easy');
    expect(second.answer.next.item?.queue ?? 'none').not.toBe('new');
    services.clock.advance(dayMs);
    const tomorrow = services.review.next().item;
    expect(tomorrow?.queue).toBe('new');
    expect(['entity-name:dkk-1', 'fact-reverse:F001']).toContain(tomorrow?.card.id);
    services.close();
  });
});
