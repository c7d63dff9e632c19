import type { Fact } from '../pack/schema.ts';
import {
  alternativeObjects,
  answerDrivesAnother,
  placeGivesDisease,
  shownContext,
} from './alternatives.ts';
import { leadReference } from './citations.ts';
import { relatedSubjects } from './family.ts';
import { mentionsAny } from './normalize.ts';
import { relationDef } from '../pack/relations.ts';
import { formsOf, isEntityObject, type PackIndex } from './pack-index.ts';
import { blanksTheSubjectFamily, isReviewSubject } from './review-subject.ts';
import {
  BLANK,
  blankInList,
  cueForAnswer,
  isNumberAnswer,
  listsTheAnswerMark,
  withoutCueAfterBlank,
  withoutMeasurements,
} from './blank.ts';
import {
  blankQualifier,
  blanksACategory,
  blanksAnOpenProcess,
  narrowsBySource,
  qualifies,
} from './questions.ts';

/** A fact's own sentence with its answer blanked: the cloze card and the cloze quiz item. */

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

/**
 * Whether an entity object may be blanked at all, whatever the sentence: an open set of objects
 * only where the source closes it, never the review subject's own family, never a process that
 * drives another.
 */
function maySayEntityBlank(index: PackIndex, fact: Fact): boolean {
  if (relationDef(fact.relation).openObject && !narrowsBySource(index, fact)) return false;
  if (blanksACategory(index, fact) || blanksAnOpenProcess(index, fact)) return false;
  return !blanksTheSubjectFamily(index, fact, fact.object) && !answerDrivesAnother(index, fact);
}

function computeClozeFromFactText(
  index: PackIndex,
  fact: Fact,
  framedOnSource: boolean,
): Masked | null {
  // What needs no masked text is asked before the masking, the costly step.
  if (isEntityObject(fact) && !maySayEntityBlank(index, fact)) return null;
  const forms = isEntityObject(fact) ? formsOf(index, fact.object) : [fact.object];
  const found = maskForms(withoutMeasurements(fact.text), forms, BLANK);
  if (found === null || mentionsAny(found.text, forms) || found.distinctForms > 1) return null;
  // One blank: "spliced into _____ …; because _____ is less active" reads as two answers (audit Q).
  if (found.text.split(BLANK).length > 2) return null;
  const masked = { ...found, text: withoutCueAfterBlank(found.text) };
  if (blankInList(masked.text) || cueForAnswer(masked.text, forms, found.form)) return null;
  if (!isEntityObject(fact)) return isTrivia(fact) ? null : masked;
  if (listsTheAnswerMark(masked.text, forms, familyForms(index, fact.object))) return null;
  if (placeGivesDisease(index, fact, masked.text)) return null;
  const shown = shownContext(index, fact, masked.text);
  const qualifier = blankQualifier(masked.text);
  // A sentence that names its source ("The review's abstract states…") is answered from it.
  const framed = framedOnSource || namesItsSource(masked.text);
  // Where the sentence shows no source, nothing closes an open set: "Canonical Wnt signalling
  // promotes _____" is as true of osteoblast differentiation and bone mass as of the pack's one
  // answer, which the pack's silence does not make the only one (audit 20261230).
  if (relationDef(fact.relation).openObject && !framed) return null;
  // Only the review's own words close the set; a primary paper's name does not (see questions.ts).
  const source =
    framed && narrowsBySource(index, fact) ? { source: leadReference(index, fact).id } : {};
  const open = alternativeObjects(index, fact, shown, source).filter(
    (id) =>
      !mentionsAny(masked.text, formsOf(index, id)) &&
      (qualifier === undefined || qualifies(index, id, qualifier)),
  );
  return open.length === 0 ? masked : null;
}

/** Fact sentences that say where they come from: "The review's abstract…", "A 2018 review…". */
export function namesItsSource(text: string): boolean {
  return /\breview's\b|\b(?:companion|\d{4}) review\b|\b(?:study|report|comparison)\b/i.test(text);
}

/**
 * Trivia: a number, or how and when something was found (the screen that picked up IL-32 again),
 * asked only where the review itself makes a point of it (a high-yield fact), audit J.
 */
export function isTrivia(fact: Fact): boolean {
  if (fact.highYield) return false;
  return (
    (!isEntityObject(fact) && isNumberAnswer(fact.object)) || fact.context.setting === 'historical'
  );
}

/**
 * The fact's sentence with its subject or partner blanked ("With _____ co-stimulation, IL-32γ
 * promotes…"), for a card when the object cannot be blanked to one answer: the subject where the
 * relation has one subject per object, else a single partner that is not the review's own
 * subject, named once, and not an item of a list.
 */
export function clozeOfPartner(index: PackIndex, fact: Fact): Masked | null {
  // A relation with one subject per object ("the most active isoform of IL-32") has one answer
  // on its subject side, whoever the subject is.
  if (relationDef(fact.relation).oneValue === 'subject' && fact.coSubjects.length === 0) {
    return blankedOnce(index, fact, fact.subject);
  }
  const [partner, ...more] = fact.coSubjects;
  if (partner === undefined || more.length > 0 || isReviewSubject(index, partner)) return null;
  return blankedOnce(index, fact, partner);
}

/** The fact's sentence with one entity blanked once, when nothing else in it names or cues it. */
function blankedOnce(index: PackIndex, fact: Fact, id: string): Masked | null {
  const forms = formsOf(index, id);
  const found = maskForms(withoutMeasurements(fact.text), forms, BLANK);
  if (found === null || mentionsAny(found.text, forms)) return null;
  const masked = { ...found, text: withoutCueAfterBlank(found.text) };
  if (blankInList(masked.text) || cueForAnswer(masked.text, forms, found.form)) return null;
  if (listsTheAnswerMark(masked.text, forms, familyForms(index, id))) return null;
  return masked.text.split(BLANK).length === 2 ? masked : null;
}

/** The written forms of an entity's parent and sibling isoforms, not its own. */
function familyForms(index: PackIndex, id: string): string[] {
  const own = new Set(formsOf(index, id));
  return [...relatedSubjects(index, id)].flatMap((other) =>
    formsOf(index, other).filter((form) => !own.has(form)),
  );
}
