// Zod-free on purpose: the renderer's quiz setup form reads these at runtime.

/** The most questions one quiz may hold. */
export const maxQuizQuestions = 100;
/** The longest exam time limit, in minutes. */
export const maxTimeLimitMinutes = 240;
