import type { Entity, Fact } from '../pack/schema.ts';
import { relationDef } from '../pack/relations.ts';
import { isFigureSection } from '../pack/sections.ts';
import { BLANK, blankInList, cueForAnswer, withoutCueAfterBlank } from './blank.ts';
import { blanksTheSubjectFamily } from './review-subject.ts';
import {
  alternativeObjects,
  answerDrivesAnother,
  distinguishingType,
  placeGivesDisease,
  shownContext,
  type AlternativeOptions,
} from './alternatives.ts';
import { leadReference } from './citations.ts';
import { capitalise, listText } from './names.ts';
import { mentionsAny } from './normalize.ts';
import { classOf, equivalents, formsOf, isEntityObject, type PackIndex } from './pack-index.ts';
import { factSetting, nameOf, objectPhrase, subjectVerb, typeNoun } from './phrasing.ts';
import { oncePerPack } from './per-pack.ts';
import { textOf } from './relation-text.ts';
import { subjectOf } from './semantics.ts';

/**
 * Templated fill-in-the-blank sentences that have one intended answer. When the pack gives other
 * true answers to the plain sentence, it is narrowed by the answer's type ("the chemokine _____"),
 * then by the review's own words or list; failing that there is no sentence (no "name one": in
 * the open world a student may name a true answer the pack does not hold). Never by listing the world's other answers ("TNF-α,
 * IL-6 and _____"): that list is open, so it is an "among others" answer.
 */

// The blank lives with its rules; it is re-exported for the quiz kinds that name it from here.
export { BLANK } from './blank.ts';

export interface OpenQuestion {
  readonly text: string;
  /** Other entities (or literals) the question accepts: non-empty only for "name one" questions. */
  readonly alsoAccepted: readonly string[];
  /** Framed on the fact's source, because the source is what makes the answer unique. */
  readonly framedOnSource: boolean;
  /**
   * How the sentence was made to have one answer: not at all (the plain sentence), by the
   * answer's type ("the microRNA _____"), by its source, by its source's own closed list, or not
   * at all ("name one").
   */
  readonly narrowedBy: 'nothing' | 'type' | 'source' | 'source-list' | 'name-one';
}

/**
 * A source's list of associations is a sample ("inflammatory bone disorders such as RA,
 * osteoporosis and AS"): naming two leaves more than one answer (cancer fits too), audit Q. What
 * a source proposes or says a thing does is its own closed list.
 */
function listsASample(index: PackIndex, fact: Fact): boolean {
  // A process has many wordings ("coupling", "bone remodelling"): its blank is never closed.
  const object = index.entityById.get(fact.object);
  return (
    fact.relation === 'associated-with' ||
    (object !== undefined && classOf(object.type) === 'process')
  );
}

/** The most other items a sentence lists from its source before the blank. */
const MAX_LISTED = 3;

/** A "name one" question, recognisable by the checker. */
export const NAME_ONE = /\bname (?:any )?one\b/i;

/**
 * Whether naming the fact's source may make its blank unique: only the target review's own words
 * (its abstract, a figure) form a closed set a student of the review is expected to know.
 */
export function narrowsBySource(index: PackIndex, fact: Fact): boolean {
  return leadReference(index, fact).kind === 'target-review';
}

/** The source a question may be framed on: the lead reference, and the review's section. */
function sourceOf(index: PackIndex, fact: Fact): AlternativeOptions {
  const lead = leadReference(index, fact);
  return {
    source: lead.id,
    ...(lead.kind === 'target-review' && fact.section !== undefined
      ? { section: fact.section }
      : {}),
  };
}

function settingFor(
  index: PackIndex,
  fact: Fact,
  exclude: Iterable<string>,
  said: string,
  detailHidden = true,
): string {
  return factSetting(index, fact, { exclude: new Set(exclude), after: said, detailHidden });
}

/**
 * Templated fill-in sentence for a fact: "IL-32γ increases the microRNA _____ in osteoblasts."
 * Narrowed like a question; `framedOnSource` is set when only the fact's source makes the blank
 * unique, so the caller must name the source (a quiz frame does; a card says "According to …").
 */
/** A detail that is the measured thing itself ("production", "mRNA"), read before a typed name. */
function nounDetail(detail: string | undefined): string | undefined {
  const text = detail?.trim();
  return text !== undefined &&
    /^(?:production|expression|release|secretion|levels?|activity|mRNA)$/.test(text)
    ? text
    : undefined;
}

/** Asked by the cards and by the fill-in kind of the same fact. */
export const templatedCloze = oncePerPack(
  (fact: Fact) => fact.id,
  (index, fact): OpenQuestion | null => templatedClozeOf(index, fact),
);

function templatedClozeOf(index: PackIndex, fact: Fact): OpenQuestion | null {
  // Asked before the sentence is written: it needs none of it.
  if (answerDrivesAnother(index, fact)) return null;
  const sentence = templatedSentence(index, fact);
  if (sentence === null) return null;
  // A source's list names its other items before the blank on purpose; after it, nothing may.
  const judged =
    sentence.narrowedBy === 'source-list'
      ? sentence.text.slice(sentence.text.indexOf(BLANK))
      : sentence.text;
  const forms = isEntityObject(fact) ? formsOf(index, fact.object) : [fact.object];
  const answer = isEntityObject(fact) ? nameOf(index, fact.object) : fact.object;
  const text = withoutCueAfterBlank(sentence.text);
  // "spliced into _____, giving the less active IL-32β": the detail names the answer (audit R).
  if (mentionsAny(text, forms)) return null;
  if (blankInList(judged) || cueForAnswer(text, forms, answer)) return null;
  if (placeGivesDisease(index, fact, text)) return null;
  return { ...sentence, text };
}

/**
 * A category is answered by its broader, narrower and sister names as rightly as by its own:
 * "IL-32 as a _____" takes cytokine, interleukin and pro-inflammatory cytokine, "a therapeutic
 * target and _____" biomarker as well as prognostic marker (audit 20261230).
 */
export function blanksACategory(index: PackIndex, fact: Fact): boolean {
  const object = isEntityObject(fact) ? index.entityById.get(fact.object) : undefined;
  return object !== undefined && classOf(object.type) === 'category';
}

/**
 * A process or measure caused ("promotes _____") has many wordings and neighbours: bone
 * formation, osteoblast differentiation and bone mass all fit. Only a figure of the review
 * closes it, to the nodes it draws; its prose does not (audit 20261230).
 */
export function blanksAnOpenProcess(index: PackIndex, fact: Fact): boolean {
  const object = isEntityObject(fact) ? index.entityById.get(fact.object) : undefined;
  if (object === undefined || relationDef(fact.relation).openObject !== true) return false;
  const kind = classOf(object.type);
  return (
    (kind === 'process' || kind === 'measure') &&
    !isFigureSection(index.pack.manifest, fact.section)
  );
}

function templatedSentence(index: PackIndex, fact: Fact): OpenQuestion | null {
  // An open set of objects ("IL-32 is raised in _____") is closed only by the review's own words.
  if (isEntityObject(fact) && blanksTheSubjectFamily(index, fact, fact.object)) return null;
  if (blanksACategory(index, fact) || blanksAnOpenProcess(index, fact)) return null;
  const open = relationDef(fact.relation).openObject === true;
  if (open && !narrowsBySource(index, fact)) return null;
  const subject = subjectOf(fact);
  const text = textOf(fact.relation);
  const clause = subjectVerb(index, subject, text.verb);
  const filler = objectPhrase(index, fact.relation, fact.object, fact.objectDetail, BLANK);
  const answers = isEntityObject(fact) ? [...equivalents(index, fact.object)] : [];
  const answerName = isEntityObject(fact) ? nameOf(index, fact.object) : fact.object;
  const setting = settingFor(index, fact, answers, `${clause} ${answerName}`, false);
  const sentenceWith = (blank: string): string =>
    capitalise(`${clause} ${blank}${setting ? ` ${setting}` : ''}.`);
  const plain = sentenceWith(filler);
  const shown = shownContext(index, fact, plain);
  const all = alternativeObjects(index, fact, shown);
  const result = (
    body: string,
    framedOnSource: boolean,
    narrowedBy: OpenQuestion['narrowedBy'] = framedOnSource ? 'source' : 'nothing',
  ): OpenQuestion => ({ text: body, alsoAccepted: [], framedOnSource, narrowedBy });
  const typedWith = (others: readonly string[]): string | null => {
    if (!isEntityObject(fact)) return null;
    const type = distinguishingType(index, fact.object, others);
    if (type === undefined) return null;
    // "increases production of the ligand _____", not "increases the ligand _____ production".
    const noun = nounDetail(fact.objectDetail);
    const bare = objectPhrase(index, fact.relation, fact.object, undefined, BLANK);
    return sentenceWith(noun ? `${noun} of the ${type} ${bare}` : `the ${type} ${filler}`);
  };
  if (all.length === 0) return result(plain, open);
  const typedAll = typedWith(all);
  if (typedAll !== null) return result(typedAll, false, 'type');
  // Only the review's own words may close a question: "according to Joosten 2006" leaves AS as
  // true as RA, and who found what is not what a student learns (audit D).
  if (!narrowsBySource(index, fact)) return null;
  const fromSource = alternativeObjects(index, fact, shown, sourceOf(index, fact));
  if (fromSource.length === 0) return result(plain, true);
  const typedSource = typedWith(fromSource);
  if (typedSource !== null) return result(typedSource, true);
  // A source's own list is closed ("the abstract names osteogenesis, coupling and _____"), so
  // naming its other items leaves one answer; the world's list is open, so never without it.
  // An item with its own "and" ("coupling of bone resorption and formation and _____") blurs
  // where the list's items end (audit J).
  const listed = fromSource.map((id) => objectPhrase(index, fact.relation, id));
  const listedSource =
    isEntityObject(fact) &&
    !listsASample(index, fact) &&
    fromSource.length <= MAX_LISTED &&
    !listed.some((p) => /\band\b/.test(p))
      ? sentenceWith(listText([...listed, filler]))
      : null;
  if (listedSource !== null) return result(listedSource, true, 'source-list');
  // No "name one": in the open world a student may name a true answer the pack does not hold.
  return null;
}

const moleculeTypes: readonly Entity['type'][] = [
  'cytokine',
  'isoform',
  'chemokine',
  'ligand',
  'receptor',
  'protein',
  'enzyme',
  'transcription-factor',
  'kinase',
  'mirna',
  'pathway',
  'lipid-mediator',
  'gene',
];
const qualifierNouns = [...new Set(moleculeTypes.map(typeNoun))].sort(
  (a, b) => b.length - a.length,
);
const qualifierPattern = new RegExp(
  `\\b(${qualifierNouns.join('|')})\\s+${BLANK.replace(/_/g, '_')}`,
  'i',
);

/** The type word right before the blank ("the chemokine _____"), which narrows what fits it. */
export function blankQualifier(text: string): string | undefined {
  return qualifierPattern.exec(text)?.[1]?.toLowerCase();
}

/** Whether an entity is of the type a qualifier names. */
export function qualifies(index: PackIndex, id: string, qualifier: string): boolean {
  const entity = index.entityById.get(id);
  return entity !== undefined && typeNoun(entity.type).toLowerCase() === qualifier;
}
