import type { PublicQuizItem, QuizFeedback } from '../../../../../shared/contract/quiz.ts';
import type { ResponseDraft } from '../model/responses.ts';

/** What every item view takes: the item, the learner's draft, and the feedback once answered. */
export interface ItemViewProps<K extends ResponseDraft['kind']> {
  readonly item: PublicQuizItem;
  readonly draft: Extract<ResponseDraft, { kind: K }>;
  /** Practice mode, after answering. */
  readonly feedback: QuizFeedback | undefined;
  /** Answered or being sent: shown, still focusable, no longer changeable. */
  readonly locked: boolean;
  /** The id of the element holding the question's text. */
  readonly promptId: string;
  readonly onChange: (draft: Extract<ResponseDraft, { kind: K }>) => void;
}
