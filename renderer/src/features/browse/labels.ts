import type { BrowseDetail, BrowseList } from '../../../../shared/contract/browse.ts';
import { primaryState } from '../../../../shared/engine/browse.ts';
import { flagNames, type FlagColour } from '../../../../shared/engine/card-actions.ts';

type Row = BrowseList['rows'][number];
type HistoryEvent = BrowseDetail['events'][number];

export const stateLabels = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  suspended: 'Suspended',
  buried: 'Buried',
  flagged: 'Flagged',
  reported: 'Reported',
  quiz: 'Quiz item',
} as const;

export const flagLabels: Record<FlagColour, string> = flagNames;

export const dueLabels = {
  any: 'Any time',
  today: 'Due today',
  week: 'Due within a week',
  later: 'Due later',
  unscheduled: 'Not scheduled',
} as const;

export const difficultyLabels = {
  any: 'Any',
  low: 'Low (below 4)',
  medium: 'Medium (4–7)',
  high: 'High (above 7)',
} as const;

export function rowState(row: Row): string {
  return stateLabels[primaryState(row)];
}

export function dueText(row: Row, now: number): string {
  if (row.phase === null || row.phase === 'new' || row.due === null) return '—';
  const days = Math.round((row.due - now) / 86_400_000);
  if (days <= 0) return row.due <= now ? 'Now' : 'Today';
  return days === 1 ? 'Tomorrow' : `In ${days} days`;
}

const ratingWords = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' } as const;

export function eventText(event: HistoryEvent): string {
  switch (event.kind) {
    case 'rating':
      return `Rated ${ratingWords[event.rating ?? 'good']}`;
    case 'undo':
      return 'Undid a rating';
    case 'cram':
      return `Crammed: ${ratingWords[event.rating ?? 'good']}, schedule unchanged`;
    case 'suspend':
      return 'Suspended';
    case 'unsuspend':
      return 'Unsuspended';
    case 'bury':
      return 'Buried until the next day';
    case 'flag':
      return `Flagged ${flagLabels[event.flag ?? 'red'].toLowerCase()}`;
    case 'unflag':
      return 'Unflagged';
    case 'forget':
      return 'Forgotten: back to new';
  }
}
