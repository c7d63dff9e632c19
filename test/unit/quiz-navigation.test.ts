import { describe, expect, it } from 'vitest';
import {
  navigatorEntries,
  nextOpenPosition,
  withTimeOn,
} from '../../renderer/src/features/quiz/model/navigation.ts';
import { matchSummary } from '../../renderer/src/features/quiz/model/setup.ts';

const order = ['a', 'b', 'c', 'd'];

describe('quiz navigation', () => {
  it('moves to the next unanswered question, wrapping round, and stops when all are answered', () => {
    expect(nextOpenPosition(order, 0, {})).toBe(1);
    expect(nextOpenPosition(order, 1, { c: true })).toBe(3);
    expect(nextOpenPosition(order, 3, { a: true })).toBe(1);
    expect(nextOpenPosition(order, 2, { a: true, b: true, d: true })).toBe(2);
    expect(nextOpenPosition(order, 0, { a: true, b: true, c: true, d: true })).toBeUndefined();
  });

  it('numbers each question by its place in the quiz, however it was reached', () => {
    const entries = navigatorEntries(order, 2, { a: true }, { d: true });
    expect(entries.map((e) => e.number)).toEqual([1, 2, 3, 4]);
    expect(entries.map((e) => e.state)).toEqual(['answered', 'open', 'current', 'open']);
    expect(entries[3]?.label).toBe('Question 4, not answered, marked');
    expect(entries[0]?.label).toBe('Question 1, answered');
  });

  it('adds the time spent on a question each time it is left', () => {
    const once = withTimeOn({}, 'a', 1000, 4000);
    expect(once).toEqual({ a: 3000 });
    expect(withTimeOn(once, 'a', 10_000, 12_500)).toEqual({ a: 5500 });
    expect(withTimeOn(once, undefined, 0, 9)).toEqual(once);
  });

  it('says how many match before the size limit and when it caps', () => {
    expect(matchSummary(500, 143)).toBe('143 questions match; a quiz holds at most 100.');
    expect(matchSummary(10, 60)).toBe('60 questions match these choices.');
    expect(matchSummary(20, 7)).toBe('Only 7 questions match, so the quiz will have 7.');
    expect(matchSummary(10, 0)).toMatch(/^No questions match/);
  });
});
