import type { QueueCounts } from '../../../../shared/contract/review.ts';
import { formatDueAt, plural } from '../../components/format.ts';

export type Rating = 'again' | 'hard' | 'good' | 'easy';
export const ratings: readonly Rating[] = ['again', 'hard', 'good', 'easy'];

export const ratingLabels: Record<Rating, string> = {
  again: 'Again',
  hard: 'Hard',
  good: 'Good',
  easy: 'Easy',
};

/**
 * Time on a card counts up to a minute, as in Anki: a learner who walks away mid-card should not
 * log an hour of study.
 */
export const maxAnswerMs = 60_000;

export interface Answered {
  readonly cardId: string;
  readonly rating: Rating;
  readonly durationMs: number;
}

/** One sitting at the Flashcards screen: what was answered, in order (undo pops the last). */
export interface Session {
  readonly answered: readonly Answered[];
}

export const emptySession: Session = { answered: [] };

export function answerDuration(shownAt: number, now: number): number {
  return Math.max(0, Math.min(maxAnswerMs, Math.round(now - shownAt)));
}

export function withAnswer(session: Session, answer: Answered): Session {
  return { answered: [...session.answered, answer] };
}

/** Drops the last answer of this card, if the undo took back one given in this session. */
export function withoutLast(session: Session, cardId: string): Session {
  const last = session.answered.at(-1);
  if (last?.cardId !== cardId) return session;
  return { answered: session.answered.slice(0, -1) };
}

export interface SessionSummary {
  readonly reviewed: number;
  readonly again: number;
  /** Share answered Again, 0–1 (0 with nothing answered). */
  readonly againRate: number;
  readonly studyMs: number;
}

export function summarise(session: Session): SessionSummary {
  const reviewed = session.answered.length;
  const again = session.answered.filter((a) => a.rating === 'again').length;
  const studyMs = session.answered.reduce((sum, a) => sum + a.durationMs, 0);
  return { reviewed, again, againRate: reviewed === 0 ? 0 : again / reviewed, studyMs };
}

/** Cards still to do today, as the queue counts them. */
export function remaining(counts: QueueCounts | undefined): number {
  return counts ? counts.new + counts.learning + counts.review : 0;
}

/** What comes next once today's queue is empty. */
export function nextSentence(
  counts: QueueCounts | undefined,
  nextDueAt: string | null,
  now: Date = new Date(),
): string {
  const parts: string[] = [];
  parts.push(
    nextDueAt
      ? `The next card is due ${formatDueAt(nextDueAt, now)}.`
      : 'No card is scheduled yet.',
  );
  if (counts && counts.new === 0 && counts.unseen > 0 && counts.introducedToday > 0) {
    parts.push(
      `Today’s ${plural(counts.introducedToday, 'new card')} are done; ${counts.unseen} more wait for the coming days (the daily limit is in Settings).`,
    );
  }
  return parts.join(' ');
}
