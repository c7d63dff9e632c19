// Zod-free on purpose, like quiz-limits.ts: the renderer's quiz setup form reads it at runtime.

/**
 * Question-bank pools, decided from the learner's quiz records: every item, never answered,
 * answered wrongly the last time, or marked. A pool narrows like any other filter.
 */
export const quizPools = ['all', 'unused', 'incorrect', 'marked'] as const;
export type QuizPool = (typeof quizPools)[number];
