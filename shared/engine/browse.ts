import type { Pack } from '../pack/schema.ts';
import type { FlagColour } from './card-actions.ts';
import { foldText } from './normalize.ts';
import type { Phase } from './scheduler.ts';
import { entityKeys, matchEntities, textMatcher, type EntityKeys } from './text-match.ts';
import type { QuizItem } from './quiz-types.ts';
import type { StudyCard } from './types.ts';

/**
 * Browse (issue 12): every card and quiz item, searched and filtered. What the pack determines
 * (texts folded for search, topics, pathways, the entities each row is about) is computed once in
 * `buildBrowseIndex`; each query then costs one pass over the rows and a sort.
 */

export const browseStates = [
  'new',
  'learning',
  'review',
  'suspended',
  'buried',
  'flagged',
  'reported',
] as const;
export type BrowseState = (typeof browseStates)[number];

export const browseSortKeys = ['text', 'kind', 'topic', 'state', 'due', 'difficulty'] as const;
export type BrowseSortKey = (typeof browseSortKeys)[number];

/** Due: by the end of today (overdue included), within a week, later, or not scheduled. */
export const dueFilters = ['any', 'today', 'week', 'later', 'unscheduled'] as const;
export type DueFilter = (typeof dueFilters)[number];

/** FSRS difficulty runs from 1 to 10: low below 4, high above 7. */
export const difficultyFilters = ['any', 'low', 'medium', 'high'] as const;
export type DifficultyFilter = (typeof difficultyFilters)[number];

export interface BrowseFilters {
  readonly text: string;
  readonly topic: string | null;
  readonly pathway: string | null;
  readonly kind: string | null;
  readonly state: BrowseState | null;
  readonly flag: FlagColour | null;
  readonly due: DueFilter;
  readonly difficulty: DifficultyFilter;
  readonly sort: BrowseSortKey;
  readonly descending: boolean;
}

export interface BrowseEntry {
  readonly id: string;
  readonly itemType: 'card' | 'quiz';
  readonly kind: string;
  readonly topic: string;
  readonly topicTitle: string;
  readonly pathwayIds: readonly string[];
  readonly entityIds: readonly string[];
  /** What the row shows: a card's front, a question's prompt. */
  readonly text: string;
  /** Front and back (or prompt), folded for `textMatcher`. */
  readonly folded: string;
  /** Pack order: the last tie-break of every sort. */
  readonly rank: number;
  /** Places in the text, kind and topic orders, computed once so a query's sort compares numbers. */
  readonly order: { readonly text: number; readonly kind: number; readonly topic: number };
}

export interface BrowseIndex {
  readonly entries: readonly BrowseEntry[];
  readonly entityKeys: readonly EntityKeys[];
}

export function buildBrowseIndex(
  pack: Pack,
  cards: readonly StudyCard[],
  items: readonly QuizItem[],
): BrowseIndex {
  const topicTitle = new Map(pack.manifest.topics.map((topic) => [topic.id, topic.title]));
  const entries: Omit<BrowseEntry, 'order'>[] = [];
  for (const card of cards) {
    entries.push({
      id: card.id,
      itemType: 'card',
      kind: card.kind,
      topic: card.topic,
      topicTitle: topicTitle.get(card.topic) ?? card.topic,
      pathwayIds: card.pathwayIds,
      entityIds: card.entityIds,
      text: card.front,
      folded: foldText(`${card.front} ${card.back}`),
      rank: entries.length,
    });
  }
  for (const item of items) {
    entries.push({
      id: item.id,
      itemType: 'quiz',
      kind: item.kind,
      topic: item.topic,
      topicTitle: topicTitle.get(item.topic) ?? item.topic,
      pathwayIds: item.pathwayIds,
      entityIds: item.entityIds,
      text: item.prompt,
      folded: foldText(item.prompt),
      rank: entries.length,
    });
  }
  const text = places(entries, (entry) => entry.folded);
  const kind = places(entries, (entry) => entry.kind);
  const topic = places(entries, (entry) => entry.topicTitle);
  return {
    entries: entries.map((entry, i) => ({
      ...entry,
      order: { text: text[i] ?? 0, kind: kind[i] ?? 0, topic: topic[i] ?? 0 },
    })),
    entityKeys: entityKeys(pack.entities),
  };
}

/** Each entry's place when sorted by `key` (equal keys share a place). */
function places<T>(entries: readonly T[], key: (entry: T) => string): number[] {
  const keys = entries.map(key);
  const distinct = [...new Set(keys)].sort(byText);
  const place = new Map(distinct.map((value, i) => [value, i]));
  return keys.map((value) => place.get(value) ?? 0);
}

/** What the learner's data says of a row now; the engine never reads storage. */
export interface BrowseStatus {
  /** Null for a quiz item, which has no schedule. */
  readonly phase: Phase | null;
  readonly due: number | null;
  readonly difficulty: number | null;
  readonly suspended: boolean;
  /** Buried for today: by the learner, or as a sibling of a card answered today. */
  readonly buried: boolean;
  readonly flag: FlagColour | null;
  readonly reported: boolean;
}

export interface BrowseRow extends BrowseStatus {
  readonly id: string;
  readonly itemType: 'card' | 'quiz';
  readonly kind: string;
  readonly topic: string;
  readonly topicTitle: string;
  readonly text: string;
}

export interface BrowseTimes {
  /** The end of today's study day (epoch ms). */
  readonly dayEnd: number;
}

const dayMs = 86_400_000;
const shownTextMax = 160;

export function filterBrowse(
  index: BrowseIndex,
  statusOf: (entry: BrowseEntry) => BrowseStatus,
  filters: BrowseFilters,
  times: BrowseTimes,
): BrowseRow[] {
  const query = filters.text.trim().slice(0, 200);
  const named = query.length > 0 ? new Set(matchEntities(query, index.entityKeys).ids) : null;
  const matchesText = textMatcher(query);
  const picked: { entry: BrowseEntry; status: BrowseStatus }[] = [];
  for (const entry of index.entries) {
    if (filters.topic !== null && entry.topic !== filters.topic) continue;
    if (filters.kind !== null && entry.kind !== filters.kind) continue;
    if (filters.pathway !== null && !entry.pathwayIds.includes(filters.pathway)) continue;
    if (
      named !== null &&
      !entry.entityIds.some((id) => named.has(id)) &&
      !matchesText(entry.folded)
    ) {
      continue;
    }
    const status = statusOf(entry);
    if (filters.state !== null && !inState(status, filters.state)) continue;
    if (filters.flag !== null && status.flag !== filters.flag) continue;
    if (!dueMatches(status, filters.due, times)) continue;
    if (!difficultyMatches(status, filters.difficulty)) continue;
    picked.push({ entry, status });
  }
  const compare = comparer(filters.sort);
  const sign = filters.descending ? -1 : 1;
  picked.sort((a, b) => sign * compare(a, b) || a.entry.rank - b.entry.rank);
  return picked.map(({ entry, status }) => ({
    ...status,
    id: entry.id,
    itemType: entry.itemType,
    kind: entry.kind,
    topic: entry.topic,
    topicTitle: entry.topicTitle,
    text:
      entry.text.length > shownTextMax ? `${entry.text.slice(0, shownTextMax - 1)}…` : entry.text,
  }));
}

/** The one state a row is listed under in the State column. */
export function primaryState(status: BrowseStatus): BrowseState | 'quiz' {
  if (status.reported) return 'reported';
  if (status.suspended) return 'suspended';
  if (status.buried) return 'buried';
  if (status.phase === null) return 'quiz';
  return status.phase === 'relearning' ? 'learning' : status.phase;
}

export function inState(status: BrowseStatus, state: BrowseState): boolean {
  switch (state) {
    case 'new':
      return status.phase === 'new';
    case 'learning':
      return status.phase === 'learning' || status.phase === 'relearning';
    case 'review':
      return status.phase === 'review';
    case 'suspended':
      return status.suspended;
    case 'buried':
      return status.buried;
    case 'flagged':
      return status.flag !== null;
    case 'reported':
      return status.reported;
  }
}

function scheduled(status: BrowseStatus): number | null {
  return status.phase === null || status.phase === 'new' ? null : status.due;
}

function dueMatches(status: BrowseStatus, due: DueFilter, times: BrowseTimes): boolean {
  const at = scheduled(status);
  switch (due) {
    case 'any':
      return true;
    case 'unscheduled':
      return at === null;
    case 'today':
      return at !== null && at < times.dayEnd;
    case 'week':
      return at !== null && at < times.dayEnd + 6 * dayMs;
    case 'later':
      return at !== null && at >= times.dayEnd + 6 * dayMs;
  }
}

function difficultyMatches(status: BrowseStatus, difficulty: DifficultyFilter): boolean {
  if (difficulty === 'any') return true;
  const d = scheduled(status) === null ? null : status.difficulty;
  if (d === null) return false;
  if (difficulty === 'low') return d < 4;
  if (difficulty === 'high') return d > 7;
  return d >= 4 && d <= 7;
}

type Picked = { readonly entry: BrowseEntry; readonly status: BrowseStatus };

const stateOrder: Record<BrowseState | 'quiz', number> = {
  new: 0,
  learning: 1,
  review: 2,
  buried: 3,
  suspended: 4,
  flagged: 5,
  reported: 6,
  quiz: 7,
};

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rows without a value (unscheduled, no difficulty) sort after those with one. */
function byNumber(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}

function comparer(sort: BrowseSortKey): (a: Picked, b: Picked) => number {
  switch (sort) {
    case 'text':
    case 'kind':
    case 'topic':
      return (a, b) => a.entry.order[sort] - b.entry.order[sort];
    case 'state':
      return (a, b) => stateOrder[primaryState(a.status)] - stateOrder[primaryState(b.status)];
    case 'due':
      return (a, b) => byNumber(scheduled(a.status), scheduled(b.status));
    case 'difficulty':
      return (a, b) => byNumber(a.status.difficulty, b.status.difficulty);
  }
}
