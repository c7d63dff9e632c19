import { ContractError } from '../../shared/contract/errors.ts';
import type {
  QuizSessionSummary,
  RecordQuizAnswerRequest,
  RecordQuizAnswerResponse,
  StartQuizSessionRequest,
} from '../../shared/contract/quiz-records.ts';
import { studyDayOf } from '../../shared/engine/study-day.ts';
import type { ReviewService } from '../review/review-service.ts';
import {
  claimRightKind,
  finishQuizSessionRow,
  fromDbQuizSession,
  insertQuizAnswer,
  insertQuizSession,
  quizAnswersForSession,
  quizSessionById,
  quizSql,
  type QuizAnswerRecord,
  type QuizSessionRecord,
  type TopicScore,
} from '../storage/quiz-rows.ts';
import { markedItemIds, setQuizMark } from '../storage/quiz-mark-rows.ts';
import type { Storage } from '../storage/storage.ts';
import { allFoldedAnswers, latestOutcomeByItem } from './item-outcomes.ts';

/**
 * Records quiz attempts: a session (mode, config, start, finish, score by topic) and each answer
 * (item, kind, facts, topic, correct, response, duration). Each answer also informs the flashcard
 * schedule through the review service's quiz rule, in the same transaction.
 */
/** A quiz with no answer for this long is taken to have been left, not still being worked on. */
const idleAfterMs = 30 * 60_000;

export class QuizRecordService {
  readonly #storage: Storage;
  readonly #review: ReviewService;
  readonly #now: () => Date;

  constructor(storage: Storage, review: ReviewService, now: () => Date) {
    this.#storage = storage;
    this.#review = review;
    this.#now = now;
  }

  startQuizSession(request: StartQuizSessionRequest): { sessionId: string; startedAt: string } {
    const startedAt = this.#now().getTime();
    const record: QuizSessionRecord = {
      id: this.#review.newId(),
      deviceId: this.#storage.deviceId,
      packId: this.#storage.packId,
      mode: request.mode,
      config: JSON.stringify(request.config),
      startedAt,
      finishedAt: null,
      scoreCorrect: null,
      scoreTotal: null,
      scoreByTopic: null,
    };
    insertQuizSession(this.#storage, record);
    return { sessionId: record.id, startedAt: new Date(startedAt).toISOString() };
  }

  recordQuizAnswer(request: RecordQuizAnswerRequest): RecordQuizAnswerResponse {
    const answeredAt = this.#now().getTime();
    const { answerId, scheduled } = this.#review.transact(() => {
      const session = this.#openSession(request.sessionId);
      const answer: QuizAnswerRecord = {
        id: this.#review.newId(),
        sessionId: session.id,
        packId: session.packId,
        itemId: request.itemId,
        kind: request.kind,
        factIds: [...new Set(request.factIds)],
        topic: request.topic,
        correct: request.correct,
        response: JSON.stringify(request.response),
        durationMs: request.durationMs,
        answeredAt,
        studyDay: studyDayOf(answeredAt),
      };
      insertQuizAnswer(this.#storage, answer);
      const ratings = this.#review.applyQuizOutcome({
        answerId: answer.id,
        factIds: answer.factIds,
        correct: answer.correct,
        answeredAt,
      });
      return { answerId: answer.id, scheduled: ratings };
    });
    return { answerId, scheduled, counts: this.#review.counts() };
  }

  /**
   * The learner says a wrong answer was right. The claim is appended as its own row (kind
   * `claim-right`, no facts, so per-fact figures count the answer once); reading the session folds
   * it into the answer, which then counts right. The ratings the wrong answer added to the schedule
   * are taken back by undo events and the quiz rule is applied again as for a right answer, all in
   * one transaction. Only a wrong answer of an open session, once.
   */
  claimRight(request: {
    readonly sessionId: string;
    readonly itemId: string;
  }): RecordQuizAnswerResponse & { readonly restored: number } {
    const claimedAt = this.#now().getTime();
    const { answerId, scheduled, restored } = this.#review.transact(() => {
      const session = this.#openSession(request.sessionId);
      const answer = quizAnswersForSession(this.#storage, session.id).find(
        (a) => a.itemId === request.itemId,
      );
      if (!answer) throw new ContractError('not-found', 'That question has not been answered.');
      if (answer.correct) throw new ContractError('conflict', 'That answer already counts right.');
      insertQuizAnswer(this.#storage, {
        id: this.#review.newId(),
        sessionId: session.id,
        packId: session.packId,
        itemId: answer.itemId,
        kind: claimRightKind,
        factIds: [],
        topic: answer.topic,
        correct: true,
        response: JSON.stringify({ claims: answer.id }),
        durationMs: 0,
        answeredAt: claimedAt,
        studyDay: studyDayOf(claimedAt),
      });
      // A card whose lapse is taken back is left as the undo leaves it: a "good" on top would
      // count an early success the rule refuses (only cards the wrong answer did not touch get it).
      const revoked = this.#review.revokeQuizOutcome(answer.id);
      const ratings = this.#review.applyQuizOutcome({
        skipCardIds: revoked,
        answerId: answer.id,
        factIds: answer.factIds,
        correct: true,
        answeredAt: claimedAt,
      });
      return { answerId: answer.id, scheduled: ratings, restored: revoked.length };
    });
    return { answerId, scheduled, restored, counts: this.#review.counts() };
  }

  /**
   * Closes a session and stores its score; finishing a finished session answers its summary again.
   * `questions` is how many the quiz asked: questions left unanswered (an exam that ran out of time)
   * count against the score. A quiz closed long after its last answer (left by a reload or restart,
   * marked later) is dated by that answer, so its time taken is not days.
   */
  finishQuizSession(request: {
    readonly sessionId: string;
    readonly questions?: number;
  }): QuizSessionSummary {
    const session = this.#session(request.sessionId);
    if (session.finishedAt !== null) return summarise(session);
    const answers = quizAnswersForSession(this.#storage, session.id);
    const byTopic = scoreByTopic(answers);
    const now = this.#now().getTime();
    const lastActivity = Math.max(session.startedAt, ...answers.map((answer) => answer.answeredAt));
    const finished: QuizSessionRecord = {
      ...session,
      finishedAt:
        now - lastActivity > idleAfterMs ? lastActivity : Math.max(now, session.startedAt),
      scoreCorrect: answers.filter((answer) => answer.correct).length,
      scoreTotal: Math.max(answers.length, request.questions ?? 0),
      scoreByTopic: byTopic,
    };
    finishQuizSessionRow(this.#storage, finished);
    return summarise(finished);
  }

  /** Finished sessions, newest first. */
  quizHistory(request?: { readonly limit?: number }): QuizSessionSummary[] {
    return this.#storage
      .statement(quizSql.finishedSessions)
      .all(request?.limit ?? 100)
      .map((row) => summarise(fromDbQuizSession(row)));
  }

  /** Sessions started since `since` (ms) and not finished, newest first. */
  unfinishedSince(since: number): QuizSessionRecord[] {
    return this.#storage
      .statement(quizSql.unfinishedSessionsSince)
      .all(since)
      .map((row) => fromDbQuizSession(row));
  }

  /** A session as stored, finished or not. */
  session(id: string): QuizSessionRecord {
    return this.#session(id);
  }

  /** A session's answers, in the order given. */
  answers(sessionId: string): QuizAnswerRecord[] {
    return quizAnswersForSession(this.#storage, this.#session(sessionId).id);
  }

  /** Per item ever answered: whether its latest answer counts right ("I was right" folded in). */
  latestOutcomes(): ReadonlyMap<string, boolean> {
    return latestOutcomeByItem(allFoldedAnswers(this.#storage));
  }

  /** The items the learner has marked. */
  markedItems(): ReadonlySet<string> {
    return markedItemIds(this.#storage);
  }

  setMark(itemId: string, marked: boolean): void {
    setQuizMark(this.#storage, itemId, marked, this.#now().getTime());
  }

  #session(id: string): QuizSessionRecord {
    const session = quizSessionById(this.#storage, id);
    if (!session) throw new ContractError('not-found', `There is no quiz session "${id}".`);
    if (session.packId !== this.#storage.packId) {
      throw new ContractError(
        'conflict',
        `This quiz was taken in the pack "${session.packId}"; study that pack to go on with it.`,
      );
    }
    return session;
  }

  #openSession(id: string): QuizSessionRecord {
    const session = this.#session(id);
    if (session.finishedAt !== null) {
      throw new ContractError('conflict', 'This quiz session is finished; start a new one.');
    }
    return session;
  }
}

export function scoreByTopic(answers: readonly QuizAnswerRecord[]): TopicScore[] {
  const topics = new Map<string, { correct: number; total: number }>();
  for (const answer of answers) {
    const entry = topics.get(answer.topic) ?? { correct: 0, total: 0 };
    entry.total += 1;
    if (answer.correct) entry.correct += 1;
    topics.set(answer.topic, entry);
  }
  return [...topics]
    .map(([topic, score]) => ({ topic, ...score }))
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}

function summarise(session: QuizSessionRecord): QuizSessionSummary {
  const correct = session.scoreCorrect ?? 0;
  const total = session.scoreTotal ?? 0;
  return {
    sessionId: session.id,
    mode: session.mode,
    startedAt: new Date(session.startedAt).toISOString(),
    finishedAt: session.finishedAt === null ? null : new Date(session.finishedAt).toISOString(),
    correct,
    total,
    score: total === 0 ? null : correct / total,
    byTopic: [...(session.scoreByTopic ?? [])],
  };
}
