import { kinds } from './kinds/index.ts';
import type { Bank, DumpCard, DumpQuizItem } from './types.ts';

export function toDumpCards(bank: Bank): DumpCard[] {
  return bank.cards.map(({ id, kind, front, back, factIds }) => ({
    id,
    kind,
    front,
    back,
    factIds,
  }));
}

/** Quiz items as `content:dump` shows them (answer shapes per kind: see DumpAnswer). */
export function toDumpQuiz(bank: Bank): DumpQuizItem[] {
  return bank.quiz.map((item) => ({
    id: item.id,
    kind: item.kind,
    prompt: item.prompt,
    ...('options' in item
      ? { options: item.options.map(({ text, correct }) => ({ text, correct })) }
      : {}),
    answer: kinds[item.kind].dumpAnswer(item),
    explanation: item.explanation,
    factIds: item.factIds,
    citations: item.citations,
  }));
}

/** Both, in the shape content:dump takes: `contentDump(pack, toDump(generateBank(pack, { seed })))`. */
export function toDump(bank: Bank): { cards: DumpCard[]; quiz: DumpQuizItem[] } {
  return { cards: toDumpCards(bank), quiz: toDumpQuiz(bank) };
}
