import type { PublicQuizItem, QuizFeedback } from '../../../../../shared/contract/quiz.ts';
import { withheldUntilAnswered } from '../model/giveaway.ts';
import type { ResponseDraft } from '../model/responses.ts';
import { ChoiceQuestion } from './ChoiceQuestion.tsx';
import { ClozeQuestion } from './ClozeQuestion.tsx';
import { MatchingQuestion } from './MatchingQuestion.tsx';
import { OrderingQuestion } from './OrderingQuestion.tsx';
import { isSignValue } from '../../../../../shared/pack/edge-signs.ts';
import { QuizDiagram, type DiagramReveal } from './QuizDiagram.tsx';
import { TrueFalseQuestion } from './TrueFalseQuestion.tsx';

interface Props {
  readonly item: PublicQuizItem;
  readonly draft: ResponseDraft;
  readonly feedback: QuizFeedback | undefined;
  readonly locked: boolean;
  readonly promptId: string;
  readonly diagramCaption: string;
  readonly orderingCursor: string | undefined;
  readonly onChange: (draft: ResponseDraft) => void;
  readonly onOrderingCursor: (stepId: string | undefined) => void;
}

/** Said instead of a pathway title that would give the answer away. */
const withheldCaption =
  'Part of a pathway. Its title names one of the options, so it is shown once you answer.';

/** The answering part of a question, by kind. */
export function QuestionBody(props: Props) {
  const { item, draft, feedback, locked, promptId, onChange } = props;
  const common = { item, feedback, locked, promptId };
  switch (draft.kind) {
    case 'choice':
      return (
        <>
          {item.diagram && (
            <QuizDiagram
              diagram={item.diagram}
              caption={withheldUntilAnswered(
                props.diagramCaption,
                item,
                feedback !== undefined,
                withheldCaption,
              )}
              reveal={feedback ? reveal(item, feedback) : undefined}
            />
          )}
          <ChoiceQuestion {...common} draft={draft} onChange={onChange} />
        </>
      );
    case 'true-false':
      return <TrueFalseQuestion {...common} draft={draft} onChange={onChange} />;
    case 'text':
      return <ClozeQuestion {...common} draft={draft} onChange={onChange} />;
    case 'matching':
      return <MatchingQuestion {...common} draft={draft} onChange={onChange} />;
    case 'ordering':
      return (
        <OrderingQuestion
          {...common}
          draft={draft}
          onChange={onChange}
          cursor={props.orderingCursor}
          onCursor={props.onOrderingCursor}
        />
      );
  }
}

/** After feedback the drawing shows what was hidden: the node's name or the link's sign. */
function reveal(item: PublicQuizItem, feedback: QuizFeedback): DiagramReveal | undefined {
  const correct = feedback.options?.find((o) => o.correct);
  if (item.kind === 'diagram-node') return { hiddenLabel: feedback.expected };
  if (item.kind === 'diagram-edge' && isSignValue(correct?.id)) return { sign: correct.id };
  return undefined;
}
