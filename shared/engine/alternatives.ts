import type { Fact } from '../pack/schema.ts';
import { signValueOf } from '../pack/edge-signs.ts';
import { relationDef } from '../pack/relations.ts';
import { isCultureSetting } from '../pack/settings.ts';
import { taxonOf } from '../pack/species.ts';
import { mentionsAny, viewOf, type TextView } from './normalize.ts';
import {
  classOf,
  entityOf,
  equivalents,
  formsOf,
  isBackgroundEntity,
  isEntityObject,
  type PackIndex,
} from './pack-index.ts';
import { relatedSubjects } from './family.ts';
import { perPack } from './per-pack.ts';
import { typeNoun } from './phrasing.ts';
import { effectivePolarity, negatedSigns, relationFamily, sameSituation } from './semantics.ts';
import type { Statement } from './types.ts';

/**
 * Other answers a learner could truthfully give to an open question ("IL-32 induces _____ in
 * monocytes"): what makes a blank or a card ambiguous. Judged on what the question shows — a
 * disease, compartment, species or cell type the text never names cannot narrow the answer.
 */

/** The situation a question shows: the fact's context entities its text names. */
export interface Shown {
  readonly compartments: readonly string[];
  readonly diseases: readonly string[];
  readonly cells: readonly string[];
  readonly species?: Fact['context']['species'];
  /** Set when the text says the work was done in culture or in animals. */
  readonly setting?: 'in-vitro' | 'in-vivo';
}

export function shownContext(index: PackIndex, fact: Fact, text: string | TextView): Shown {
  const view = typeof text === 'string' ? viewOf(text) : text;
  const named = (ids: readonly string[]): string[] =>
    ids.filter((id) => mentionsAny(view, formsOf(index, id)));
  const speciesShown = fact.context.species.some((name) =>
    taxonOf(name).cue.test(view.rawTokens.join(' ')),
  );
  const setting =
    isCultureSetting(fact.context.setting) &&
    mentionsAny(view, ['cultured', 'in vitro', 'culture', 'cell line'])
      ? 'in-vitro'
      : fact.context.setting === 'in-vivo' && mentionsAny(view, ['mice', 'mouse', 'in vivo'])
        ? 'in-vivo'
        : undefined;
  return {
    compartments: named(fact.context.compartments),
    diseases: named(fact.context.diseases),
    cells: named(fact.context.cells),
    ...(speciesShown ? { species: fact.context.species } : {}),
    ...(setting === undefined ? {} : { setting }),
  };
}

/** A fact done in culture does not answer a question about animals, and the reverse. */
function settingClash(shown: Shown, other: Fact): boolean {
  const setting = other.context.setting;
  const theirs = isCultureSetting(setting)
    ? 'in-vitro'
    : setting === 'in-vivo'
      ? 'in-vivo'
      : undefined;
  return shown.setting !== undefined && theirs !== undefined && theirs !== shown.setting;
}

/** The same claim: the same relation, or (for a directed effect) the same family and direction. */
function sameClaim(fact: Fact, other: Fact, polarity: number): boolean {
  if (polarity === 0) return other.relation === fact.relation;
  return (
    negatedSigns(other.relation).length === 0 &&
    relationFamily(other.relation) === relationFamily(fact.relation) &&
    effectivePolarity(other.relation, other.subjectModifier) === polarity
  );
}

const disjoint = (a: readonly string[], b: readonly string[]): boolean =>
  a.length > 0 && b.length > 0 && !a.some((x) => b.includes(x));

function statementIn(statement: Statement, shown: Shown): Statement {
  return {
    ...statement,
    compartments: shown.compartments,
    diseases: shown.diseases,
    species: shown.species ?? [],
  };
}

export interface AlternativeOptions {
  /** Only facts citing this reference count (the question is framed on it). */
  readonly source?: string;
  /** And, for the review, only facts from this part of it ("the review's abstract"). */
  readonly section?: string;
}

function fromSource(fact: Fact, options: AlternativeOptions): boolean {
  if (options.source !== undefined && !fact.references.includes(options.source)) return false;
  return options.section === undefined || fact.section === options.section;
}

/** The kind of claim a fact makes: its relation, or its family and direction for effects. */
function claimKey(fact: Fact): string {
  if (negatedSigns(fact.relation).length > 0) return fact.relation;
  const polarity = effectivePolarity(fact.relation, fact.subjectModifier);
  return polarity === 0 ? fact.relation : `${relationFamily(fact.relation)}${polarity}`;
}

const claimIndexes = new WeakMap<PackIndex, Map<string, Fact[]>>();

/** Facts by subject, modifier, partners and kind of claim: the candidates for an alternative answer. */
function sameClaimFacts(index: PackIndex, subject: string, fact: Fact): readonly Fact[] {
  let map = claimIndexes.get(index);
  if (!map) {
    map = new Map();
    for (const f of index.pack.facts) {
      if (!isEntityObject(f)) continue;
      const key = claimSlot(f.subject, f);
      const list = map.get(key);
      if (list) list.push(f);
      else map.set(key, [f]);
    }
    claimIndexes.set(index, map);
  }
  return map.get(claimSlot(subject, fact)) ?? [];
}

function claimSlot(subject: string, fact: Fact): string {
  return [
    subject,
    fact.subjectModifier ?? '',
    [...fact.coSubjects].sort().join('+'),
    claimKey(fact),
  ].join('\u0000');
}

/**
 * Objects, of the answer's class, that another fact gives for the same subject (same modifier,
 * same partners) and the same claim (same relation, or same family and direction) in a situation
 * the question does not rule out. Contested facts count: they are still something a source said.
 */
export function alternativeObjects(
  index: PackIndex,
  fact: Fact,
  shown: Shown,
  options: AlternativeOptions = {},
): string[] {
  if (!isEntityObject(fact)) return alternativeLiterals(index, fact, options);
  const answers = equivalents(index, fact.object);
  const answerClass = classOf(entityOf(index, fact.object).type);
  const polarity = effectivePolarity(fact.relation, fact.subjectModifier);
  const statement = statementIn(
    {
      subject: {
        entityId: fact.subject,
        ...(fact.subjectModifier === undefined ? {} : { modifier: fact.subjectModifier }),
        coSubjects: fact.coSubjects,
      },
      relation: fact.relation,
      object: fact.object,
      compartments: [],
      diseases: [],
    },
    shown,
  );
  const out: string[] = [];
  // What is said of an isoform is said of its molecule, and the reverse is the safe reading: the
  // abstract ties IL-32γ to RA, so RA fits "IL-32 is associated with infection, cancer and _____".
  // A category blank ("autoimmune disease") takes a named member of any class as well (audit I).
  for (const subject of relatedSubjects(index, fact.subject)) {
    for (const other of sameClaimFacts(index, subject, fact)) {
      if (other.id === fact.id || answers.has(other.object)) continue;
      if (!sameClaim(fact, other, polarity)) continue;
      if (!fromSource(other, options) || isBackgroundEntity(index, other.object)) continue;
      const otherClass = classOf(entityOf(index, other.object).type);
      if (answerClass !== 'category' && otherClass !== answerClass) continue;
      if (!sameSituation(statement, other) || disjoint(shown.cells, other.context.cells)) continue;
      if (settingClash(shown, other)) continue;
      if (!out.includes(other.object)) out.push(other.object);
    }
  }
  return out;
}

/**
 * A process blank of a cause whose answer drives another process in a drawn, stated link: "IL-32γ
 * promotes _____ (via miR-29a)" takes bone formation as well as osteoblast differentiation, since
 * whatever promotes the one promotes the other (audit K). No list can close that.
 */
export function answerDrivesAnother(index: PackIndex, fact: Fact): boolean {
  if (!isEntityObject(fact) || classOf(entityOf(index, fact.object).type) !== 'process')
    return false;
  if (relationFamily(fact.relation) !== 'causal') return false;
  if (effectivePolarity(fact.relation, fact.subjectModifier) !== 1) return false;
  return processesDrivenBy(index, fact.object).length > 0;
}

/**
 * Processes a drawn, stated link says the process drives ("osteoblast differentiation → bone
 * formation"): whatever promotes the one promotes the other, so "IL-32γ promotes _____ (via
 * miR-29a)" takes bone formation as well (audit K).
 */
function processesDrivenBy(index: PackIndex, processId: string): string[] {
  const drives = drivenProcesses(index);
  const found = [...equivalents(index, processId)].flatMap((from) => drives.get(from) ?? []);
  return found.sort((a, b) => a.at - b.at).map((link) => link.to);
}

interface DrivenLink {
  readonly to: string;
  /** The link's place among every pathway's edges, the order answers keep. */
  readonly at: number;
}

/** Drawn, stated "+" links into a process, by the entity they start from; built once per pack. */
const drivenProcesses = perPack((index): ReadonlyMap<string, readonly DrivenLink[]> => {
  const links = new Map<string, DrivenLink[]>();
  let at = 0;
  for (const pathway of index.pack.pathways) {
    const entityOfNode = new Map(pathway.nodes.map((n) => [n.id, n.entity] as const));
    for (const edge of pathway.edges) {
      at++;
      if (edge.inferred || signValueOf(edge.sign) !== '+') continue;
      const from = entityOfNode.get(edge.from);
      const to = entityOfNode.get(edge.to);
      if (from === undefined || to === undefined) continue;
      if (classOf(entityOf(index, to).type) !== 'process') continue;
      const list = links.get(from);
      if (list) list.push({ to, at });
      else links.set(from, [{ to, at }]);
    }
  }
  return links;
});

/** Literal answers (years, counts) another fact gives for the same subject and relation. */
function alternativeLiterals(index: PackIndex, fact: Fact, options: AlternativeOptions): string[] {
  const out: string[] = [];
  for (const subject of equivalents(index, fact.subject)) {
    for (const other of index.factsBySubject.get(subject) ?? []) {
      if (other.id === fact.id || other.relation !== fact.relation) continue;
      if (!fromSource(other, options)) continue;
      if (other.object !== fact.object && !out.includes(other.object)) out.push(other.object);
    }
  }
  return out;
}

/**
 * Subjects another fact gives for the same object and claim: the alternatives to a question asked
 * from the object's side ("What induces IL-32 in NK cells?").
 */
export function alternativeSubjects(
  index: PackIndex,
  fact: Fact,
  shown: Shown,
  options: AlternativeOptions = {},
): string[] {
  if (!isEntityObject(fact)) return [];
  const answers = equivalents(index, fact.subject);
  const answerClass = classOf(entityOf(index, fact.subject).type);
  const polarity = effectivePolarity(fact.relation);
  const statement = statementIn(
    {
      subject: { entityId: fact.subject, coSubjects: [] },
      relation: fact.relation,
      object: fact.object,
      compartments: [],
      diseases: [],
    },
    shown,
  );
  const out: string[] = [];
  for (const object of equivalents(index, fact.object)) {
    for (const other of index.factsByObject.get(object) ?? []) {
      if (other.id === fact.id || answers.has(other.subject)) continue;
      if (!sameClaim(fact, other, polarity)) continue;
      if (!fromSource(other, options) || isBackgroundEntity(index, other.subject)) continue;
      if (classOf(entityOf(index, other.subject).type) !== answerClass) continue;
      if (!sameSituation(statement, other) || disjoint(shown.cells, other.context.cells)) continue;
      if (settingClash(shown, other)) continue;
      if (!out.includes(other.subject)) out.push(other.subject);
    }
  }
  return out;
}

/**
 * A type word that singles the answer out ("the chemokine", "the microRNA"), when no alternative
 * shares the answer's entity type; undefined otherwise.
 */
export function distinguishingType(
  index: PackIndex,
  answerId: string,
  alternatives: readonly string[],
): string | undefined {
  const answer = entityOf(index, answerId);
  if (classOf(answer.type) !== 'molecule') return undefined;
  if (alternatives.some((id) => entityOf(index, id).type === answer.type)) return undefined;
  return typeNoun(answer.type);
}

/** Whether a relation's object is an entity (a literal blank has no entity alternatives to name). */
export function hasEntityObject(fact: Fact): boolean {
  return relationDef(fact.relation).objectKind === 'entity';
}

/**
 * A disease blank beside a place the disease is known for ("within the spinal joints of people
 * with _____", "osteoporotic patients … in bone marrow"): the place names the answer (audit J).
 */
export function placeGivesDisease(index: PackIndex, fact: Fact, text: string): boolean {
  if (!isEntityObject(fact) || classOf(entityOf(index, fact.object).type) !== 'disease')
    return false;
  return fact.context.compartments.some((id) => mentionsAny(text, formsOf(index, id)));
}
