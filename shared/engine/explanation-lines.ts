import type { Fact } from '../pack/schema.ts';
import { leadCitation } from './citations.ts';
import type { PackIndex } from './pack-index.ts';
import { remarkLine } from './setting.ts';

/** The fact's own sentence with its reference: the building block of explanations. */
export function factLine(index: PackIndex, fact: Fact): string {
  const label = leadCitation(index, fact)?.label;
  return `${fact.text} (${fact.id}${label ? `; ${label}` : ''})`;
}

/** The fact's sentence and, when the pack adds a caveat about it, the caveat. */
export function factLineWithRemark(index: PackIndex, fact: Fact): string {
  const remark = remarkLine(fact.context.note, fact.text);
  return remark ? `${factLine(index, fact)} ${remark}` : factLine(index, fact);
}

/** Shown after an answer: the teaching points the facts belong to. */
export function teachingPointLines(
  index: PackIndex,
  factIds: readonly string[],
  limit = 2,
): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const id of factIds) {
    for (const point of index.teachingPointsByFact.get(id) ?? []) {
      if (seen.has(point.id) || lines.length >= limit) continue;
      seen.add(point.id);
      lines.push(`Teaching point — ${point.title}: ${point.text}`);
    }
  }
  return lines;
}

export function teachingPointIds(index: PackIndex, factIds: readonly string[]): string[] {
  return [
    ...new Set(
      factIds.flatMap((id) => (index.teachingPointsByFact.get(id) ?? []).map((p) => p.id)),
    ),
  ];
}
