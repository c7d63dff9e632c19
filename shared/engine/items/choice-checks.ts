import { answerKey, mentionsAny } from '../normalize.ts';
import {
  classOf,
  entityOf,
  equivalents,
  formsOf,
  isBackgroundEntity,
  type PackIndex,
} from '../pack-index.ts';
import { areNeighbours } from '../family.ts';
import { refutationOf, supportOf } from '../semantics.ts';
import type { ChoiceOption, DiagramNodeItem, EntityClaim, McqItem, OptionItem } from '../types.ts';
import type { Report } from './check-helpers.ts';
import { claimStatement, type Situation } from './distractors.ts';

/** bank:check's rules for every option kind, and for the items whose options are entities. */

/** Between two and four options (`exactly`: that many), one correct, every wrong one explained, none twice. */
export function checkChoiceOptions(
  index: PackIndex,
  item: OptionItem,
  report: Report,
  exactly?: number,
): void {
  const options = item.options;
  if (exactly !== undefined) {
    if (options.length !== exactly) {
      report('mcq-option-count', `${options.length} options instead of ${exactly}`);
    }
  } else if (options.length < 2 || options.length > 4) {
    report('option-count', `${options.length} options (2–4 expected)`);
  }
  const correct = options.filter((o) => o.correct);
  if (correct.length !== 1)
    report('one-correct-option', `${correct.length} options marked correct`);
  for (const option of options) {
    if (!option.correct && !option.rationale?.trim()) {
      report('rationale-missing', `wrong option "${option.text}" has no rationale`);
    }
  }
  const ids = new Set(options.map((o) => o.id));
  const texts = new Set(options.map((o) => answerKey(o.text)));
  if (ids.size !== options.length || texts.size !== options.length) {
    report('duplicate-option', 'two options share an id or a text');
  }
  const entities = options.map((o) => o.entityId).filter((e): e is string => e !== undefined);
  for (let i = 0; i < entities.length; i++) {
    for (let j = i + 1; j < entities.length; j++) {
      const a = entities[i] ?? '';
      const b = entities[j] ?? '';
      if (index.entityById.has(a) && equivalents(index, a).has(b)) {
        report('duplicate-option', `options ${a} and ${b} are one entity under two names`);
      }
    }
  }
}

/**
 * Entity options (MCQ, hidden node): the key is an entity of the pack the stem does not name;
 * every distractor is of the key's type, near it, does not fit the stem and is proved wrong.
 * Returns the correct option when it names an entity.
 */
export function checkEntityChoices(
  index: PackIndex,
  item: McqItem | DiagramNodeItem,
  claim: EntityClaim,
  situation: Situation,
  report: Report,
): ChoiceOption | undefined {
  const answer = item.options.find((o) => o.correct);
  if (!answer?.entityId || !index.entityById.has(answer.entityId)) {
    report('answer-shape', 'the correct option names no entity of the pack');
    return undefined;
  }
  const answerId = answer.entityId;
  if (isBackgroundEntity(index, answerId)) report('answer-background', `${answerId} is background`);
  if (mentionsAny(item.prompt, formsOf(index, answerId))) {
    report('answer-in-stem', `the stem names the answer ${answerId}`);
  }
  const answerClass = classOf(entityOf(index, answerId).type);
  for (const option of item.options) {
    if (option.correct) continue;
    const id = option.entityId;
    if (id === undefined || !index.entityById.has(id)) {
      report('answer-shape', `option "${option.text}" names no entity of the pack`);
      continue;
    }
    if (classOf(entityOf(index, id).type) !== answerClass) {
      report('distractor-type', `${id} is not of the answer's type (${answerClass})`);
    }
    if (!areNeighbours(index, id, answerId)) {
      report(
        'distractor-off-topic',
        `${id} shares no topic, pathway or study with the answer ${answerId}: guessable`,
      );
    }
    const statement = claimStatement(claim, id, situation);
    const support = supportOf(index, statement);
    if (support) {
      report(
        'distractor-satisfies-stem',
        `${id} fits the stem too (${support.factIds.join(', ') || `via ${support.pathwayId ?? 'a pathway'}`})`,
      );
    } else if (!refutationOf(index, statement)) {
      report('distractor-unproven', `nothing in the pack shows ${id} is wrong`);
    }
  }
  return answer;
}
