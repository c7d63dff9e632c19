import type { QuizKind } from '../../shared/engine/types.ts';

/** How the quiz screen names and explains each kind of question. */
export const quizKindInfo: Record<QuizKind, { label: string; description: string }> = {
  mcq: { label: 'Single best answer', description: 'Four options; exactly one is right.' },
  'true-false': {
    label: 'True or false',
    description: 'A statement from the sources, or one corrupted so the pack proves it false.',
  },
  cloze: {
    label: 'Fill in the blank',
    description: 'Type the missing term; synonyms and spellings such as "il32 gamma" count.',
  },
  matching: { label: 'Matching', description: 'Pair each item on the left with one on the right.' },
  ordering: { label: 'Put in order', description: 'Order the steps of a cascade, upstream first.' },
  perturbation: {
    label: 'Predict the effect',
    description: 'If one node is raised or blocked, what happens downstream?',
  },
  context: { label: 'Context', description: 'Local or systemic? Which finding in which disease?' },
  'diagram-node': {
    label: 'Hidden node',
    description: 'Name the node missing from a pathway diagram.',
  },
  'diagram-edge': { label: 'Edge sign', description: 'Does one node raise or lower the next?' },
  'which-study': {
    label: 'Which study',
    description: 'Where sources disagree: which study reported what?',
  },
};
