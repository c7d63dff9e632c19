import { cardQuizEvidence, recallWithQuiz, type QuizEvidence } from './quiz-evidence.ts';
import { retrievability, type MemoryState } from './scheduler.ts';
import type { StudyCard } from './types.ts';

/**
 * Concept mastery: the mean predicted recall, now, of the cards that test a concept. A card never
 * rated counts as 0, so mastery also says how much of a concept has been covered. Recent quiz
 * answers on a card's facts count as evidence too, both ways (`quiz-evidence.ts`).
 */

export interface Mastery {
  /** 0–1. */
  readonly mastery: number;
  /** Cards that test it. */
  readonly cards: number;
  /** Of those, cards rated at least once. */
  readonly seen: number;
}

export interface MasteryIndex {
  readonly facts: ReadonlyMap<string, Mastery>;
  readonly entities: ReadonlyMap<string, Mastery>;
  readonly topics: ReadonlyMap<string, Mastery>;
}

interface Accumulator {
  sum: number;
  cards: number;
  seen: number;
}

export function computeMastery(
  cards: readonly StudyCard[],
  stateOf: (cardId: string) => MemoryState | undefined,
  at: number,
  quizByFact: ReadonlyMap<string, QuizEvidence> = new Map(),
): MasteryIndex {
  const facts = new Map<string, Accumulator>();
  const entities = new Map<string, Accumulator>();
  const topics = new Map<string, Accumulator>();
  for (const card of cards) {
    const state = stateOf(card.id);
    const seen = state !== undefined && state.phase !== 'new';
    const recall = recallWithQuiz(
      state ? retrievability(state, at) : 0,
      seen,
      cardQuizEvidence(card.factIds, quizByFact),
    );
    for (const id of new Set(card.factIds)) add(facts, id, recall, seen);
    for (const id of new Set(card.entityIds)) add(entities, id, recall, seen);
    add(topics, card.topic, recall, seen);
  }
  return { facts: finish(facts), entities: finish(entities), topics: finish(topics) };
}

function add(map: Map<string, Accumulator>, key: string, recall: number, seen: boolean): void {
  let entry = map.get(key);
  if (!entry) {
    entry = { sum: 0, cards: 0, seen: 0 };
    map.set(key, entry);
  }
  entry.sum += recall;
  entry.cards += 1;
  if (seen) entry.seen += 1;
}

function finish(map: Map<string, Accumulator>): Map<string, Mastery> {
  const result = new Map<string, Mastery>();
  for (const [key, { sum, cards, seen }] of map) {
    result.set(key, { mastery: cards === 0 ? 0 : sum / cards, cards, seen });
  }
  return result;
}
