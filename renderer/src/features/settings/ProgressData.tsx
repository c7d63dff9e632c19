import { useId, useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { idle, type Operation } from './operation.ts';
import { OperationMessage } from './OperationMessage.tsx';
import { exportProgress, importProgress, resetProgress } from './progress-actions.ts';

function ExportProgress() {
  const [operation, setOperation] = useState<Operation>(idle);
  const run = () => exportProgress(setOperation);
  return (
    <div className="data-action">
      <h3>Export progress</h3>
      <p className="field-help">
        One JSON file with every review, quiz answer and setting: keep it safe, or import it on
        another computer.
      </p>
      <Button onClick={() => void run()} disabled={operation.kind === 'working'}>
        Export progress
      </Button>
      <OperationMessage operation={operation} label="Exporting progress" />
    </div>
  );
}

function ImportProgress() {
  const id = useId();
  const [operation, setOperation] = useState<Operation>(idle);
  return (
    <div className="data-action">
      <h3>Import progress</h3>
      <p className="field-help" id={`${id}-help`}>
        Merges a file made by Export (here or on another computer). Nothing you have is dropped or
        overwritten, and records already here are not added twice.
      </p>
      <label htmlFor={id} className="file-label">
        Choose a progress file to import
      </label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        aria-describedby={`${id}-help`}
        disabled={operation.kind === 'working'}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          // Cleared once read, so picking the same file again imports it again.
          if (file) void importProgress(file, setOperation).finally(() => (input.value = ''));
        }}
      />
      <OperationMessage operation={operation} label="Importing progress" />
    </div>
  );
}

function ResetProgress() {
  const [confirming, setConfirming] = useState(false);
  const [operation, setOperation] = useState<Operation>(idle);
  const run = () => {
    setConfirming(false);
    void resetProgress(setOperation);
  };
  return (
    <div className="data-action">
      <h3>Reset all progress</h3>
      <p className="field-help">
        Erases every review, quiz answer and study session; your settings stay. A backup is taken
        first.
      </p>
      <Button
        variant="danger"
        onClick={() => setConfirming(true)}
        disabled={operation.kind === 'working'}
      >
        Reset all progress…
      </Button>
      <OperationMessage operation={operation} label="Resetting progress" />
      <ConfirmDialog
        open={confirming}
        title="Erase all progress?"
        confirmLabel="Erase all progress"
        danger
        onConfirm={run}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Every review, quiz answer and study session will be erased, and every card starts again as
          new. Your settings are kept.
        </p>
        <p>A backup is taken first, so you can restore it from Settings › Backups.</p>
      </ConfirmDialog>
    </div>
  );
}

/** Export, import and reset of the learner's progress. */
export function ProgressData() {
  return (
    <section className="panel settings-section" aria-labelledby="settings-data-title">
      <h2 id="settings-data-title">Your progress</h2>
      <div className="data-actions">
        <ExportProgress />
        <ImportProgress />
        <ResetProgress />
      </div>
    </section>
  );
}
