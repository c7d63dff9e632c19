import { factsOf, type Report } from '../../items/check-helpers.ts';
import { checkChoiceOptions } from '../../items/choice-checks.ts';
import type { PackIndex } from '../../pack-index.ts';
import type { WhichStudyItem } from '../../types.ts';

/** The key is a source of the contested fact; every other option reported a contrary finding. */
export function checkWhichStudy(index: PackIndex, item: WhichStudyItem, report: Report): void {
  checkChoiceOptions(index, item, report);
  const fact = index.factById.get(item.factId);
  if (!fact?.contested) {
    report('which-study-mismatch', `${item.factId} is not a contested fact`);
    return;
  }
  const rivals = factsOf(index, fact.contested.with);
  for (const option of item.options) {
    if (option.correct && !fact.references.includes(option.id)) {
      report('which-study-mismatch', `${option.id} is not a source of ${fact.id}`);
    }
    if (!option.correct) {
      if (fact.references.includes(option.id)) {
        report('which-study-mismatch', `${option.id} is also a source of ${fact.id}`);
      } else if (!rivals.some((r) => r.references.includes(option.id))) {
        report('distractor-unproven', `${option.id} reported no contrary finding`);
      }
    }
  }
  const correct = item.options.find((o) => o.correct);
  if (correct && item.prompt.includes(correct.text))
    report('answer-in-stem', 'the stem names the study');
  // "(2005 report)" in the quoted finding points at the one option from 2005.
  const year = (text: string): string | undefined => /\b(?:19|20)\d\d\b/.exec(text)?.[0];
  const correctYear = correct ? year(correct.text) : undefined;
  if (
    correctYear !== undefined &&
    item.prompt.includes(correctYear) &&
    !item.options.some((o) => !o.correct && year(o.text) === correctYear)
  ) {
    report('answer-in-stem', `the stem gives the year ${correctYear}, which only the answer has`);
  }
}
