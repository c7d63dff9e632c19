import type { Fact } from '../../../pack/schema.ts';
import { alternativeObjects, shownContext, type AlternativeOptions } from '../../alternatives.ts';
import { citationsForFact, leadReference } from '../../citations.ts';
import type { Report } from '../../items/check-helpers.ts';
import { answerKey, mentionsAny } from '../../normalize.ts';
import {
  equivalents,
  formsOf,
  isBackgroundEntity,
  isEntityObject,
  type PackIndex,
} from '../../pack-index.ts';
import { BLANK, blankQualifier, NAME_ONE, qualifies } from '../../questions.ts';
import { exactSupport, statementOf } from '../../semantics.ts';
import type { ClozeItem } from '../../types.ts';

/** A blank the fact fills, accepting every form of its one intended answer. */
export function checkCloze(index: PackIndex, item: ClozeItem, report: Report): void {
  if (!item.prompt.includes(BLANK)) report('answer-shape', 'the prompt has no blank');
  if (!item.answer.accepted.some((form) => answerKey(form) === answerKey(item.answer.text))) {
    report('answer-shape', 'the expected answer is not among the accepted forms');
  }
  if (mentionsAny(item.prompt, item.answer.accepted)) {
    report('answer-in-stem', 'the prompt contains an accepted answer');
  }
  const fact = index.factById.get(item.factIds[0] ?? '');
  if (!fact) return;
  const entityId = item.answer.entityId;
  if (entityId !== undefined) {
    if (!index.entityById.has(entityId)) {
      report('answer-shape', `answer names unknown entity ${entityId}`);
      return;
    }
    if (isBackgroundEntity(index, entityId))
      report('answer-background', `${entityId} is background`);
    const missing = formsOf(index, entityId).filter((f) => !item.answer.accepted.includes(f));
    if (missing.length > 0) report('answer-shape', `accepted forms miss ${missing.join(', ')}`);
  }
  const statement = statementOf(fact, { object: entityId ?? item.answer.text });
  if (exactSupport(index, statement).length === 0) {
    report('answer-unsupported', `no uncontested fact gives ${item.answer.text} for this blank`);
  }
  checkClozeUnique(index, item, fact, report);
}

/** The source a prompt names: its lead reference, and the review's section when that is named too. */
function promptSource(index: PackIndex, fact: Fact, prompt: string): AlternativeOptions {
  const lead = leadReference(index, fact);
  const label = citationsForFact(index, fact).find((c) => c.referenceId === lead.id)?.label;
  if (label === undefined || !prompt.includes(label.split(',')[0] ?? label)) return {};
  return {
    source: lead.id,
    ...(fact.section !== undefined && prompt.includes(label) ? { section: fact.section } : {}),
  };
}

/**
 * One intended answer: the accepted forms name one entity, and no other entity that the pack
 * gives for this blank in the setting the prompt shows (and of the type a word before the blank
 * names) is left out unnamed. A "name one" prompt instead must accept every such answer.
 */
function checkClozeUnique(index: PackIndex, item: ClozeItem, fact: Fact, report: Report): void {
  const nameOne = NAME_ONE.test(item.prompt);
  const named = new Set(
    item.answer.accepted.flatMap((form) => index.entitiesByForm.get(answerKey(form)) ?? []),
  );
  const answerEntities = new Set(
    item.answer.entityId === undefined ? [] : equivalents(index, item.answer.entityId),
  );
  // A literal answer ("NK4") may itself be some entity's alias: one name is one answer.
  const distinct =
    item.answer.entityId === undefined
      ? [...named].slice(1)
      : [...named].filter((id) => !answerEntities.has(id));
  if (!nameOne && distinct.length > 0) {
    report(
      'cloze-ambiguous',
      `accepts ${distinct.length + 1} distinct answers (${distinct.join(', ')}) without asking for one of them`,
    );
  }
  if (!isEntityObject(fact)) return;
  const qualifier = blankQualifier(item.prompt);
  const open = alternativeObjects(
    index,
    fact,
    shownContext(index, fact, item.prompt),
    promptSource(index, fact, item.prompt),
  ).filter(
    (id) =>
      !mentionsAny(item.prompt, formsOf(index, id)) &&
      (qualifier === undefined || qualifies(index, id, qualifier)),
  );
  if (nameOne) {
    const missed = open.filter((id) => !named.has(id));
    if (missed.length > 0) {
      report(
        'cloze-ambiguous',
        `asks for any one answer but would mark ${missed.join(', ')} wrong`,
      );
    }
  } else if (open.length > 0) {
    report('cloze-ambiguous', `${open.join(', ')} also fill the blank in the setting shown`);
  }
}
