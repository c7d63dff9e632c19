import { defineCommands, isMacPlatform, shortcutLabel } from '../../commands/registry.ts';
import { ratingLabels, ratings, type Rating } from './session.ts';

export interface FlashcardsContext {
  readonly canReveal: boolean;
  readonly canRate: boolean;
  readonly canUndo: boolean;
  readonly reveal: () => void;
  readonly rate: (rating: Rating) => void;
  readonly undo: () => void;
}

/** Keys 1–4 rate, as in Anki; the same order as the buttons, left to right. */
export const ratingKeys: Record<Rating, string> = { again: '1', hard: '2', good: '3', easy: '4' };

/** Every flashcard action, dispatched alike by its button and its keys. */
export const flashcardCommands = defineCommands<FlashcardsContext>([
  {
    id: 'flashcards.reveal',
    label: 'Show answer',
    bindings: [{ keys: [' ', 'Enter'] }],
    enabled: (ctx) => ctx.canReveal,
    perform: (ctx) => ctx.reveal(),
  },
  ...ratings.map((rating) => ({
    id: `flashcards.rate.${rating}`,
    label: ratingLabels[rating],
    bindings: [{ keys: [ratingKeys[rating]] }],
    enabled: (ctx: FlashcardsContext) => ctx.canRate,
    perform: (ctx: FlashcardsContext) => ctx.rate(rating),
  })),
  {
    id: 'flashcards.undo',
    label: 'Undo',
    bindings: [{ keys: ['z'], mod: true, shift: false }],
    enabled: (ctx) => ctx.canUndo,
    perform: (ctx) => ctx.undo(),
  },
]);

/** The key hint a button shows for a command ("Space", "3", "Ctrl+Z"). */
export function shortcutFor(id: string, isMac: boolean = isMacPlatform()): string {
  return shortcutLabel(flashcardCommands.find((c) => c.id === id)?.bindings[0], isMac);
}
