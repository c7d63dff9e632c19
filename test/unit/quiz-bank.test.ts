import { afterEach, describe, expect, it } from 'vitest';
import { type AppServices } from '../../services/app-services.ts';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import { inPool } from '../../services/quiz/pools.ts';
import { publicItemId } from '../../services/quiz/public-id.ts';
import type {
  QuizAnswer,
  QuizCount,
  QuizFinish,
  QuizResume,
  QuizStart,
} from '../../shared/contract/quiz.ts';
import type { QuizItem } from '../../shared/engine/types.ts';
import { rightAnswer, wrongAnswer } from '../support/quiz-answers.ts';
import { openTestServices, type TestClock } from '../support/test-services.ts';
import { tempDir } from '../support/test-scope.ts';

// The question bank over the real bank, storage and handlers: pools decided from the quiz
// records, marks, and what an answer did to the flashcard schedule.

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
  const byPublicId = new Map(services.bank.quiz.map((q) => [publicItemId(q.id), q]));
  const full = (id: string): QuizItem => {
    const item = byPublicId.get(id);
    if (!item) throw new Error(`no item ${id}`);
    return item;
  };
  const answer = (sessionId: string, itemId: string, right: boolean, durationMs = 3000) =>
    call<QuizAnswer>('quiz.answer', {
      sessionId,
      itemId,
      response: right ? rightAnswer(full(itemId)) : wrongAnswer(full(itemId)),
      durationMs,
    });
  return { services, call, full, answer, dataDir };
}

const ids = (start: QuizStart) => start.items.map((item) => item.id);

describe('question-bank pools', () => {
  it('decides membership from the latest answer and the marks', () => {
    const facts = {
      latest: new Map([
        ['a', true],
        ['b', false],
      ]),
      marked: new Set(['a', 'c']),
    };
    const members = (pool: 'all' | 'unused' | 'incorrect' | 'marked') =>
      ['a', 'b', 'c'].filter((id) => inPool(pool, id, facts));
    expect(members('all')).toEqual(['a', 'b', 'c']);
    expect(members('unused')).toEqual(['c']);
    expect(members('incorrect')).toEqual(['b']);
    expect(members('marked')).toEqual(['a', 'c']);
  });

  it('draws unused, incorrect and marked questions from what was answered and marked', async () => {
    const { call, answer, full } = setup();
    const all = await call<QuizCount>('quiz.count', {});
    const first = await call<QuizStart>('quiz.start', { mode: 'practice', count: 6 });
    const [a, b, c, d] = ids(first) as [string, string, string, string];
    await answer(first.sessionId, a, true);
    await answer(first.sessionId, b, false);
    await answer(first.sessionId, c, false);
    await call('quiz.finish', { sessionId: first.sessionId });

    const unused = await call<QuizCount>('quiz.count', { pool: 'unused' });
    expect(unused.available).toBe(all.available - 3);
    const incorrect = await call<QuizStart>('quiz.start', {
      mode: 'practice',
      count: 10,
      pool: 'incorrect',
    });
    expect(ids(incorrect).sort()).toEqual([b, c].sort());
    expect(incorrect.available).toBe(2);
    // Answered right the next time: no longer incorrect.
    await answer(incorrect.sessionId, b, true);
    await call('quiz.finish', { sessionId: incorrect.sessionId });
    const still = await call<QuizStart>('quiz.start', {
      mode: 'exam',
      count: 10,
      pool: 'incorrect',
    });
    expect(ids(still)).toEqual([c]);

    // Marks: stored, shown with the quiz, the marked pool, and unmarking.
    expect(await call('quiz.mark', { itemId: d, marked: true })).toEqual({
      itemId: d,
      marked: true,
    });
    await call('quiz.mark', { itemId: a, marked: true });
    const marked = await call<QuizStart>('quiz.start', {
      mode: 'practice',
      count: 10,
      pool: 'marked',
    });
    expect(ids(marked).sort()).toEqual([a, d].sort());
    expect(marked.marked.sort()).toEqual([a, d].sort());
    await call('quiz.mark', { itemId: a, marked: false });
    expect((await call<QuizCount>('quiz.count', { pool: 'marked' })).available).toBe(1);
    // Pools combine with the other filters (AND).
    const kind = full(d).kind;
    expect((await call<QuizCount>('quiz.count', { pool: 'marked', kinds: [kind] })).available).toBe(
      1,
    );
    const other = kind === 'mcq' ? 'true-false' : 'mcq';
    expect(
      (await call<QuizCount>('quiz.count', { pool: 'marked', kinds: [other] })).available,
    ).toBe(0);
  });

  it('refuses to mark a question the bank does not have', async () => {
    const { call } = setup();
    await expect(call('quiz.mark', { itemId: 'q-nope', marked: true })).rejects.toThrow(
      /not-found/,
    );
  });

  it('an "I was right" takes a question out of the incorrect pool', async () => {
    const { call, answer, services } = setup();
    const start = await call<QuizStart>('quiz.start', {
      mode: 'practice',
      count: 10,
      kinds: ['cloze'],
    });
    const [cloze] = ids(start) as [string];
    await answer(start.sessionId, cloze, false);
    expect(services.quizRecords.latestOutcomes().size).toBe(1);
    expect((await call<QuizCount>('quiz.count', { pool: 'incorrect' })).available).toBe(1);
    await call('quiz.claimRight', { sessionId: start.sessionId, itemId: cloze });
    expect((await call<QuizCount>('quiz.count', { pool: 'incorrect' })).available).toBe(0);
  });

  it('keeps each question at its number through a restart, with marks and times', async () => {
    const { call, answer, dataDir } = setup();
    const start = await call<QuizStart>('quiz.start', { mode: 'exam', count: 8 });
    const order = ids(start);
    // Answered out of order (the learner skipped 1 and 2), one marked.
    await answer(start.sessionId, order[2] as string, true, 4200);
    await call('quiz.mark', { itemId: order[4], marked: true });
    for (const services of open) services.close();
    open = [];
    const { call: again } = setup(dataDir);
    const resume = await again<QuizResume>('quiz.unfinished', undefined);
    expect(resume.session.items.map((item) => item.id)).toEqual(order);
    expect(resume.session.marked).toEqual([order[4]]);
    const finish = await again<QuizFinish>('quiz.finish', { sessionId: start.sessionId });
    expect(finish.results.map((r) => r.item.id)).toEqual(order);
    expect(finish.results.map((r) => r.durationMs)).toEqual(
      order.map((_, i) => (i === 2 ? 4200 : null)),
    );
  });
});

describe('the quiz–schedule link', () => {
  it('says how many cards a wrong answer sent back to learning, and takes it back on a claim', async () => {
    const { call, answer, services, full } = setup();
    // Study every card once, Easy, so each is in review.
    services.settings.update({ newCardsPerDay: 9999 });
    for (;;) {
      const next = services.review.next().item;
      if (!next || next.queue !== 'new') break;
      services.review.answer({
        cardId: next.card.id,
        rating: 'easy',
        durationMs: 1000,
        expectedVersion: next.stateVersion,
      });
    }
    const start = await call<QuizStart>('quiz.start', {
      mode: 'practice',
      count: 100,
      kinds: ['cloze'],
    });
    const cardFacts = new Set(services.bank.cards.flatMap((card) => card.factIds));
    const asked = ids(start).find((id) => full(id).factIds.some((f) => cardFacts.has(f)));
    if (!asked) throw new Error('no cloze item tests a fact with a card');
    const wrong = await answer(start.sessionId, asked, false);
    if (wrong.mode !== 'practice') throw new Error('practice answers carry feedback');
    const tested = services.bank.cards.filter((card) =>
      card.factIds.some((f) => full(asked).factIds.includes(f)),
    );
    expect(wrong.schedule).toEqual({ relearning: tested.length, reviewed: 0, restored: 0 });
    const claimed = await call<QuizAnswer>('quiz.claimRight', {
      sessionId: start.sessionId,
      itemId: asked,
    });
    if (claimed.mode !== 'practice') throw new Error('practice answers carry feedback');
    expect(claimed.schedule).toEqual({ relearning: 0, reviewed: 0, restored: tested.length });
    // A right answer on cards not yet due changes nothing, and says so.
    const other = ids(start).find((id) => id !== asked) as string;
    const right = await answer(start.sessionId, other, true);
    if (right.mode !== 'practice') throw new Error('practice answers carry feedback');
    expect(right.schedule).toEqual({ relearning: 0, reviewed: 0, restored: 0 });
  });
});

describe('quiz answers in mastery', () => {
  it('raises the mastery of facts never studied on a right answer, and lowers it on a wrong one', async () => {
    const { services, call, answer, full } = setup();
    type Mastery = {
      facts: { id: string; mastery: number }[];
      topics: { topicId: string; mastery: number }[];
    };
    const before = await call<Mastery>('progress.mastery', {});
    const start = await call<QuizStart>('quiz.start', { mode: 'practice', count: 100 });
    const withCards = new Set(before.facts.map((f) => f.id));
    const few = ids(start).filter((id) => {
      const facts = full(id).factIds;
      return facts.length <= 3 && facts.some((f) => withCards.has(f));
    });
    const [rightId] = few as [string];
    await answer(start.sessionId, rightId, true);
    const afterRight = await call<Mastery>('progress.mastery', {});
    const factOf = (m: Mastery, id: string) => m.facts.find((f) => f.id === id)?.mastery ?? 0;
    const rightFact = full(rightId).factIds.find((f) => withCards.has(f)) as string;
    expect(factOf(before, rightFact)).toBe(0);
    expect(factOf(afterRight, rightFact)).toBeGreaterThan(0);
    // Topic mastery follows the topic of the fact's cards, which may differ from the item's.
    const topic = services.bank.cards.find((card) => card.factIds.includes(rightFact))?.topic;
    const topicOf = (m: Mastery) => m.topics.find((t) => t.topicId === topic)?.mastery ?? 0;
    expect(topicOf(afterRight)).toBeGreaterThan(topicOf(before));
    // The same question asked again (the marked pool) and answered wrongly pulls it back down.
    await call('quiz.mark', { itemId: rightId, marked: true });
    const again = await call<QuizStart>('quiz.start', {
      mode: 'practice',
      count: 1,
      pool: 'marked',
    });
    expect(ids(again)).toEqual([rightId]);
    await answer(again.sessionId, rightId, false);
    const afterWrong = await call<Mastery>('progress.mastery', {});
    expect(factOf(afterWrong, rightFact)).toBeLessThan(factOf(afterRight, rightFact));
    expect(topicOf(afterWrong)).toBeLessThan(topicOf(afterRight));
  });
});
