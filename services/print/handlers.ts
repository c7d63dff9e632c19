import type { HandlerMap } from '../registry.ts';
import type { ReviewService } from '../review/review-service.ts';
import { cardSheets } from './card-sheets.ts';
import type { PrintExams } from './print-exam.ts';

type PrintChannels = 'print.exam' | 'print.cards';

/** Paper: an exam from the quiz builder, and the studied cards of some topics. */
export function printHandlers(
  exams: PrintExams,
  review: ReviewService,
): Pick<HandlerMap, PrintChannels> {
  return {
    'print.exam': (request) => exams.exam(request),
    'print.cards': ({ topics }) => cardSheets(review.catalog, topics),
  };
}
