import type { PublicQuizItem, QuizFeedback } from '../../../../../shared/contract/quiz.ts';
import { Citations } from '../../../components/Citations.tsx';
import { ReportProblem } from '../../reports/ReportProblem.tsx';
import { feedbackLead } from '../model/explanation.ts';
import { formatPercent, verdictOf } from '../model/results.ts';
import { Explanation, sourceFactHref } from './Explanation.tsx';

export interface PathwayRef {
  readonly id: string;
  readonly label: string;
}

const verdictText = {
  correct: { icon: '✓', text: 'Correct' },
  partial: { icon: '◐', text: 'Partly right' },
  wrong: { icon: '✗', text: 'Not quite' },
  unanswered: { icon: '–', text: 'Not answered' },
} as const;

/**
 * What a learner sees about an answered question: the verdict, the expected answer, why, the
 * explanation, its sources, and links to the facts (Source) and the pathway it is drawn on.
 */
export function AnswerReview({
  item,
  feedback,
  answered,
  yourAnswer,
  pathway,
  headingLevel = 3,
  title,
}: {
  readonly item: PublicQuizItem;
  readonly feedback: QuizFeedback;
  readonly answered: boolean;
  /** Results only: the learner's answer in words (the runner shows it in place). */
  readonly yourAnswer?: string;
  readonly pathway: PathwayRef | undefined;
  readonly headingLevel?: 3 | 4;
  /** Replaces the verdict as the heading (results list the question there). */
  readonly title?: string;
}) {
  const verdict = verdictOf({ answered, feedback });
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const lead =
    item.kind === 'matching' || item.kind === 'ordering'
      ? feedbackLead(feedback.feedback, feedback.explanation)
      : '';
  const pairs = feedback.correctPairs;
  return (
    <div className={`qz-review qz-review-${verdict}`}>
      <Heading className="qz-verdict">
        <span className="qz-verdict-icon" aria-hidden="true">
          {verdictText[verdict].icon}
        </span>{' '}
        {title ?? verdictText[verdict].text}
        {!title && verdict === 'partial' && ` — ${formatPercent(feedback.score)}`}
      </Heading>
      {title && (
        <p className="qz-verdict-line">
          {verdictText[verdict].text}
          {verdict === 'partial' && ` (${formatPercent(feedback.score)})`}
        </p>
      )}
      {feedback.claimedRight && (
        <p className="qz-claimed">
          Counted as right: you said your answer was right. The expected answer is below.
        </p>
      )}
      {lead && <p>{lead}</p>}
      <dl className="qz-answer-lines">
        {yourAnswer !== undefined && (
          <div>
            <dt>Your answer</dt>
            <dd>{yourAnswer}</dd>
          </div>
        )}
        <div>
          <dt>{item.kind === 'matching' ? 'Pairs' : 'Answer'}</dt>
          <dd>
            {pairs && item.matching ? (
              <ul className="qz-pairs-expected">
                {item.matching.left.map((left) => (
                  <li key={left.id}>
                    {left.text} — {item.matching?.right.find((r) => r.id === pairs[left.id])?.text}
                  </li>
                ))}
              </ul>
            ) : (
              <strong>{feedback.expected}</strong>
            )}
          </dd>
        </div>
      </dl>
      <Explanation text={feedback.explanation} />
      {feedback.citations.length > 0 && (
        <div className="qz-sources">
          <Heading className="qz-subhead">Sources</Heading>
          <Citations citations={feedback.citations} />
        </div>
      )}
      <p className="qz-links">
        <span>Facts in Source: </span>
        {feedback.factIds.map((factId, index) => (
          <span key={factId}>
            {index > 0 && ', '}
            <a href={sourceFactHref(factId)}>{factId}</a>
          </span>
        ))}
        {pathway && (
          <>
            <span aria-hidden="true"> · </span>
            <a href={`#/pathways/${encodeURIComponent(pathway.id)}`}>
              Show in pathway: {pathway.label}
            </a>
          </>
        )}
      </p>
      <ReportProblem target="quiz-item" id={item.id} />
    </div>
  );
}
