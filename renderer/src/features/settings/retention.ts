import { percent } from '../../components/format.ts';

/** `desiredRetentionRange` in shared/contract/settings.ts (kept equal by a unit test). */
export const retentionRange = { min: 0.7, max: 0.99 } as const;

/**
 * FSRS intervals relative to those at 90 %: I(r) ∝ r^(1/decay) − 1, with the decay the scheduler
 * pins (FSRS-6's default, 0.1542). Computed here so this chunk does not carry ts-fsrs; a unit test
 * checks it against the scheduler's own `elapsedPerStabilityAt`.
 */
const decay = -0.1542;

export function relativeInterval(retention: number): number {
  const at = (r: number) => Math.pow(r, 1 / decay) - 1;
  return at(retention) / at(0.9);
}

/** The trade-off of a retention target, in one or two plain sentences. */
export function retentionTradeOff(retention: number): string {
  const ratio = relativeInterval(retention);
  const base = `You should recall about ${Math.round(retention * 100)} in 100 cards when they come due.`;
  if (Math.abs(ratio - 1) < 0.08) {
    return `${base} A balanced default: higher asks for many more reviews, lower lets more slip.`;
  }
  if (ratio < 1) {
    const more = 1 / ratio;
    return `${base} Intervals are about ${more.toFixed(1)}× shorter than at ${percent(0.9)}, so expect roughly ${more.toFixed(1)}× as many reviews; worth it close to an exam.`;
  }
  return `${base} Intervals are about ${ratio.toFixed(1)}× longer than at ${percent(0.9)}: fewer reviews, but you will forget and relearn more often.`;
}
