import type { Fact, Pathway } from '../../../pack/schema.ts';
import { animalsOnly, namesEvery } from '../../../pack/species.ts';
import { pathwayFraming, sourceFraming } from '../../citations.ts';
import { equivalents, factsBetween, isEntityObject, type PackIndex } from '../../pack-index.ts';
import { sentence, type ContextLike } from '../../phrasing.ts';
import {
  asRelation,
  provablyFalse,
  relationFamily,
  statementKey,
  statementOf,
} from '../../semantics.ts';
import type { Evidence, Statement, TrueFalseItem } from '../../types.ts';
import { base, explain, whyWrong, type GenContext } from '../../items/common.ts';
import { findDistractors } from '../../items/distractors.ts';
import { teachingPointLines } from '../../explanation-lines.ts';
import { figureSection } from '../../items/pathway-common.ts';
import { isFigureSection } from '../../../pack/sections.ts';
import { isAskedAsStatement } from '../../items/statement-facts.ts';
import { pathwayOfFact } from '../mcq/entity-mcq.ts';
import {
  flipMakesNoSense,
  isAskedAsTrueFalse,
  isTreatmentEffect,
  turnsWithTheEffect,
  withoutAside,
} from './statement-rules.ts';
import { oppositeOf, pairedRelation } from '../../claims.ts';

function prompt(intro: string, body: string): string {
  return `True or false? ${intro}, ${body}.`;
}

function trueItem(ctx: GenContext, fact: Fact): TrueFalseItem {
  const statement = withoutAside(statementOf(fact));
  // Said with the verb its false twin is turned from; the claim stays the fact's own.
  const said = { ...statement, relation: pairedRelation(asRelation(statement.relation)) };
  const id = `tf-true:${fact.id}`;
  const subtle = fact.subjectModifier !== undefined || fact.context.compartments.length > 0;
  return {
    kind: 'true-false',
    ...base(ctx, {
      id,
      prompt: prompt(sourceFraming(ctx.index, fact), sentence(ctx.index, said, fact.context)),
      explanation: explain(ctx, 'True.', [fact]),
      facts: [fact],
      difficulty: subtle ? 2 : 1,
      family: `fact:${fact.id}:tf`,
    }),
    statement,
    answer: true,
  };
}

/** A finding made in animals only says which ("in rats"): stated plainly it reads as human biology. */
function showsSpecies(fact: Fact, prompt: string): boolean {
  return namesEvery(prompt, animalsOnly(fact.context.species));
}

export interface FalseCandidate {
  readonly statement: Statement;
  readonly method: 'polarity-flip' | 'entity-swap';
  readonly evidence: Evidence;
  /** The fact the wording and framing come from. */
  readonly framedOn: Fact;
  readonly pathway?: Pathway;
  readonly idSuffix: string;
}

/** The setting a corrupted statement is said in: the fact it is framed on, or none on a model. */
export function falseContext(candidate: FalseCandidate): ContextLike {
  return candidate.pathway
    ? { compartments: [], diseases: [] }
    : { ...candidate.framedOn.context, compartments: candidate.statement.compartments };
}

/** The corrupted statement as a sentence, in the setting of the fact it is framed on. */
export function falseSentence(index: PackIndex, candidate: FalseCandidate): string {
  return sentence(index, candidate.statement, falseContext(candidate));
}

function falseItem(ctx: GenContext, fact: Fact, candidate: FalseCandidate): TrueFalseItem {
  const { index } = ctx;
  const evidenceFacts = candidate.evidence.factIds
    .map((id) => index.factById.get(id))
    .filter((f): f is Fact => f !== undefined);
  const intro = candidate.pathway
    ? pathwayFraming(index, candidate.pathway)
    : sourceFraming(index, candidate.framedOn);
  const body = falseSentence(index, candidate);
  const id = `tf-${candidate.idSuffix}`;
  const why = whyWrong(ctx, candidate.evidence, candidate.pathway, candidate.statement.object);
  const facts = [fact, ...evidenceFacts.filter((f) => f.id !== fact.id)];
  return {
    kind: 'true-false',
    ...base(ctx, {
      id,
      prompt: prompt(intro, body),
      // The teaching point its true twin shows: without it, an explanation that has one is true.
      explanation: explain(ctx, `False. ${why}`, [], teachingPointLines(index, [fact.id])),
      facts,
      difficulty: candidate.method === 'entity-swap' ? 3 : 2,
      family: `fact:${fact.id}:tf`,
      ...(candidate.pathway ? { pathway: candidate.pathway } : {}),
    }),
    statement: candidate.statement,
    answer: false,
    corruption: { method: candidate.method, fromFactId: fact.id, evidence: candidate.evidence },
  };
}

const isQualifier = (modifier: string | undefined): boolean =>
  modifier === 'local' || modifier === 'systemic';

/**
 * Evidence must speak of the subject in the same state (knocked out, transgenic…): refuting
 * "silencing X lowers Y" with "X lowers Y" would need reasoning the learner is not asked for.
 */
function sameState(a: string | undefined, b: string | undefined): boolean {
  return (isQualifier(a) ? undefined : a) === (isQualifier(b) ? undefined : b);
}

function flip(index: PackIndex, fact: Fact): FalseCandidate | null {
  const opposite = oppositeOf(fact.relation);
  if (opposite === undefined || flipMakesNoSense(index, fact)) return null;
  // The false statement says what the true one says, turned round: a detail present only in true
  // statements would tell them apart (audit N). A detail that reads wrongly once the effect is
  // turned round ("more strongly than RANKL", "via miR-29a", "despite more osteoclasts") goes.
  const { objectDetail, ...core } = withoutAside(statementOf(fact));
  const statement: Statement = {
    ...core,
    ...(objectDetail !== undefined && !turnsWithTheEffect(objectDetail) ? { objectDetail } : {}),
    relation: asRelation(opposite),
  };
  const evidence = provablyFalse(index, statement);
  if (!evidence) return null;
  return {
    statement,
    method: 'polarity-flip',
    evidence,
    framedOn: fact,
    idSuffix: `flip:${fact.id}`,
  };
}

/**
 * Compartment swap: the same finding moved to a compartment where the pack reports something
 * else ("bone-marrow IL-32γ is reduced in osteoporosis" — no: no difference there).
 */
function compartmentSwap(index: PackIndex, fact: Fact): FalseCandidate | null {
  if (relationFamily(fact.relation) !== 'level' || fact.context.compartments.length === 0)
    return null;
  for (const other of factsBetween(index, equivalents(index, fact.subject), [fact.object])) {
    if (other.id === fact.id) continue;
    if (relationFamily(other.relation) !== 'level' || other.contested !== undefined) continue;
    const compartments = other.context.compartments;
    if (
      compartments.length === 0 ||
      compartments.some((c) => fact.context.compartments.includes(c))
    ) {
      continue;
    }
    if (!sameState(other.subjectModifier, fact.subjectModifier)) continue;
    const modifier = fact.subjectModifier;
    const statement = statementOf(fact, {
      compartments,
      subject: {
        entityId: fact.subject,
        coSubjects: fact.coSubjects,
        ...(modifier === undefined || modifier === 'local' || modifier === 'systemic'
          ? {}
          : { modifier }),
      },
    });
    const evidence = provablyFalse(index, statement);
    if (evidence) {
      return {
        statement,
        method: 'entity-swap',
        evidence,
        framedOn: other,
        idSuffix: `swap:${fact.id}:${compartments.join('+')}`,
      };
    }
  }
  return null;
}

/** Object swap: an entity of the same class that the pack proves does not fit. */
/**
 * A statement framed on one of the review's figures is not refuted by another figure's model:
 * Figure 1's "IL-32γ boosts RANKL" says nothing of Figure 2B, which draws no RANKL (audit N).
 */
function refutedFromAnotherFigure(
  index: PackIndex,
  own: string | undefined,
  factIds: readonly string[],
): boolean {
  const { manifest } = index.pack;
  if (!isFigureSection(manifest, own)) return false;
  return factIds.some((id) => {
    const section = index.factById.get(id)?.section;
    return isFigureSection(manifest, section) && section !== own;
  });
}

function objectSwap(ctx: GenContext, fact: Fact): FalseCandidate | null {
  const { index } = ctx;
  if (!isEntityObject(fact)) return null;
  const pathway = fact.subjectModifier === undefined ? pathwayOfFact(index, fact) : undefined;
  const subject = statementOf(fact).subject;
  for (const framing of pathway ? [undefined, pathway] : [undefined]) {
    const found = findDistractors(ctx, {
      claim: {
        kind: 'object-of',
        subject,
        relation: fact.relation,
        ...(framing ? { pathwayId: framing.id } : {}),
      },
      answerId: fact.object,
      situation: framing
        ? { compartments: [], diseases: [] }
        : {
            compartments: fact.context.compartments,
            diseases: fact.context.diseases,
            species: fact.context.species,
            cells: fact.context.cells,
            setting: fact.context.setting,
          },
      itemId: `tf-swap:${fact.id}`,
      stem: '',
      need: 4,
    });
    for (const candidate of found) {
      if (framing) {
        const statement: Statement = {
          subject,
          relation: fact.relation,
          object: candidate.entityId,
          compartments: [],
          diseases: [],
          pathwayId: framing.id,
        };
        const evidence = provablyFalse(index, statement);
        if (
          !evidence ||
          refutedFromAnotherFigure(index, figureSection(index, framing), evidence.factIds)
        )
          continue;
        return {
          statement,
          method: 'entity-swap',
          evidence,
          framedOn: fact,
          pathway: framing,
          idSuffix: `swap:${fact.id}:${candidate.entityId}`,
        };
      }
      const evidenceFact = candidate.evidence.factIds
        .map((id) => index.factById.get(id))
        .find(
          (f): f is Fact => f !== undefined && sameState(f.subjectModifier, fact.subjectModifier),
        );
      if (!evidenceFact) continue;
      const sameSource = evidenceFact.references.some((r) => fact.references.includes(r));
      const framedOn = sameSource ? fact : evidenceFact;
      const situation = statementOf(framedOn);
      const statement: Statement = {
        subject: {
          ...subject,
          ...(framedOn === fact ? {} : { modifier: framedOn.subjectModifier }),
        },
        relation: fact.relation,
        object: candidate.entityId,
        compartments: situation.compartments,
        diseases: situation.diseases,
        ...(situation.species === undefined ? {} : { species: situation.species }),
      };
      const found = provablyFalse(index, statement);
      if (!found || refutedFromAnotherFigure(index, framedOn.section, found.factIds)) continue;
      // The fact the statement is framed on comes first in the explanation.
      const evidence = {
        ...found,
        factIds: [evidenceFact.id, ...found.factIds.filter((id) => id !== evidenceFact.id)],
      };
      return {
        statement,
        method: 'entity-swap',
        evidence,
        framedOn,
        idSuffix: `swap:${fact.id}:${candidate.entityId}`,
      };
    }
  }
  return null;
}

/** A false statement and the fact it corrupts. */
export interface Corruption {
  readonly fact: Fact;
  readonly candidate: FalseCandidate;
}

const corruptions = new WeakMap<PackIndex, readonly Corruption[]>();

/**
 * Every false statement the pack can prove false, once per claim: flips of a fact's polarity
 * first (a statement that is some fact's flip reads best framed as that flip), then compartment
 * and object swaps. Computed once per pack.
 */
export function falseStatements(ctx: GenContext): readonly Corruption[] {
  const { index } = ctx;
  const known = corruptions.get(index);
  if (known) return known;
  const out: Corruption[] = [];
  const keys = new Set<string>();
  const add = (fact: Fact, candidate: FalseCandidate | null): boolean => {
    if (!candidate) return false;
    const key = statementKey(candidate.statement);
    if (keys.has(key)) return false;
    keys.add(key);
    out.push({ fact, candidate });
    return true;
  };
  const usable = index.pack.facts.filter((fact) => isAskedAsStatement(index, fact));
  for (const fact of usable) add(fact, flip(index, fact));
  for (const fact of usable) {
    if (isTreatmentEffect(index, fact)) continue;
    if (!add(fact, compartmentSwap(index, fact))) add(fact, objectSwap(ctx, fact));
  }
  corruptions.set(index, out);
  return out;
}

/**
 * A true statement for every fact that may back a single answer, and false ones made by
 * flipping a fact's polarity or swapping in an entity of the same type — each kept only when
 * nothing in the pack supports it and a fact (or the pathway model it is framed on) refutes it.
 */
export function trueFalseItems(
  ctx: GenContext,
  taughtElsewhere: ReadonlySet<string> = new Set(),
): TrueFalseItem[] {
  const { index } = ctx;
  const usable = index.pack.facts.filter((fact) =>
    isAskedAsTrueFalse(index, fact, taughtElsewhere),
  );
  const asked = new Set(usable.map((fact) => fact.id));
  const byFact = new Map<string, Corruption[]>();
  const swaps: Corruption[] = [];
  for (const corruption of falseStatements(ctx)) {
    if (corruption.candidate.method === 'polarity-flip') {
      const list = byFact.get(corruption.fact.id) ?? [];
      list.push(corruption);
      byFact.set(corruption.fact.id, list);
    } else if (asked.has(corruption.fact.id)) swaps.push(corruption);
  }
  const items: TrueFalseItem[] = [];
  for (const fact of usable) {
    const item = trueItem(ctx, fact);
    // A mouse finding stated without the mouse reads as a general truth: not asked that way.
    if (!showsSpecies(fact, item.prompt)) continue;
    items.push(item);
    for (const c of byFact.get(fact.id) ?? []) items.push(falseItem(ctx, c.fact, c.candidate));
  }
  for (const c of swaps) items.push(falseItem(ctx, c.fact, c.candidate));
  return items;
}
