import type { Fact } from '../../../pack/schema.ts';
import { clozeFromFactText } from '../../cards.ts';
import { citationsForFact, leadReference } from '../../citations.ts';
import {
  classOf,
  entityOf,
  formsOf,
  isBackgroundFact,
  isEntityObject,
  type PackIndex,
} from '../../pack-index.ts';
import { mentionsAny } from '../../normalize.ts';
import { capitalise, nameOf } from '../../phrasing.ts';
import { BLANK as QUESTION_BLANK, templatedCloze } from '../../questions.ts';
import type { ClozeItem } from '../../types.ts';
import { namesItsSource } from '../../cloze-text.ts';
import { base, explain, type GenContext } from '../../items/common.ts';

export const BLANK = QUESTION_BLANK;

const typeable = new Set(['molecule', 'cell', 'disease']);

/**
 * Whether a typed answer can be graded fairly: a named molecule, cell or disease, whose standard
 * names and spellings the pack lists. A process or a phrase has too many right wordings
 * (osteoclastogenesis, osteoclast formation, osteoclast differentiation; biomarker, prognostic
 * marker) for a typed answer to be judged (audits E and F).
 */
function canType(index: PackIndex, fact: Fact): boolean {
  if (!isEntityObject(fact)) return false;
  const entity = entityOf(index, fact.object);
  if (entity.background) return false;
  // No category either, even ending a list in the review's own words: "proposed as a prognostic
  // marker and _____" is answered "target" or "target for control" as rightly as "therapeutic
  // target" (audits H and S).
  return typeable.has(classOf(entity.type));
}

/**
 * "Fill in the blank (Kim YG et al. 2012): …" — the label of the source the sentence rests on; a
 * sentence that names its source itself ("In the review's Figure 2A, …") is not framed twice
 * (audit R).
 */
function framing(index: PackIndex, fact: Fact, sentence: string): string {
  if (namesItsSource(sentence)) return 'Fill in the blank:';
  const lead = leadReference(index, fact);
  const label =
    citationsForFact(index, fact).find((c) => c.referenceId === lead.id)?.label ?? lead.id;
  return `Fill in the blank (${label}):`;
}

/**
 * Typed-answer items with one intended answer: the fact's own sentence with its object blanked
 * when that leaves no other true answer; otherwise a templated sentence narrowed by the answer's
 * type ("the chemokine _____") or by naming the other answers ("TNF-α, IL-6 and _____"); failing
 * both, a "name one" item that accepts every answer the pack gives, asked once per answer set.
 */
export function clozeItems(ctx: GenContext): ClozeItem[] {
  const { index } = ctx;
  const items: ClozeItem[] = [];
  const asked = new Set<string>();
  for (const fact of index.pack.facts) {
    if (fact.contested !== undefined || isBackgroundFact(index, fact)) continue;
    const entityObject = isEntityObject(fact);
    const masked = clozeFromFactText(index, fact, true);
    const templated = masked === null ? templatedCloze(index, fact) : null;
    const sentence = masked?.text ?? templated?.text;
    if (sentence === undefined || !canType(index, fact)) continue;
    const others = templated?.alsoAccepted ?? [];
    const prompt = `${framing(index, fact, sentence)} ${sentence}`;
    const forms = entityObject ? formsOf(index, fact.object) : [fact.object];
    // The frame or a detail may name the answer ("Kim SH et al. 2005" for a blank that is 2005).
    if (asked.has(prompt) || mentionsAny(prompt, forms)) continue;
    asked.add(prompt);
    const id = `cloze:${fact.id}`;
    const answerText = masked
      ? capitalise(masked.form)
      : entityObject
        ? capitalise(nameOf(index, fact.object))
        : fact.object;
    const accepted = [
      ...new Set([
        ...(forms.includes(answerText) ? [] : [answerText]),
        ...forms,
        ...others.flatMap((o) => (index.entityById.has(o) ? formsOf(index, o) : [o])),
      ]),
    ];
    const alsoLine =
      others.length > 0
        ? `Any one of these is correct, as the pack reports each of them here: ${[
            answerText,
            ...others.map((o) => (index.entityById.has(o) ? nameOf(index, o) : o)),
          ].join(', ')}.`
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
