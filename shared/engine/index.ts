/**
 * The study engine: pure, deterministic generators from a knowledge pack to flashcards and quiz
 * items, the checks that hold them to the pack, quiz assembly and grading.
 */
export { generateBank, generateQuiz, type BankOptions } from './bank.ts';
export { generateCards } from './cards.ts';
export { checkBank, coverageGaps, type CoverageGaps } from './check.ts';
export { toDump, toDumpCards, toDumpQuiz } from './dump.ts';
export { gradeAnswer, ResponseShapeError } from './grade.ts';
export { cascadeLevels, cascades, predictPerturbation, viewPathway } from './graph.ts';
export { answerKey, matchesAnswer } from './normalize.ts';
export { indexPack, PackIndexError, type PackIndex } from './pack-index.ts';
export {
  buildQuiz,
  MAX_QUIZ_ITEMS,
  QuizOptionsError,
  type BuiltQuiz,
  type QuizMode,
  type QuizOptions,
} from './quiz-builder.ts';
export { balanceShift } from './kinds/perturbation/balance.ts';
export { exactSupport, provablyFalse, refutationOf, supportOf } from './semantics.ts';
export type * from './types.ts';
export { quizKinds, violationRules } from './types.ts';
