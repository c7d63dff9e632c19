import { humanTaxon, taxonOf } from '../../pack/species.ts';
import type { Fact, Pathway } from '../../pack/schema.ts';
import { listText } from '../names.ts';

/**
 * Who the findings behind a drawn link or route were made in, when a pathway's title would
 * otherwise pass them off as human biology: " (shown in mice)" when every finding that names a
 * species was made in the same animals, " (from human and mouse studies)" when people and
 * animals mix. Empty when the findings are human, or name no species, and for a model the
 * review itself draws: the claim is then the review's, framed on its figure.
 */
export function evidenceSpecies(pathway: Pathway, facts: readonly Fact[]): string {
  if (pathway.tier === 'review') return '';
  const named = facts.map((fact) => fact.context.species).filter((list) => list.length > 0);
  if (named.length === 0) return '';
  const animals = new Set(named.flat().filter((name) => name !== humanTaxon));
  if (animals.size === 0) return '';
  const plurals = [...animals].sort().map((name) => taxonOf(name).plural);
  const withHumans = named.some((list) => list.includes(humanTaxon));
  if (!withHumans) return ` (shown in ${listText(plurals)})`;
  const adjectives = [...animals].sort().map((name) => taxonOf(name).adjective);
  return ` (from human and ${listText(adjectives)} studies)`;
}
