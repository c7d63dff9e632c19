import type { Entity, Fact } from '../pack/schema.ts';
import {
  alternativeObjects,
  alternativeSubjects,
  distinguishingType,
  shownContext,
  type AlternativeOptions,
} from './alternatives.ts';
import { leadReference, sourceFraming } from './citations.ts';
import { capitalise, listText, withoutParenthetical } from './names.ts';
import { mentionsAny, viewOf, type TextView } from './normalize.ts';
import {
  classOf,
  entityOf,
  equivalents,
  formsOf,
  isEntityObject,
  type PackIndex,
} from './pack-index.ts';
import {
  answerKind,
  countedName,
  factSetting,
  fillSubject,
  kindOf,
  nameOf,
  objectPhrase,
  subjectVerb,
  textOf,
  typeNoun,
} from './phrasing.ts';
import { subjectOf } from './semantics.ts';
import type { SubjectRef } from './types.ts';

/**
 * Open questions — flashcard fronts and fill-in-the-blank sentences — that have one intended
 * answer. When the pack gives other true answers to the plain question, the question is narrowed
 * in this order: by the answer's type ("which chemokine"), by naming the other answers ("besides
 * TNF-α and IL-6"), by its source; failing that it becomes a "name one" question that accepts
 * every true answer.
 */

export const BLANK = '_____';

export interface OpenQuestion {
  readonly text: string;
  /** Other entities (or literals) the question accepts: non-empty only for "name one" questions. */
  readonly alsoAccepted: readonly string[];
  /** Framed on the fact's source, because the source is what makes the answer unique. */
  readonly framedOnSource: boolean;
  /**
   * How the question was made to have one answer: not at all (the plain question), by the answer's
   * type ("which microRNA"), by its source, by naming the other answers ("besides TNF-α"), or not
   * at all ("name one").
   */
  readonly narrowedBy: 'nothing' | 'type' | 'source' | 'others' | 'name-one';
}

/** The most answers a "besides …" clause lists before the question turns into "name one". */
const MAX_NAMED_ALTERNATIVES = 3;

/** A "name one" question, recognisable by the checker. */
export const NAME_ONE = /\bname (?:any )?one\b/i;

function lowerFirst(text: string): string {
  return /^(?:What|Which|Where|When|How|In|With|Of|Into|Between|Name)\b/.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

/** "Which chemokine does IL-32 induce?" from "What does IL-32 induce?". */
function typed(template: string, type: string): string | null {
  return /^What\b/.test(template) ? template.replace(/^What\b/, `Which ${type}`) : null;
}

interface Parts {
  readonly body: string;
  readonly setting: string;
  /** Already phrased ("TNF-α and IL-6", "a secreted protein"). */
  readonly besides?: string;
  readonly source?: string;
}

/** Assembles a question: source, setting (in front unless the body has a `{where}` slot), "besides". */
function assemble(parts: Parts): string {
  const hasWhere = parts.body.includes('{where}');
  let body = parts.body.replace('{where}', hasWhere && parts.setting ? ` ${parts.setting}` : '');
  const lead: string[] = [];
  if (parts.source) lead.push(parts.source);
  if (!hasWhere && parts.setting) lead.push(parts.setting);
  if (parts.besides) lead.push(`besides ${parts.besides}`);
  if (lead.length === 0) return capitalise(body);
  body = lowerFirst(body);
  return capitalise(`${lead.join(', ')}, ${body}`);
}

function namesAny(index: PackIndex, text: TextView, ids: readonly string[]): boolean {
  return ids.some((id) => index.entityById.has(id) && mentionsAny(text, formsOf(index, id)));
}

interface Asking {
  /** Template with `{S}` already filled ("What does IL-32 induce?"). */
  readonly body: string;
  readonly setting: string;
  readonly answerId?: string;
  readonly alternatives: (source?: AlternativeOptions) => string[];
  /** How the other answers read in a "besides …" clause. */
  readonly phrase: (id: string) => string;
  readonly nameOne: (alternatives: readonly string[]) => string;
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

function narrow(index: PackIndex, fact: Fact, asking: Asking): OpenQuestion {
  const said = viewOf(`${asking.body} ${asking.setting}`);
  const others = (withSource: boolean): string[] =>
    asking
      .alternatives(withSource ? sourceOf(index, fact) : undefined)
      .filter((id) => !namesAny(index, said, [id]));
  const make = (withSource: boolean, body: string, besides?: readonly string[]): OpenQuestion => ({
    text: assemble({
      body,
      setting: asking.setting,
      ...(besides ? { besides: listText(besides.map(asking.phrase)) } : {}),
      ...(withSource ? { source: sourceFraming(index, fact) } : {}),
    }),
    alsoAccepted: [],
    framedOnSource: withSource,
    narrowedBy: besides
      ? 'others'
      : withSource
        ? 'source'
        : body === asking.body
          ? 'nothing'
          : 'type',
  });
  const typedBody = (ids: readonly string[]): string | null => {
    if (asking.answerId === undefined) return null;
    const type = distinguishingType(index, asking.answerId, ids);
    return type === undefined ? null : typed(asking.body, type);
  };
  const all = others(false);
  if (all.length === 0) return make(false, asking.body);
  const typedAll = typedBody(all);
  if (typedAll !== null) return make(false, typedAll);
  const fromSource = others(true);
  if (fromSource.length === 0) return make(true, asking.body);
  const typedSource = typedBody(fromSource);
  if (typedSource !== null) return make(true, typedSource);
  const nameable = (ids: readonly string[]): boolean =>
    ids.length <= MAX_NAMED_ALTERNATIVES && ids.every((id) => index.entityById.has(id));
  if (nameable(fromSource) && fromSource.length < all.length) {
    return make(true, asking.body, fromSource);
  }
  if (nameable(all)) return make(false, asking.body, all);
  return {
    text: asking.nameOne(all),
    alsoAccepted: all,
    framedOnSource: false,
    narrowedBy: 'name-one',
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

/** "Name one molecule that IL-32 induces in monocytes and macrophages." */
function nameOneText(kind: string, clause: string, setting: string): string {
  return `Name one ${kind} that ${clause}${setting ? ` ${setting}` : ''}.`;
}

/** What a "name one" question calls its answers: the answer's kind, or "molecule" for a mix. */
function answerNoun(index: PackIndex, id: string, others: readonly string[] = []): string {
  const entity = entityOf(index, id);
  const mixed = others.some((o) => index.entityById.get(o)?.type !== entity.type);
  if (mixed && classOf(entity.type) === 'molecule') return 'molecule';
  const kind = kindOf(entity);
  return kind === 'cells' ? 'cell type' : kind === 'tissues' ? 'tissue' : kind;
}

/** How an object reads in "besides …": "T cells", "a secreted protein". */
function objectName(index: PackIndex, fact: Fact, id: string): string {
  return objectPhrase(index, fact.relation, id);
}

/** The flashcard question about a fact's object. */
export function forwardQuestion(index: PackIndex, fact: Fact): OpenQuestion {
  const subject = subjectOf(fact);
  const text = textOf(fact.relation);
  const kind = answerKind(index, fact);
  const cellAnswer = isEntityObject(fact) && classOf(entityOf(index, fact.object).type) === 'cell';
  const template =
    fact.relation === 'produced-by' && cellAnswer ? 'Which cells produce {S}?' : text.question;
  const body = fillSubject(index, template, subject).replace('{kind}', kind);
  const answers = isEntityObject(fact) ? [...equivalents(index, fact.object)] : [];
  const answerName = isEntityObject(fact) ? nameOf(index, fact.object) : fact.object;
  const setting = settingFor(index, fact, answers, `${body} ${answerName}`);
  const shown = shownContext(index, fact, `${body} ${setting}`);
  return narrow(index, fact, {
    body,
    setting,
    ...(isEntityObject(fact) ? { answerId: fact.object } : {}),
    alternatives: (source) => alternativeObjects(index, fact, shown, source),
    phrase: (id) => objectName(index, fact, id),
    nameOne: (others) =>
      nameOneText(
        isEntityObject(fact) ? answerNoun(index, fact.object, others) : 'value',
        subjectVerb(index, subject, text.verb),
        setting,
      ),
  });
}

/**
 * The object keeps a qualifier its detail gives it: "joint swelling caused by IL-32", not any
 * joint swelling; "osteoclastogenesis driven by IL-32γ". Asides in brackets stay out.
 */
function withObjectQualifier(body: string, objectName: string, detail: string | undefined): string {
  const qualifier = withoutParenthetical(detail?.trim() ?? '');
  if (!/^(?:[a-z]+(?:ed|en) by|in|with|without|during|after)\s/.test(qualifier)) return body;
  return body.replace(objectName, `${objectName} ${qualifier}`);
}

/** The flashcard question about a fact's subject (relations that read both ways). */
export function reverseQuestion(index: PackIndex, fact: Fact, template: string): OpenQuestion {
  const object: SubjectRef = { entityId: fact.object, coSubjects: [] };
  const body = withObjectQualifier(
    fillSubject(index, template.replace('{O}', '{S}'), object),
    countedName(index, fact.object),
    fact.objectDetail,
  );
  const answers = [fact.subject, ...fact.coSubjects].flatMap((id) => [...equivalents(index, id)]);
  const setting = settingFor(index, fact, answers, `${body} ${nameOf(index, fact.subject)}`);
  const shown = shownContext(index, fact, `${body} ${setting}`);
  return narrow(index, fact, {
    body,
    setting,
    ...(fact.coSubjects.length === 0 && fact.subjectModifier === undefined
      ? { answerId: fact.subject }
      : {}),
    alternatives: (source) => alternativeSubjects(index, fact, shown, source),
    phrase: (id) => countedName(index, id),
    nameOne: (others) =>
      nameOneText(
        answerNoun(index, fact.subject, others),
        `${textOf(fact.relation).verb} ${countedName(index, fact.object)}`,
        setting,
      ),
  });
}

/**
 * Templated fill-in sentence for a fact: "IL-32γ increases the microRNA _____ in osteoblasts."
 * Narrowed like a question; `framedOnSource` is set when only the fact's source makes the blank
 * unique, so the caller must name the source (a quiz frame does; a card says "According to …").
 */
export function templatedCloze(index: PackIndex, fact: Fact): OpenQuestion | null {
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
  const fromSource = alternativeObjects(index, fact, shown, sourceOf(index, fact));
  const result = (
    body: string,
    framedOnSource: boolean,
    narrowedBy: OpenQuestion['narrowedBy'] = framedOnSource ? 'source' : 'nothing',
  ): OpenQuestion => ({ text: body, alsoAccepted: [], framedOnSource, narrowedBy });
  const typedWith = (others: readonly string[]): string | null => {
    if (!isEntityObject(fact)) return null;
    const type = distinguishingType(index, fact.object, others);
    return type === undefined ? null : sentenceWith(`the ${type} ${filler}`);
  };
  const listedWith = (others: readonly string[]): string | null =>
    isEntityObject(fact) && others.length <= MAX_NAMED_ALTERNATIVES
      ? sentenceWith(listText([...others.map((id) => objectName(index, fact, id)), filler]))
      : null;
  if (all.length === 0) return result(plain, false);
  const typedAll = typedWith(all);
  if (typedAll !== null) return result(typedAll, false, 'type');
  if (fromSource.length === 0) return result(plain, true);
  const typedSource = typedWith(fromSource);
  if (typedSource !== null) return result(typedSource, true);
  // Name as few other answers as possible: the source's own, when that list is shorter.
  const listedSource = fromSource.length < all.length ? listedWith(fromSource) : null;
  if (listedSource !== null) return result(listedSource, true, 'others');
  const listedAll = listedWith(all);
  if (listedAll !== null) return result(listedAll, false, 'others');
  if (!isEntityObject(fact)) return null;
  return {
    text: `${nameOneText(answerNoun(index, fact.object, all), clause, setting).replace(/\.$/, '')}: ${BLANK}.`,
    alsoAccepted: all,
    framedOnSource: false,
    narrowedBy: 'name-one',
  };
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
