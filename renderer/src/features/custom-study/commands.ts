import { defineCommands, isMacPlatform, shortcutLabel } from '../../commands/registry.ts';
import { ratingKeys } from '../flashcards/commands.ts';
import { ratingLabels, ratings, type Rating } from '../flashcards/session.ts';

export interface CustomSessionContext {
  readonly canReveal: boolean;
  readonly canRate: boolean;
  readonly reveal: () => void;
  readonly rate: (rating: Rating) => void;
}

/** The same keys as Flashcards: Space or Enter shows the answer, 1–4 rate. */
export const customSessionCommands = defineCommands<CustomSessionContext>([
  {
    id: 'custom.reveal',
    label: 'Show answer',
    bindings: [{ keys: [' ', 'Enter'] }],
    enabled: (ctx) => ctx.canReveal,
    perform: (ctx) => ctx.reveal(),
  },
  ...ratings.map((rating) => ({
    id: `custom.rate.${rating}`,
    label: ratingLabels[rating],
    bindings: [{ keys: [ratingKeys[rating]] }],
    enabled: (ctx: CustomSessionContext) => ctx.canRate,
    perform: (ctx: CustomSessionContext) => ctx.rate(rating),
  })),
]);

export function customShortcut(id: string, isMac: boolean = isMacPlatform()): string {
  return shortcutLabel(customSessionCommands.find((c) => c.id === id)?.bindings[0], isMac);
}
