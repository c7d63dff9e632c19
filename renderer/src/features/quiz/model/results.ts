import type { PublicQuizItem, QuizFinish } from '../../../../../shared/contract/quiz.ts';
import type { QuizResponse } from '../../../../../shared/engine/types.ts';

export type QuizResult = QuizFinish['results'][number];

export interface Score {
  /** Items fully right. */
  readonly correct: number;
  readonly total: number;
  /** Sum of item scores: matching and ordering earn part marks. */
  readonly points: number;
  /** points / total, 0–1. */
  readonly fraction: number;
}

function score(results: readonly QuizResult[]): Score {
  const correct = results.filter((r) => r.feedback.correct).length;
  const points = results.reduce((sum, r) => sum + (r.answered ? r.feedback.score : 0), 0);
  const total = results.length;
  return { correct, total, points, fraction: total === 0 ? 0 : points / total };
}

export function quizScore(results: readonly QuizResult[]): Score {
  return score(results);
}

/** "7.5", "8": points with at most one decimal. */
export function formatPoints(points: number): string {
  return String(Math.round(points * 10) / 10);
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

export interface TopicScore extends Score {
  readonly topic: string;
  readonly title: string;
}

/**
 * Score per topic over every question of the quiz (unanswered ones count as missed), in the
 * pack's topic order; topics the quiz did not touch are left out.
 */
export function topicScores(
  results: readonly QuizResult[],
  topics: readonly { readonly id: string; readonly title: string }[],
): TopicScore[] {
  const byTopic = new Map<string, QuizResult[]>();
  for (const result of results) {
    const list = byTopic.get(result.item.topic) ?? [];
    list.push(result);
    byTopic.set(result.item.topic, list);
  }
  const order = [
    ...topics.map((t) => t.id),
    ...[...byTopic.keys()].filter((id) => !topics.some((t) => t.id === id)),
  ];
  return order.flatMap((id) => {
    const list = byTopic.get(id);
    if (!list) return [];
    return [{ topic: id, title: topics.find((t) => t.id === id)?.title ?? id, ...score(list) }];
  });
}

/** "4 min 12 s", "45 s", "1 h 3 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return s > 0 ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}

export function timeTaken(startedAt: string, finishedAt: string | null): number | undefined {
  if (finishedAt === null) return undefined;
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored response read back as a QuizResponse, or undefined if it has another shape. */
export function asQuizResponse(value: unknown): QuizResponse | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.kind) {
    case 'choice':
      return typeof value.optionId === 'string'
        ? { kind: 'choice', optionId: value.optionId }
        : undefined;
    case 'true-false':
      return typeof value.value === 'boolean'
        ? { kind: 'true-false', value: value.value }
        : undefined;
    case 'text':
      return typeof value.text === 'string' ? { kind: 'text', text: value.text } : undefined;
    case 'matching': {
      const pairs = value.pairs;
      if (!isRecord(pairs)) return undefined;
      const entries = Object.entries(pairs).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      );
      return { kind: 'matching', pairs: Object.fromEntries(entries) };
    }
    case 'ordering':
      return Array.isArray(value.order) && value.order.every((id) => typeof id === 'string')
        ? { kind: 'ordering', order: value.order }
        : undefined;
    default:
      return undefined;
  }
}

/** The learner's answer in words, as the results list shows it. */
export function describeResponse(
  item: PublicQuizItem,
  response: QuizResponse | undefined,
  answered = response !== undefined,
): string {
  // Answered, but the question has changed since (a pack update) and the answer no longer fits it.
  if (!response) return answered ? 'Given to an earlier version of this question' : 'Not answered';
  const textOf = (list: readonly { id: string; text: string }[] | null, id: string) =>
    list?.find((entry) => entry.id === id)?.text ?? id;
  switch (response.kind) {
    case 'choice':
      return textOf(item.options, response.optionId);
    case 'true-false':
      return response.value ? 'True' : 'False';
    case 'text':
      return response.text ? `“${response.text}”` : 'Left blank';
    case 'matching': {
      const left = item.matching?.left ?? [];
      return left
        .map((entry) => {
          const rightId = response.pairs[entry.id];
          return `${entry.text} — ${rightId ? textOf(item.matching?.right ?? null, rightId) : 'not paired'}`;
        })
        .join('; ');
    }
    case 'ordering':
      return response.order.map((id) => textOf(item.steps, id)).join(' → ');
  }
}

/** Questions to go over again: wrong, part-right or not answered. */
export function mistakesOf(results: readonly QuizResult[]): QuizResult[] {
  return results.filter((r) => !r.feedback.correct);
}

export function verdictOf(result: {
  readonly answered: boolean;
  readonly feedback: { readonly correct: boolean; readonly score: number };
}): 'correct' | 'partial' | 'wrong' | 'unanswered' {
  if (!result.answered) return 'unanswered';
  if (result.feedback.correct) return 'correct';
  return result.feedback.score > 0 ? 'partial' : 'wrong';
}
