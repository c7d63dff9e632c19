import type { QuizFilter, QuizMode } from '../../shared/contract/quiz.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import { buildQuiz, QuizOptionsError } from '../../shared/engine/quiz-builder.ts';
import type { Bank, QuizItem } from '../../shared/engine/types.ts';
import type { Pack } from '../../shared/pack/schema.ts';

export interface ItemSource {
  readonly bank: Bank;
  readonly pack: Pack;
  /** Ids of items the learner reported: left out of every selection made from now on. */
  readonly hidden?: () => ReadonlySet<string>;
}

/**
 * The items of a quiz, or of a printed exam, as the engine's quiz builder chooses them from the
 * bank without the reported items, and only from `admits` (a question-bank pool) when given; a
 * filter the pack cannot meet is the caller's mistake.
 */
export function selectQuizItems(
  source: ItemSource,
  request: QuizFilter & { readonly mode: QuizMode; readonly count: number },
  seed: string,
  admits?: (item: QuizItem) => boolean,
): { selected: readonly QuizItem[]; available: number } {
  const hidden = source.hidden?.() ?? new Set<string>();
  const { bank } = source;
  const visible =
    hidden.size === 0 && admits === undefined
      ? bank
      : {
          ...bank,
          quiz: bank.quiz.filter((item) => !hidden.has(item.id) && (admits?.(item) ?? true)),
        };
  try {
    const built = buildQuiz(visible, source.pack, {
      mode: request.mode,
      count: request.count,
      seed,
      ...(request.kinds ? { kinds: request.kinds } : {}),
      ...(request.topics ? { topics: request.topics } : {}),
      ...(request.pathwayIds ? { pathwayIds: request.pathwayIds } : {}),
      ...(request.diseaseIds ? { diseaseIds: request.diseaseIds } : {}),
      ...(request.highYieldOnly ? { highYieldOnly: true } : {}),
    });
    return { selected: built.items, available: built.available };
  } catch (error) {
    if (error instanceof QuizOptionsError)
      throw new ContractError('invalid-request', error.message);
    throw error;
  }
}
