import type { Fact, Reference } from '../../pack/schema.ts';
import { leadReference, referenceLabel } from '../citations.ts';
import { isBackgroundFact, isEntityObject, type PackIndex } from '../pack-index.ts';
import { capitalise, sentence } from '../phrasing.ts';
import { tieBreaker } from '../rng.ts';
import { statementOf } from '../semantics.ts';
import type { ChoiceOption, McqItem } from '../types.ts';
import { arrange, base, explain, rationaleFor, SELECTION_SEED, type GenContext } from './common.ts';
import { falseSentence, falseStatements, type Corruption } from './true-false.ts';

/**
 * "Which of the following did Lee EJ et al. 2015 report?" — single best answer among four
 * statements about one source: one of its findings, and three of its other findings turned false
 * (polarity flipped, or another entity swapped in), each refuted by that same source. The wrong
 * options are as close as distractors get: same study, same methods, same vocabulary.
 */

/** How often one false statement may serve as a distractor, so items do not all look alike. */
const MAX_REUSE = 2;
const DISTRACTORS = 3;

function stem(reference: Reference): string {
  const label = referenceLabel(reference);
  switch (reference.kind) {
    case 'target-review':
      return `Which of the following does the review (${label}) state?`;
    case 'companion-review':
      return `Which of the following does a later review (${label}) state?`;
    case 'primary':
      return `Which of the following did ${label} report?`;
    case 'secondary':
    case 'other':
      return `Which of the following does ${label} state?`;
  }
}

const shares = (a: readonly string[], b: readonly string[]): boolean =>
  a.some((x) => b.includes(x));

function entitiesOf(fact: Fact): string[] {
  return [fact.subject, ...fact.coSubjects, ...(isEntityObject(fact) ? [fact.object] : [])];
}

interface Prepared {
  readonly corruption: Corruption;
  readonly text: string;
  readonly pair: string;
}

/** The pool grouped by the source that refutes each statement: the only ones a stem may use. */
function bySource(index: PackIndex, pool: readonly Corruption[]): Map<string, Prepared[]> {
  const out = new Map<string, Prepared[]>();
  for (const c of pool) {
    if (c.candidate.pathway !== undefined) continue;
    const source = leadReference(index, c.candidate.framedOn).id;
    const refutedHere = c.candidate.evidence.factIds.some((id) =>
      index.factById.get(id)?.references.includes(source),
    );
    if (!refutedHere) continue;
    const s = c.candidate.statement;
    const prepared = {
      corruption: c,
      text: capitalise(`${falseSentence(index, c.candidate)}.`),
      pair: `${s.subject.entityId}>${s.object}`,
    };
    const list = out.get(source);
    if (list) list.push(prepared);
    else out.set(source, [prepared]);
  }
  return out;
}

/** Wrong statements for a fact: its source's other findings, corrupted, nearest first. */
function candidatesFor(fact: Fact, pool: readonly Prepared[]): Prepared[] {
  const own = entitiesOf(fact);
  // The true statement's own reversal would make a two-option guess.
  const pair = `${fact.subject}>${fact.object}`;
  return (
    pool
      .filter((p) => p.corruption.fact.id !== fact.id && p.pair !== pair)
      .map((p) => ({
        p,
        near: shares(own, entitiesOf(p.corruption.fact))
          ? 0
          : p.corruption.fact.topic === fact.topic
            ? 1
            : 2,
      }))
      // Options on another subject and topic read as a different question: never offered.
      .filter(({ near }) => near < 2)
      .sort(
        (a, b) =>
          a.near - b.near ||
          tieBreaker(SELECTION_SEED, `${fact.id}:${a.p.corruption.candidate.idSuffix}`) -
            tieBreaker(SELECTION_SEED, `${fact.id}:${b.p.corruption.candidate.idSuffix}`),
      )
      .map(({ p }) => p)
  );
}

export function statementMcqItems(ctx: GenContext): McqItem[] {
  const { index } = ctx;
  const pools = bySource(index, falseStatements(ctx));
  const used = new Map<string, number>();
  const items: McqItem[] = [];
  const facts = index.pack.facts
    .filter((f) => f.contested === undefined && !isBackgroundFact(index, f))
    // High-yield findings claim the distractors first.
    .sort((a, b) => Number(b.highYield) - Number(a.highYield));
  for (const fact of facts) {
    const source = leadReference(index, fact);
    const statement = statementOf(fact);
    const trueText = capitalise(`${sentence(index, statement, fact.context)}.`);
    const picked: Prepared[] = [];
    const texts = new Set([trueText]);
    for (const p of candidatesFor(fact, pools.get(source.id) ?? [])) {
      if (picked.length === DISTRACTORS) break;
      if ((used.get(p.corruption.candidate.idSuffix) ?? 0) >= MAX_REUSE) continue;
      if (texts.has(p.text)) continue;
      texts.add(p.text);
      picked.push(p);
    }
    if (picked.length < DISTRACTORS) continue;
    const chosen = picked.map((p) => p.corruption);
    for (const c of chosen) {
      used.set(c.candidate.idSuffix, (used.get(c.candidate.idSuffix) ?? 0) + 1);
    }
    const id = `mcq-statement:${fact.id}`;
    const options: ChoiceOption[] = [
      { id: `fact:${fact.id}`, text: trueText, correct: true, statement },
      ...picked.map(({ corruption: c, text }) => ({
        id: c.candidate.idSuffix,
        text,
        correct: false,
        statement: c.candidate.statement,
        evidence: c.candidate.evidence,
        rationale: rationaleFor(ctx, 'this one', c.candidate.evidence),
      })),
    ];
    const evidenceFacts = chosen
      .flatMap((c) => c.candidate.evidence.factIds)
      .map((fid) => index.factById.get(fid))
      .filter((f): f is Fact => f !== undefined && f.id !== fact.id);
    items.push({
      kind: 'mcq',
      ...base(ctx, {
        id,
        prompt: stem(source),
        explanation: explain(ctx, `Correct: ${trueText}`, [fact]),
        facts: [fact, ...new Map(evidenceFacts.map((f) => [f.id, f])).values()],
        difficulty: fact.subjectModifier !== undefined ? 3 : 2,
        family: `fact:${fact.id}:statement`,
      }),
      claim: { kind: 'statement', referenceId: source.id },
      options: arrange(ctx, id, options),
    });
  }
  const order = new Map(index.pack.facts.map((f, i) => [f.id, i]));
  const rank = (item: McqItem): number => order.get(item.factIds[0] ?? '') ?? 0;
  return items.sort((a, b) => rank(a) - rank(b));
}
