import { defineCommands, type Command } from '../../commands/registry.ts';
import type { ResponseKind } from './model/responses.ts';
import { optionIndexForKey, optionKeys, trueFalseChoices } from './model/keys.ts';

/** What the runner's commands read and do; built by the runner from its store each render. */
export interface QuizCommandContext {
  /** How the current item is answered, or undefined between items. */
  readonly responseKind: ResponseKind | undefined;
  readonly optionCount: number;
  /** Answered (or being sent): the response can no longer change. */
  readonly locked: boolean;
  readonly canSubmit: boolean;
  /** Practice feedback is on screen: Enter moves on. */
  readonly hasFeedback: boolean;
  readonly canSkip: boolean;
  /** Ordering: the step whose row has focus. */
  readonly orderingCursor: string | undefined;
  readonly choose: (index: number) => void;
  readonly chooseTruth: (value: boolean) => void;
  readonly submit: () => void;
  readonly next: () => void;
  readonly skip: () => void;
  readonly toggleMark: () => void;
  /** Exam mode: the previous and next questions can be shown (going back). */
  readonly canGoBack: boolean;
  readonly canGoForward: boolean;
  readonly goBy: (delta: -1 | 1) => void;
  readonly moveCursor: (delta: -1 | 1) => void;
  readonly focusStep: (delta: -1 | 1) => void;
}

const chooseOption = (key: string): Command<QuizCommandContext> => ({
  id: `choose-${key}`,
  label: `Choose option ${key}`,
  bindings: [{ keys: [key] }],
  enabled: (ctx) =>
    ctx.responseKind === 'choice' &&
    !ctx.locked &&
    optionIndexForKey(key, ctx.optionCount) !== undefined,
  perform: (ctx) => {
    const index = optionIndexForKey(key, ctx.optionCount);
    if (index !== undefined) ctx.choose(index);
  },
});

const answerTruth = (
  choice: (typeof trueFalseChoices)[number],
  index: number,
): Command<QuizCommandContext> => ({
  id: `answer-${choice.label.toLowerCase()}`,
  label: choice.label,
  bindings: [{ keys: [String(index + 1)] }, { keys: [choice.letter.toLowerCase()] }],
  enabled: (ctx) => ctx.responseKind === 'true-false' && !ctx.locked,
  perform: (ctx) => ctx.chooseTruth(choice.value),
});

/**
 * The quiz runner's keyboard: 1–5, T/F, Enter, S, M, [ and ] (exam), ↑/↓ and Alt+↑/↓. Buttons do
 * the same.
 */
export const quizCommands = defineCommands<QuizCommandContext>([
  ...optionKeys.map(chooseOption),
  ...trueFalseChoices.map(answerTruth),
  {
    // Enter works from the blank too, so a typed answer is sent without reaching for the mouse.
    id: 'submit-or-next',
    label: 'Submit, then next question',
    bindings: [{ keys: ['Enter'], inTextField: true }],
    enabled: (ctx) => ctx.hasFeedback || ctx.canSubmit,
    perform: (ctx) => (ctx.hasFeedback ? ctx.next() : ctx.submit()),
  },
  {
    id: 'skip',
    label: 'Skip for now',
    bindings: [{ keys: ['s'] }],
    enabled: (ctx) => ctx.canSkip,
    perform: (ctx) => ctx.skip(),
  },
  {
    id: 'mark',
    label: 'Mark or unmark this question',
    bindings: [{ keys: ['m'] }],
    enabled: (ctx) => ctx.responseKind !== undefined,
    perform: (ctx) => ctx.toggleMark(),
  },
  {
    id: 'previous-question',
    label: 'Previous question',
    bindings: [{ keys: ['['] }],
    enabled: (ctx) => ctx.canGoBack,
    perform: (ctx) => ctx.goBy(-1),
  },
  {
    id: 'next-question',
    label: 'Next question',
    bindings: [{ keys: [']'] }],
    enabled: (ctx) => ctx.canGoForward,
    perform: (ctx) => ctx.goBy(1),
  },
  {
    id: 'move-step-up',
    label: 'Move step up',
    bindings: [{ keys: ['ArrowUp'], alt: true }],
    enabled: (ctx) => ctx.responseKind === 'ordering' && !ctx.locked && !!ctx.orderingCursor,
    perform: (ctx) => ctx.moveCursor(-1),
  },
  {
    id: 'move-step-down',
    label: 'Move step down',
    bindings: [{ keys: ['ArrowDown'], alt: true }],
    enabled: (ctx) => ctx.responseKind === 'ordering' && !ctx.locked && !!ctx.orderingCursor,
    perform: (ctx) => ctx.moveCursor(1),
  },
  {
    id: 'previous-step',
    label: 'Go to the step above',
    bindings: [{ keys: ['ArrowUp'] }],
    enabled: (ctx) => ctx.responseKind === 'ordering' && !!ctx.orderingCursor,
    perform: (ctx) => ctx.focusStep(-1),
  },
  {
    id: 'next-step',
    label: 'Go to the step below',
    bindings: [{ keys: ['ArrowDown'] }],
    enabled: (ctx) => ctx.responseKind === 'ordering' && !!ctx.orderingCursor,
    perform: (ctx) => ctx.focusStep(1),
  },
]);
