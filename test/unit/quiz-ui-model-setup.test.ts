import { describe, expect, it } from 'vitest';
import {
  announceAtMs,
  crossedThreshold,
  formatCountdown,
  remainingMs,
  spokenDuration,
  thresholdAnnouncement,
} from '../../renderer/src/features/quiz/model/countdown.ts';
import {
  columnLetter,
  optionIndexForKey,
  optionKeyLabel,
  trueFalseChoices,
} from '../../renderer/src/features/quiz/model/keys.ts';
import {
  isEmptyPrefill,
  parsePrefill,
  resolvePrefill,
} from '../../renderer/src/features/quiz/model/prefill.ts';
import {
  clampCount,
  clampMinutes,
  defaultDraft,
  draftFilter,
  matchSummary,
  startRequest,
} from '../../renderer/src/features/quiz/model/setup.ts';
import { quizOptions as options } from '../support/quiz-options.ts';

// The quiz screen's pure helpers: keys, clock, links and the setup form. Drafts, results,
// explanations and drawing: quiz-ui-model-results.test.ts.
// (The key bindings themselves need the DOM; the e2e tests drive every one of them.)
describe('keys', () => {
  it('maps 1–5 to options that exist, nothing else', () => {
    expect(optionIndexForKey('1', 4)).toBe(0);
    expect(optionIndexForKey('4', 4)).toBe(3);
    expect(optionIndexForKey('5', 4)).toBeUndefined();
    expect(optionIndexForKey('0', 4)).toBeUndefined();
    expect(optionIndexForKey('a', 4)).toBeUndefined();
    expect(optionKeyLabel(2)).toBe('3');
    expect(optionKeyLabel(5)).toBeUndefined();
  });

  it('lists True first (1, T) and False second (2, F)', () => {
    expect(trueFalseChoices.map((c) => [c.value, c.letter])).toEqual([
      [true, 'T'],
      [false, 'F'],
    ]);
  });

  it('letters the right-hand column', () => {
    expect([0, 1, 25, 26].map(columnLetter)).toEqual(['A', 'B', 'Z', '27']);
  });
});

describe('countdown', () => {
  it('counts down from an ISO deadline, never below zero', () => {
    const now = Date.parse('2025-01-01T10:00:00Z');
    expect(remainingMs('2025-01-01T10:05:00Z', now)).toBe(300_000);
    expect(remainingMs('2025-01-01T09:59:00Z', now)).toBe(0);
    expect(remainingMs('not a date', now)).toBe(0);
  });

  it('formats whole seconds rounded up, hours when needed', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(400)).toBe('0:01');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(754_000)).toBe('12:34');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(spokenDuration(270_000)).toBe('4 minutes 30 seconds');
    expect(spokenDuration(60_000)).toBe('1 minute');
    expect(spokenDuration(3_601_000)).toBe('1 hour 1 second');
    expect(spokenDuration(0)).toBe('0 seconds');
  });

  it('announces five and one minute once each, as the clock passes them', () => {
    expect(announceAtMs).toEqual([300_000, 60_000]);
    expect(crossedThreshold(300_400, 299_900)).toBe(300_000);
    expect(crossedThreshold(299_900, 299_400)).toBeUndefined();
    expect(crossedThreshold(60_100, 60_000)).toBe(60_000);
    // A one-minute exam starts below both: nothing to announce at the start.
    expect(crossedThreshold(59_900, 59_400)).toBeUndefined();
    expect(thresholdAnnouncement(300_000)).toBe('5 minutes left in this exam.');
    expect(thresholdAnnouncement(60_000)).toBe('1 minute left in this exam.');
  });
});

describe('prefill links', () => {
  it('reads topics, kinds, pathway, disease, mode and count; repeated or comma-separated', () => {
    expect(
      parsePrefill(
        'topic=basics&topic=bone&kind=mcq,cloze&pathway=D1&disease=ra&mode=exam&count=7',
      ),
    ).toEqual({
      topics: ['basics', 'bone'],
      kinds: ['mcq', 'cloze'],
      pathwayId: 'D1',
      diseaseId: 'ra',
      mode: 'exam',
      count: 7,
    });
    expect(parsePrefill('highYield=1').highYieldOnly).toBe(true);
    expect(parsePrefill('mode=sideways').mode).toBeUndefined();
    expect(parsePrefill(`topic=${'x'.repeat(101)}`).topics).toEqual([]);
    expect(isEmptyPrefill(parsePrefill(''))).toBe(true);
    expect(isEmptyPrefill(parsePrefill('unrelated=1'))).toBe(true);
    expect(isEmptyPrefill(parsePrefill('kind=mcq'))).toBe(false);
  });

  it('starts from the defaults, applies what the pack knows and names what it does not', () => {
    const { draft, ignored } = resolvePrefill(
      parsePrefill(
        'topic=bone&topic=nope&kind=perturbation&kind=bogus&pathway=D9&disease=ra&count=500',
      ),
      options,
    );
    expect(draft.topics).toEqual(['bone']);
    expect(draft.kinds).toEqual(['perturbation']);
    expect(draft.pathwayId).toBe('');
    expect(draft.diseaseId).toBe('ra');
    expect(draft.count).toBe(100);
    expect(draft.mode).toBe('practice');
    expect(ignored).toEqual(['topic “nope”', 'kind “bogus”', 'pathway “D9”']);
    // No known kind: every kind the pack has stays chosen.
    expect(resolvePrefill(parsePrefill('kind=bogus'), options).draft.kinds).toHaveLength(9);
  });
});

describe('setup', () => {
  it('defaults to every kind the pack has, ten practice questions, no filter', () => {
    const draft = defaultDraft(options);
    expect(draft.kinds).not.toContain('which-study');
    expect(draftFilter(draft, options)).toEqual({});
    expect(startRequest(draft, options)).toEqual({ mode: 'practice', count: 10 });
  });

  it('sends only the filters that narrow, and the time limit only for a timed exam', () => {
    const draft = {
      ...defaultDraft(options),
      kinds: ['mcq', 'cloze'] as const,
      topics: ['bone'],
      pathwayId: 'D1',
      diseaseId: 'ra',
      highYieldOnly: true,
      mode: 'exam' as const,
      timed: true,
      minutes: 12.4,
      count: 0,
    };
    expect(startRequest(draft, options)).toEqual({
      mode: 'exam',
      count: 1,
      kinds: ['mcq', 'cloze'],
      topics: ['bone'],
      pathwayIds: ['D1'],
      diseaseIds: ['ra'],
      highYieldOnly: true,
      timeLimitMinutes: 12,
    });
    expect(startRequest({ ...draft, timed: false }, options).timeLimitMinutes).toBeUndefined();
    expect(startRequest({ ...draft, mode: 'practice' }, options).timeLimitMinutes).toBeUndefined();
    expect(draftFilter({ ...draft, kinds: [] }, options).kinds).toEqual([]);
  });

  it('clamps counts and minutes to what the contract accepts', () => {
    expect([0, 1, 55.6, 100, 101, Number.NaN].map(clampCount)).toEqual([1, 1, 56, 100, 100, 10]);
    expect([0, 30, 241, Number.NaN].map(clampMinutes)).toEqual([1, 30, 240, 15]);
  });

  it('says honestly how many questions the quiz will have', () => {
    expect(matchSummary(10, 7)).toBe('Only 7 questions match, so the quiz will have 7.');
    expect(matchSummary(10, 1)).toBe('Only 1 question matches, so the quiz will have 1.');
    expect(matchSummary(10, 48)).toBe('48 questions match these choices.');
    expect(matchSummary(10, 0)).toMatch(/^No questions match/);
  });
});
