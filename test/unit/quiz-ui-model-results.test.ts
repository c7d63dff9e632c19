import { describe, expect, it } from 'vitest';
import type { PublicQuizItem } from '../../shared/contract/quiz.ts';
import { routeEdge, type Box } from '../../renderer/src/features/quiz/model/diagram-geometry.ts';
import { layerColumns } from '../../renderer/src/features/quiz/model/diagram-layout.ts';
import {
  explanationBlocks,
  factTokens,
  feedbackLead,
} from '../../renderer/src/features/quiz/model/explanation.ts';
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
import { kinds } from '../../shared/engine/kinds/index.ts';
import { responseKinds } from '../../shared/engine/types.ts';
import { quizOptions as options } from '../support/quiz-options.ts';

// The quiz screen's pure helpers: drafts and responses, explanations, results and drawing.
// Keys, clock, links and the setup form: quiz-ui-model-setup.test.ts.
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
