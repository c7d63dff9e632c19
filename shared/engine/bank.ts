import type { Pack } from '../pack/schema.ts';
import { generateCards } from './cards.ts';
import { indexPack } from './pack-index.ts';
import { clozeItems } from './kinds/cloze/generate.ts';
import { capKeyShare, spreadKeyPositions } from './items/key-balance.ts';
import { selectTrueFalse } from './items/test-wise.ts';
import type { GenContext } from './items/common.ts';
import { contextItems } from './kinds/context/generate.ts';
import { matchingItems } from './kinds/matching/generate.ts';
import { mcqItems } from './kinds/mcq/entity-mcq.ts';
import { modelStatementMcqItems } from './kinds/mcq/model-mcq.ts';
import { statementMcqItems } from './kinds/mcq/statement-mcq.ts';
import { diagramEdgeItems } from './kinds/diagram-edge/generate.ts';
import { diagramNodeItems } from './kinds/diagram-node/generate.ts';
import { orderingItems } from './kinds/ordering/generate.ts';
import { perturbationItems } from './kinds/perturbation/generate.ts';
import { trueFalseItems } from './kinds/true-false/generate.ts';
import type { Seed } from './rng.ts';
import type { Bank, ChoiceOption, QuizItem } from './types.ts';

const keyId = (item: { readonly options: readonly ChoiceOption[] }): string =>
  item.options.find((o) => o.correct)?.id ?? '';

export interface BankOptions {
  /** Decides the order of options, steps and matching columns; never which items exist or what they ask. */
  readonly seed: Seed;
}

/**
 * Every quiz item the pack supports, in a fixed kind order, selected so that no guessing rule
 * wins (items/test-wise.ts): true/false items balanced on truth, negation words and length, the
 * key of a choice item spread over the positions, no option value keyed too often. No "which study reported this?"
 * items: which reference found what is trivia unless the review makes a point of it, and a
 * contested finding is taught by its cards, which give both sides.
 */
export function generateQuiz(ctx: GenContext): QuizItem[] {
  const choices = [...mcqItems(ctx), ...statementMcqItems(ctx), ...modelStatementMcqItems(ctx)];
  const rest = [
    ...clozeItems(ctx),
    ...matchingItems(ctx),
    ...orderingItems(ctx),
    ...perturbationItems(ctx),
  ];
  const diagrams = [...diagramNodeItems(ctx), ...diagramEdgeItems(ctx)];
  const taught = new Set([...choices, ...rest, ...diagrams].flatMap((item) => item.factIds));
  // Of the most keyed status, keep first the items whose fact nothing else teaches.
  const context = capKeyShare(contextItems(ctx), keyId, (item) =>
    taught.has(item.factIds[0] ?? '') ? 0 : 1,
  );
  for (const item of context) for (const id of item.factIds) taught.add(id);
  return [
    ...spreadKeyPositions(ctx, choices),
    ...selectTrueFalse(trueFalseItems(ctx), taught),
    ...rest,
    ...spreadKeyPositions(ctx, context),
    ...diagrams,
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
