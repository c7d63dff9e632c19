import { useId, useState } from 'react';
import type { ExportFormat } from '../../../../shared/contract/export.ts';
import { Button } from '../../components/Button.tsx';
import { exportForOtherApps } from './export-actions.ts';
import { idle, type Operation } from './operation.ts';
import { OperationMessage } from './OperationMessage.tsx';

/** The pack's cards for Anki or Quizlet, and its quiz questions as a spreadsheet. */
export function OtherAppsExport() {
  const id = useId();
  const [withProgress, setWithProgress] = useState(false);
  const [operation, setOperation] = useState<Operation>(idle);
  const busy = operation.kind === 'working';
  const run = (format: ExportFormat) =>
    void exportForOtherApps(format, format === 'apkg' && withProgress, setOperation);
  return (
    <section className="panel settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Use your cards in other apps</h2>
      <div className="data-actions">
        <div className="data-action">
          <h3>Anki package</h3>
          <p className="field-help">
            Every flashcard as an Anki deck (.apkg): one sub-deck per topic, with the source
            sentence and citation on each card, and tags for topic, kind, source tier and
            high-yield.
          </p>
          <label className="export-check">
            <input
              type="checkbox"
              checked={withProgress}
              aria-describedby={`${id}-progress-help`}
              onChange={(e) => setWithProgress(e.currentTarget.checked)}
            />
            <span>Include my progress</span>
          </label>
          <p className="field-help" id={`${id}-progress-help`}>
            Each card keeps its schedule, memory state (for Anki&apos;s FSRS) and your answers, so
            you can go on where you stopped; cards you reported are suspended. Without it, every
            card is new.
          </p>
          <Button onClick={() => run('apkg')} disabled={busy}>
            Export Anki package
          </Button>
        </div>
        <div className="data-action">
          <h3>Cards as text</h3>
          <p className="field-help">
            Front, back and tags, separated by tabs: Anki&apos;s &ldquo;Import File&rdquo; and
            Quizlet&apos;s import read it. Cards you reported are left out.
          </p>
          <Button onClick={() => run('cards-csv')} disabled={busy}>
            Export cards (tab-separated)
          </Button>
        </div>
        <div className="data-action">
          <h3>Quiz questions</h3>
          <p className="field-help">
            A CSV file for a spreadsheet: each question with its options, key, explanation and
            citation. Questions you reported are left out.
          </p>
          <Button onClick={() => run('quiz-csv')} disabled={busy}>
            Export quiz questions (CSV)
          </Button>
        </div>
      </div>
      <OperationMessage operation={operation} label="Exporting" />
    </section>
  );
}
