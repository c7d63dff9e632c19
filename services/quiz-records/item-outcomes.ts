import {
  foldClaims,
  fromDbQuizAnswer,
  quizSql,
  type QuizAnswerRecord,
} from '../storage/quiz-rows.ts';
import type { Storage } from '../storage/storage.ts';

const answersFromDay = quizSql.packAnswers.replace(
  'WHERE pack_id',
  'WHERE study_day >= ? AND pack_id',
);

/**
 * Every quiz answer given (from the study day `fromDay` on, when given), each "I was right"
 * folded into the answer it claims.
 */
export function allFoldedAnswers(storage: Storage, fromDay?: string): QuizAnswerRecord[] {
  const bySession = new Map<string, QuizAnswerRecord[]>();
  const rows =
    fromDay === undefined
      ? storage.statement(quizSql.packAnswers).all()
      : storage.statement(answersFromDay).all(fromDay);
  for (const row of rows) {
    const answer = fromDbQuizAnswer(row);
    const list = bySession.get(answer.sessionId);
    if (list) list.push(answer);
    else bySession.set(answer.sessionId, [answer]);
  }
  // Claims name their item, not their answer's id: folded within each session, as a session reads.
  return [...bySession.values()]
    .flatMap((answers) => foldClaims(answers))
    .sort((a, b) => a.answeredAt - b.answeredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Per item answered at least once: whether its latest answer (claims folded) counts right. */
export function latestOutcomeByItem(
  answers: readonly QuizAnswerRecord[],
): ReadonlyMap<string, boolean> {
  const latest = new Map<string, boolean>();
  for (const answer of answers) latest.set(answer.itemId, answer.correct);
  return latest;
}
