import { describe, expect, it } from 'vitest';
import type { QueuedCard } from '../../shared/contract/review.ts';

import {
  afterAnswer,
  sessionRequest,
  skipCurrent,
  startRun,
} from '../../renderer/src/features/custom-study/model.ts';

const item = (id: string) => ({ card: { id } }) as unknown as QueuedCard;
const cards = ['a', 'b', 'c'].map(item);
const ids = (queue: readonly QueuedCard[]) => queue.map((q) => q.card.id);

describe('a custom session run', () => {
  it('in a cram, Again sends the card to the end; other ratings let it go', () => {
    let run = startRun({ title: 'Cram', cram: true, cards });
    run = afterAnswer(run, 'again');
    expect(ids(run.queue)).toEqual(['b', 'c', 'a']);
    run = afterAnswer(run, 'good');
    run = afterAnswer(run, 'hard');
    run = afterAnswer(run, 'easy');
    expect(run).toMatchObject({ queue: [], total: 3, answered: 4, again: 1 });
    expect(afterAnswer(run, 'good')).toBe(run);
  });

  it('in review ahead, every answer is a review that schedules the card: it leaves', () => {
    let run = startRun({ title: 'Ahead', cram: false, cards });
    run = afterAnswer(run, 'again');
    expect(ids(run.queue)).toEqual(['b', 'c']);
    expect(ids(skipCurrent(run).queue)).toEqual(['c']);
  });
});

describe('the choices, as a request', () => {
  const options = {
    topics: [{ id: 't1', title: 'T1', cards: 3 }],
    pathways: [{ id: 'D1', title: 'P', cards: 2 }],
    flags: [{ id: 'green', title: 'Green', cards: 1 }],
    weakTopics: [],
    unseen: 5,
    extraNewToday: 0,
  };
  const draft = {
    choice: 'extra-new' as const,
    extraNew: 10,
    aheadDays: 3,
    forgottenDays: 7,
    topicId: '',
    pathwayId: '',
    flag: '',
  };
  it('extra new cards start no session; the others name their scope, days kept in bounds', () => {
    expect(sessionRequest(draft, options)).toBeUndefined();
    expect(sessionRequest({ ...draft, choice: 'cram-topic' }, options)).toEqual({
      kind: 'cram-topic',
      topicId: 't1',
    });
    expect(sessionRequest({ ...draft, choice: 'cram-pathway' }, options)).toEqual({
      kind: 'cram-pathway',
      pathwayId: 'D1',
    });
    expect(sessionRequest({ ...draft, choice: 'review-ahead', aheadDays: 9999 }, options)).toEqual({
      kind: 'review-ahead',
      days: 365,
    });
    expect(
      sessionRequest({ ...draft, choice: 'cram-forgotten', forgottenDays: Number.NaN }, options),
    ).toEqual({ kind: 'cram-forgotten', days: 1 });
    expect(sessionRequest({ ...draft, choice: 'cram-flag' }, options)).toEqual({
      kind: 'cram-flag',
      flag: 'green',
    });
    expect(sessionRequest({ ...draft, choice: 'cram-flag', flag: 'purple' }, options)).toEqual({
      kind: 'cram-flag',
      flag: 'purple',
    });
    expect(sessionRequest({ ...draft, choice: 'weak-topics' }, options)).toEqual({
      kind: 'weak-topics',
    });
  });
});
