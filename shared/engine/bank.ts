import type { Pack } from '../pack/schema.ts';
import { generateCards } from './cards.ts';
import { indexPack } from './pack-index.ts';
import { clozeItems } from './quiz/cloze.ts';
import type { GenContext } from './quiz/common.ts';
import { contextItems } from './quiz/context.ts';
import { matchingItems } from './quiz/matching.ts';
import { mcqItems } from './quiz/mcq.ts';
import { modelStatementMcqItems } from './quiz/model-mcq.ts';
import { statementMcqItems } from './quiz/statement-mcq.ts';
import {
  diagramEdgeItems,
  diagramNodeItems,
  orderingItems,
  perturbationItems,
} from './quiz/pathway-items.ts';
import { trueFalseItems } from './quiz/true-false.ts';
import type { Seed } from './rng.ts';
import type { Bank, QuizItem } from './types.ts';

export interface BankOptions {
  /** Decides the order of options, steps and matching columns; never which items exist or what they ask. */
  readonly seed: Seed;
}

/**
 * Every quiz item the pack supports, in a fixed kind order. No "which study reported this?"
 * items: which reference found what is trivia unless the review makes a point of it, and a
 * contested finding is taught by its cards, which give both sides.
 */
export function generateQuiz(ctx: GenContext): QuizItem[] {
  return [
    ...mcqItems(ctx),
    ...statementMcqItems(ctx),
    ...modelStatementMcqItems(ctx),
    ...trueFalseItems(ctx),
    ...clozeItems(ctx),
    ...matchingItems(ctx),
    ...orderingItems(ctx),
    ...perturbationItems(ctx),
    ...contextItems(ctx),
    ...diagramNodeItems(ctx),
    ...diagramEdgeItems(ctx),
  ];
}

/**
 * The whole study bank for a pack: flashcards and quiz items. Pure and deterministic — the same
 * pack and seed give byte-identical JSON.
 */
export function generateBank(pack: Pack, options: BankOptions): Bank {
  const index = indexPack(pack);
  const ctx: GenContext = { index, seed: options.seed };
  return { cards: generateCards(index), quiz: generateQuiz(ctx) };
}
