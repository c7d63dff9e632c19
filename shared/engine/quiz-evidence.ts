import { maxFactsBlamedForWrongAnswer } from './quiz-schedule.ts';

/**
 * Quiz answers as evidence of what the learner knows, fact by fact, for mastery. A right answer
 * speaks for every fact the item tests; a wrong one speaks against them only when the item tests
 * few enough facts to say which was missed (the schedule's rule, `quiz-schedule.ts`). Only recent
 * answers count, the latest few per fact, so old answers give way to new ones.
 */
export const quizEvidenceWindowMs = 30 * 86_400_000;
export const quizAnswersPerFact = 3;

export interface QuizEvidenceAnswer {
  readonly factIds: readonly string[];
  readonly correct: boolean;
  readonly answeredAt: number;
}

export interface QuizEvidence {
  /** Answers counted, at most `quizAnswersPerFact`. */
  readonly answers: number;
  /** Of those, right. */
  readonly right: number;
}

/**
 * Per fact, the answers that count as evidence on it at `at`: its latest ones in the window, at
 * most `quizAnswersPerFact`, newest first (the one rule every kind of mastery uses). `answers` may
 * come in any order; the same answer object may be listed under several facts.
 */
export function countedQuizAnswers<T extends QuizEvidenceAnswer>(
  answers: readonly T[],
  at: number,
): Map<string, T[]> {
  const newestFirst = answers
    .filter((a) => a.answeredAt <= at && a.answeredAt > at - quizEvidenceWindowMs)
    .sort((a, b) => b.answeredAt - a.answeredAt);
  const counted = new Map<string, T[]>();
  for (const answer of newestFirst) {
    const facts = new Set(answer.factIds);
    if (!answer.correct && facts.size > maxFactsBlamedForWrongAnswer) continue;
    for (const factId of facts) {
      const list = counted.get(factId) ?? [];
      if (list.length >= quizAnswersPerFact) continue;
      list.push(answer);
      counted.set(factId, list);
    }
  }
  return counted;
}

/** Per fact, how many of its counted answers (`countedQuizAnswers`) there are and how many are right. */
export function quizEvidenceByFact(
  answers: readonly QuizEvidenceAnswer[],
  at: number,
): Map<string, QuizEvidence> {
  const evidence = new Map<string, QuizEvidence>();
  for (const [factId, list] of countedQuizAnswers(answers, at)) {
    evidence.set(factId, { answers: list.length, right: list.filter((a) => a.correct).length });
  }
  return evidence;
}

/**
 * A card's recall with quiz evidence on its facts. On a card already studied, the mean of its
 * predicted recall and the share of right answers; on one never studied, the right answers
 * shrunk towards 0 (one right answer is 0.5, three are 0.75), since a quiz is not study. Either
 * way a right answer raises it and a wrong one lowers it.
 */
export function recallWithQuiz(
  recall: number,
  studied: boolean,
  evidence: QuizEvidence | undefined,
): number {
  if (!evidence || evidence.answers === 0) return recall;
  if (!studied) return evidence.right / (evidence.answers + 1);
  return (recall + evidence.right / evidence.answers) / 2;
}

/** The evidence on any of a card's facts, pooled. */
export function cardQuizEvidence(
  factIds: readonly string[],
  byFact: ReadonlyMap<string, QuizEvidence>,
): QuizEvidence | undefined {
  let answers = 0;
  let right = 0;
  for (const factId of new Set(factIds)) {
    const entry = byFact.get(factId);
    if (!entry) continue;
    answers += entry.answers;
    right += entry.right;
  }
  return answers === 0 ? undefined : { answers, right };
}
