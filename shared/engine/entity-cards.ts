import type { Entity } from '../pack/schema.ts';
import { citationsForFacts } from './citations.ts';
import {
  capitalise,
  isPluralName,
  midSentenceName,
  takesDefiniteArticle,
  withArticle,
  withoutParenthetical,
} from './names.ts';
import { mentionsAny } from './normalize.ts';
import { classOf, formsOf, isBackgroundFact, type PackIndex } from './pack-index.ts';
import type { StudyCard } from './types.ts';

/**
 * Glossary cards: "What is an osteoclast?" for the terms a student of the review must be able to
 * define. Never the other way round ("Name it: a secreted Wnt inhibitor"): in the open world a
 * short description fits more than one thing (DKK-1 and sclerostin), so it has no one answer.
 */

export type EntityCard = Omit<StudyCard, 'teachingRank'>;

/** Head words of categories that are mass nouns: "What is chronic inflammation?", not "a …". */
const massHeads = /(?:inflammation|cancer|infection|immunity|disease|responses|defence|defense)$/;

/** "What is an osteoblast?", "What are Toll-like receptors?", "What is osteoporosis?". */
export function definitionQuestion(entity: Entity): string {
  const name = withoutParenthetical(midSentenceName(entity));
  if (entity.type === 'species') return `Why does the ${name} matter in these studies?`;
  if (isPluralName(entity.name)) return `What are ${name}?`;
  if (takesDefiniteArticle(name)) return `What is the ${name}?`;
  const cls = classOf(entity.type);
  const countable =
    (cls === 'cell' || cls === 'category' || cls === 'animal-model') &&
    !massHeads.test(name) &&
    !(cls === 'animal-model' && /(?:arthritis|itis)$/.test(name));
  return `What is ${countable ? withArticle(name) : name}?`;
}

/**
 * Whether a term earns a definition card: the pack marks it as a term of the review that a student
 * must be able to define (which words are everyday is the author's judgement, not a rule's), and a
 * fact or a pathway uses it. A term with an `is-a` fact is defined by that fact's card ("What is
 * IL-32?" → a pro-inflammatory cytokine), one fact, one answer, so it gets no card of its own.
 */
export function needsGlossaryCard(index: PackIndex, entity: Entity): boolean {
  if (!entity.glossary) return false;
  return (
    factsNaming(index, entity.id).length > 0 ||
    (index.pathwaysByEntity.get(entity.id)?.length ?? 0) > 0
  );
}

function factsNaming(index: PackIndex, id: string) {
  return [
    ...new Set([...(index.factsBySubject.get(id) ?? []), ...(index.factsByObject.get(id) ?? [])]),
  ].filter((f) => !isBackgroundFact(index, f));
}

function definedByFact(index: PackIndex, id: string): boolean {
  return (index.factsBySubject.get(id) ?? []).some(
    (f) => f.relation === 'is-a' && !isBackgroundFact(index, f),
  );
}

export interface DefinitionParts {
  /** What the card asks and answers: the definition's first clause, one idea. */
  readonly head: string;
  /** The rest ("IL-32γ lowers it"), shown with the answer, never asked. */
  readonly rest: string;
}

/**
 * "Dickkopf-1, a secreted Wnt inhibitor…; IL-32γ lowers it." → head "A secreted Wnt inhibitor…",
 * rest "IL-32γ lowers it.": a spelled-out name in front is dropped (it is the answer), and the
 * clauses after a semicolon are further facts about the term.
 */
export function definitionParts(entity: Entity, forms: readonly string[]): DefinitionParts {
  const [first = '', ...others] = entity.definition.split(/;\s*/);
  const spelledOut = /^([^,]+),\s+(.+)$/.exec(first);
  const head =
    spelledOut?.[1] !== undefined && mentionsAny(spelledOut[1], forms)
      ? (spelledOut[2] ?? first)
      : first;
  const rest = others.join('; ').trim();
  return {
    head: capitalise(head.trim()).replace(/\.?$/, '.'),
    rest: rest === '' ? '' : capitalise(rest).replace(/\.?$/, '.'),
  };
}

export function entityCards(index: PackIndex, entity: Entity): EntityCard[] {
  if (!needsGlossaryCard(index, entity)) return [];
  const mentioning = factsNaming(index, entity.id);
  const highYield = mentioning.some((f) => f.highYield);
  const topic =
    index.topicsByEntity.get(entity.id)?.[0] ?? index.pack.manifest.topics[0]?.id ?? 'general';
  const cited = [...mentioning].sort(
    (a, b) => Number(b.tier === 'review') - Number(a.tier === 'review'),
  );
  const base = {
    factIds: [],
    entityIds: [entity.id],
    topic,
    pathwayIds: index.pathwaysByEntity.get(entity.id) ?? [],
    citations: citationsForFacts(index, cited.slice(0, 2)),
    highYield,
  };
  const forms = formsOf(index, entity.id);
  const { head, rest } = definitionParts(entity, forms);
  const aliases = entity.aliases.length > 0 ? `Also written: ${entity.aliases.join(', ')}.` : '';
  const note = [rest, aliases].filter((part) => part !== '').join(' ');
  const withNote = note === '' ? {} : { note };
  if (definedByFact(index, entity.id)) return [];
  return [
    {
      id: `entity-definition:${entity.id}`,
      kind: 'entity-definition',
      front: definitionQuestion(entity),
      back: head,
      ...withNote,
      ...base,
    },
  ];
}
