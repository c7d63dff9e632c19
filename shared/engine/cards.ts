import type { Entity, Fact } from '../pack/schema.ts';
import { relationDef, type RelationId } from '../pack/relations.ts';
import { alternativeObjects, shownContext } from './alternatives.ts';
import { citationsForFact, citationsForFacts, leadReference, sourceFraming } from './citations.ts';
import { cascadeLevels } from './graph.ts';
import { isPluralName, midSentenceName, withArticle, withoutParenthetical } from './names.ts';
import { mentionsAny } from './normalize.ts';
import {
  classOf,
  formsOf,
  isBackgroundEntity,
  isBackgroundFact,
  isEntityObject,
  type PackIndex,
} from './pack-index.ts';
import {
  answerPhrase,
  capitalise,
  countedName,
  nameOf,
  subjectPhrase,
  textOf,
} from './phrasing.ts';
import {
  BLANK,
  blankQualifier,
  forwardQuestion,
  qualifies,
  reverseQuestion,
  templatedCloze,
} from './questions.ts';
import { subjectOf } from './semantics.ts';
import { remarkNote } from './setting.ts';
import type { CardKind, StudyCard } from './types.ts';

/** Teaching tiers: what a student must know before the next tier makes sense. */
type Tier = 0 | 1 | 2 | 3 | 4;
const ENTITY_TIER: Tier = 0;
const relationTier = {
  'is-a': 1,
  'also-known-as': 1,
  'function-first-reported-in': 1,
  'first-identified-in': 1,
  'most-abundant-isoform-of': 1,
  'predominant-isoform-in': 1,
  'has-isoform-count': 1,
  'isoform-of': 1,
  'most-active-isoform-of': 1,
  'spliced-into': 1,
  'located-at': 1,
  'discovered-via': 1,
  'lacks-homology-with': 1,
  'absent-in': 1,
  'produced-by': 1,
  'detected-in': 1,
  'induces-expression-of': 2,
  increases: 2,
  decreases: 2,
  activates: 2,
  inhibits: 2,
  promotes: 2,
  suppresses: 2,
  targets: 2,
  'required-for': 2,
  'synergizes-with': 2,
  binds: 2,
  'does-not-induce': 2,
  'acts-mainly-on': 2,
  outweighs: 2,
  disrupts: 2,
  regulates: 2,
  'fails-to-inhibit': 2,
  'associated-with': 3,
  'correlates-positively-with': 3,
  'correlates-inversely-with': 3,
  'elevated-in': 3,
  'reduced-in': 3,
  'no-difference-in': 3,
  'proposed-as': 4,
} as const satisfies Record<RelationId, Tier>;

const kindOrder: Record<CardKind, number> = {
  'entity-definition': 0,
  'entity-name': 1,
  'fact-forward': 0,
  'fact-reverse': 1,
  'fact-cloze': 2,
};

type Unranked = Omit<StudyCard, 'teachingRank'> & {
  readonly sortKey: readonly (number | string)[];
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Masked {
  readonly text: string;
  /** How many different written forms were masked ("NOD1" and "NOD2": two blanks, two answers). */
  readonly distinctForms: number;
  /** The written form that was masked first, as the text had it ("mice", "IL-8"). */
  readonly form: string;
}

/**
 * Masks every written form of a thing in a text, plural endings included ("lymphocytes"); a
 * short acronym ("AS") only in capitals, so the word "as" survives; an alias in brackets right
 * after the masked name ("IL-8 (CXCL8)") goes with it. Null if no form was found.
 */
export function maskForms(text: string, forms: readonly string[], mask: string): Masked | null {
  let out = text;
  let first: { at: number; form: string } | undefined;
  const seen = new Set<string>();
  const lower = text.toLowerCase();
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    if (!lower.includes(form.toLowerCase())) continue;
    out = out.replace(formPattern(form), (match: string, at: number) => {
      if (first === undefined || at < first.at) first = { at, form: match };
      seen.add(match.toLowerCase().replace(/e?s$/, ''));
      return mask;
    });
  }
  if (first === undefined) return null;
  const collapsed = out.replaceAll(`${mask} (${mask})`, mask);
  // An alias in brackets right after its name ("IL-8 (CXCL8)") is one blank, one answer.
  const distinctForms = collapsed === out ? seen.size : seen.size - 1;
  return { text: collapsed, form: first.form, distinctForms };
}

const formPatterns = new Map<string, RegExp>();

/** A written form as a whole word, plural endings allowed; compiled once per form. */
function formPattern(form: string): RegExp {
  let pattern = formPatterns.get(form);
  if (!pattern) {
    const acronym = /^[A-Z]{1,3}$/.test(form.trim());
    pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?:e?s)?(?![\\p{L}\\p{N}])`,
      acronym ? 'gu' : 'giu',
    );
    formPatterns.set(form, pattern);
  }
  return pattern;
}

function pathwaysOfFact(index: PackIndex, factId: string): string[] {
  return [...new Set((index.edgesByFact.get(factId) ?? []).map((r) => r.pathway.id))];
}

export const CLOZE_BLANK = BLANK;

/** "IL-1β (also correct: TNF-α, IL-6)": the back of a "name one" card. */
function withAlternatives(index: PackIndex, answer: string, others: readonly string[]): string {
  if (others.length === 0) return answer;
  const names = others.map((id) => (index.entityById.has(id) ? nameOf(index, id) : id));
  return `${answer} (also correct: ${names.join(', ')})`;
}

/**
 * The fact's own sentence with its answer blanked, when that leaves one intended answer; else a
 * templated sentence narrowed the same way as a question; else none (the forward card teaches it).
 */
const factClozes = new WeakMap<PackIndex, Map<string, Masked | null>>();

/**
 * `framedOnSource`: the sentence will be shown with its source named (a quiz frame), so only
 * that source's other findings compete for the blank.
 */
export function clozeFromFactText(
  index: PackIndex,
  fact: Fact,
  framedOnSource = false,
): Masked | null {
  let known = factClozes.get(index);
  if (!known) {
    known = new Map();
    factClozes.set(index, known);
  }
  const key = `${fact.id}:${String(framedOnSource)}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const result = computeClozeFromFactText(index, fact, framedOnSource);
  known.set(key, result);
  return result;
}

function computeClozeFromFactText(
  index: PackIndex,
  fact: Fact,
  framedOnSource: boolean,
): Masked | null {
  const forms = isEntityObject(fact) ? formsOf(index, fact.object) : [fact.object];
  const masked = maskForms(fact.text, forms, BLANK);
  if (masked === null || mentionsAny(masked.text, forms) || masked.distinctForms > 1) return null;
  if (!isEntityObject(fact)) return masked;
  const shown = shownContext(index, fact, masked.text);
  const qualifier = blankQualifier(masked.text);
  // A sentence that names its source ("The review's abstract states…") is answered from it.
  const source =
    framedOnSource || namesItsSource(masked.text) ? { source: leadReference(index, fact).id } : {};
  const open = alternativeObjects(index, fact, shown, source).filter(
    (id) =>
      !mentionsAny(masked.text, formsOf(index, id)) &&
      (qualifier === undefined || qualifies(index, id, qualifier)),
  );
  return open.length === 0 ? masked : null;
}

/** "IL-32 is…" stays; "Exogenous IL-32γ…" → "exogenous IL-32γ…" after a leading clause. */
function lowerStart(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Fact sentences that say where they come from: "The review's abstract…", "A 2018 companion review…". */
function namesItsSource(text: string): boolean {
  return /\breview's\b|\bcompanion review\b|\b(?:study|report|comparison)\b/i.test(text);
}

function factCards(index: PackIndex, fact: Fact, level: number): Unranked[] {
  const entityObject = isEntityObject(fact);
  const answer = answerPhrase(index, fact);
  const contested = fact.contested ? ` Contested: ${fact.contested.note}` : '';
  const citations = citationsForFact(index, fact);
  const source = citations[0] ? ` — ${citations[0].label}` : '';
  const remark = remarkNote(fact.context.note);
  const note = `${fact.text}${source}.${remark ? ` Note: ${remark}` : ''}${contested}`;
  const entityIds = [fact.subject, ...fact.coSubjects, ...(entityObject ? [fact.object] : [])];
  const base = {
    factIds: [fact.id],
    entityIds: [...new Set(entityIds)],
    topic: fact.topic,
    pathwayIds: pathwaysOfFact(index, fact.id),
    citations,
    highYield: fact.highYield,
  };
  const tier = relationTier[fact.relation];
  const key = (kind: CardKind): (number | string)[] => [
    tier,
    level,
    fact.highYield ? 0 : 1,
    fact.id,
    kindOrder[kind],
  ];
  const forward = forwardQuestion(index, fact);
  const cards: Unranked[] = [
    {
      id: `fact-forward:${fact.id}`,
      kind: 'fact-forward',
      front: forward.text,
      back: withAlternatives(index, answer, forward.alsoAccepted),
      note,
      ...base,
      sortKey: key('fact-forward'),
    },
  ];
  const def = relationDef(fact.relation);
  const reverseTemplate = textOf(fact.relation).reverse;
  if (entityObject && reverseTemplate && (def.symmetric || def.passive !== undefined)) {
    const reverse = reverseQuestion(index, fact, reverseTemplate);
    cards.push({
      id: `fact-reverse:${fact.id}`,
      kind: 'fact-reverse',
      front: reverse.text,
      back: withAlternatives(
        index,
        capitalise(subjectPhrase(index, subjectOf(fact))),
        reverse.alsoAccepted,
      ),
      note,
      ...base,
      sortKey: key('fact-reverse'),
    });
  }
  const masked = clozeFromFactText(index, fact);
  const templated = masked === null ? templatedCloze(index, fact) : null;
  const cloze =
    masked !== null
      ? { front: masked.text, back: capitalise(masked.form) }
      : templated !== null && templated.alsoAccepted.length === 0
        ? {
            front: templated.framedOnSource
              ? `${sourceFraming(index, fact)}, ${lowerStart(templated.text)}`
              : templated.text,
            back: entityObject ? capitalise(countedName(index, fact.object)) : fact.object,
          }
        : null;
  if (cloze !== null) {
    cards.push({
      id: `fact-cloze:${fact.id}`,
      kind: 'fact-cloze',
      front: cloze.front,
      back: cloze.back,
      note,
      ...base,
      sortKey: key('fact-cloze'),
    });
  }
  return cards;
}

/** Head words of categories that are mass nouns: "What is chronic inflammation?", not "a …". */
const massHeads = /(?:inflammation|cancer|infection|immunity|disease|responses|defence|defense)$/;

/** "the IL32 gene", "the RANKL/OPG ratio": names that read with "the". */
export function takesDefiniteArticle(name: string): boolean {
  return /\b(?:gene|ratio)$/.test(name);
}

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

function entityCards(index: PackIndex, entity: Entity, level: number): Unranked[] {
  const mentioning = [
    ...new Set([
      ...(index.factsBySubject.get(entity.id) ?? []),
      ...(index.factsByObject.get(entity.id) ?? []),
    ]),
  ].filter((f) => !isBackgroundFact(index, f));
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
  const key = (kind: CardKind): (number | string)[] => [
    ENTITY_TIER,
    level,
    highYield ? 0 : 1,
    entity.id,
    kindOrder[kind],
  ];
  const forms = formsOf(index, entity.id);
  const definition = maskForms(entity.definition, forms, 'this')?.text ?? entity.definition;
  const aliases = entity.aliases.length > 0 ? ` Also written: ${entity.aliases.join(', ')}.` : '';
  return [
    {
      id: `entity-definition:${entity.id}`,
      kind: 'entity-definition',
      front: definitionQuestion(entity),
      back: entity.definition,
      ...(aliases ? { note: aliases.trim() } : {}),
      ...base,
      sortKey: key('entity-definition'),
    },
    {
      id: `entity-name:${entity.id}`,
      kind: 'entity-name',
      front: `Name it: ${definition}`,
      back: entity.name,
      ...(aliases ? { note: aliases.trim() } : {}),
      ...base,
      sortKey: key('entity-name'),
    },
  ];
}

function compareKeys(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * Flashcards for every fact that is not background (forward, reverse where the relation reads
 * both ways, cloze) and every non-background entity (name → definition, definition → name).
 * Teaching order: facts by tier (definitions, then mechanisms, clinical findings, outlook), within
 * a tier upstream before downstream along the pathways (cascade level), then high-yield first;
 * each entity's definition cards come just before the first fact card that needs them.
 */
export function generateCards(index: PackIndex): StudyCard[] {
  const levels = cascadeLevels(index.pack.pathways);
  const maxLevel = Math.max(0, ...levels.values());
  const levelOfFact = (fact: Fact): number =>
    levels.get(fact.subject) ??
    (isEntityObject(fact) ? levels.get(fact.object) : undefined) ??
    maxLevel + 1;
  const byKey = (a: Unranked, b: Unranked): number => compareKeys(a.sortKey, b.sortKey);
  const entityDecks = new Map(
    index.pack.entities
      .filter((e) => !isBackgroundEntity(index, e.id))
      .map((e) => [e.id, entityCards(index, e, levels.get(e.id) ?? 0)] as const),
  );
  const factDecks = index.pack.facts
    .filter((f) => !isBackgroundFact(index, f))
    .map((f) => ({ fact: f, cards: factCards(index, f, levelOfFact(f)) }))
    .sort((a, b) => byKey(a.cards[0] as Unranked, b.cards[0] as Unranked));
  const ordered: Unranked[] = [];
  const introduce = (entityId: string): void => {
    const deck = entityDecks.get(entityId);
    if (!deck) return;
    entityDecks.delete(entityId);
    ordered.push(...deck);
  };
  for (const { fact, cards } of factDecks) {
    const needed = [
      fact.subject,
      ...fact.coSubjects,
      ...(isEntityObject(fact) ? [fact.object] : []),
    ];
    for (const entityId of needed) introduce(entityId);
    ordered.push(...cards);
  }
  // Entities no fact uses come last, in their own order.
  ordered.push(...[...entityDecks.values()].flat().sort(byKey));
  // Two facts can end in the same "name one" question: it is asked once.
  const fronts = new Set<string>();
  const distinct = ordered.filter((card) => {
    if (fronts.has(card.front)) return false;
    fronts.add(card.front);
    return true;
  });
  return distinct.map(({ sortKey: _sortKey, ...card }, teachingRank) => ({
    ...card,
    teachingRank,
  }));
}
