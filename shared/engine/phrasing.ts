import { measures, type Measure, type MeasureDef } from '../pack/measures.ts';
import { modifierDef } from '../pack/modifiers.ts';
import type { Entity, Fact } from '../pack/schema.ts';
import { taxonOf } from '../pack/species.ts';
import { relationDef, type RelationId } from '../pack/relations.ts';
import { classOf, entityOf, formsOf, isEntityObject, type PackIndex } from './pack-index.ts';
import { mentionsAny } from './normalize.ts';
import {
  capitalise,
  isPluralName,
  listText,
  midSentenceName,
  plural,
  pluralVerb,
  takesDefiniteArticle,
  withArticle,
  withoutParenthetical,
} from './names.ts';
import { asRelation, relationFamily } from './semantics.ts';
import { textOf } from './relation-text.ts';
import {
  cellsItMakes,
  compartmentPhrase,
  settingPhrase,
  withPlaceArticle,
  type ContextLike,
  type SettingOptions,
} from './setting.ts';
import type { Statement, SubjectRef } from './types.ts';

export { capitalise };
import { kindOf } from './type-nouns.ts';
export { kindOf, typeNoun } from './type-nouns.ts';
export type { ContextLike };

/** "silencing IL-32γ", "a human IL-32γ transgene": the subject as its modifier changed it. */
function modifiedName(modifier: string, name: string, origin: string | undefined): string {
  const def = modifierDef(modifier);
  if (def === undefined) throw new Error(`unknown subject modifier "${modifier}"`);
  const from = origin !== undefined && def.sort === 'manipulation' ? taxonOf(origin).adjective : '';
  const phrase = def.phrase(from === '' ? name : `${from} ${name}`);
  return def.article === true ? withArticle(phrase) : phrase;
}

/** An entity's name as it reads mid-sentence: "osteoblast differentiation", "IL-32γ", "the synovium" is not its job. */
export function nameOf(index: PackIndex, id: string): string {
  return withoutParenthetical(midSentenceName(entityOf(index, id)));
}

const pluralReadings = new WeakMap<Entity, boolean>();

/** Entities read in the plural: cell types, plural names, and classes named by a plural alias ("mitogens"). */
function readsPlural(entity: Entity): boolean {
  let known = pluralReadings.get(entity);
  if (known === undefined) {
    const name = midSentenceName(entity);
    known =
      entity.type === 'cell' ||
      isPluralName(entity.name) ||
      (/^[a-z]/.test(name) && entity.aliases.includes(plural(name)));
    pluralReadings.set(entity, known);
  }
  return known;
}

/** Cell types and plural names read as plural subjects; several subjects together are plural too. */
export function isPluralSubject(index: PackIndex, subject: SubjectRef): boolean {
  if (subject.coSubjects.length > 0) return true;
  if (subject.modifier !== undefined) return modifierDef(subject.modifier)?.plural === true;
  return readsPlural(entityOf(index, subject.entityId));
}

/** "osteoclasts promote", "IL-32γ promotes": subject and verb phrase that agree. */
export function subjectVerb(index: PackIndex, subject: SubjectRef, verb: string): string {
  return isPluralSubject(index, subject)
    ? `${subjectPhrase(index, subject)} ${pluralVerb(verb)}`
    : `${subjectPhrase(index, subject)} ${verb}`;
}

/** Puts a subject into a question template, with agreement ("What do osteoclasts promote?"). */
export function fillSubject(index: PackIndex, template: string, subject: SubjectRef): string {
  const text = subjectPhrase(index, subject);
  if (!isPluralSubject(index, subject)) return template.replace('{S}', text);
  return template
    .replace(/\bdoes \{S\}/, `do ${text}`)
    .replace(/\bis \{S\}/, `are ${text}`)
    .replace(/\bwas \{S\}/, `were ${text}`)
    .replace(/\bhas \{S\}/, `have ${text}`)
    .replace(/\{S\} is\b/, `${text} are`)
    .replace('{S}', text);
}

/** Plural for cells and classes ("T cells", "mitogens"), the name otherwise. */
export function countedName(index: PackIndex, id: string): string {
  const entity = entityOf(index, id);
  return readsPlural(entity) ? plural(nameOf(index, id)) : nameOf(index, id);
}

export function subjectPhrase(index: PackIndex, subject: SubjectRef): string {
  const modifier = subject.modifier;
  const name =
    modifier === undefined ? countedName(index, subject.entityId) : nameOf(index, subject.entityId);
  const base = modifier
    ? modifiedName(modifier, name, subject.origin)
    : takesDefiniteArticle(name)
      ? `the ${name}`
      : name;
  if (subject.coSubjects.length === 0) return base;
  const all = [base, ...subject.coSubjects.map((id) => countedName(index, id))];
  const molecules = [subject.entityId, ...subject.coSubjects].every(
    (id) => classOf(entityOf(index, id).type) === 'molecule',
  );
  return `${listText(all)}${molecules ? ' together' : ''}`;
}

/** Whether an entity is a count noun that takes "a"/"an" when it is a predicate ("a secreted protein"). */
function takesArticle(entity: Entity): boolean {
  const cls = classOf(entity.type);
  if (cls !== 'category' && cls !== 'cell' && cls !== 'animal-model') return false;
  return !isPluralName(entity.name) && /^[a-z]/.test(midSentenceName(entity));
}

/**
 * The object as it reads after the verb, with its detail: cell types in the plural ("is produced
 * by monocytes"), a one-word bracketed qualifier in front ("activated T cells"), a detail that
 * names its own unit instead of the relation's suffix ("4 splice variants (2005 report)").
 */
export function objectPhrase(
  index: PackIndex,
  relation: string,
  object: string,
  detail?: string,
  /** Shown instead of the object's name (a blank). */
  shownAs?: string,
): string {
  const text = textOf(relation);
  const isEntity =
    relationDef(asRelation(relation)).objectKind === 'entity' && shownAs === undefined;
  let name = shownAs ?? (isEntity ? countedName(index, object) : object);
  let rest = detail?.trim() ?? '';
  // "(activated)" reads as "activated T cells"; "(strongly)", "(phosphorylation)" stay behind.
  const qualifier = /^\(([a-z][a-z-]*ed)\)$/.exec(rest)?.[1];
  if (qualifier !== undefined) {
    name = `${qualifier} ${name}`;
    rest = '';
  }
  if (isEntity && text.objectArticle === true && takesArticle(entityOf(index, object))) {
    name = withArticle(name);
  } else if (isEntity && /\bratio$/.test(name)) {
    name = `the ${name}`;
  }
  const ownUnit = text.suffixAlternatives?.some((unit) => rest.startsWith(unit)) ?? false;
  const suffix = text.suffix !== undefined && !ownUnit ? ` ${text.suffix}` : '';
  const place = isLevel(relation) && /^[a-z]/.test(rest) ? placeOfLevel(rest) : undefined;
  // "elevated in the inflamed ileum in AS", not "elevated in ankylosing spondylitis inflamed
  // ileum" (audit F).
  if (place !== undefined)
    return `${withPlaceArticle(place.where)} in ${name}${suffix}${place.rest}`;
  // "IL-32" + "β, γ and δ mRNA" is "IL-32β, γ and δ mRNA": a Greek letter continues the name.
  const joint = /^[α-ω]/.test(rest) ? '' : ' ';
  return `${name}${suffix}${rest ? `${joint}${rest}` : ''}`;
}

/** A level's detail split into where it was measured and the rest ("(with more IL-10)"). */
function placeOfLevel(detail: string): { where: string; rest: string } | undefined {
  const cut = detail.search(/\s*[(,]|\s+compared with\b/);
  // "in the epithelium" is a place already said with its preposition.
  const where = (cut === -1 ? detail : detail.slice(0, cut)).replace(/^in\s+/, '');
  if (!namesAPlace(where)) return undefined;
  return { where, rest: cut === -1 ? '' : detail.slice(cut).replace(/^\s*(?=\()/, ' ') };
}

/**
 * The part of a detail an option needs ("mRNA", "production", "(activated)"), or undefined for an
 * aside: a long detail on one option only would tell the test-wise which one is right.
 */
export function essentialDetail(detail: string | undefined): string | undefined {
  if (detail === undefined) return undefined;
  const text = detail.trim();
  if (/^\([a-z-]+ed\)$/.test(text)) return text;
  // "caused by IL-32 (…)": what the object is restricted to, not an aside.
  const restriction = /^([a-z]+(?:ed|en) by [^\s(),;]+(?: [^\s(),;]+)?)(?:\s*\([^()]*\))?$/.exec(
    text,
  );
  if (restriction?.[1] !== undefined) return restriction[1];
  return /^[a-z][\w-]*(?: [\w-]+)?$/i.test(text) ? text : undefined;
}

/** A statement as an option: its sentence with asides left out, as a full sentence. */
export function optionSentence(
  index: PackIndex,
  statement: Statement,
  context: ContextLike,
): string {
  const detail = essentialDetail(statement.objectDetail);
  const { objectDetail: aside, ...core } = statement;
  // Cells the aside named ("into macrophages or dendritic cells") are outcomes, not the setting.
  const cellsInAside = (context.cells ?? []).some((id) =>
    mentionsAny(aside ?? '', formsOf(index, id)),
  );
  const where = cellsInAside ? { ...context, cells: [] } : context;
  return capitalise(
    `${sentence(index, detail === undefined ? core : { ...core, objectDetail: detail }, where)}.`,
  );
}

/**
 * The answer a card shows: the object with only the detail that is part of it ("activated T
 * cells", "IL-32 mRNA"), starting with a capital. The rest of a detail ("and IL-6", "via
 * miR-29a") is a further fact or an "among others": the card's note gives the whole sentence.
 */
export function answerPhrase(index: PackIndex, fact: Fact): string {
  const phrase = objectPhrase(
    index,
    fact.relation,
    fact.object,
    essentialDetail(fact.objectDetail),
  );
  return capitalise(phrase.replace(/^an? (?=[a-z])/, ''));
}

/**
 * "IL-17 induces IL-32 in human fibroblast-like synoviocytes from RA synovium": a statement in the
 * relation's own words, its setting as a trailing phrase.
 */
export function sentence(
  index: PackIndex,
  statement: Statement,
  context: ContextLike,
  options: SettingOptions = {},
): string {
  const text = textOf(statement.relation);
  const placed = levelPlace(index, statement, context);
  const said = withMeasure(
    index,
    statement,
    `${subjectVerb(index, statement.subject, text.verb)} ${
      placed ?? objectPhrase(index, statement.relation, statement.object, statement.objectDetail)
    }`,
  );
  const isEntity = relationDef(asRelation(statement.relation)).objectKind === 'entity';
  const exclude = new Set([
    ...(options.exclude ?? []),
    ...(isEntity ? [statement.object, ...cellsItMakes(index, statement.object)] : []),
  ]);
  const where = factSetting(
    index,
    {
      relation: asRelation(statement.relation),
      subject: statement.subject.entityId,
      ...(statement.subject.modifier === undefined
        ? {}
        : { subjectModifier: statement.subject.modifier }),
      ...(statement.objectDetail === undefined ? {} : { objectDetail: statement.objectDetail }),
      context,
    },
    { ...options, exclude, after: said },
  );
  // A detail that runs on as a clause ("…, more strongly than RANKL") is closed off first.
  const joint = /,[^()]*$/.test(statement.objectDetail ?? '') ? ', ' : ' ';
  return where ? `${said}${joint}${where}` : said;
}

/**
 * A level in a disease measured in one place says the place first ("is raised in the serum of
 * patients with AS", not "in AS in serum"; audit 20261230); the setting then leaves it out.
 */
function levelPlace(index: PackIndex, statement: Statement, context: ContextLike) {
  const disease = index.entityById.get(statement.object);
  if (!isLevel(statement.relation) || statement.objectDetail !== undefined) return undefined;
  if (disease === undefined || classOf(disease.type) !== 'disease') return undefined;
  // "circulating IL-32γ" says its place already (setting.ts, skipSystemic).
  const systemic = statement.subject.modifier === 'systemic';
  const places = context.compartments.filter(
    (id) => !systemic || !mentionsAny(entityOf(index, id).name, ['systemic', 'circulation']),
  );
  const [place, ...more] = places;
  const name = countedName(index, statement.object);
  if (place === undefined || more.length > 0) return undefined;
  return context.setting === 'clinical'
    ? `the ${compartmentPhrase(index, place, false)} of patients with ${name}`
    : `${compartmentPhrase(index, place)} in ${name}`;
}

/**
 * What was measured, said where it belongs: a level finding measures its subject ("DKK-1
 * function is reduced in AS"), an effect its object ("IL-32 increases p38 MAPK activity").
 * Nothing is added when the sentence already says it.
 */
function withMeasure(index: PackIndex, statement: Statement, said: string): string {
  if (statement.measure === undefined) return said;
  const def: MeasureDef = measures[statement.measure as Measure];
  if (def.impliedBy?.includes(statement.relation) === true) return said;
  const noun = def.noun;
  if (new RegExp(`\\b${noun}\\b`, 'i').test(said)) return said;
  const family = relationFamily(asRelation(statement.relation));
  if (family === 'level' || family === 'correlation') {
    const subject = subjectPhrase(index, statement.subject);
    return said.startsWith(subject) ? `${subject} ${noun}${said.slice(subject.length)}` : said;
  }
  const object = objectPhrase(index, statement.relation, statement.object, statement.objectDetail);
  return said.endsWith(object) ? `${said.slice(0, -object.length)}${object} ${noun}` : said;
}

/** Relations whose claim happens in cells, so the cells studied are its setting. */
function cellsAreSetting(
  index: PackIndex,
  fact: { readonly relation: RelationId; readonly subject: string },
): boolean {
  const relation = asRelation(fact.relation);
  // Binding is a property of the molecules: the cells they were purified from are no setting.
  const causal = relationFamily(relation) === 'causal' || relation === 'synergizes-with';
  const actor = ['molecule', 'cell', 'drug', 'category'].includes(
    classOf(entityOf(index, fact.subject).type),
  );
  return causal && actor;
}

/**
 * The setting of a fact as a phrase, chosen for its relation: cells for effects, the compartment
 * for levels, none for definitions; never what the sentence or the answer already names.
 */
export function factSetting(
  index: PackIndex,
  fact: {
    readonly relation: RelationId;
    readonly subject: string;
    readonly subjectModifier?: string;
    readonly objectDetail?: string;
    readonly context: ContextLike;
  },
  options: SettingOptions & { readonly detailHidden?: boolean } = {},
): string {
  if (fact.relation === 'is-a' || fact.relation === 'proposed-as') return '';
  // A question hides the object and its detail: then the detail cannot stand in for the setting.
  const detail = options.detailHidden === true ? '' : (fact.objectDetail ?? '');
  // A detail that already says where ("IL-17 in CD4+ T cells", "synovial fluid and tissue").
  const cellsInDetail = (fact.context.cells ?? []).some((id) =>
    mentionsAny(detail, formsOf(index, id)),
  );
  const placeInDetail = isLevel(fact.relation) && /^[a-z]/.test(detail) && namesAPlace(detail);
  // A condition naming the changed subject ("low DKK-1 … with one Dkk1 allele deleted") is how
  // it was changed, which its modifier says already (audit 20261230).
  const note = fact.subjectModifier === undefined ? '' : (fact.context.note ?? '');
  const restated = mentionsAny(note, formsOf(index, fact.subject));
  return settingPhrase(
    index,
    placeInDetail ? { ...fact.context, compartments: [] } : fact.context,
    {
      preferCompartment: isLevel(fact.relation),
      withCells: cellsAreSetting(index, fact) && !cellsInDetail,
      skipSystemic: fact.subjectModifier === 'systemic',
      ...options,
      ...(restated ? { withNote: false } : {}),
    },
  );
}

/**
 * Whether a level's detail says where it was measured ("synovial fluid and tissue", "patients'
 * serum"); "patients compared with no-fracture patients" does not, so the compartment (bone
 * marrow) must still be said.
 */
function namesAPlace(detail: string): boolean {
  return /\b(?:tissues?|fluid|serum|plasma|joints?|synovium|ileum|epithelium|marrow|lungs?|blood|circulation)\b/.test(
    detail,
  );
}

export function isLevel(relation: string): boolean {
  return ['elevated-in', 'reduced-in', 'no-difference-in', 'detected-in'].includes(relation);
}

/** Whether an entity-object fact's answer is of a countable kind shown in the question ("which disease"). */
export function answerKind(index: PackIndex, fact: Fact): string {
  return isEntityObject(fact) ? kindOf(entityOf(index, fact.object)) : 'value';
}

/**
 * A question from a template: `{S}`/`{O}` filled, `{kind}` from the answer, the setting where the
 * template puts it or else in front ("In human preosteoclasts, what does IL-32γ induce?").
 */
export function question(
  index: PackIndex,
  template: string,
  subject: SubjectRef | undefined,
  objectText: string | undefined,
  kind: string,
  setting: string,
): string {
  let out = subject ? fillSubject(index, template, subject) : template;
  if (objectText !== undefined) out = out.replace('{O}', objectText);
  out = out.replace('{kind}', kind);
  if (out.includes('{where}'))
    return capitalise(out.replace('{where}', setting ? ` ${setting}` : ''));
  if (!setting) return capitalise(out);
  const body = /^[A-Z][a-z]/.test(out) ? out.charAt(0).toLowerCase() + out.slice(1) : out;
  return `${capitalise(setting)}, ${body}`;
}
