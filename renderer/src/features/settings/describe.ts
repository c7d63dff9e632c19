import { plural } from '../../components/format.ts';

/** Record counts as `data.export`/`data.import` report them. */
export interface RecordCounts {
  readonly events: number;
  readonly quizSessions: number;
  readonly quizAnswers: number;
  readonly studySessions: number;
  readonly settings: number;
  readonly reports: number;
}

const nouns: readonly [keyof RecordCounts, string][] = [
  ['events', 'review event'],
  ['quizSessions', 'quiz session'],
  ['quizAnswers', 'quiz answer'],
  ['studySessions', 'study session'],
  ['settings', 'setting'],
  ['reports', 'report'],
];

export function totalRecords(counts: RecordCounts): number {
  return nouns.reduce((sum, [key]) => sum + counts[key], 0);
}

/** "12 reviews, 1 quiz session and 3 settings"; zero counts are left out. */
export function describeCounts(counts: RecordCounts): string {
  const parts = nouns
    .filter(([key]) => counts[key] > 0)
    .map(([key, noun]) => plural(counts[key], noun));
  if (parts.length === 0) return 'no records';
  if (parts.length === 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** What an import did, in one or two sentences. */
export function describeImport(added: RecordCounts, alreadyPresent: RecordCounts): string {
  const present = totalRecords(alreadyPresent);
  if (totalRecords(added) === 0) {
    return present > 0
      ? `Nothing new: all ${plural(present, 'record')} in this file were already here, so nothing was added.`
      : 'The file holds no progress records; nothing was added.';
  }
  const skipped =
    present > 0 ? ` ${plural(present, 'record')} were already here and were skipped.` : '';
  return `Added ${describeCounts(added)}.${skipped}`;
}
