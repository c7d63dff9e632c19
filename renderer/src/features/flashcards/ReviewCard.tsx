import { cardKindLabels, type QueuedCard } from '../../../../shared/contract/review.ts';
import { ReportProblem } from '../reports/ReportProblem.tsx';
import { CardSource } from './CardSource.tsx';

const queueLabels: Record<QueuedCard['queue'], string> = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
};

const blank = /_{3,}/;

/** A cloze front; once revealed, the gap shows the answer, marked. */
function Front({ text, answer, revealed }: { text: string; answer: string; revealed: boolean }) {
  const match = blank.exec(text);
  if (!match) return <>{text}</>;
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match[0].length);
  return (
    <>
      {before}
      {revealed ? (
        <mark className="fc-cloze">{answer}</mark>
      ) : (
        <span className="fc-blank">
          <span aria-hidden="true">{match[0]}</span>
          <span className="visually-hidden">blank</span>
        </span>
      )}
      {after}
    </>
  );
}

interface Props {
  readonly item: QueuedCard;
  readonly revealed: boolean;
  /** Id of the front's text, so "Show answer" can name the question it reveals. */
  readonly frontId: string;
  /** After the learner reports this card: it is hidden, so the screen moves on. */
  readonly onReported?: () => void;
}

/** One flashcard: question, then (revealed) the answer, its note and its sources. */
export function ReviewCard({ item, revealed, frontId, onReported }: Props) {
  const { card } = item;
  return (
    <article
      className={`panel fc-card${revealed ? ' is-revealed' : ''}`}
      aria-labelledby={frontId}
      data-card-id={card.id}
      data-side={revealed ? 'back' : 'front'}
    >
      <div className="fc-card-meta">
        <span className={`badge queue-${item.queue}`}>{queueLabels[item.queue]}</span>
        {card.highYield && <span className="badge badge-highyield">High-yield</span>}
        <span className="muted small">{cardKindLabels[card.kind]}</span>
      </div>
      <p id={frontId} className="fc-front">
        <Front text={card.front} answer={card.back} revealed={revealed} />
      </p>
      <div className="fc-back" aria-live="polite">
        {revealed && (
          <>
            <p className="fc-answer">
              <span className="visually-hidden">Answer: </span>
              {card.back}
            </p>
            {card.note && <p className="fc-note muted">{card.note}</p>}
          </>
        )}
      </div>
      {revealed && <CardSource card={card} />}
      <ReportProblem target="card" id={card.id} onReported={onReported} />
    </article>
  );
}
