import type { Report } from '../../items/check-helpers.ts';
import { checkChoiceOptions } from '../../items/choice-checks.ts';
import { mentionsAny } from '../../normalize.ts';
import { formsOf, type PackIndex } from '../../pack-index.ts';
import type { ContextItem } from '../../types.ts';
import { levelFindings, levelStatus } from './generate.ts';

const overlaps = (a: readonly string[], b: readonly string[]): boolean =>
  a.some((x) => b.includes(x));
const compartmentKey = (ids: readonly string[]): string => [...ids].sort().join('+');

/** The keyed status or compartment is reported there, uncontested, and no option fits as well. */
export function checkContext(index: PackIndex, item: ContextItem, report: Report): void {
  checkChoiceOptions(index, item, report);
  if (!index.entityById.has(item.subject.entityId) || !index.entityById.has(item.diseaseId)) {
    report('answer-shape', 'names an unknown subject or disease');
    return;
  }
  const findings = levelFindings(index, item.subject.entityId, item.diseaseId);
  const correct = item.options.find((o) => o.correct);
  if (!correct) return;
  switch (item.ask) {
    case 'status': {
      const here = findings.filter((f) => overlaps(f.context.compartments, item.compartments));
      const statuses = new Set(here.map((f) => levelStatus(f)));
      const backed = here.some((f) => f.contested === undefined && levelStatus(f) === correct.id);
      if (!backed) report('context-mismatch', `no uncontested finding is “${correct.id}” there`);
      if (statuses.size > 1) report('context-mismatch', 'the pack reports different changes there');
      return;
    }
    case 'compartment': {
      const status = item.status;
      const backed = findings.some(
        (f) =>
          f.contested === undefined &&
          levelStatus(f) === status &&
          compartmentKey(f.context.compartments) === correct.id,
      );
      if (!backed)
        report('context-mismatch', `no uncontested finding is “${status ?? ''}” in ${correct.id}`);
      if (item.compartments.some((c) => mentionsAny(item.prompt, formsOf(index, c)))) {
        report('answer-in-stem', 'the stem names the compartment asked for');
      }
      for (const option of item.options) {
        if (option.correct) continue;
        const there = findings.filter((f) => compartmentKey(f.context.compartments) === option.id);
        if (there.some((f) => levelStatus(f) === status)) {
          report(
            'distractor-satisfies-stem',
            `the pack also reports “${status ?? ''}” in ${option.id}`,
          );
        } else if (!there.some((f) => f.contested === undefined && levelStatus(f) !== status)) {
          report(
            'distractor-unproven',
            `nothing in the pack reports a different change in ${option.id}`,
          );
        }
      }
      return;
    }
  }
}
