import { quizKinds, type QuizKind } from './quiz-types.ts';

export interface PrintedKind {
  /** Whether a practice exam on paper asks items of this kind. */
  readonly printed: boolean;
  /** How it appears on paper, or why it is left out; the print screen shows this sentence. */
  readonly how: string;
}

/**
 * How each quiz kind is asked on paper: the one table the print service and the print screen
 * both read. A kind that needs its drawing is printed with it; a kind with no paper form is left
 * out of printed exams rather than printed without what it needs.
 */
export const printedKinds: Readonly<Record<QuizKind, PrintedKind>> = {
  mcq: { printed: true, how: 'Options lettered A, B, C…; circle one.' },
  'true-false': { printed: true, how: 'Circle True or False.' },
  cloze: { printed: true, how: 'Write the missing term on the line.' },
  perturbation: { printed: true, how: 'Options lettered; circle one.' },
  context: { printed: true, how: 'Options lettered; circle one.' },
  'which-study': { printed: true, how: 'Options lettered; circle one.' },
  'diagram-node': {
    printed: true,
    how: 'Printed with its pathway drawing, the hidden node marked “?”; options lettered.',
  },
  'diagram-edge': {
    printed: true,
    how: 'Printed with its pathway drawing, the hidden link marked; options lettered.',
  },
  matching: {
    printed: false,
    how: 'Left out: switched off in the app after an audit, and paper has no form for it yet.',
  },
  ordering: {
    printed: false,
    how: 'Left out: switched off in the app after an audit, and paper has no form for it yet.',
  },
};

export const printableKinds: readonly QuizKind[] = quizKinds.filter(
  (kind) => printedKinds[kind].printed,
);
