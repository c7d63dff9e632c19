import { describe, expect, it } from 'vitest';
import type { PublicQuizItem, QuizOptionsInfo } from '../../shared/contract/quiz.ts';
import {
  announceAtMs,
  crossedThreshold,
  formatCountdown,
  remainingMs,
  spokenDuration,
  thresholdAnnouncement,
} from '../../renderer/src/features/quiz/model/countdown.ts';
import { routeEdge, type Box } from '../../renderer/src/features/quiz/model/diagram-geometry.ts';
import { layerColumns } from '../../renderer/src/features/quiz/model/diagram-layout.ts';
import {
  explanationBlocks,
  factTokens,
  feedbackLead,
} from '../../renderer/src/features/quiz/model/explanation.ts';
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
  initialDraft,
  moveStep,
  responseOf,
  setPair,
} from '../../renderer/src/features/quiz/model/responses.ts';
import {
  asQuizResponse,
  describeResponse,
  formatDuration,
  formatPercent,
  formatPoints,
  mistakesOf,
  quizScore,
  timeTaken,
  topicScores,
  verdictOf,
  type QuizResult,
} from '../../renderer/src/features/quiz/model/results.ts';
import {
  clampCount,
  clampMinutes,
  defaultDraft,
  draftFilter,
  matchSummary,
  startRequest,
} from '../../renderer/src/features/quiz/model/setup.ts';
import { kinds } from '../../shared/engine/kinds/index.ts';
import { quizKinds, responseKinds } from '../../shared/engine/types.ts';

// The quiz screen's pure helpers: keys, clock, links, drafts, results, explanations, drawing.
// (The key bindings themselves need the DOM; the e2e tests drive every one of them.)

const options: QuizOptionsInfo = {
  total: 100,
  highYield: 40,
  kinds: quizKinds.map((id) => ({
    id,
    label: id,
    description: '',
    count: id === 'which-study' ? 0 : 10,
  })),
  topics: [
    { id: 'basics', title: 'Basics', count: 50 },
    { id: 'bone', title: 'Bone', count: 50 },
  ],
  pathways: [{ id: 'D1', title: 'Figure one', figure: 'Figure 1', count: 30 }],
  diseases: [{ id: 'ra', name: 'Rheumatoid arthritis', count: 20 }],
};

function item(partial: Partial<PublicQuizItem> & Pick<PublicQuizItem, 'kind'>): PublicQuizItem {
  return {
    id: `${partial.kind}:x`,
    response: kinds[partial.kind].response,
    prompt: 'Q?',
    difficulty: 1,
    topic: 'basics',
    pathwayId: null,
    highYield: false,
    options: null,
    matching: null,
    steps: null,
    diagram: null,
    ...partial,
  };
}

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

describe('responses', () => {
  it('starts the draft in the response shape the item says it takes', () => {
    for (const response of responseKinds) {
      expect(initialDraft(item({ kind: 'mcq', response })).kind).toBe(response);
    }
  });

  it('sends nothing until a draft is answerable', () => {
    const choice = item({ kind: 'mcq', options: [{ id: 'a', text: 'A' }] });
    expect(responseOf(initialDraft(choice))).toBeUndefined();
    expect(responseOf({ kind: 'choice', optionId: 'a' })).toEqual({
      kind: 'choice',
      optionId: 'a',
    });
    expect(responseOf({ kind: 'true-false', value: undefined })).toBeUndefined();
    expect(responseOf({ kind: 'true-false', value: false })).toEqual({
      kind: 'true-false',
      value: false,
    });
    expect(responseOf({ kind: 'text', text: '   ' })).toBeUndefined();
    expect(responseOf({ kind: 'text', text: ' il32 gamma ' })).toEqual({
      kind: 'text',
      text: 'il32 gamma',
    });
    expect(responseOf({ kind: 'text', text: 'x'.repeat(400) })).toEqual({
      kind: 'text',
      text: 'x'.repeat(300),
    });
    expect(responseOf({ kind: 'matching', pairs: {} })).toBeUndefined();
    expect(responseOf({ kind: 'matching', pairs: { l1: 'r2' } })).toEqual({
      kind: 'matching',
      pairs: { l1: 'r2' },
    });
  });

  it('starts an ordering in the order dealt and moves steps within bounds', () => {
    const ordering = item({
      kind: 'ordering',
      steps: [
        { id: 'c', text: 'C' },
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
    });
    const draft = initialDraft(ordering);
    expect(draft).toEqual({ kind: 'ordering', order: ['c', 'a', 'b'] });
    expect(moveStep(['c', 'a', 'b'], 'a', -1)).toEqual(['a', 'c', 'b']);
    expect(moveStep(['c', 'a', 'b'], 'c', 1)).toEqual(['a', 'c', 'b']);
    const same = ['c', 'a', 'b'];
    expect(moveStep(same, 'c', -1)).toBe(same);
    expect(moveStep(same, 'zz', 1)).toBe(same);
  });

  it('pairs and unpairs matching entries without touching the others', () => {
    const pairs = setPair({ l1: 'r1' }, 'l2', 'r2');
    expect(pairs).toEqual({ l1: 'r1', l2: 'r2' });
    expect(setPair(pairs, 'l1', '')).toEqual({ l2: 'r2' });
  });
});

describe('explanations', () => {
  const text =
    'IL-32γ is correct. It raises miR-29a (F099, F127). (F099; Lee et al. 2017, Figure 1) Teaching point — One cytokine, two arms: It pushes both sides (F101). Teaching point — Two negatives: Inhibitions in series activate.';

  it('splits the reason from each teaching point and links every fact id', () => {
    const blocks = explanationBlocks(text);
    expect(blocks.map((b) => b.kind)).toEqual(['text', 'teaching-point', 'teaching-point']);
    expect(blocks[0]?.tokens).toEqual([
      'IL-32γ is correct. It raises miR-29a (',
      { factId: 'F099' },
      ', ',
      { factId: 'F127' },
      '). (',
      { factId: 'F099' },
      '; Lee et al. 2017, Figure 1)',
    ]);
    expect(blocks[1]).toMatchObject({ title: 'One cytokine, two arms' });
    expect(blocks[1]?.tokens).toEqual(['It pushes both sides (', { factId: 'F101' }, ').']);
    expect(blocks[2]).toMatchObject({ title: 'Two negatives' });
    expect(explanationBlocks('Plain.')).toEqual([{ kind: 'text', tokens: ['Plain.'] }]);
    expect(factTokens('F1000 and F12 and XF099')).toEqual([
      { factId: 'F1000' },
      ' and F12 and XF099',
    ]);
  });

  it('takes the lead off the feedback, the part before the explanation', () => {
    expect(feedbackLead('2 of 4 pairs right. Because.', 'Because.')).toBe('2 of 4 pairs right.');
    expect(feedbackLead('Because.', 'Because.')).toBe('');
    expect(feedbackLead('Something else', 'Because.')).toBe('');
  });
});

describe('results', () => {
  const mcq = item({
    kind: 'mcq',
    id: 'mcq:1',
    topic: 'bone',
    options: [
      { id: 'a', text: 'Alpha' },
      { id: 'b', text: 'Beta' },
    ],
  });
  const matching = item({
    kind: 'matching',
    id: 'matching:1',
    topic: 'basics',
    matching: {
      left: [
        { id: 'l1', text: 'RA' },
        { id: 'l2', text: 'AS' },
      ],
      right: [
        { id: 'r1', text: 'raised' },
        { id: 'r2', text: 'reduced' },
      ],
    },
  });
  const result = (
    it: PublicQuizItem,
    answered: boolean,
    correct: boolean,
    score: number,
    response: unknown,
  ): QuizResult => ({
    item: it,
    answered,
    durationMs: answered ? 1000 : null,
    response: response as QuizResult['response'],
    feedback: {
      itemId: it.id,
      correct,
      score,
      expected: 'x',
      feedback: 'x',
      claimedRight: false,
      claimable: false,
      explanation: 'x',
      options: null,
      correctPairs: null,
      correctOrder: null,
      citations: [],
      factIds: [],
      teachingPointIds: [],
    },
  });
  const results = [
    result(mcq, true, true, 1, { kind: 'choice', optionId: 'a' }),
    result(matching, true, false, 0.5, { kind: 'matching', pairs: { l1: 'r1' } }),
    result({ ...mcq, id: 'mcq:2', topic: 'elsewhere' }, false, false, 0, null),
  ];

  it('scores with part marks and by topic, unanswered questions counted as missed', () => {
    expect(quizScore(results)).toEqual({ correct: 1, total: 3, points: 1.5, fraction: 0.5 });
    expect(topicScores(results, options.topics)).toEqual([
      { topic: 'basics', title: 'Basics', correct: 0, total: 1, points: 0.5, fraction: 0.5 },
      { topic: 'bone', title: 'Bone', correct: 1, total: 1, points: 1, fraction: 1 },
      { topic: 'elsewhere', title: 'elsewhere', correct: 0, total: 1, points: 0, fraction: 0 },
    ]);
    expect(mistakesOf(results).map((r) => r.item.id)).toEqual(['matching:1', 'mcq:2']);
    expect(results.map(verdictOf)).toEqual(['correct', 'partial', 'unanswered']);
    expect(formatPoints(1.25)).toBe('1.3');
    expect(formatPoints(8)).toBe('8');
    expect(formatPercent(0.666)).toBe('67 %');
  });

  it('reads stored responses back and says them in words', () => {
    expect(asQuizResponse({ kind: 'choice', optionId: 'b' })).toEqual({
      kind: 'choice',
      optionId: 'b',
    });
    expect(asQuizResponse({ kind: 'choice', optionId: 3 })).toBeUndefined();
    expect(asQuizResponse({ kind: 'ordering', order: ['a', 1] })).toBeUndefined();
    expect(asQuizResponse(null)).toBeUndefined();
    expect(asQuizResponse([1])).toBeUndefined();
    expect(describeResponse(mcq, { kind: 'choice', optionId: 'b' })).toBe('Beta');
    expect(describeResponse(mcq, undefined)).toBe('Not answered');
    expect(describeResponse(mcq, undefined, true)).toBe(
      'Given to an earlier version of this question',
    );
    expect(describeResponse(mcq, { kind: 'true-false', value: false })).toBe('False');
    expect(describeResponse(mcq, { kind: 'text', text: 'rankl' })).toBe('“rankl”');
    expect(describeResponse(matching, { kind: 'matching', pairs: { l1: 'r2' } })).toBe(
      'RA — reduced; AS — not paired',
    );
    expect(
      describeResponse(
        item({
          kind: 'ordering',
          steps: [
            { id: 'x', text: 'X' },
            { id: 'y', text: 'Y' },
          ],
        }),
        { kind: 'ordering', order: ['y', 'x'] },
      ),
    ).toBe('Y → X');
    expect(describeResponse(mcq, undefined)).toBe('Not answered');
  });

  it('says how long a quiz took', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(252_000)).toBe('4 min 12 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3_780_000)).toBe('1 h 3 min');
    expect(timeTaken('2025-01-01T10:00:00Z', '2025-01-01T10:04:12Z')).toBe(252_000);
    expect(timeTaken('2025-01-01T10:00:00Z', null)).toBeUndefined();
  });
});

describe('quiz diagrams', () => {
  it('lays a chain out left to right and a fan in one column', () => {
    expect(
      layerColumns(
        ['a', 'b', 'c', 'd'],
        [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'c' },
          { from: 'a', to: 'd' },
        ],
      ),
    ).toEqual([['a'], ['b', 'd'], ['c']]);
  });

  it('puts a node after its furthest upstream neighbour and survives a loop', () => {
    expect(
      layerColumns(
        ['a', 'b', 'c'],
        [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'c' },
          { from: 'a', to: 'c' },
          { from: 'c', to: 'a' },
        ],
      ),
    ).toEqual([['a'], ['b'], ['c']]);
    expect(layerColumns(['x'], [{ from: 'x', to: 'x' }])).toEqual([['x']]);
    expect(layerColumns([], [])).toEqual([]);
  });

  const box = (left: number, top: number, w = 100, h = 40): Box => ({
    left,
    right: left + w,
    top,
    bottom: top + h,
  });

  it('links boxes along the flow, ending 2 px short of the target for the marker', () => {
    const route = routeEdge(box(0, 0), box(200, 0), [], 'across');
    expect(route.path).toBe('M100,20 C150,20 148,20 198,20');
    expect(route.cue.y).toBe(20);
    expect(route.cue.x).toBeGreaterThan(149);
    const down = routeEdge(box(0, 0), box(0, 100), [], 'down');
    expect(down.path.startsWith('M50,40 ')).toBe(true);
    expect(down.path.endsWith(' 50,98')).toBe(true);
  });

  it('goes round a box that stands in the way', () => {
    const middle = box(200, 0);
    const across = routeEdge(box(0, 0), box(400, 0), [middle], 'across');
    // Leaves from below and curves under the middle box.
    expect(across.path.startsWith('M50,40 ')).toBe(true);
    expect(across.cue.y).toBeGreaterThan(middle.bottom);
    const down = routeEdge(box(0, 0), box(0, 200), [box(0, 100)], 'down');
    expect(down.path.startsWith('M100,20 ')).toBe(true);
    expect(down.cue.x).toBeGreaterThan(100);
    // A box off to the side is no obstacle.
    const clear = routeEdge(box(0, 0), box(400, 0), [box(200, 200)], 'across');
    expect(clear.path.startsWith('M100,20 ')).toBe(true);
  });
});
