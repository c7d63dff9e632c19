import type { QuizScheduleEffect } from '../../../../../shared/contract/quiz.ts';

const cards = (n: number) => (n === 1 ? '1 card' : `${n} cards`);

/** What an answer did to the flashcard schedule, in words; empty when it did nothing. */
export function scheduleSentences(effect: QuizScheduleEffect): string[] {
  return [
    ...(effect.relearning > 0
      ? [`This also moved ${cards(effect.relearning)} back to learning.`]
      : []),
    ...(effect.reviewed > 0
      ? [`It also counted as the review of ${cards(effect.reviewed)} due today.`]
      : []),
    ...(effect.restored > 0
      ? [
          `${cards(effect.restored)} sent back to learning by this answer ${effect.restored === 1 ? 'is' : 'are'} restored.`,
        ]
      : []),
  ];
}

/** Practice feedback: the quiz–schedule link, shown, with the way to the cards it moved. */
export function ScheduleNote({ effect }: { readonly effect: QuizScheduleEffect | undefined }) {
  const sentences = effect ? scheduleSentences(effect) : [];
  if (sentences.length === 0) return null;
  return (
    <p className="qz-schedule-note">
      {sentences.join(' ')} <a href="#/flashcards">Open Flashcards</a>
    </p>
  );
}
