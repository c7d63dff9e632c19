import type { PublicQuizItem } from '../../../../../shared/contract/quiz.ts';
import type { RequestOf } from '../../../../../shared/contract/index.ts';

/** A response as `quiz.answer` takes it. */
export type SentResponse = RequestOf<'quiz.answer'>['response'];

/** What the learner has put together for one item, before it is sent. */
export type ResponseDraft =
  | { readonly kind: 'choice'; readonly optionId: string | undefined }
  | { readonly kind: 'true-false'; readonly value: boolean | undefined }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'matching'; readonly pairs: Readonly<Record<string, string>> }
  | { readonly kind: 'ordering'; readonly order: readonly string[] };

export type ResponseKind = ResponseDraft['kind'];

/** An empty draft; an ordering starts in the order the steps were dealt. */
export function initialDraft(item: PublicQuizItem): ResponseDraft {
  const kind = item.response;
  switch (kind) {
    case 'choice':
      return { kind, optionId: undefined };
    case 'true-false':
      return { kind, value: undefined };
    case 'text':
      return { kind, text: '' };
    case 'matching':
      return { kind, pairs: {} };
    case 'ordering':
      return { kind, order: (item.steps ?? []).map((step) => step.id) };
  }
}

/** Longest typed answer the contract accepts. */
export const maxTextAnswer = 300;

/**
 * The response to send, or undefined while the draft cannot be sent: nothing chosen yet, or an
 * empty blank. A matching item may go with pairs missing (they score zero); the form says so.
 */
export function responseOf(draft: ResponseDraft): SentResponse | undefined {
  switch (draft.kind) {
    case 'choice':
      return draft.optionId === undefined
        ? undefined
        : { kind: 'choice', optionId: draft.optionId };
    case 'true-false':
      return draft.value === undefined ? undefined : { kind: 'true-false', value: draft.value };
    case 'text': {
      const text = draft.text.trim().slice(0, maxTextAnswer);
      return text ? { kind: 'text', text } : undefined;
    }
    case 'matching':
      return Object.keys(draft.pairs).length === 0
        ? undefined
        : { kind: 'matching', pairs: { ...draft.pairs } };
    case 'ordering':
      return draft.order.length === 0 ? undefined : { kind: 'ordering', order: [...draft.order] };
  }
}

/** The order with one step moved by `delta` places (clamped to the list). */
export function moveStep(order: readonly string[], id: string, delta: number): readonly string[] {
  const from = order.indexOf(id);
  if (from < 0) return order;
  const to = Math.min(order.length - 1, Math.max(0, from + delta));
  if (to === from) return order;
  const next = [...order];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

/** Pairs with one left entry set to a right entry, or cleared with ''. */
export function setPair(
  pairs: Readonly<Record<string, string>>,
  leftId: string,
  rightId: string,
): Readonly<Record<string, string>> {
  const rest = Object.entries(pairs).filter(([left]) => left !== leftId);
  return Object.fromEntries(rightId ? [...rest, [leftId, rightId]] : rest);
}
