import { ContractError } from '../../shared/contract/errors.ts';
import type { PrintExam, PrintExamRequest } from '../../shared/contract/print.ts';
import { printableKinds, printedKinds } from '../../shared/engine/print-kinds.ts';
import { expectedAnswer, itemFeedback, publicItems } from '../quiz/item-views.ts';
import { selectQuizItems, type ItemSource } from '../quiz/select-items.ts';
import { unanswered } from '../quiz/stored-answer.ts';

/**
 * Practice exams for paper, chosen by the same builder as a quiz (filters, count, seed), from the
 * kinds paper can ask (engine/print-kinds.ts), each question as the quiz shows it before an answer
 * and with the key, explanation and sources it shows after one. Nothing is recorded: a printed
 * exam is not a quiz taken.
 */
export class PrintExams {
  readonly #source: ItemSource;
  readonly #public: ReturnType<typeof publicItems>;

  constructor(source: ItemSource) {
    this.#source = source;
    this.#public = publicItems(source.pack);
  }

  exam(request: PrintExamRequest): PrintExam {
    const unprintable = (request.kinds ?? []).filter((kind) => !printedKinds[kind].printed);
    if (unprintable.length > 0) {
      throw new ContractError(
        'invalid-request',
        `These kinds cannot be printed: ${unprintable.join(', ')}.`,
      );
    }
    const kinds = request.kinds ?? [...printableKinds];
    // The seed is the learner's own number; the prefix keeps printed exams apart from quizzes.
    const built = selectQuizItems(
      this.#source,
      { ...request, kinds, mode: 'exam' },
      `print:${request.seed}`,
    );
    if (built.selected.length === 0) {
      throw new ContractError('not-found', 'No questions match these choices. Widen them.');
    }
    return {
      seed: request.seed,
      available: built.available,
      shortfall: Math.max(0, request.count - built.selected.length),
      questions: built.selected.map((item) => ({
        item: this.#public(item),
        key: {
          ...itemFeedback(item, unanswered(item, expectedAnswer(item)), false),
          claimable: false,
        },
      })),
    };
  }
}
