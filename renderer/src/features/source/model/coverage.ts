import type { FactCoverage, ProgressMastery } from '../../../../../shared/contract/progress.ts';
import type { Fact } from '../../../../../shared/pack/schema.ts';

/**
 * The coverage map's reading of one fact: has it been tested, and how well is it known. Mastery
 * (mean predicted recall of the fact's flashcards) is the measure; a fact that has no flashcards
 * but was answered in quizzes is read by its quiz accuracy instead, and says so.
 */

export const coverageLevels = ['untested', 'weak', 'fair', 'good', 'strong'] as const;
export type CoverageLevel = (typeof coverageLevels)[number];

/** Lower bounds in percent; a level also has a fill of 0–4 quarters, its non-colour cue. */
export const levelInfo: Record<
  CoverageLevel,
  { readonly label: string; readonly range: string; readonly fill: number }
> = {
  untested: { label: 'Not tested yet', range: '', fill: 0 },
  weak: { label: 'Weak', range: 'under 40 %', fill: 1 },
  fair: { label: 'Fair', range: '40–69 %', fill: 2 },
  good: { label: 'Good', range: '70–89 %', fill: 3 },
  strong: { label: 'Strong', range: '90 % or more', fill: 4 },
};

export function levelForPercent(percent: number): Exclude<CoverageLevel, 'untested'> {
  if (percent >= 90) return 'strong';
  if (percent >= 70) return 'good';
  if (percent >= 40) return 'fair';
  return 'weak';
}

export interface FactCoverageView {
  readonly factId: string;
  readonly level: CoverageLevel;
  /** 0–100, rounded; null when untested. */
  readonly percent: number | null;
  readonly measure: 'mastery' | 'quiz accuracy' | null;
  /** Flashcards that test the fact, and how many of those were rated. */
  readonly cards: number;
  readonly cardsSeen: number;
  readonly reviews: number;
  readonly again: number;
  readonly quizAnswers: number;
  readonly quizCorrect: number;
  readonly lastTestedAt: string | null;
}

export function factCoverage(
  factId: string,
  mastery: ProgressMastery['facts'][number] | undefined,
  coverage: FactCoverage | undefined,
): FactCoverageView {
  const reviews = coverage?.reviews ?? 0;
  const quizAnswers = coverage?.quizAnswers ?? 0;
  const quizCorrect = coverage?.quizCorrect ?? 0;
  const seen = mastery?.seen ?? 0;
  const base = {
    factId,
    cards: mastery?.cards ?? 0,
    cardsSeen: seen,
    reviews,
    again: coverage?.again ?? 0,
    quizAnswers,
    quizCorrect,
    lastTestedAt: coverage?.lastTestedAt ?? null,
  };
  if (mastery && mastery.cards > 0 && (seen > 0 || reviews > 0 || quizAnswers > 0)) {
    const percent = Math.round(mastery.mastery * 100);
    return { ...base, level: levelForPercent(percent), percent, measure: 'mastery' };
  }
  if (quizAnswers > 0) {
    const percent = Math.round((quizCorrect / quizAnswers) * 100);
    return { ...base, level: levelForPercent(percent), percent, measure: 'quiz accuracy' };
  }
  return { ...base, level: 'untested', percent: null, measure: null };
}

export function coverageIndex(
  facts: readonly Fact[],
  mastery: ProgressMastery | undefined,
  coverage: readonly FactCoverage[] | undefined,
): ReadonlyMap<string, FactCoverageView> {
  const masteryById = new Map((mastery?.facts ?? []).map((entry) => [entry.id, entry]));
  const coverageById = new Map((coverage ?? []).map((entry) => [entry.factId, entry]));
  return new Map(
    facts.map((fact) => [
      fact.id,
      factCoverage(fact.id, masteryById.get(fact.id), coverageById.get(fact.id)),
    ]),
  );
}

/** One line for a screen reader or a tooltip: "F099: Good, mastery 78 %, 3 reviews, quiz 2 of 3". */
export function describeCoverage(view: FactCoverageView): string {
  if (view.level === 'untested') {
    return view.cards > 0
      ? `${view.factId}: not tested yet (${view.cards} flashcard${view.cards === 1 ? '' : 's'})`
      : `${view.factId}: not tested yet`;
  }
  const parts = [
    `${view.factId}: ${levelInfo[view.level].label}, ${view.measure ?? ''} ${view.percent ?? 0} %`,
  ];
  parts.push(`${view.reviews} review${view.reviews === 1 ? '' : 's'}`);
  if (view.quizAnswers > 0) parts.push(`quiz ${view.quizCorrect} of ${view.quizAnswers} correct`);
  return parts.join(', ');
}

export interface TopicCoverage {
  readonly facts: number;
  readonly tested: number;
  readonly byLevel: Readonly<Record<CoverageLevel, number>>;
}

export function topicCoverage(views: readonly FactCoverageView[]): TopicCoverage {
  const byLevel: Record<CoverageLevel, number> = {
    untested: 0,
    weak: 0,
    fair: 0,
    good: 0,
    strong: 0,
  };
  for (const view of views) byLevel[view.level] += 1;
  return { facts: views.length, tested: views.length - byLevel.untested, byLevel };
}
