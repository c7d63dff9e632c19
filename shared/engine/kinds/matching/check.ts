import type { Report } from '../../items/check-helpers.ts';
import type { PackIndex } from '../../pack-index.ts';
import type { MatchingItem } from '../../types.ts';
import { countMatchings, matchingPool } from './generate.ts';

/** One pairing of every left entry, each pair backed by its fact, and no other pairing backed. */
export function checkMatching(index: PackIndex, item: MatchingItem, report: Report): void {
  const leftIds = item.left.map((l) => l.id);
  const rightIds = item.right.map((r) => r.id);
  const answered = item.answer.map((a) => a.leftId);
  const shapeOk =
    new Set(leftIds).size === leftIds.length &&
    new Set(rightIds).size === rightIds.length &&
    leftIds.length === rightIds.length &&
    answered.length === leftIds.length &&
    leftIds.every((id) => answered.includes(id)) &&
    item.answer.every((a) => rightIds.includes(a.rightId)) &&
    new Set(item.answer.map((a) => a.rightId)).size === item.answer.length;
  if (!shapeOk) {
    report('answer-shape', 'left, right and answer do not form one pairing of every left');
    return;
  }
  const pool = matchingPool(index, item.matchingFamily, item.anchorEntityId);
  const rightText = (id: string): string => item.right.find((r) => r.id === id)?.text ?? '';
  for (const pair of item.answer) {
    const supported = pool.some(
      (p) =>
        p.left === pair.leftId && p.right === rightText(pair.rightId) && p.fact.id === pair.factId,
    );
    if (!supported) {
      report(
        'matching-unsupported-pair',
        `${pair.leftId} — “${rightText(pair.rightId)}” is not backed by ${pair.factId}`,
      );
    }
  }
  const count = countMatchings(
    pool,
    leftIds,
    item.answer.map((a) => rightText(a.rightId)),
  );
  if (count !== 1)
    report('matching-ambiguous', `${count} pairings are backed by the pack, not exactly one`);
}
