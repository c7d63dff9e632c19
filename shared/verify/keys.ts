import type { QuizItem, QuizKind } from '../engine/types.ts';
import type { Fact } from '../pack/schema.ts';
import type { Disagreement } from './disagreement.ts';
import { citedFacts, factBase, type FactBase, type VerifyPack } from './facts.ts';
import type { Finding } from './statement-keys.ts';

/**
 * How the independent check re-derives one kind's keys from the raw facts. Which one applies to a
 * kind is said by the kind's module (shared/engine/kinds/): the table imports these checks, never
 * the other way round, so nothing here reads the generators' rules.
 */
export type KeyCheck<I extends QuizItem = QuizItem> = (
  base: FactBase,
  item: I,
  cited: readonly Fact[],
) => Finding[];

export type KeyCheckOf = (kind: QuizKind) => KeyCheck;

function findingsFor(base: FactBase, item: QuizItem, keyCheckOf: KeyCheckOf): Finding[] {
  const unknown = item.factIds.filter((id) => !base.byId.has(id));
  if (item.factIds.length === 0 || unknown.length > 0) {
    return [{ rule: 'fact-unknown', reason: `cites ${unknown.join(', ') || 'no fact'}` }];
  }
  return keyCheckOf(item.kind)(base, item, citedFacts(base, item.factIds));
}

/** Re-derives every item's key from the pack's raw facts; one entry per disagreement. */
export function verifyKeys(
  pack: VerifyPack,
  items: readonly QuizItem[],
  keyCheckOf: KeyCheckOf,
): Disagreement[] {
  const base = factBase(pack);
  return items.flatMap((item) =>
    findingsFor(base, item, keyCheckOf).map((f) => ({ itemId: item.id, kind: item.kind, ...f })),
  );
}
