import type { QuizPool } from '../../shared/contract/quiz.ts';

/** What the learner's quiz records say about the bank's items. */
export interface QuizRecordFacts {
  /** Per item answered at least once: whether its latest answer counts right. */
  readonly latest: ReadonlyMap<string, boolean>;
  /** Items the learner marked. */
  readonly marked: ReadonlySet<string>;
}

/**
 * Whether an item belongs to a question-bank pool: "unused" was never answered, "incorrect" was
 * answered wrongly the last time (a later right answer, or an "I was right", takes it out),
 * "marked" is marked now, "all" is every item.
 */
export function inPool(pool: QuizPool, itemId: string, facts: QuizRecordFacts): boolean {
  switch (pool) {
    case 'all':
      return true;
    case 'unused':
      return !facts.latest.has(itemId);
    case 'incorrect':
      return facts.latest.get(itemId) === false;
    case 'marked':
      return facts.marked.has(itemId);
  }
}
