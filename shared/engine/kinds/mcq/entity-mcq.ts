import { readsAsLevel } from '../../../pack/measures.ts';
import type { Fact, Pathway } from '../../../pack/schema.ts';
import { framedSetting, pathwayFraming } from '../../citations.ts';
import { mentionsAny } from '../../normalize.ts';
import { oncePerPack } from '../../per-pack.ts';
import {
  equivalents,
  formsOf,
  isBackgroundEntity,
  isBackgroundFact,
  isEntityObject,
  type PackIndex,
} from '../../pack-index.ts';
import {
  capitalise,
  essentialDetail,
  isLevel,
  nameOf,
  objectPhrase,
  subjectVerb,
} from '../../phrasing.ts';
import { textOf } from '../../relation-text.ts';
import { settingPhrase } from '../../setting.ts';
import { subjectOf } from '../../semantics.ts';
import type { ChoiceOption, EntityClaim, McqItem } from '../../types.ts';
import {
  arrange,
  base,
  explain,
  names,
  rationaleFor,
  roleOf,
  type GenContext,
} from '../../items/common.ts';
import {
  askable,
  distractorPool,
  findDistractors,
  type Situation,
} from '../../items/distractors.ts';

/** The pathway (if any) on which this fact is a drawn, fact-backed edge from subject to object. */
export const pathwayOfFact = oncePerPack(
  (fact: Fact) => fact,
  (index, fact): Pathway | undefined => drawingPathway(index, fact),
);

function drawingPathway(index: PackIndex, fact: Fact): Pathway | undefined {
  if (!isEntityObject(fact)) return undefined;
  const subjects = equivalents(index, fact.subject);
  const objects = equivalents(index, fact.object);
  for (const { pathway, edge } of index.edgesByFact.get(fact.id) ?? []) {
    if (edge.inferred) continue;
    const from = pathway.nodes.find((n) => n.id === edge.from);
    const to = pathway.nodes.find((n) => n.id === edge.to);
    if (from && to && subjects.has(from.entity) && objects.has(to.entity)) return pathway;
  }
  return undefined;
}

function situationOf(fact: Fact): Situation {
  return {
    compartments: fact.context.compartments,
    diseases: fact.context.diseases,
    species: fact.context.species,
    cells: fact.context.cells,
    setting: fact.context.setting,
  };
}

interface Framed {
  readonly claim: EntityClaim;
  readonly prompt: string;
  readonly pathway?: Pathway;
}

/** The object as a reverse stem names it: "activated T cells", "IL-32 mRNA"; asides are left out. */
function reverseObject(index: PackIndex, fact: Fact): string {
  return objectPhrase(index, fact.relation, fact.object, essentialDetail(fact.objectDetail));
}

function frame(
  ctx: GenContext,
  fact: Fact,
  direction: 'forward' | 'reverse',
  pathway?: Pathway,
): Framed | null {
  const { index } = ctx;
  const text = textOf(fact.relation);
  const answer = direction === 'forward' ? fact.object : fact.subject;
  const answerForms = [...equivalents(index, answer)].flatMap((id) => formsOf(index, id));
  const suffix = text.suffix ? ` ${text.suffix}` : '';
  const body =
    direction === 'forward'
      ? `${subjectVerb(index, subjectOf(fact), text.verb)} which of the following${suffix}?`
      : `which of the following ${text.verb} ${reverseObject(index, fact)}${suffix}?`;
  const build = (withNote: boolean): string => {
    if (pathway) {
      const intro = pathwayFraming(index, pathway, (title) => mentionsAny(title, answerForms));
      return `${intro}, ${body}`;
    }
    const setting = settingPhrase(index, fact.context, {
      exclude: equivalents(index, answer),
      after: body,
      withNote,
      preferCompartment: isLevel(fact.relation),
    });
    return `${framedSetting(index, fact, setting)}, ${body}`;
  };
  const withNote = build(true);
  const prompt = names(ctx, withNote, answer)
    ? [build(false)].find((p) => !names(ctx, p, answer))
    : withNote;
  if (prompt === undefined) return null;
  return {
    claim: claimOf(fact, direction, pathway),
    prompt: capitalise(prompt),
    ...(pathway ? { pathway } : {}),
  };
}

function claimOf(fact: Fact, direction: 'forward' | 'reverse', pathway?: Pathway): EntityClaim {
  return direction === 'forward'
    ? {
        kind: 'object-of',
        subject: subjectOf(fact),
        relation: fact.relation,
        ...(pathway ? { pathwayId: pathway.id } : {}),
      }
    : {
        kind: 'subject-of',
        object: fact.object,
        relation: fact.relation,
        ...(pathway ? { pathwayId: pathway.id } : {}),
      };
}

function mcqFor(ctx: GenContext, fact: Fact, direction: 'forward' | 'reverse'): McqItem | null {
  const { index } = ctx;
  const answer = direction === 'forward' ? fact.object : fact.subject;
  if (
    direction === 'reverse' &&
    (fact.coSubjects.length > 0 || fact.subjectModifier !== undefined)
  ) {
    return null;
  }
  if (isBackgroundEntity(index, answer)) return null;
  const id = `${direction === 'forward' ? 'mcq' : 'mcq-reverse'}:${fact.id}`;
  const pathway = fact.subjectModifier === undefined ? pathwayOfFact(index, fact) : undefined;
  // The pathway frame is tried only when the source's frame cannot prove three distractors; a
  // frame is written only when three candidates are left before its stem is read.
  const frames = pathway ? [undefined, pathway] : [undefined];
  for (const on of frames) {
    const pool = distractorPool(ctx, claimOf(fact, direction, on), answer);
    if (pool.candidates.length < 3) continue;
    const framed = frame(ctx, fact, direction, on);
    if (!framed) continue;
    const distractors = findDistractors(ctx, {
      claim: pool.claim,
      pool,
      answerId: answer,
      situation: framed.pathway ? { compartments: [], diseases: [] } : situationOf(fact),
      itemId: id,
      stem: framed.prompt,
      need: 3,
      atLeast: 3,
    });
    if (distractors.length < 3) continue;
    const answerText = capitalise(nameOf(index, answer));
    const options: ChoiceOption[] = [
      { id: answer, text: answerText, correct: true, entityId: answer },
      ...distractors.map((d) => {
        const text = capitalise(nameOf(index, d.entityId));
        return {
          id: d.entityId,
          text,
          correct: false,
          entityId: d.entityId,
          evidence: d.evidence,
          rationale: rationaleFor(
            ctx,
            nameOf(index, d.entityId),
            d.evidence,
            framed.pathway,
            d.entityId,
          ),
        };
      }),
    ];
    const near = distractors.filter((d) => d.distance === 1).length;
    const subtle = fact.subjectModifier !== undefined || fact.context.compartments.length > 0;
    return {
      kind: 'mcq',
      ...base(ctx, {
        id,
        prompt: framed.prompt,
        explanation: explain(
          ctx,
          `${answerText} is correct.`,
          [fact],
          framed.pathway
            ? [
                roleOf(
                  ctx,
                  framed.pathway,
                  answer,
                  direction === 'forward' ? fact.subject : fact.object,
                ),
              ]
            : [],
        ),
        facts: [fact],
        difficulty: 1 + (near >= 2 ? 1 : 0) + (subtle ? 1 : 0),
        family: `fact:${fact.id}:${direction}`,
        entityIds: [answer, ...distractors.map((d) => d.entityId)],
        ...(framed.pathway
          ? {
              pathway: framed.pathway,
              edgeIds: (index.edgesByFact.get(fact.id) ?? [])
                .filter((r) => r.pathway.id === framed.pathway?.id)
                .map((r) => r.edge.id),
            }
          : {}),
      }),
      claim: framed.claim,
      options: arrange(ctx, id, options),
    };
  }
  return null;
}

/**
 * Single-best-answer questions on a fact's object (and, for relations that read backwards, its
 * subject): framed on the fact's source, or on the pathway model the fact draws when the source
 * alone cannot prove three distractors wrong. A fact without three provable distractors gets
 * no MCQ rather than a weak one.
 */
export function mcqItems(ctx: GenContext): McqItem[] {
  const { index } = ctx;
  const items: McqItem[] = [];
  for (const fact of index.pack.facts) {
    if (fact.contested !== undefined || isBackgroundFact(index, fact)) continue;
    if (!askable(fact.relation)) continue;
    // An entity-choice stem names no measure: a finding about function would read as a level.
    if (!readsAsLevel(fact.measure)) continue;
    const forward = mcqFor(ctx, fact, 'forward');
    if (forward) items.push(forward);
    if (textOf(fact.relation).reverse) {
      const reverse = mcqFor(ctx, fact, 'reverse');
      if (reverse) items.push(reverse);
    }
  }
  return items;
}
