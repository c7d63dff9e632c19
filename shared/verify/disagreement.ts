import type { QuizKind } from '../engine/types.ts';

export const disagreementRules = [
  /** The item cites a fact id the pack does not have. */
  'fact-unknown',
  /** The item's structure is not what its kind needs (no correct option, no statement…). */
  'item-shape',
  /** No fact the item cites supports its key. */
  'key-unsupported',
  /** The key's words leave out the setting of every fact that supports it. */
  'setting-not-shown',
  /** A fact of the pack or its background contradicts the key. */
  'key-contradicted',
  /** A wrong option or false statement that no fact contradicts and no type rules out. */
  'wrong-unproven',
  /** A wrong option or false statement that a fact of the pack supports. */
  'wrong-is-true',
  /** "It does not change" keyed without a fact reporting no difference. */
  'no-change-unproven',
  /** A pathway edge an item relies on has no fact with the edge's sign. */
  'edge-unsupported',
] as const;
export type DisagreementRule = (typeof disagreementRules)[number];

/** One place where the independent check and the generators disagree about an item. */
export interface Disagreement {
  readonly itemId: string;
  readonly kind: QuizKind;
  readonly rule: DisagreementRule;
  readonly reason: string;
}
