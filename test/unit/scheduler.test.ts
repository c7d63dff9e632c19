import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyRating,
  dayMs,
  elapsedPerStabilityAt,
  newCardState,
  previewStates,
  projectRecall,
  ratings,
  retrievability,
  undoRating,
  type MemoryState,
  type Rating,
} from '../../shared/engine/scheduler.ts';

const config = { desiredRetention: 0.9, fuzz: false };
const t0 = Date.parse('2025-03-03T09:00:00.000Z');

function history(steps: readonly Rating[], start = t0): MemoryState {
  let state = newCardState(start);
  let at = start;
  for (const rating of steps) {
    state = applyRating(state, at, rating, config).state;
    at = Math.max(at + 60_000, state.due);
  }
  return state;
}

describe('scheduler (ts-fsrs wrapper)', () => {
  it('previews four next states whose intervals grow from Again to Easy', () => {
    for (const state of [newCardState(t0), history(['good', 'good']), history(['good', 'again'])]) {
      const at = Math.max(state.due, t0);
      const preview = previewStates(state, at, config);
      expect(preview.current).toBe(state);
      const intervals = ratings.map((rating) => preview.next[rating].intervalMs);
      expect(intervals).toEqual([...intervals].sort((a, b) => a - b));
      expect(intervals[0]).toBeGreaterThan(0);
      for (const rating of ratings) {
        expect(preview.next[rating].state).toEqual(applyRating(state, at, rating, config).state);
      }
    }
  });

  it('Easy always comes back at least a day after Good, and Hard never after Good', () => {
    const lapsed = history(['good', 'good', 'good', 'again']);
    expect(lapsed.phase).toBe('relearning');
    const onLapse = previewStates(lapsed, lapsed.due, config).next;
    expect(onLapse.easy.intervalMs - onLapse.good.intervalMs).toBeGreaterThanOrEqual(dayMs);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ratings), { maxLength: 8 }),
        fc.boolean(),
        (steps, fuzz) => {
          const state = history(steps);
          const at = Math.max(state.due, t0);
          const next = previewStates(state, at, { desiredRetention: 0.9, fuzz }).next;
          if (next.good.state.phase === 'review' && next.easy.state.phase === 'review') {
            expect(next.easy.intervalMs - next.good.intervalMs).toBeGreaterThanOrEqual(dayMs);
          }
          if (next.good.state.phase === 'review' && next.hard.state.phase === 'review') {
            expect(next.hard.intervalMs).toBeLessThanOrEqual(next.good.intervalMs);
          }
          for (const rating of ratings) {
            expect(applyRating(state, at, rating, { desiredRetention: 0.9, fuzz }).state).toEqual(
              next[rating].state,
            );
          }
        },
      ),
    );
  });

  it('is deterministic without fuzz and with it', () => {
    const steps: Rating[] = ['good', 'hard', 'again', 'good', 'easy', 'good'];
    expect(history(steps)).toEqual(history(steps));
    const fuzzed = { desiredRetention: 0.9, fuzz: true };
    const state = history(['good', 'good', 'good']);
    expect(applyRating(state, state.due, 'good', fuzzed)).toEqual(
      applyRating(state, state.due, 'good', fuzzed),
    );
  });

  it('a higher desired retention gives shorter intervals', () => {
    const state = history(['good', 'good', 'good']);
    const low = applyRating(state, state.due, 'good', { desiredRetention: 0.8, fuzz: false });
    const high = applyRating(state, state.due, 'good', { desiredRetention: 0.97, fuzz: false });
    expect(high.state.due).toBeLessThan(low.state.due);
  });

  it('undo (rollback) restores the state before the rating except due, which becomes the answer time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ratings), { minLength: 0, maxLength: 12 }),
        fc.constantFrom(...ratings),
        (steps, last) => {
          const before = history(steps);
          const at = Math.max(before.due, t0) + 3_600_000;
          const { state: after, log } = applyRating(before, at, last, config);
          const restored = undoRating(after, log);
          const expected = before.phase === 'new' ? before : { ...before, due: at };
          expect(restored).toEqual(expected);
        },
      ),
    );
  });

  it('retrievability is 0 for a new card, ~desired retention when due, and falls over time', () => {
    expect(retrievability(newCardState(t0), t0 + dayMs)).toBe(0);
    const state = history(['good', 'good', 'good']);
    expect(retrievability(state, state.lastReview ?? 0)).toBeCloseTo(1, 5);
    expect(retrievability(state, state.due)).toBeGreaterThan(0.88);
    expect(retrievability(state, state.due)).toBeLessThan(0.92);
    expect(retrievability(state, state.due + 30 * dayMs)).toBeLessThan(
      retrievability(state, state.due),
    );
  });

  it('elapsedPerStabilityAt is where the forgetting curve crosses the retention', () => {
    const state = { ...history(['good', 'good']), lastReview: t0 };
    for (const r of [0.7, 0.85, 0.9, 0.95]) {
      const at = t0 + elapsedPerStabilityAt(r) * state.stability * dayMs;
      expect(retrievability(state, at)).toBeCloseTo(r, 6);
    }
  });

  it('projects recall on an exam day: keeping up beats stopping, and a card never introduced scores 0', () => {
    const state = history(['good', 'good']);
    const exam = state.due + 40 * dayMs;
    const stop = projectRecall(state, exam, 'stop', config);
    const keepUp = projectRecall(state, exam, 'keep-up', config);
    expect(keepUp).toBeGreaterThan(stop);
    expect(projectRecall(newCardState(t0), exam, 'stop', config)).toBe(0);
    expect(projectRecall(newCardState(t0), exam, 'keep-up', config)).toBe(0);
    expect(projectRecall(newCardState(t0), exam, 'keep-up', config, t0)).toBeGreaterThan(0.85);
  });
});

describe('pinned scheduler parameters', () => {
  it('match the installed ts-fsrs defaults (an upgrade that changes them must be a deliberate change)', async () => {
    const library = await import('ts-fsrs');
    const reference = library.fsrs({ request_retention: 0.9, enable_fuzz: false });
    const grades = [
      library.Rating.Good,
      library.Rating.Good,
      library.Rating.Again,
      library.Rating.Hard,
      library.Rating.Easy,
      library.Rating.Good,
    ] as const;
    const steps: Rating[] = ['good', 'good', 'again', 'hard', 'easy', 'good'];
    let ours = newCardState(t0);
    let theirs = library.createEmptyCard(new Date(t0));
    let at = t0;
    steps.forEach((rating, index) => {
      ours = applyRating(ours, at, rating, config).state;
      theirs = reference.next(theirs, new Date(at), grades[index] ?? library.Rating.Good).card;
      // Memory state is FSRS's own; when an Easy or Hard card comes back may differ by our
      // ordering of the answers (Easy at least a day after Good), so due is compared elsewhere.
      expect([ours.stability, ours.difficulty]).toEqual([theirs.stability, theirs.difficulty]);
      if (rating === 'good' || rating === 'again') expect(ours.due).toBe(theirs.due.getTime());
      at = theirs.due.getTime() + 3_600_000;
    });
  });
});
