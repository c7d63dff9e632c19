import type { HandlerMap } from '../registry.ts';
import type { QuizService } from './quiz-service.ts';

type QuizChannels =
  | 'quiz.options'
  | 'quiz.count'
  | 'quiz.start'
  | 'quiz.answer'
  | 'quiz.claimRight'
  | 'quiz.finish'
  | 'quiz.history'
  | 'quiz.unfinished'
  | 'quiz.mark';

export function quizHandlers(quiz: QuizService): Pick<HandlerMap, QuizChannels> {
  return {
    'quiz.options': () => quiz.options(),
    'quiz.count': (request) => quiz.count(request),
    'quiz.start': (request) => quiz.start(request),
    'quiz.answer': (request) => quiz.answer(request),
    'quiz.claimRight': (request) => quiz.claimRight(request),
    'quiz.finish': (request) => quiz.finish(request),
    'quiz.history': (request) => quiz.history(request),
    'quiz.unfinished': () => quiz.unfinished(),
    'quiz.mark': (request) => quiz.mark(request),
  };
}
