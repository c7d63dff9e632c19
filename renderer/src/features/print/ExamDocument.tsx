import type { PrintExam } from '../../../../shared/contract/print.ts';
import type { PublicQuizItem, QuizOptionsInfo } from '../../../../shared/contract/quiz.ts';
import { printedKinds } from '../../../../shared/engine/print-kinds.ts';
import { quizKinds } from '../../../../shared/engine/types.ts';
import { Citations } from '../../components/Citations.tsx';
import { Explanation } from '../quiz/components/Explanation.tsx';
import { Prompt } from '../quiz/components/Prompt.tsx';
import { QuizDiagram } from '../quiz/items/QuizDiagram.tsx';
import { withheldUntilAnswered } from '../quiz/model/giveaway.ts';
import { optionLetter } from './model.ts';

type Question = PrintExam['questions'][number];

/** Said instead of a pathway title that would give the answer away (as the quiz does). */
const withheldCaption = 'Part of a pathway. Its title names one of the options.';

/**
 * A practice exam on paper: numbered questions with lettered options and no key marked, then,
 * from a new page, the answer key with each question's explanation and sources.
 */
export function ExamDocument({
  exam,
  options,
  packTitle,
}: {
  readonly exam: PrintExam;
  readonly options: QuizOptionsInfo;
  readonly packTitle: string;
}) {
  const kindLabel = new Map(options.kinds.map((kind) => [kind.id, kind.label]));
  const topicTitle = new Map(options.topics.map((topic) => [topic.id, topic.title]));
  const kindsUsed = [...new Set(exam.questions.map((q) => q.item.kind))];
  const topicsUsed = [...new Set(exam.questions.map((q) => q.item.topic))];
  const leftOut = quizKinds.filter((kind) => !printedKinds[kind].printed);
  return (
    <article
      className="print-doc print-exam"
      aria-labelledby="print-exam-title"
      data-print-ready=""
    >
      <header className="print-doc-header">
        <h2 id="print-exam-title">Practice exam</h2>
        <p>
          {packTitle} · {exam.questions.length} questions · seed {exam.seed}
        </p>
        <p>Topics: {topicsUsed.map((id) => topicTitle.get(id) ?? id).join('; ')}</p>
        {exam.shortfall > 0 && (
          <p>
            {exam.shortfall} fewer than asked: these choices allow only {exam.questions.length}.
          </p>
        )}
        <table className="print-kind-table">
          <caption>How each kind of question is printed</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">On paper</th>
            </tr>
          </thead>
          <tbody>
            {kindsUsed.map((kind) => (
              <tr key={kind}>
                <th scope="row">{kindLabel.get(kind) ?? kind}</th>
                <td>{printedKinds[kind].how}</td>
              </tr>
            ))}
            {leftOut.map((kind) => (
              <tr key={kind}>
                <th scope="row">{kindLabel.get(kind) ?? capitalised(kind)}</th>
                <td>{printedKinds[kind].how}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </header>

      <ol className="print-questions" aria-label="Questions">
        {exam.questions.map((question, index) => (
          <QuestionOnPaper
            key={question.item.id}
            number={index + 1}
            item={question.item}
            kindLabel={kindLabel.get(question.item.kind) ?? question.item.kind}
          />
        ))}
      </ol>

      <section className="print-key" aria-labelledby="print-key-title">
        <h2 id="print-key-title">Answer key</h2>
        <ol className="print-key-list">
          {exam.questions.map((question, index) => (
            <KeyEntry key={question.item.id} number={index + 1} question={question} />
          ))}
        </ol>
      </section>
    </article>
  );
}

function QuestionOnPaper({
  number,
  item,
  kindLabel,
}: {
  readonly number: number;
  readonly item: PublicQuizItem;
  readonly kindLabel: string;
}) {
  const promptId = `print-q${number}`;
  const caption = item.diagram ? `Pathway: ${item.diagram.caption}` : '';
  return (
    <li className="print-question" data-question={number}>
      <p className="print-question-head">
        <span className="print-number">{number}.</span>{' '}
        <span className="print-kind">{kindLabel}</span>
      </p>
      {item.diagram && (
        <QuizDiagram
          diagram={item.diagram}
          caption={withheldUntilAnswered(caption, item, false, withheldCaption)}
        />
      )}
      <Prompt id={promptId} text={item.prompt} />
      {item.options ? (
        <ul className="print-options">
          {item.options.map((option, i) => (
            <li key={option.id}>
              <span className="print-letter">{optionLetter(i)}.</span> {option.text}
            </li>
          ))}
        </ul>
      ) : item.response === 'true-false' ? (
        <p className="print-true-false">True / False (circle one)</p>
      ) : (
        <p className="print-write-line">
          Answer: <span className="print-line" aria-hidden="true" />
        </p>
      )}
    </li>
  );
}

function KeyEntry({ number, question }: { readonly number: number; readonly question: Question }) {
  const { item, key } = question;
  const index = key.options?.findIndex((option) => option.correct) ?? -1;
  const answer = index >= 0 ? `${optionLetter(index)}. ${key.expected}` : key.expected;
  return (
    <li className="print-key-entry" data-question={number}>
      <p className="print-key-answer">
        <span className="print-number">{number}.</span> <strong>{answer}</strong>
      </p>
      <Explanation text={key.explanation} />
      <Citations citations={key.citations} />
      {item.options === null && item.response === 'text' && (
        <p className="muted">Synonyms and other spellings of the answer count.</p>
      )}
    </li>
  );
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
