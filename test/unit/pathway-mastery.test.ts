import { afterEach, describe, expect, it } from 'vitest';
import { type AppServices } from '../../services/app-services.ts';
import { createHandlerRegistry } from '../../services/service-registry.ts';
import {
  computePathwayMastery,
  evidenceWords,
  type CardEvidence,
  type NamingEvidence,
} from '../../shared/engine/pathway-mastery.ts';
import type { QuizEvidenceAnswer } from '../../shared/engine/quiz-evidence.ts';
import { syntheticPack } from '../support/synthetic-cards.ts';
import { openTestServices } from '../support/test-services.ts';

// The synthetic pathway D1: a → b (F001), b → c (F002, F003), c → d (a fact no card tests).
const pathways = syntheticPack().pathways;

const card = (factIds: string[], recall: number): CardEvidence => ({ factIds, recall });
const answer = (factIds: string[], correct: boolean, answeredAt = 1): QuizEvidenceAnswer => ({
  factIds,
  correct,
  answeredAt,
});
// When the evidence is read: every answer above lies within the quiz-evidence window.
const at = 10;
const naming = (nodeId: string, correct: boolean, answeredAt = 1): NamingEvidence => ({
  pathwayId: 'D1',
  nodeId,
  correct,
  answeredAt,
});

function nodeOf(result: ReturnType<typeof computePathwayMastery>, nodeId: string) {
  return result.nodes.find((node) => node.nodeId === nodeId);
}

describe('pathway mastery from all evidence', () => {
  it('averages card recall, quiz answers and the Quiz me attempt, and counts each source', () => {
    const result = computePathwayMastery(
      pathways,
      [card(['F001'], 0.8), card(['F002', 'F003'], 0.2)],
      [answer(['F002'], true), answer(['F001', 'F003'], false)],
      [naming('b', true)],
      at,
    );
    // b touches a → b and b → c: both cards, both answers and its own naming.
    expect(nodeOf(result, 'b')).toMatchObject({ cards: 2, quizAnswers: 2, quizMe: 1, facts: 3 });
    expect(nodeOf(result, 'b')?.mastery).toBeCloseTo((0.8 + 0.2 + 1 + 0 + 1) / 5, 10);
    // a touches only a → b: one card, the answer on F001, no naming.
    expect(nodeOf(result, 'a')?.mastery).toBeCloseTo((0.8 + 0) / 2, 10);
    const edge = result.edges.find((e) => e.edgeId === 'b-c');
    expect(edge).toMatchObject({ cards: 1, quizAnswers: 2, quizMe: 0 });
    expect(edge?.mastery).toBeCloseTo((0.2 + 1 + 0) / 3, 10);
  });

  it('naming a node in Quiz me raises it above 0 % when nothing else was studied', () => {
    const unstudied = [card(['F001'], 0), card(['F002'], 0)];
    const before = computePathwayMastery(pathways, unstudied, [], [], at);
    expect(nodeOf(before, 'a')?.mastery).toBe(0);
    const after = computePathwayMastery(pathways, unstudied, [], [naming('a', true)], at);
    expect(nodeOf(after, 'a')?.mastery).toBeCloseTo(0.5, 10);
    // A revealed (not named) node gains evidence but no mastery.
    const revealed = computePathwayMastery(pathways, unstudied, [], [naming('a', false)], at);
    expect(nodeOf(revealed, 'a')).toMatchObject({ mastery: 0, quizMe: 1 });
  });

  it('counts the latest three answers per fact (the quiz-evidence rule) and the latest attempt at a node', () => {
    const result = computePathwayMastery(
      pathways,
      [],
      [
        answer(['F001'], false, 1),
        answer(['F001'], true, 2),
        answer(['F001'], true, 3),
        answer(['F001'], false, 4),
      ],
      [naming('a', true, 5), naming('a', false, 3)],
      at,
    );
    // The answer at 1 gives way to the three after it, the naming at 3 to the one at 5.
    expect(nodeOf(result, 'a')).toMatchObject({ quizAnswers: 3, quizMe: 1 });
    expect(nodeOf(result, 'a')?.mastery).toBeCloseTo((1 + 1 + 0 + 1) / 4, 10);
  });

  it('has no value for a node nothing tests', () => {
    const result = computePathwayMastery(pathways, [card(['F001'], 0.5)], [], [], at);
    expect(nodeOf(result, 'd')).toMatchObject({ mastery: null, cards: 0, facts: 0 });
  });

  it('says which evidence it used', () => {
    expect(evidenceWords({ cards: 2, quizAnswers: 3, quizMe: 1 })).toBe(
      '2 cards, 3 quiz answers, 1 Quiz me',
    );
    expect(evidenceWords({ cards: 1, quizAnswers: 0, quizMe: 0 })).toBe('1 card');
    expect(evidenceWords({ cards: 0, quizAnswers: 0, quizMe: 0 })).toBe('nothing yet');
  });
});

describe('Quiz me naming through the contract', () => {
  let services: AppServices | undefined;
  afterEach(() => services?.close());

  it('grades the name in the backend, records it, and the overlay counts it', async () => {
    services = openTestServices();
    const registry = createHandlerRegistry(services);
    const pack = services.review.catalog.pack;
    const pathway = pack?.pathways[0];
    const node = pathway?.nodes[0];
    const entity = pack?.entities.find((e) => e.id === node?.entity);
    if (!pathway || !node || !entity) throw new Error('the bundled pack has no pathway');
    const masteryOf = () =>
      services?.progress.mastery({ pathwayId: pathway.id }).nodes.find((n) => n.nodeId === node.id);
    expect(masteryOf()?.quizMe).toBe(0);

    const first = await registry.dispatch('pathway.nameNode', {
      pathwayId: pathway.id,
      nodeId: node.id,
      answer: 'certainly not this',
      revealed: false,
    });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({ correct: false });
    const { sessionId } = first.value as { sessionId: string };
    const second = await registry.dispatch('pathway.nameNode', {
      sessionId,
      pathwayId: pathway.id,
      nodeId: node.id,
      answer: entity.name,
      revealed: false,
    });
    expect(second.ok && second.value).toMatchObject({ correct: true, sessionId });
    expect(masteryOf()).toMatchObject({ quizMe: 1 });
    expect(masteryOf()?.mastery).toBeGreaterThan(0);
    // Naming tests the node, not each fact: per-fact coverage and the schedule are untouched.
    expect(services.progress.coverage().facts).toEqual([]);
    expect(services.review.counts()).toMatchObject({ learning: 0, reviewedToday: 0 });
    // The Quiz screen does not offer a Quiz me session for resuming.
    expect(services.quiz.unfinished()).toBeNull();
  });

  it('refuses an unknown node, a revealed name counts as not named, and a session of another pathway', async () => {
    services = openTestServices();
    const registry = createHandlerRegistry(services);
    const [one, two] = services.review.catalog.pack?.pathways ?? [];
    const node = one?.nodes[0];
    if (!one || !two || !node) throw new Error('the bundled pack needs two pathways');
    const unknown = await registry.dispatch('pathway.nameNode', {
      pathwayId: one.id,
      nodeId: 'no-such-node',
      answer: 'x',
      revealed: false,
    });
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'not-found' });
    const bad = await registry.dispatch('pathway.nameNode', {
      pathwayId: one.id,
      nodeId: node.id,
      answer: 'x',
    });
    expect(!bad.ok && bad.error.code).toBe('invalid-request');
    const revealed = await registry.dispatch('pathway.nameNode', {
      pathwayId: one.id,
      nodeId: node.id,
      answer: node.id,
      revealed: true,
    });
    if (!revealed.ok) throw new Error(revealed.error.message);
    expect(revealed.value).toMatchObject({ correct: false });
    const { sessionId } = revealed.value as { sessionId: string };
    const elsewhere = await registry.dispatch('pathway.nameNode', {
      sessionId,
      pathwayId: two.id,
      nodeId: two.nodes[0]?.id ?? '',
      answer: 'x',
      revealed: false,
    });
    expect(!elsewhere.ok && elsewhere.error).toMatchObject({ code: 'not-found' });
  });
});
