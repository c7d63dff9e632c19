import { namingKind } from '../pathway-quiz/naming-rows.ts';
import {
  foldClaims,
  fromDbQuizAnswer,
  quizSql,
  type QuizAnswerRecord,
} from '../storage/quiz-rows.ts';
import type { Storage } from '../storage/storage.ts';

/**
 * Every quiz answer as mastery evidence, each "I was right" claim folded into the answer it claims
 * within its session: answers to quiz items, and Quiz me naming attempts.
 */
export function answerEvidence(storage: Storage): {
  readonly quiz: QuizAnswerRecord[];
  readonly naming: QuizAnswerRecord[];
} {
  const bySession = new Map<string, QuizAnswerRecord[]>();
  for (const row of storage.statement(quizSql.allAnswers).all()) {
    const answer = fromDbQuizAnswer(row);
    const list = bySession.get(answer.sessionId) ?? [];
    list.push(answer);
    bySession.set(answer.sessionId, list);
  }
  const answers = [...bySession.values()].flatMap((rows) => foldClaims(rows));
  return {
    quiz: answers.filter((answer) => answer.kind !== namingKind),
    naming: answers.filter((answer) => answer.kind === namingKind),
  };
}
