import type { Fact, Pathway } from '../../pack/schema.ts';
import type { PackIndex } from '../pack-index.ts';
import type { ViolationRule } from '../types.ts';

/** How a checker reports a broken rule of the item it checks. */
export type Report = (rule: ViolationRule, message: string) => void;

export function factsOf(index: PackIndex, ids: readonly string[]): Fact[] {
  return ids.map((id) => index.factById.get(id)).filter((f): f is Fact => f !== undefined);
}

export function pathwayOf(
  index: PackIndex,
  id: string | undefined,
  report: Report,
): Pathway | undefined {
  const pathway = id === undefined ? undefined : index.pathwayById.get(id);
  if (!pathway) report('answer-shape', `names unknown pathway "${id ?? ''}"`);
  return pathway;
}
