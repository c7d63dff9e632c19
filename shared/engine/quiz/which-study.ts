import type { Fact, Reference } from '../../pack/schema.ts';
import { leadReference, referenceLabel } from '../citations.ts';
import { type PackIndex } from '../pack-index.ts';
import { capitalise, factLine, sentence } from '../phrasing.ts';
import { statementOf } from '../semantics.ts';
import type { ChoiceOption, WhichStudyItem } from '../types.ts';
import { arrange, base, explain, type GenContext } from './common.ts';

function studyText(reference: Reference): string {
  return reference.kind === 'target-review'
    ? `${referenceLabel(reference)} (the review)`
    : referenceLabel(reference);
}

/** The study option for a fact: its lead reference, unless the asked fact shares it. */
function studyOf(index: PackIndex, fact: Fact, exclude: readonly string[]): Reference | undefined {
  const lead = leadReference(index, fact);
  if (!exclude.includes(lead.id)) return lead;
  return fact.references
    .filter((id) => !exclude.includes(id))
    .map((id) => index.referenceById.get(id))
    .find((r): r is Reference => r !== undefined);
}

/**
 * A detail without the year it was reported: "(2005 report)" would name the study being asked
 * for. A detail that still mentions a year outside brackets is left out altogether.
 */
function withoutYears(detail: string | undefined): string | undefined {
  if (detail === undefined) return undefined;
  const year = /\b(?:19|20)\d\d\b/;
  const kept = detail.replace(/\s*\([^()]*\)/g, (group) => (year.test(group) ? '' : group)).trim();
  return kept === '' || year.test(kept) ? undefined : kept;
}

/**
 * Contested findings never back a single answer; instead the learner says which study reported
 * which side. Options are the studies on each side of the contest.
 */
export function whichStudyItems(ctx: GenContext): WhichStudyItem[] {
  const { index } = ctx;
  const items: WhichStudyItem[] = [];
  for (const fact of index.pack.facts) {
    if (!fact.contested) continue;
    const correct = leadReference(index, fact);
    const rivals = fact.contested.with
      .map((id) => index.factById.get(id))
      .filter((f): f is Fact => f !== undefined);
    const options: ChoiceOption[] = [{ id: correct.id, text: studyText(correct), correct: true }];
    for (const rival of rivals) {
      const study = studyOf(index, rival, fact.references);
      if (!study || options.some((o) => o.id === study.id) || options.length >= 4) continue;
      const text = studyText(study);
      options.push({
        id: study.id,
        text,
        correct: false,
        evidence: { basis: 'contested-source', factIds: [rival.id] },
        rationale: `Not ${text}: that study reported a different finding. ${factLine(index, rival)}`,
      });
    }
    if (options.length < 2) continue;
    const id = `which-study:${fact.id}`;
    // The contest is drawn on a pathway when its facts back edges there: the item exercises them.
    const drawn = [fact, ...rivals].flatMap((f) => index.edgesByFact.get(f.id) ?? []);
    const pathway = (index.edgesByFact.get(fact.id) ?? [])[0]?.pathway ?? drawn[0]?.pathway;
    const edgeIds = drawn.filter((r) => r.pathway.id === pathway?.id).map((r) => r.edge.id);
    const { objectDetail, ...core } = statementOf(fact);
    const detail = withoutYears(objectDetail);
    const claim = capitalise(
      sentence(
        index,
        detail === undefined ? core : { ...core, objectDetail: detail },
        fact.context,
      ),
    );
    items.push({
      kind: 'which-study',
      ...base(ctx, {
        id,
        prompt: `Which study reported this finding? “${claim}.”`,
        explanation: explain(
          ctx,
          `${studyText(correct)}. The finding is contested: ${fact.contested.note}`,
          [fact, ...rivals],
        ),
        facts: [fact, ...rivals],
        difficulty: 3,
        family: `contest:${[fact.id, ...fact.contested.with].sort().join('+')}`,
        ...(pathway ? { pathway, edgeIds } : {}),
      }),
      factId: fact.id,
      options: arrange(ctx, id, options),
    });
  }
  return items;
}
