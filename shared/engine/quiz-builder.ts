import type { Pack } from '../pack/schema.ts';
import { rngFor, shuffled, type Seed } from './rng.ts';
import { quizKinds, type Bank, type QuizItem, type QuizKind } from './types.ts';

export type QuizMode = 'practice' | 'exam';

export interface QuizOptions {
  readonly topics?: readonly string[];
  readonly pathwayIds?: readonly string[];
  readonly diseaseIds?: readonly string[];
  readonly kinds?: readonly QuizKind[];
  readonly highYieldOnly?: boolean;
  /** How many items; at most 500. */
  readonly count: number;
  /** Both modes get the same items: timing and when feedback shows are for the UI and storage. */
  readonly mode: QuizMode;
  readonly seed: Seed;
}

export interface BuiltQuiz {
  readonly items: readonly QuizItem[];
  readonly mode: QuizMode;
  readonly seed: Seed;
  readonly requested: number;
  /** Items matching the filters (before one-per-family and the count). */
  readonly available: number;
  /** How many fewer than requested the filters allowed. */
  readonly shortfall: number;
  readonly byKind: Readonly<Partial<Record<QuizKind, number>>>;
  readonly byTopic: Readonly<Record<string, number>>;
}

export class QuizOptionsError extends Error {
  override readonly name = 'QuizOptionsError';
}

export const MAX_QUIZ_ITEMS = 500;

function validate(pack: Pack, options: QuizOptions): void {
  if (!Number.isInteger(options.count) || options.count < 1 || options.count > MAX_QUIZ_ITEMS) {
    throw new QuizOptionsError(
      `count must be a whole number from 1 to ${MAX_QUIZ_ITEMS}, got ${options.count}`,
    );
  }
  const unknown = (
    what: string,
    given: readonly string[] | undefined,
    known: Set<string>,
  ): void => {
    const bad = (given ?? []).filter((id) => !known.has(id));
    if (bad.length > 0) throw new QuizOptionsError(`unknown ${what}: ${bad.join(', ')}`);
  };
  unknown('topic', options.topics, new Set(pack.manifest.topics.map((t) => t.id)));
  unknown('pathway', options.pathwayIds, new Set(pack.pathways.map((p) => p.id)));
  unknown(
    'disease',
    options.diseaseIds,
    new Set(pack.entities.filter((e) => e.type === 'disease').map((e) => e.id)),
  );
  unknown('item kind', options.kinds, new Set<string>(quizKinds));
}

function matches(item: QuizItem, options: QuizOptions): boolean {
  if (options.kinds && !options.kinds.includes(item.kind)) return false;
  if (options.topics && !options.topics.includes(item.topic)) return false;
  if (options.pathwayIds && !item.pathwayIds.some((id) => options.pathwayIds?.includes(id))) {
    return false;
  }
  if (options.diseaseIds && !item.diseaseIds.some((id) => options.diseaseIds?.includes(id))) {
    return false;
  }
  return !options.highYieldOnly || item.highYield;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Takes one from each list in turn until all are empty. */
function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++)
    for (const list of lists) if (i < list.length) out.push(list[i] as T);
  return out;
}

/**
 * Up to `count` items, each list in turn giving its next item that asks neither a question
 * already chosen (its family: variants of one question) nor a finding already asked (its key
 * fact): two questions on one finding answer each other, a fill-in "IL-32γ lowers _____ in the
 * synovium" beside "Which does the review state? … IL-32γ decreases DKK-1" (audit U). A list
 * whose next item is taken moves on to its following one within its turn, so small kinds keep
 * their place.
 */
function takeInTurns(lists: readonly (readonly QuizItem[])[], count: number): QuizItem[] {
  const chosen: QuizItem[] = [];
  const families = new Set<string>();
  const findings = new Set<string>();
  const next = lists.map(() => 0);
  const fresh = (item: QuizItem): boolean =>
    !families.has(item.family) && !(item.factIds[0] !== undefined && findings.has(item.factIds[0]));
  let progress = true;
  while (chosen.length < count && progress) {
    progress = false;
    lists.forEach((list, k) => {
      if (chosen.length >= count) return;
      let at = next[k] ?? 0;
      while (at < list.length && !fresh(list[at] as QuizItem)) at++;
      const item = list[at];
      next[k] = at + 1;
      if (item === undefined) return;
      families.add(item.family);
      if (item.factIds[0] !== undefined) findings.add(item.factIds[0]);
      chosen.push(item);
      progress = true;
    });
  }
  return chosen;
}

/**
 * A quiz drawn from the bank: filtered, then balanced — kinds take turns, and within a kind the
 * topics take turns — with at most one item per family (variants of one question) and per key
 * fact (the finding it asks), in a seeded order. Deterministic for a given bank, pack, options and seed.
 */
export function buildQuiz(bank: Bank, pack: Pack, options: QuizOptions): BuiltQuiz {
  validate(pack, options);
  const { seed } = options;
  const eligible = bank.quiz.filter((item) => matches(item, options));
  const byKind = groupBy(eligible, (item) => item.kind);
  const kindOrder = shuffled([...byKind.keys()].sort(), rngFor(seed, 'quiz:kinds'));
  const perKind = kindOrder.map((kind) => {
    const byTopic = groupBy(byKind.get(kind) ?? [], (item) => item.topic);
    const topics = shuffled([...byTopic.keys()].sort(), rngFor(seed, `quiz:topics:${kind}`));
    return interleave(
      topics.map((topic) =>
        shuffled(byTopic.get(topic) ?? [], rngFor(seed, `quiz:${kind}:${topic}`)),
      ),
    );
  });
  const chosen = takeInTurns(perKind, options.count);
  const items = shuffled(chosen, rngFor(seed, 'quiz:order'));
  const kindCounts: Partial<Record<QuizKind, number>> = {};
  const topicCounts: Record<string, number> = {};
  for (const item of items) {
    kindCounts[item.kind] = (kindCounts[item.kind] ?? 0) + 1;
    topicCounts[item.topic] = (topicCounts[item.topic] ?? 0) + 1;
  }
  return {
    items,
    mode: options.mode,
    seed,
    requested: options.count,
    available: eligible.length,
    shortfall: options.count - items.length,
    byKind: kindCounts,
    byTopic: topicCounts,
  };
}
