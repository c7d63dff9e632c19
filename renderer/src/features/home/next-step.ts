import type { NextStep } from '../../../../shared/contract/progress.ts';
import { formatDueAt, percent, plural } from '../../components/format.ts';

/** Most pressing first: what fades fastest, then what is due, then new material, then practice. */
const priority: Record<NextStep['kind'], number> = {
  'learning-due': 0,
  'reviews-due': 1,
  'new-cards': 2,
  'weak-topic': 3,
  'caught-up': 4,
};

export function primaryStep(steps: readonly NextStep[]): NextStep | undefined {
  let best: NextStep | undefined;
  for (const step of steps) if (!best || priority[step.kind] < priority[best.kind]) best = step;
  return best;
}

export interface PrimaryAction {
  readonly kind: NextStep['kind'] | 'nothing';
  /** The button's text, which is also its accessible name. */
  readonly label: string;
  /** A hash route. */
  readonly href: string;
  /** One sentence on why this comes next. */
  readonly detail: string;
}

function caughtUpSentence(steps: readonly NextStep[], now: Date): string {
  const caughtUp = steps.find((step) => step.kind === 'caught-up');
  if (caughtUp?.kind !== 'caught-up') return 'You are caught up on flashcards.';
  return caughtUp.nextDueAt
    ? `You are caught up on flashcards; the next card is due ${formatDueAt(caughtUp.nextDueAt, now)}.`
    : 'You are caught up on flashcards; no card is scheduled yet.';
}

/** The one thing Home offers to do next, from `progress.summary().nextSteps`. */
export function primaryAction(steps: readonly NextStep[], now: Date = new Date()): PrimaryAction {
  const step = primaryStep(steps);
  if (!step) {
    return {
      kind: 'nothing',
      label: 'Open flashcards',
      href: '#/flashcards',
      detail: 'There is nothing to suggest yet.',
    };
  }
  switch (step.kind) {
    case 'learning-due':
      return {
        kind: step.kind,
        label: `Continue learning: ${plural(step.count, 'card')}`,
        href: '#/flashcards',
        detail: 'Cards you are still learning are due now; they fade fastest.',
      };
    case 'reviews-due':
      return {
        kind: step.kind,
        label: `Review ${plural(step.count, 'due card')}`,
        href: '#/flashcards',
        detail: 'Reviewing cards on the day they come due keeps them at your target retention.',
      };
    case 'new-cards':
      return {
        kind: step.kind,
        label: `Learn ${plural(step.count, 'new card')}`,
        href: '#/flashcards',
        detail:
          'Today’s new cards come in teaching order: each entity before the facts that use it.',
      };
    case 'weak-topic':
      return {
        kind: step.kind,
        label: `Quiz on ${step.title}`,
        href: `#/quiz?topic=${encodeURIComponent(step.topicId)}`,
        detail: `${caughtUpSentence(steps, now)} Your weakest topic is at ${percent(step.mastery)} mastery; a quiz on it helps most now.`,
      };
    case 'caught-up':
      return {
        kind: step.kind,
        label: 'Take a practice quiz',
        href: '#/quiz',
        detail: caughtUpSentence(steps, now),
      };
  }
}
