import { useId, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { formatDateTime } from '../../components/format.ts';
import { learnerDataReplaced } from '../../stores/learner-data.ts';
import { describeCounts, describeImport } from './describe.ts';
import { maxProgressFileBytes } from './limits.ts';
import { idle, OperationMessage, type Operation } from './OperationMessage.tsx';

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Hands a text to the browser as a download, without leaving the app. */
function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the blob after this handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function ExportProgress() {
  const [operation, setOperation] = useState<Operation>(idle);
  const run = async () => {
    setOperation({ kind: 'working', text: 'Preparing your progress file…' });
    try {
      const { fileName, content, counts } = await api.data.export();
      download(fileName, content);
      setOperation({ kind: 'done', text: `Saved ${fileName}: ${describeCounts(counts)}.` });
    } catch (error) {
      setOperation({ kind: 'failed', text: `The export failed: ${messageOf(error)}` });
    }
  };
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
  const input = useRef<HTMLInputElement>(null);
  const [operation, setOperation] = useState<Operation>(idle);
  const run = async (file: File) => {
    if (file.size > maxProgressFileBytes) {
      setOperation({
        kind: 'failed',
        text: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; progress files are limited to ${maxProgressFileBytes / 1024 / 1024} MB. Nothing was changed.`,
      });
      return;
    }
    setOperation({ kind: 'working', text: `Reading ${file.name}…` });
    try {
      const content = await file.text();
      setOperation({ kind: 'working', text: `Merging ${file.name} into your progress…` });
      const result = await api.data.import({ content });
      await learnerDataReplaced();
      setOperation({
        kind: 'done',
        text: describeImport(result.added, result.alreadyPresent),
        details: [`A backup was made first (${formatDateTime(result.backup.createdAt)}).`],
      });
    } catch (error) {
      setOperation({
        kind: 'failed',
        text: `${file.name} was not imported: ${messageOf(error)} Nothing was changed.`,
      });
    } finally {
      // Picking the same file again must fire a change.
      if (input.current) input.current.value = '';
    }
  };
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
        ref={input}
        id={id}
        type="file"
        accept=".json,application/json"
        aria-describedby={`${id}-help`}
        disabled={operation.kind === 'working'}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void run(file);
        }}
      />
      <OperationMessage operation={operation} label="Importing progress" />
    </div>
  );
}

function ResetProgress() {
  const [confirming, setConfirming] = useState(false);
  const [operation, setOperation] = useState<Operation>(idle);
  const run = async () => {
    setConfirming(false);
    setOperation({ kind: 'working', text: 'Backing up, then erasing your progress…' });
    try {
      const { backup } = await api.data.reset({ confirm: 'erase-all-progress' });
      await learnerDataReplaced();
      setOperation({
        kind: 'done',
        text: `All progress was erased. The backup made first (${formatDateTime(backup.createdAt)}) is in the list above if you want it back.`,
      });
    } catch (error) {
      setOperation({ kind: 'failed', text: `Nothing was erased: ${messageOf(error)}` });
    }
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
        onConfirm={() => void run()}
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
