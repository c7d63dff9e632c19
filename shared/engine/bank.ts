import type { Pack } from '../pack/schema.ts';
import { generateCards } from './cards.ts';
import type { GenContext } from './items/common.ts';
import { capHighYield } from './items/high-yield.ts';
import { kinds } from './kinds/index.ts';
import { indexPack } from './pack-index.ts';
import type { Seed } from './rng.ts';
import { quizKinds, type Bank, type QuizItem, type QuizKind } from './types.ts';

export interface BankOptions {
  /** Decides the order of options, steps and matching columns; never which items exist or what they ask. */
  readonly seed: Seed;
}

/**
 * Every quiz item the pack supports, in the order of `quizKinds`, each kind generated and selected
 * by its module (kinds/) so that no guessing rule wins (items/test-wise.ts, items/key-balance.ts):
 * true/false items balanced on truth, negation words and length, the key of a choice item spread
 * over the positions, no option value keyed too often. Kinds are selected stage by stage
 * (`selectionStage`), each seeing the facts the earlier stages teach; a kind switched off after
 * an audit (`switchedOff`) makes no items.
 */
export function generateQuiz(ctx: GenContext): QuizItem[] {
  const stages = [...new Set(quizKinds.map((kind) => kinds[kind].selectionStage))].sort(
    (a, b) => a - b,
  );
  const taught = new Set<string>();
  const byKind = new Map<QuizKind, readonly QuizItem[]>();
  for (const stage of stages) {
    const generated = quizKinds
      .filter((kind) => kinds[kind].selectionStage === stage && !kinds[kind].switchedOff)
      .map((kind) => [kind, kinds[kind].generate(ctx, taught)] as const);
    for (const [kind, items] of generated) {
      byKind.set(kind, items);
      for (const item of items) for (const id of taughtBy(item)) taught.add(id);
    }
  }
  return capHighYield(
    ctx.index,
    quizKinds.flatMap((kind) => byKind.get(kind) ?? []),
  );
}

/** What an item teaches: its facts, and the pathway links it asks ("D4:tnf-alpha-to-il-32"). */
export function taughtBy(item: QuizItem): string[] {
  const links = item.pathwayId ? item.edgeIds.map((edge) => `${item.pathwayId ?? ''}:${edge}`) : [];
  return [...item.factIds, ...links];
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
