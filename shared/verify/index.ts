import type { QuizItem } from '../engine/types.ts';
import { auditCues, type CueResult } from './audit.ts';
import type { Disagreement } from './disagreement.ts';
import type { VerifyPack } from './facts.ts';
import { verifyKeys, type KeyCheckOf } from './keys.ts';

export type { CueResult } from './audit.ts';
export type { Disagreement, DisagreementRule } from './disagreement.ts';
export type { VerifyPack } from './facts.ts';
export type { KeyCheck, KeyCheckOf } from './keys.ts';

/**
 * The second opinion on a bank (issue 10, parts 5 and 8): every key re-derived from the pack's raw
 * facts without the generators' rules, and the test-wise cues measured. It imports the pack's
 * types and the engine's item types only (eslint.config.js enforces this).
 */
export interface Verification {
  readonly disagreements: readonly Disagreement[];
  readonly cues: readonly CueResult[];
}

/** `keyCheckOf`: the check each kind's module names (shared/engine/kinds: `keyCheckOf`). */
export function verifyBank(
  pack: VerifyPack,
  quiz: readonly QuizItem[],
  keyCheckOf: KeyCheckOf,
): Verification {
  return { disagreements: verifyKeys(pack, quiz, keyCheckOf), cues: auditCues(quiz) };
}

export function passes(verification: Verification): boolean {
  return verification.disagreements.length === 0 && verification.cues.every((c) => !c.wins);
}

function countBy<T>(xs: readonly T[], key: (x: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(key(x), (counts.get(key(x)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

/** Per kind and rule: "perturbation  no-change-unproven  46". */
export function disagreementCounts(verification: Verification): string[] {
  return countBy(verification.disagreements, (d) => `${d.kind}  ${d.rule}`).map(
    ([key, n]) => `${key}  ${n}`,
  );
}

export function disagreementLines(verification: Verification): string[] {
  return verification.disagreements.map((d) => `${d.itemId}  ${d.rule}  ${d.reason}`);
}

export function cueLines(verification: Verification): string[] {
  return verification.cues.map(
    (c) => `${c.wins ? '✗ cue wins' : '✓'}  ${c.kind}  ${c.cue}  (n=${c.n})  ${c.detail}`,
  );
}
