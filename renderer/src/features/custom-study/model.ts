import {
  customStudyLimits,
  type CustomSession,
  type CustomSessionRequest,
  type CustomStudyOptions,
} from '../../../../shared/contract/custom-study.ts';
import type { QueuedCard } from '../../../../shared/contract/review.ts';
import { flagColours, isFlagColour } from '../../../../shared/engine/card-actions.ts';
import type { Rating } from '../flashcards/session.ts';

/** A custom session in progress: the cards still to show, first on screen, and what was done. */
export interface SessionRun {
  readonly title: string;
  readonly cram: boolean;
  readonly queue: readonly QueuedCard[];
  readonly total: number;
  /** Answers given, an Again in a cram included (it comes back at the end). */
  readonly answered: number;
  readonly again: number;
}

export function startRun(session: CustomSession): SessionRun {
  return {
    title: session.title,
    cram: session.cram,
    queue: session.cards,
    total: session.cards.length,
    answered: 0,
    again: 0,
  };
}

/**
 * The run after the card on screen is answered. In a cram an Again sends the card to the end, to
 * be seen again in this session (the schedule is not touched either way); in review ahead the
 * answer is a real review, which schedules the card, so it leaves the session.
 */
export function afterAnswer(run: SessionRun, rating: Rating): SessionRun {
  const [current, ...rest] = run.queue;
  if (!current) return run;
  const again = rating === 'again';
  return {
    ...run,
    queue: run.cram && again ? [...rest, current] : rest,
    answered: run.answered + 1,
    again: run.again + (again ? 1 : 0),
  };
}

/** Leaves out the card on screen (it changed elsewhere or was reported). */
export function skipCurrent(run: SessionRun): SessionRun {
  return { ...run, queue: run.queue.slice(1) };
}

export type Choice =
  | 'extra-new'
  | 'review-ahead'
  | 'cram-topic'
  | 'cram-pathway'
  | 'cram-flag'
  | 'cram-forgotten'
  | 'weak-topics';

export interface Draft {
  readonly choice: Choice;
  readonly extraNew: number;
  readonly aheadDays: number;
  readonly forgottenDays: number;
  readonly topicId: string;
  readonly pathwayId: string;
  readonly flag: string;
}

export const initialDraft: Draft = {
  choice: 'extra-new',
  extraNew: 10,
  aheadDays: 3,
  forgottenDays: 7,
  topicId: '',
  pathwayId: '',
  flag: '',
};

export const clamp = (n: number, max: number) =>
  Number.isFinite(n) ? Math.min(max, Math.max(1, Math.round(n))) : 1;

/** The session a draft asks for; undefined for extra new cards, which start no session. */
export function sessionRequest(
  draft: Draft,
  options: CustomStudyOptions,
): CustomSessionRequest | undefined {
  switch (draft.choice) {
    case 'extra-new':
      return undefined;
    case 'review-ahead':
      return { kind: 'review-ahead', days: clamp(draft.aheadDays, customStudyLimits.days) };
    case 'cram-topic':
      return { kind: 'cram-topic', topicId: draft.topicId || (options.topics[0]?.id ?? '') };
    case 'cram-pathway':
      return {
        kind: 'cram-pathway',
        pathwayId: draft.pathwayId || (options.pathways[0]?.id ?? ''),
      };
    case 'cram-flag': {
      const flag = draft.flag || options.flags[0]?.id;
      return { kind: 'cram-flag', flag: isFlagColour(flag) ? flag : flagColours[0] };
    }
    case 'cram-forgotten':
      return { kind: 'cram-forgotten', days: clamp(draft.forgottenDays, customStudyLimits.days) };
    case 'weak-topics':
      return { kind: 'weak-topics' };
  }
}
