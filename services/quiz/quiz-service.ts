import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type {
  PublicQuizItem,
  QuizAnswer,
  QuizCount,
  QuizCountRequest,
  QuizFilter,
  QuizFinish,
  QuizMark,
  QuizOptionsInfo,
  QuizResume,
  QuizStart,
  QuizStartRequest,
} from '../../shared/contract/quiz.ts';
import type { QuizSessionSummary } from '../../shared/contract/quiz-records.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import { MAX_QUIZ_ITEMS } from '../../shared/engine/quiz-builder.ts';
import { gradeAnswer, ResponseShapeError } from '../../shared/engine/grade.ts';
import { kinds } from '../../shared/engine/kinds/index.ts';
import {
  type Bank,
  type Grade,
  type QuizItem,
  type QuizResponse,
} from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';
import type { QuizRecordService } from '../quiz-records/quiz-record-service.ts';
import { expectedAnswer, itemFeedback, publicItems } from './item-views.ts';
import { publicItemId } from './public-id.ts';
import { inPool } from './pools.ts';
import { quizOptionsOf } from './quiz-options.ts';
import { scheduleEffectOf } from './schedule-effect.ts';
import { selectQuizItems } from './select-items.ts';
import { claimedGrade, storedAnswer, unanswered } from './stored-answer.ts';

export interface QuizServiceOptions {
  readonly bank: Bank;
  readonly pack: Pack;
  readonly records: QuizRecordService;
  readonly now: () => Date;
  /** Seeds each quiz's selection and order; tests inject a fixed one. */
  readonly newSeed?: () => string;
  /** Ids of items the learner reported: left out of every quiz built from now on. */
  readonly hidden?: () => ReadonlySet<string>;
}

/** Answers up to this long after the deadline still count: the request was in flight. */
const deadlineGraceMs = 10_000;
/** How long an unfinished quiz is offered for resuming. */
const resumableForMs = 7 * 86_400_000;

/** Stored with the session, so a quiz can be answered and reviewed after a restart. */
const sessionConfigSchema = z.object({
  version: z.literal(1),
  mode: z.enum(['practice', 'exam']),
  itemIds: z.array(z.string()),
  deadline: z.number().nullable(),
  seed: z.string(),
  filters: z.json(),
});
type SessionConfig = z.infer<typeof sessionConfigSchema>;

/**
 * Quizzes over the generated bank: builds them with the engine's quiz builder, hands the renderer
 * items without answers, grades in main, records every answer (which also informs the flashcard
 * schedule), and in exam mode reveals nothing until the quiz is finished.
 */
export class QuizService {
  readonly #items: ReadonlyMap<string, QuizItem>;
  /** Public (opaque) id → item: the only ids the renderer ever sees. */
  readonly #byPublicId: ReadonlyMap<string, QuizItem>;
  readonly #public: (item: QuizItem) => PublicQuizItem;
  readonly #options: QuizServiceOptions;
  readonly #configs = new Map<string, SessionConfig>();

  constructor(options: QuizServiceOptions) {
    this.#options = options;
    this.#items = new Map(options.bank.quiz.map((item) => [item.id, item]));
    this.#byPublicId = new Map(options.bank.quiz.map((item) => [publicItemId(item.id), item]));
    this.#public = publicItems(options.pack);
  }

  options(): QuizOptionsInfo {
    return quizOptionsOf(this.#options.bank, this.#options.pack);
  }

  /** How many items a filter matches and how many questions one quiz could draw from them. */
  count(filter: QuizCountRequest): QuizCount {
    const built = this.#select({ ...filter, mode: 'practice', count: MAX_QUIZ_ITEMS }, 'count');
    return { available: built.available, questions: built.selected.length };
  }

  start(request: QuizStartRequest): QuizStart {
    const seed = this.#options.newSeed?.() ?? randomUUID();
    const items = request.retryMistakesOf
      ? this.#mistakesOf(request.retryMistakesOf)
      : this.#select(request, seed);
    if (items.selected.length === 0) {
      throw new ContractError(
        'not-found',
        'No questions match these choices. Widen the topics, kinds or pathways.',
      );
    }
    const now = this.#options.now().getTime();
    const deadline =
      request.mode === 'exam' && request.timeLimitMinutes
        ? now + request.timeLimitMinutes * 60_000
        : null;
    const config: SessionConfig = {
      version: 1,
      mode: request.mode,
      itemIds: items.selected.map((item) => item.id),
      deadline,
      seed,
      filters: JSON.parse(JSON.stringify(request)) as z.core.util.JSONType,
    };
    const { sessionId, startedAt } = this.#options.records.startQuizSession({
      mode: request.mode,
      config,
    });
    this.#configs.set(sessionId, config);
    return {
      sessionId,
      mode: request.mode,
      startedAt,
      deadline: deadline === null ? null : new Date(deadline).toISOString(),
      items: items.selected.map((item) => this.#public(item)),
      available: items.available,
      shortfall: Math.max(
        0,
        (request.retryMistakesOf ? items.selected.length : request.count) - items.selected.length,
      ),
      marked: this.#markedOf(items.selected),
    };
  }

  answer(request: {
    readonly sessionId: string;
    readonly itemId: string;
    readonly response: QuizResponse;
    readonly durationMs: number;
  }): QuizAnswer {
    const config = this.#config(request.sessionId);
    const item = this.#byPublicId.get(request.itemId);
    if (!item || !config.itemIds.includes(item.id)) {
      throw new ContractError('not-found', 'That question is not part of this quiz.');
    }
    if (
      config.deadline !== null &&
      this.#options.now().getTime() > config.deadline + deadlineGraceMs
    ) {
      throw new ContractError('conflict', 'Time is up for this exam; the answer was not recorded.');
    }
    const answers = this.#options.records.answers(request.sessionId);
    if (answers.some((answer) => answer.itemId === item.id)) {
      throw new ContractError('conflict', 'This question has already been answered in this quiz.');
    }
    const grade = this.#grade(item, request.response);
    const recorded = this.#options.records.recordQuizAnswer({
      sessionId: request.sessionId,
      itemId: item.id,
      kind: item.kind,
      factIds: [...item.factIds],
      topic: item.topic,
      correct: grade.correct,
      response: { response: request.response, score: grade.score } as z.core.util.JSONType,
      durationMs: request.durationMs,
    });
    const answered = answers.length + 1;
    const total = config.itemIds.length;
    return config.mode === 'practice'
      ? {
          mode: 'practice',
          feedback: itemFeedback(item, grade, true),
          schedule: scheduleEffectOf(recorded.scheduled),
          answered,
          total,
        }
      : { mode: 'exam', itemId: publicItemId(item.id), answered, total };
  }

  /**
   * "I was right": a typed answer marked wrong in a practice quiz is counted right on the learner's
   * word. The claim is recorded with the answer (and exported with it); the schedule is corrected.
   */
  claimRight(request: { readonly sessionId: string; readonly itemId: string }): QuizAnswer {
    const config = this.#config(request.sessionId);
    const item = this.#byPublicId.get(request.itemId);
    if (!item || !config.itemIds.includes(item.id)) {
      throw new ContractError('not-found', 'That question is not part of this quiz.');
    }
    if (config.mode !== 'practice' || !kinds[item.kind].claimable) {
      throw new ContractError(
        'invalid-request',
        'Only a typed answer in a practice quiz can be claimed right.',
      );
    }
    const claim = this.#options.records.claimRight({
      sessionId: request.sessionId,
      itemId: item.id,
    });
    const answers = this.#options.records.answers(request.sessionId);
    const answer = answers.find((a) => a.itemId === item.id);
    if (!answer) throw new Error(`The claimed answer to ${item.id} is not stored.`);
    const marked = this.#markSaved(item, answer);
    return {
      mode: 'practice',
      feedback: itemFeedback(item, marked.grade, true, marked.claimed),
      schedule: scheduleEffectOf(claim.scheduled, claim.restored),
      answered: answers.length,
      total: config.itemIds.length,
    };
  }

  finish(request: { readonly sessionId: string }): QuizFinish {
    const config = this.#config(request.sessionId);
    const summary = this.#options.records.finishQuizSession({
      sessionId: request.sessionId,
      questions: config.itemIds.length,
    });
    const answers = new Map(
      this.#options.records.answers(request.sessionId).map((answer) => [answer.itemId, answer]),
    );
    const results = config.itemIds.flatMap((itemId) => {
      const item = this.#items.get(itemId);
      if (!item) return [];
      const answer = answers.get(itemId);
      const marked = answer
        ? this.#markSaved(item, answer)
        : { grade: unanswered(item, expectedAnswer(item)), response: undefined, claimed: false };
      return [
        {
          item: this.#public(item),
          answered: answer !== undefined,
          response: (marked.response ?? null) as z.core.util.JSONType,
          // A finished quiz takes no more claims.
          feedback: {
            ...itemFeedback(item, marked.grade, answer !== undefined, marked.claimed),
            claimable: false,
          },
          durationMs: answer?.durationMs ?? null,
        },
      ];
    });
    return { summary, results };
  }

  /**
   * The newest quiz left unfinished in the last week, to carry on where the learner was: its
   * questions in their order and, for practice, the feedback of those already answered. Sessions
   * another part of the app made, or whose questions the pack no longer has, are passed over. An
   * older one is not offered (its answers already count towards coverage and the schedule).
   */
  unfinished(): QuizResume | null {
    const since = this.#options.now().getTime() - resumableForMs;
    for (const session of this.#options.records.unfinishedSince(since)) {
      const resume = this.#resumable(session);
      if (resume) return resume;
    }
    return null;
  }

  #resumable(session: { readonly id: string; readonly startedAt: number }): QuizResume | null {
    let config: SessionConfig;
    try {
      config = this.#config(session.id);
    } catch {
      return null;
    }
    const items = config.itemIds.flatMap((itemId) => this.#items.get(itemId) ?? []);
    if (items.length === 0) return null;
    const answered = this.#options.records.answers(session.id).flatMap((answer) => {
      const item = this.#items.get(answer.itemId);
      if (!item || !config.itemIds.includes(item.id)) return [];
      const marked = this.#markSaved(item, answer);
      const feedback =
        config.mode === 'practice' ? itemFeedback(item, marked.grade, true, marked.claimed) : null;
      return [{ itemId: publicItemId(item.id), feedback }];
    });
    return {
      session: {
        sessionId: session.id,
        mode: config.mode,
        startedAt: new Date(session.startedAt).toISOString(),
        deadline: config.deadline === null ? null : new Date(config.deadline).toISOString(),
        items: items.map((item) => this.#public(item)),
        available: items.length,
        shortfall: 0,
        marked: this.#markedOf(items),
      },
      answered,
    };
  }

  history(request?: { readonly limit?: number }): QuizSessionSummary[] {
    return this.#options.records.quizHistory(request);
  }

  /** Marks or unmarks one of the bank's questions, in a quiz or not. */
  mark(request: QuizMark): QuizMark {
    const item = this.#byPublicId.get(request.itemId);
    if (!item) throw new ContractError('not-found', 'There is no such question to mark.');
    this.#options.records.setMark(item.id, request.marked);
    return { itemId: request.itemId, marked: request.marked };
  }

  #select(
    request: QuizFilter & {
      readonly mode: QuizStartRequest['mode'];
      readonly count: number;
      readonly pool?: QuizCountRequest['pool'];
    },
    seed: string,
  ): { selected: readonly QuizItem[]; available: number } {
    const { pool = 'all', ...filter } = request;
    if (pool === 'all') return selectQuizItems(this.#options, filter, seed);
    const facts = {
      latest: this.#options.records.latestOutcomes(),
      marked: this.#options.records.markedItems(),
    };
    return selectQuizItems(this.#options, filter, seed, (item) => inPool(pool, item.id, facts));
  }

  /** Public ids of the given items the learner has marked. */
  #markedOf(items: readonly QuizItem[]): string[] {
    const marked = this.#options.records.markedItems();
    return items.filter((item) => marked.has(item.id)).map((item) => publicItemId(item.id));
  }

  /** The items of a quiz that were answered wrongly or not at all, in the quiz's order. */
  #mistakesOf(sessionId: string): { selected: readonly QuizItem[]; available: number } {
    const config = this.#config(sessionId);
    const right = new Set(
      this.#options.records
        .answers(sessionId)
        .filter((answer) => answer.correct)
        .map((answer) => answer.itemId),
    );
    const mistakes = config.itemIds
      .filter((itemId) => !right.has(itemId))
      .flatMap((itemId) => this.#items.get(itemId) ?? []);
    if (mistakes.length === 0)
      throw new ContractError('not-found', 'That quiz has no mistakes to retry.');
    return { selected: mistakes, available: mistakes.length };
  }

  #config(sessionId: string): SessionConfig {
    const cached = this.#configs.get(sessionId);
    if (cached) return cached;
    const session = this.#options.records.session(sessionId);
    const parsed = sessionConfigSchema.safeParse(JSON.parse(session.config));
    if (!parsed.success)
      throw new ContractError('not-found', 'That quiz session was not made by the quiz screen.');
    this.#configs.set(sessionId, parsed.data);
    return parsed.data;
  }

  #grade(item: QuizItem, response: QuizResponse): Grade {
    try {
      return gradeAnswer(item, response);
    } catch (error) {
      if (error instanceof ResponseShapeError)
        throw new ContractError('invalid-request', error.message);
      throw error;
    }
  }

  /**
   * A saved answer marked again against today's item. One the item can no longer read (the
   * question changed with a pack update) keeps the verdict and score it got when it was given.
   */
  #markSaved(
    item: QuizItem,
    answer: { readonly response: string; readonly correct: boolean },
  ): { grade: Grade; response: QuizResponse | undefined; claimed: boolean } {
    const saved = storedAnswer(answer.response);
    if (saved) {
      try {
        const grade = gradeAnswer(item, saved.response);
        const claimed = saved.claimedRightAt !== undefined && answer.correct;
        return { grade: claimed ? claimedGrade(grade) : grade, response: saved.response, claimed };
      } catch (error) {
        if (!(error instanceof ResponseShapeError)) throw error;
      }
    }
    return {
      grade: {
        correct: answer.correct,
        score: saved?.score ?? (answer.correct ? 1 : 0),
        expected: expectedAnswer(item),
        feedback: `${answer.correct ? 'Right' : 'Not right'} when answered; this question has changed since, so that answer cannot be shown. ${item.explanation}`,
      },
      response: undefined,
      claimed: false,
    };
  }
}
