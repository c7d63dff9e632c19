import type { AppServices } from '../app-services.ts';
import type { HandlerMap } from './registry.ts';

type QuizChannels =
  | 'quiz.options'
  | 'quiz.count'
  | 'quiz.start'
  | 'quiz.answer'
  | 'quiz.claimRight'
  | 'quiz.finish'
  | 'quiz.history'
  | 'quiz.unfinished'
  | 'bank.cards';

export function quizHandlers(services: AppServices): Pick<HandlerMap, QuizChannels> {
  return {
    'quiz.options': () => services.quiz.options(),
    'quiz.count': (request) => services.quiz.count(request),
    'quiz.start': (request) => services.quiz.start(request),
    'quiz.answer': (request) => services.quiz.answer(request),
    'quiz.claimRight': (request) => services.quiz.claimRight(request),
    'quiz.finish': (request) => services.quiz.finish(request),
    'quiz.history': (request) => services.quiz.history(request),
    'quiz.unfinished': () => services.quiz.unfinished(),
    'bank.cards': ({ factIds }) =>
      services.review.catalog.cardsForFacts(factIds).map((card) => ({
        id: card.id,
        kind: card.kind,
        front: card.front,
        back: card.back,
        factIds: [...card.factIds],
        topic: card.topic,
      })),
  };
}
