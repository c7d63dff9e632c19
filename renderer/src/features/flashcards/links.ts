import type { StudyCard } from '../../../../shared/engine/types.ts';

/** The fact in the Source screen. */
export function factLink(factId: string): string {
  return `#/source?fact=${encodeURIComponent(factId)}`;
}

/** Where a card's pathway link points: the fact on its edges, or the entity's node. */
export function pathwayLink(card: StudyCard, pathwayId: string): string {
  const base = `#/pathways/${encodeURIComponent(pathwayId)}`;
  const fact = card.factIds[0];
  if (fact) return `${base}?fact=${encodeURIComponent(fact)}`;
  const entity = card.entityIds[0];
  return entity ? `${base}?node=${encodeURIComponent(entity)}` : base;
}
