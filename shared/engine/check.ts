import type { Fact, Pack } from '../pack/schema.ts';
import {
  findingsSpecifying,
  isBareAssociation,
  isDefinitionFact,
} from './items/statement-facts.ts';
import type { Report } from './items/check-helpers.ts';
import { edgeIsSolid, isDefinitionalEdge } from './items/pathway-common.ts';
import { kinds } from './kinds/index.ts';
import { indexPack, isBackgroundFact, type PackIndex } from './pack-index.ts';
import { proseProblems } from './prose.ts';
import type { Bank, QuizItem, StudyCard, Violation } from './types.ts';

// ─── Rules every item obeys ──────────────────────────────────────────────────────────────────

function checkCommon(index: PackIndex, item: QuizItem, report: Report): void {
  if (item.prompt.trim() === '') report('prompt-empty', 'the prompt is empty');
  for (const problem of proseProblems(index, item.prompt)) report(problem.rule, problem.message);
  for (const text of kinds[item.kind].answerTexts(item)) {
    for (const problem of proseProblems(index, text, { standalone: true })) {
      report(problem.rule, `option “${text}”: ${problem.message}`);
    }
  }
  if (item.explanation.trim() === '') report('explanation-empty', 'the explanation is empty');
  if (item.citations.length === 0) report('citations-missing', 'no citation');
  if (item.factIds.length === 0) report('facts-missing', 'rests on no fact');
  for (const id of item.factIds) {
    const fact = index.factById.get(id);
    if (!fact) {
      report('fact-unknown', `fact ${id} is not in the pack`);
      continue;
    }
    if (isBackgroundFact(index, fact)) report('fact-background', `fact ${id} is background`);
    if (!kinds[item.kind].asksContested && fact.contested !== undefined) {
      report('answer-contested', `contested fact ${id} backs a single-answer item`);
    }
  }
  if (item.inferenceIds.length > 0) {
    const missing = item.inferenceIds.filter((id) => !item.prompt.includes(id));
    if (!/inferred/i.test(item.prompt) || missing.length > 0) {
      report(
        'inference-undisclosed',
        `answer rests on ${item.inferenceIds.join(', ')} but the prompt does not say so`,
      );
    }
  }
  if (kinds[item.kind].framed) {
    // Case aside: "according to a review of IL-32 in tuberculosis" names that source too, and
    // "a 2023 review in Turk J Pharm Sci" names the source labelled "Turk J Pharm Sci 2023".
    const prompt = item.prompt.toLowerCase();
    const onSource = item.citations.some((c) => {
      const label = (c.label.split(',')[0] ?? c.label).toLowerCase();
      return prompt.includes(label) || label.split(/\s+/).every((word) => prompt.includes(word));
    });
    const onModel = /\b(?:the review|model|pathway)\b/.test(item.prompt);
    if (!onSource && !onModel) {
      report('stem-not-framed', 'the stem is not framed on a source or a pathway model');
    }
  }
}

/**
 * Every item that breaks a rule: structure (options, rationales, explanation, citations, facts,
 * answer shape) and content (distractors proven wrong and not fitting the stem, answers resting
 * on uncontested, non-inferred facts, stems framed on a source, unique matchings, forced orders,
 * perturbation answers recomputed). Independent of how the bank was generated.
 */
export function checkBank(pack: Pack, bank: Bank): Violation[] {
  const index = indexPack(pack);
  const violations: Violation[] = [];
  const seen = new Set<string>();
  for (const item of bank.quiz) {
    const report: Report = (rule, message) => violations.push({ itemId: item.id, rule, message });
    if (seen.has(item.id)) report('duplicate-id', 'another item has this id');
    seen.add(item.id);
    checkCommon(index, item, report);
    kinds[item.kind].check(index, item, report);
  }
  for (const violation of checkCards(index, bank.cards)) violations.push(violation);
  return violations;
}

/**
 * Cards: unique ids; a front that reads as prose (no bracketed lists, no capitalised common
 * nouns mid-sentence, no doubled words); and no two cards asking the same thing with different
 * answers, which would make either answer "wrong" on review.
 */
function checkCards(index: PackIndex, cards: readonly StudyCard[]): Violation[] {
  const violations: Violation[] = [];
  const ids = new Set<string>();
  const backs = new Map<string, { readonly id: string; readonly back: string }>();
  for (const card of cards) {
    const report: Report = (rule, message) => violations.push({ itemId: card.id, rule, message });
    if (ids.has(card.id)) report('duplicate-id', 'another card has this id');
    ids.add(card.id);
    if (card.kind.startsWith('fact-')) {
      for (const problem of proseProblems(index, card.front)) report(problem.rule, problem.message);
      for (const problem of proseProblems(index, card.back, { standalone: true })) {
        report(problem.rule, `back: ${problem.message}`);
      }
    }
    const earlier = backs.get(card.front);
    if (earlier && earlier.back !== card.back) {
      report('card-ambiguous', `asks what ${earlier.id} asks, with another answer`);
    }
    if (!earlier) backs.set(card.front, { id: card.id, back: card.back });
  }
  return violations;
}

export interface CoverageGaps {
  /**
   * High-yield facts that neither a flashcard nor a quiz item teaches. A fact may lack a card: one
   * whose sentence has no one answer to blank ("IL-32 induces IL-6") is quizzed instead.
   */
  readonly factsUntaught: readonly string[];
  /** Uncontested, high-yield facts no quiz item rests on. */
  readonly factsWithoutQuizItem: readonly string[];
  /** Pathway edges ("D1:edge-id") no quiz item exercises; inferred and definitional ones are never asked. */
  readonly edgesWithoutItem: readonly string[];
  /**
   * Other facts left out where no item could be proven fair (a list with no one answer, a date):
   * reported, not a failure, since an unfair item is worse than none.
   */
  readonly minorFactsLeftOut: readonly string[];
}

/** What the bank leaves untaught: every fact needs a card and a quiz item, every edge an item. */
export function coverageGaps(pack: Pack, bank: Bank): CoverageGaps {
  const index = indexPack(pack);
  const carded = new Set(bank.cards.flatMap((c) => c.factIds));
  const quizzed = new Set(bank.quiz.flatMap((q) => q.factIds));
  const exercised = new Set(
    bank.quiz.flatMap((q) =>
      q.pathwayId ? q.edgeIds.map((e) => `${q.pathwayId ?? ''}:${e}`) : [],
    ),
  );
  const facts = pack.facts.filter((f) => !isBackgroundFact(index, f));
  // A bare association ("IL-32γ is associated with AS") is taught by the findings that specify it.
  const specified = (f: Fact) =>
    isBareAssociation(f) && findingsSpecifying(index, f, quizzed).length > 0;
  const untaught = (f: Fact) => !carded.has(f.id) && !quizzed.has(f.id) && !specified(f);
  // A contested fact backs no single-answer item; its cards teach both sides.
  // A definition is taught by its card and owed no quiz item (items/statement-facts.ts).
  const unquizzed = (f: Fact) =>
    f.contested === undefined &&
    !quizzed.has(f.id) &&
    !(carded.has(f.id) && isDefinitionFact(index, f)) &&
    !specified(f);
  const ids = (list: readonly Fact[]) => list.map((f) => f.id);
  const major = facts.filter((f) => f.highYield);
  return {
    factsUntaught: ids(major.filter(untaught)),
    factsWithoutQuizItem: ids(major.filter(unquizzed)),
    minorFactsLeftOut: ids(facts.filter((f) => !f.highYield && (untaught(f) || unquizzed(f)))),
    edgesWithoutItem: pack.pathways.flatMap((p) =>
      p.edges
        // An inferred, contested or unstated edge backs no single-answer item; its cards teach both sides.
        .filter((e) => edgeIsSolid(index, p, e) && !isDefinitionalEdge(index, p, e))
        // A "no difference" between groups is no link's effect: an item on its finding asks it.
        .filter((e) =>
          e.sign === 'no-difference'
            ? !e.factIds.some((id) => quizzed.has(id))
            : !exercised.has(`${p.id}:${e.id}`),
        )
        .map((e) => `${p.id}:${e.id}`),
    ),
  };
}
