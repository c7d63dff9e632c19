import type { Fact, FactContext, subjectModifiers } from '../pack/schema.ts';
import { relations, type RelationId } from '../pack/relations.ts';
import { citationsForFact } from './citations.ts';
import { mentionsAny, viewOf } from './normalize.ts';
import { entityOf, formsOf, type PackIndex } from './pack-index.ts';
import { capitalise, midSentenceName, plural, pluralVerb } from './names.ts';
import { asRelation } from './semantics.ts';
import type { Statement, SubjectRef } from './types.ts';

/** How each relation reads in a sentence and as a question. `{S}` / `{O}` are placeholders. */
interface RelationText {
  /** Verb phrase between subject and object. */
  readonly verb: string;
  /** Words after the object ("isoforms"). */
  readonly suffix?: string;
  /** Flashcard question about the object. */
  readonly question: string;
  /** Flashcard question about the subject, for relations that read both ways. */
  readonly reverse?: string;
}

const relationText = {
  'is-a': { verb: 'is a', question: 'What is {S}?' },
  'also-known-as': { verb: 'was formerly called', question: 'What was {S} formerly called?' },
  'function-first-reported-in': {
    verb: 'had its cytokine activity first reported in',
    question: 'When was the cytokine activity of {S} first reported?',
  },
  'first-identified-in': {
    verb: 'was first identified in',
    question: 'When was {S} first identified?',
  },
  'has-isoform-count': {
    verb: 'has',
    suffix: 'isoforms',
    question: 'How many isoforms does {S} have?',
  },
  'isoform-of': {
    verb: 'is an isoform of',
    question: '{S} is an isoform of what?',
    reverse: 'Name an isoform of {O}.',
  },
  'most-active-isoform-of': {
    verb: 'is the most active isoform of',
    question: '{S} is the most active isoform of what?',
    reverse: 'Which is the most active isoform of {O}?',
  },
  'most-abundant-isoform-of': {
    verb: 'is the most abundant isoform of',
    question: '{S} is the most abundant isoform of what?',
    reverse: 'Which is the most abundant isoform of {O}?',
  },
  'predominant-isoform-in': {
    verb: 'is the predominant isoform in',
    question: 'In what is {S} the predominant isoform?',
    reverse: 'Which isoform predominates in {O}?',
  },
  'spliced-into': { verb: 'can be spliced into', question: 'What can {S} be spliced into?' },
  'located-at': { verb: 'is located at', question: 'Where is {S} located?' },
  'discovered-via': { verb: 'was discovered via', question: 'How was {S} discovered?' },
  'lacks-homology-with': {
    verb: 'lacks sequence homology with',
    question: 'What does {S} lack sequence homology with?',
  },
  'absent-in': { verb: 'has no counterpart in', question: 'In what does {S} have no counterpart?' },
  'associated-with': {
    verb: 'is associated with',
    question: 'What is {S} associated with?',
    reverse: 'What is {O} associated with?',
  },
  'correlates-positively-with': {
    verb: 'correlates positively with',
    question: 'What does {S} correlate positively with?',
    reverse: 'What correlates positively with {O}?',
  },
  'correlates-inversely-with': {
    verb: 'correlates inversely with',
    question: 'What does {S} correlate inversely with?',
    reverse: 'What correlates inversely with {O}?',
  },
  'elevated-in': { verb: 'is elevated in', question: 'In what is {S} elevated?' },
  'reduced-in': { verb: 'is reduced in', question: 'In what is {S} reduced?' },
  'no-difference-in': {
    verb: 'shows no difference in',
    question: 'In what does {S} show no difference?',
  },
  'detected-in': { verb: 'is detected in', question: 'Where is {S} detected?' },
  'produced-by': {
    verb: 'is produced by',
    question: 'What produces {S}?',
    reverse: 'What does {O} produce?',
  },
  'acts-mainly-on': { verb: 'acts mainly on', question: 'What does {S} act mainly on?' },
  'induces-expression-of': {
    verb: 'induces expression of',
    question: 'What does {S} induce the expression of?',
    reverse: 'What induces the expression of {O}?',
  },
  increases: {
    verb: 'increases',
    question: 'What does {S} increase?',
    reverse: 'What increases {O}?',
  },
  decreases: {
    verb: 'decreases',
    question: 'What does {S} decrease?',
    reverse: 'What decreases {O}?',
  },
  activates: {
    verb: 'activates',
    question: 'What does {S} activate?',
    reverse: 'What activates {O}?',
  },
  inhibits: { verb: 'inhibits', question: 'What does {S} inhibit?', reverse: 'What inhibits {O}?' },
  promotes: { verb: 'promotes', question: 'What does {S} promote?', reverse: 'What promotes {O}?' },
  suppresses: {
    verb: 'suppresses',
    question: 'What does {S} suppress?',
    reverse: 'What suppresses {O}?',
  },
  targets: {
    verb: 'targets (and lowers)',
    question: 'What does {S} target, lowering it?',
    reverse: 'What targets {O}, lowering it?',
  },
  disrupts: {
    verb: 'disrupts',
    question: 'What does {S} disrupt?',
    reverse: 'What disrupts {O}?',
  },
  regulates: {
    verb: 'regulates',
    question: 'What does {S} regulate?',
    reverse: 'What regulates {O}?',
  },
  'required-for': {
    verb: 'is required for',
    question: 'What is {S} required for?',
    reverse: 'What does {O} require?',
  },
  'synergizes-with': {
    verb: 'acts synergistically with',
    question: 'What does {S} act synergistically with?',
    reverse: 'What does {O} act synergistically with?',
  },
  binds: { verb: 'binds', question: 'What does {S} bind?', reverse: 'What binds {O}?' },
  'does-not-induce': {
    verb: 'does not by itself induce',
    question: 'What does {S} fail to induce on its own?',
  },
  'fails-to-inhibit': { verb: 'fails to inhibit', question: 'What does {S} fail to inhibit?' },
  outweighs: { verb: 'outweighs', question: 'What does {S} outweigh?' },
  'proposed-as': { verb: 'is proposed as', question: 'What is {S} proposed as?' },
} as const satisfies Record<RelationId, RelationText>;

export function textOf(relation: string): RelationText {
  return relationText[asRelation(relation)];
}

type Modifier = (typeof subjectModifiers)[number];
const modifierPhrase = {
  raised: (n: string) => `raised ${n}`,
  lowered: (n: string) => `low ${n}`,
  absent: (n: string) => `loss of ${n}`,
  blocked: (n: string) => `blocking ${n}`,
  silenced: (n: string) => `silencing ${n}`,
  overexpressed: (n: string) => `overexpressed ${n}`,
  transgenic: (n: string) => `a human ${n} transgene`,
  added: (n: string) => `added ${n}`,
  local: (n: string) => `local ${n}`,
  systemic: (n: string) => `systemic ${n}`,
} as const satisfies Record<Modifier, (name: string) => string>;

/** An entity's name as it reads mid-sentence: "osteoblast differentiation", but "IL-32γ", "Crohn's". */
export function nameOf(index: PackIndex, id: string): string {
  return midSentenceName(entityOf(index, id));
}

export { capitalise };

/** Cell types read as plural subjects ("osteoclasts promote"); anything modified stays singular. */
export function isPluralSubject(index: PackIndex, subject: SubjectRef): boolean {
  if (subject.modifier !== undefined || subject.coSubjects.length > 0) return false;
  const entity = entityOf(index, subject.entityId);
  const last = entity.name.split(/\s+/).pop() ?? '';
  // "Toll-like receptors", "TNF antagonists"; not "osteoporosis", "bone mass", "lupus" or "AS".
  const pluralName = /[a-z]{2}[^siu]s$/.test(last);
  return entity.type === 'cell' || pluralName;
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
    .replace(/\{S\} is\b/, `${text} are`)
    .replace('{S}', text);
}

export function subjectPhrase(index: PackIndex, subject: SubjectRef): string {
  const name = isPluralSubject(index, subject)
    ? plural(nameOf(index, subject.entityId))
    : nameOf(index, subject.entityId);
  const modifier = subject.modifier as Modifier | undefined;
  const base = modifier ? modifierPhrase[modifier](name) : name;
  if (subject.coSubjects.length === 0) return base;
  return `${base} together with ${subject.coSubjects.map((id) => nameOf(index, id)).join(' and ')}`;
}

/** The object as it reads after the verb: cell types in the plural ("is produced by monocytes"). */
export function objectPhrase(index: PackIndex, relation: string, object: string): string {
  if (relations[asRelation(relation)].objectKind !== 'entity') return object;
  return entityOf(index, object).type === 'cell'
    ? plural(nameOf(index, object))
    : nameOf(index, object);
}

export interface ContextOptions {
  /** Entities that must not be named (the answer). */
  readonly exclude?: ReadonlySet<string>;
  readonly withNote?: boolean;
  /** Text the context follows: entities it already names are not repeated. */
  readonly after?: string;
}

interface ContextLike {
  readonly compartments: readonly string[];
  readonly diseases: readonly string[];
  readonly cells?: readonly string[];
  readonly species?: FactContext['species'];
  readonly setting?: FactContext['setting'];
  readonly note?: string;
}

/** " (synovial fluid; ankylosing spondylitis; in vitro; compared with RA)" or "". */
export function contextPhrase(
  index: PackIndex,
  context: ContextLike,
  options: ContextOptions = {},
): string {
  const said = options.after === undefined ? undefined : viewOf(options.after);
  const keep = (id: string): boolean =>
    !(options.exclude?.has(id) ?? false) &&
    !(said !== undefined && mentionsAny(said, formsOf(index, id)));
  const parts: string[] = [];
  const diseases = context.diseases.filter(keep).map((id) => nameOf(index, id));
  if (diseases.length > 0) parts.push(diseases.join(', '));
  const compartments = context.compartments.filter(keep).map((id) => nameOf(index, id));
  if (compartments.length > 0) parts.push(compartments.join(' and '));
  const cells = (context.cells ?? []).filter(keep).map((id) => plural(nameOf(index, id)));
  if (cells.length > 0) parts.push(`in ${cells.join(' and ')}`);
  switch (context.species) {
    case 'human':
    case 'mouse':
      parts.push(context.species);
      break;
    case 'human-and-mouse':
      parts.push('human and mouse');
      break;
    case 'unspecified':
    case undefined:
      break;
  }
  switch (context.setting) {
    case 'in-vitro':
      parts.push('in vitro');
      break;
    case 'in-vivo':
      parts.push('in vivo');
      break;
    case 'clinical':
      parts.push('patients');
      break;
    case 'general':
    case 'historical':
    case undefined:
      break;
  }
  if (options.withNote !== false && context.note) parts.push(context.note.replace(/\.$/, ''));
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** "IL-32γ increases miR-29a (bone)" — a statement in the relation's own template. */
export function sentence(
  index: PackIndex,
  statement: Statement,
  context: ContextLike,
  options: ContextOptions = {},
): string {
  const text = textOf(statement.relation);
  const detail = statement.objectDetail ? ` ${statement.objectDetail}` : '';
  const suffix = text.suffix ? ` ${text.suffix}` : '';
  const exclude = new Set([...(options.exclude ?? []), statement.object]);
  const said = `${subjectVerb(index, statement.subject, text.verb)} ${objectPhrase(
    index,
    statement.relation,
    statement.object,
  )}${suffix}${detail}`;
  return `${said}${contextPhrase(index, context, { ...options, exclude, after: said })}`;
}

/** The fact's own sentence with its reference: the building block of explanations. */
export function factLine(index: PackIndex, fact: Fact): string {
  const label = citationsForFact(index, fact)[0]?.label;
  return `${fact.text} (${fact.id}${label ? `; ${label}` : ''})`;
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
      lines.push(`Teaching point ${point.id} — ${point.title}: ${point.text}`);
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
