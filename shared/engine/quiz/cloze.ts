import type { Fact } from '../../pack/schema.ts';
import { sourceFraming } from '../citations.ts';
import {
  classOf,
  entityOf,
  equivalents,
  formsOf,
  isBackgroundEntity,
  isBackgroundFact,
  isEntityObject,
  pairKey,
  type PackIndex,
} from '../pack-index.ts';
import { mentionsAny } from '../normalize.ts';
import { capitalise, contextPhrase, nameOf, subjectVerb, textOf } from '../phrasing.ts';
import { sameSituation, statementOf } from '../semantics.ts';
import type { ClozeItem } from '../types.ts';
import { base, explain, names, type GenContext } from './common.ts';

export const BLANK = '_____';

const typeable = new Set(['molecule', 'cell', 'disease', 'species', 'compartment']);

/** Whether a learner can reasonably type this answer (a name, not a descriptive phrase). */
function canType(index: PackIndex, fact: Fact): boolean {
  if (!isEntityObject(fact)) return true;
  const entity = entityOf(index, fact.object);
  if (entity.background) return false;
  return typeable.has(classOf(entity.type)) || entity.name.split(/\s+/).length <= 3;
}

/** Other objects that fill the same blank truthfully: all are accepted. */
function otherFillers(index: PackIndex, fact: Fact): string[] {
  // A detail after the blank ("which lowers DKK-1") singles out this object.
  if (!isEntityObject(fact) || fact.objectDetail !== undefined) return [];
  const statement = statementOf(fact);
  const own = equivalents(index, fact.object);
  const answerClass = classOf(entityOf(index, fact.object).type);
  const fillers = new Set<string>();
  for (const subject of equivalents(index, fact.subject)) {
    for (const other of index.factsBySubjectRelation.get(pairKey(subject, fact.relation)) ?? []) {
      if (other.subjectModifier !== fact.subjectModifier) continue;
      if (other.contested !== undefined || own.has(other.object)) continue;
      if (!sameSituation(statement, other) || isBackgroundEntity(index, other.object)) continue;
      if (classOf(entityOf(index, other.object).type) !== answerClass) continue;
      fillers.add(other.object);
    }
  }
  return [...fillers];
}

/**
 * Typed-answer items: the fact in its relation's template, framed on its source, with the object
 * blanked. Every written form of the answer is accepted, and so is any other object the pack
 * says fills the same blank in the same situation.
 */
export function clozeItems(ctx: GenContext): ClozeItem[] {
  const { index } = ctx;
  const items: ClozeItem[] = [];
  for (const fact of index.pack.facts) {
    if (fact.contested !== undefined || isBackgroundFact(index, fact) || !canType(index, fact))
      continue;
    const entityObject = isEntityObject(fact);
    const text = textOf(fact.relation);
    const others = otherFillers(index, fact);
    const answerForms = entityObject ? formsOf(index, fact.object) : [fact.object];
    const exclude = new Set([...(entityObject ? equivalents(index, fact.object) : []), ...others]);
    const build = (withNote: boolean): string =>
      `Fill in the blank. ${sourceFraming(index, fact)}, ${subjectVerb(index, statementOf(fact).subject, text.verb)} ${BLANK}${text.suffix ? ` ${text.suffix}` : ''}${fact.objectDetail ? ` ${fact.objectDetail}` : ''}${contextPhrase(
        index,
        fact.context,
        { exclude, withNote },
      )}.`;
    const givesAway = (prompt: string): boolean =>
      entityObject
        ? names(ctx, prompt, fact.object) || others.some((o) => names(ctx, prompt, o))
        : mentionsAny(prompt, answerForms);
    const prompt = [build(true), build(false)].find((p) => !givesAway(p));
    if (prompt === undefined) continue;
    const id = `cloze:${fact.id}`;
    const answerText = entityObject ? capitalise(nameOf(index, fact.object)) : fact.object;
    const accepted = [...answerForms, ...others.flatMap((o) => formsOf(index, o))];
    const alsoLine =
      others.length > 0
        ? `Also accepted, as the pack reports them in the same setting: ${others
            .map((o) => nameOf(index, o))
            .join(', ')}.`
        : '';
    const subtle = fact.subjectModifier !== undefined || fact.context.compartments.length > 0;
    items.push({
      kind: 'cloze',
      ...base(ctx, {
        id,
        prompt,
        explanation: explain(ctx, `Answer: ${answerText}.`, [fact], alsoLine ? [alsoLine] : []),
        facts: [fact],
        difficulty: 2 + (subtle ? 1 : 0) - (others.length >= 2 ? 1 : 0),
        family: `fact:${fact.id}:cloze`,
      }),
      answer: {
        text: answerText,
        ...(entityObject ? { entityId: fact.object } : {}),
        accepted,
      },
    });
  }
  return items;
}
