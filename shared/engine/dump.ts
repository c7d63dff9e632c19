import type { Bank, DumpAnswer, DumpCard, DumpQuizItem, QuizItem } from './types.ts';

export function toDumpCards(bank: Bank): DumpCard[] {
  return bank.cards.map(({ id, kind, front, back, factIds }) => ({
    id,
    kind,
    front,
    back,
    factIds,
  }));
}

function answerOf(item: QuizItem): DumpAnswer {
  switch (item.kind) {
    case 'mcq':
    case 'perturbation':
    case 'context':
    case 'diagram-node':
    case 'diagram-edge':
    case 'which-study':
      return item.options.find((o) => o.correct)?.text ?? '';
    case 'true-false':
      return item.answer;
    case 'cloze':
      return { text: item.answer.text, accepted: item.answer.accepted };
    case 'matching':
      return item.answer.map((a) => ({
        left: item.left.find((l) => l.id === a.leftId)?.text ?? a.leftId,
        right: item.right.find((r) => r.id === a.rightId)?.text ?? a.rightId,
      }));
    case 'ordering':
      return item.answer.map((id) => item.steps.find((s) => s.id === id)?.text ?? id);
  }
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
    answer: answerOf(item),
    explanation: item.explanation,
    factIds: item.factIds,
    citations: item.citations,
  }));
}

/** Both, in the shape content:dump takes: `contentDump(pack, toDump(generateBank(pack, { seed })))`. */
export function toDump(bank: Bank): { cards: DumpCard[]; quiz: DumpQuizItem[] } {
  return { cards: toDumpCards(bank), quiz: toDumpQuiz(bank) };
}
