import '../quiz/quiz.css';
import './print.css';
import { lazy, Suspense, useEffect, useId, type SyntheticEvent } from 'react';
import { maxPrintSeed } from '../../../../shared/contract/print.ts';
import { maxQuizQuestions } from '../../../../shared/contract/quiz-limits.ts';
import { printedKinds } from '../../../../shared/engine/print-kinds.ts';
import { Button } from '../../components/Button.tsx';
import { RadioCard } from '../../components/RadioCard.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { CardSheets } from './CardSheets.tsx';
import { ExamDocument } from './ExamDocument.tsx';
import { freshSeed, pdfFileStem, printableOptions } from './model.ts';
import { PrintActions } from './PrintActions.tsx';
import { usePrint, type PrintDocumentKind, type PrintOptions } from './store.ts';

const PathwayPages = lazy(() => import('./PathwayPages.tsx'));

const documents: readonly { kind: PrintDocumentKind; title: string; description: string }[] = [
  {
    kind: 'exam',
    title: 'Practice exam',
    description:
      'Questions chosen as a quiz is, numbered, then an answer key with explanations and sources.',
  },
  {
    kind: 'cards',
    title: 'Card sheets',
    description: 'The front and back of every flashcard, one sheet per topic.',
  },
  {
    kind: 'pathways',
    title: 'Pathway figures',
    description: 'Each pathway on a landscape page of its own, with its legend.',
  },
];

/** Print (route `#/print`): make a document for paper, then print it or save it as a PDF. */
export default function PrintScreen() {
  const options = usePrint((s) => s.options);
  const loadOptions = usePrint((s) => s.loadOptions);
  useEffect(() => {
    void loadOptions();
  }, [loadOptions]);
  return (
    <section
      aria-labelledby="print-title"
      className="print-screen"
      data-screen-ready={options.status === 'ready' ? 'print' : undefined}
    >
      <div className="print-controls">
        <h1 id="print-title">Print</h1>
        <p className="muted">
          Make a document for paper, look it over below, then print it or save it as a PDF.
        </p>
        {(options.status === 'idle' || options.status === 'loading') && (
          <Loading label="Loading what this pack offers…" />
        )}
        {options.status === 'error' && (
          <ErrorMessage error={options.message} onRetry={() => void loadOptions()} />
        )}
        {options.status === 'ready' && <PrintForm options={options.value} />}
      </div>
      {options.status === 'ready' && <Prepared options={options.value} />}
    </section>
  );
}

function PrintForm({ options }: { readonly options: PrintOptions }) {
  const kind = usePrint((s) => s.kind);
  const choose = usePrint((s) => s.choose);
  const prepare = usePrint((s) => s.prepare);
  const preparing = usePrint((s) => s.prepared.status === 'loading');
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!preparing) void prepare();
  };
  return (
    <form className="print-form" onSubmit={submit} aria-label="What to print" noValidate>
      <fieldset className="print-fieldset">
        <legend>Document</legend>
        <div className="print-documents">
          {documents.map((doc) => (
            <RadioCard
              key={doc.kind}
              name="print-document"
              value={doc.kind}
              title={doc.title}
              description={doc.description}
              checked={kind === doc.kind}
              onSelect={() => choose(doc.kind)}
            />
          ))}
        </div>
      </fieldset>
      {kind === 'exam' && <ExamChoices options={options} />}
      {kind === 'cards' && <TopicChoices options={options} />}
      <Button type="submit" variant="primary" disabled={preparing}>
        {preparing ? 'Making the document…' : 'Show the document'}
      </Button>
    </form>
  );
}

const toggled = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

function ExamChoices({ options }: { readonly options: PrintOptions }) {
  const exam = usePrint((s) => s.exam);
  const update = usePrint((s) => s.updateExam);
  const ids = { count: useId(), seed: useId(), seedHint: useId(), kindsHint: useId() };
  const kinds = printableOptions(options.quiz);
  return (
    <div className="print-choices">
      <fieldset className="print-fieldset" aria-describedby={ids.kindsHint}>
        <legend>Kinds of question</legend>
        <p id={ids.kindsHint} className="muted">
          None ticked means every kind paper can ask.
        </p>
        <ul className="print-check-list">
          {kinds.map((kind) => (
            <li key={kind.id}>
              <label className="print-check">
                <input
                  type="checkbox"
                  checked={exam.kinds.includes(kind.id)}
                  onChange={(e) =>
                    update({ kinds: toggled(exam.kinds, kind.id, e.target.checked) })
                  }
                />
                <span>
                  {kind.label} <span className="muted">({printedKinds[kind.id].how})</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TopicList
        legend="Topics"
        options={options}
        chosen={exam.topics}
        onChange={(topics) => update({ topics })}
      />
      <div className="print-numbers">
        <div className="print-field">
          <label htmlFor={ids.count}>Number of questions</label>
          <input
            id={ids.count}
            type="number"
            inputMode="numeric"
            min={1}
            max={maxQuizQuestions}
            value={Number.isFinite(exam.count) ? exam.count : ''}
            onChange={(e) => update({ count: e.target.valueAsNumber })}
          />
        </div>
        <div className="print-field">
          <label htmlFor={ids.seed}>Seed</label>
          <input
            id={ids.seed}
            type="number"
            inputMode="numeric"
            min={0}
            max={maxPrintSeed}
            value={Number.isFinite(exam.seed) ? exam.seed : ''}
            aria-describedby={ids.seedHint}
            onChange={(e) => update({ seed: e.target.valueAsNumber })}
          />
          <Button onClick={() => update({ seed: freshSeed() })}>New seed</Button>
        </div>
        <p id={ids.seedHint} className="muted">
          The same seed and choices print the same exam again.
        </p>
      </div>
    </div>
  );
}

function TopicChoices({ options }: { readonly options: PrintOptions }) {
  const topics = usePrint((s) => s.cardTopics);
  const setTopics = usePrint((s) => s.setCardTopics);
  return <TopicList legend="Topics" options={options} chosen={topics} onChange={setTopics} />;
}

function TopicList({
  legend,
  options,
  chosen,
  onChange,
}: {
  readonly legend: string;
  readonly options: PrintOptions;
  readonly chosen: readonly string[];
  readonly onChange: (topics: readonly string[]) => void;
}) {
  const hint = useId();
  return (
    <fieldset className="print-fieldset" aria-describedby={hint}>
      <legend>{legend}</legend>
      <p id={hint} className="muted">
        None ticked means every topic.
      </p>
      <ul className="print-check-list">
        {options.quiz.topics.map((topic) => (
          <li key={topic.id}>
            <label className="print-check">
              <input
                type="checkbox"
                checked={chosen.includes(topic.id)}
                onChange={(e) => onChange(toggled(chosen, topic.id, e.target.checked))}
              />
              <span>{topic.title}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The document made from the choices, with what to do with it. */
function Prepared({ options }: { readonly options: PrintOptions }) {
  const prepared = usePrint((s) => s.prepared);
  const prepare = usePrint((s) => s.prepare);
  if (prepared.status === 'idle') return null;
  if (prepared.status === 'loading') return <Loading label="Making the document…" />;
  if (prepared.status === 'error')
    return <ErrorMessage error={prepared.message} onRetry={() => void prepare()} />;
  const doc = prepared.value;
  const fileStem = pdfFileStem(doc.kind, doc.kind === 'exam' ? doc.exam.seed : undefined);
  return (
    <>
      <PrintActions fileStem={fileStem} />
      {/* Scrolls sideways where the window is narrower than the page. */}
      <div
        className="print-paper"
        data-print-document={doc.kind}
        role="region"
        aria-label="Print preview"
        tabIndex={0}
      >
        {doc.kind === 'exam' && (
          <ExamDocument exam={doc.exam} options={options.quiz} packTitle={options.packTitle} />
        )}
        {doc.kind === 'cards' && <CardSheets sheets={doc.sheets} packTitle={options.packTitle} />}
        {doc.kind === 'pathways' && (
          <Suspense fallback={<Loading label="Loading the pathway drawings…" />}>
            <PathwayPages packTitle={options.packTitle} />
          </Suspense>
        )}
      </div>
    </>
  );
}
