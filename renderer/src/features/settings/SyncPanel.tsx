import { useEffect, useState } from 'react';
import type { SyncRound, SyncStatus } from '../../../../shared/contract/sync.ts';
import { Button } from '../../components/Button.tsx';
import { formatDateTime, plural } from '../../components/format.ts';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { describeCounts, totalRecords } from './describe.ts';
import { idle, messageOf, type Operation } from './operation.ts';
import { OperationMessage } from './OperationMessage.tsx';
import { useSync } from './sync-store.ts';

/** What a round did, in one sentence. */
export function describeRound(round: SyncRound): string {
  const received = totalRecords(round.received);
  const sent = totalRecords(round.sent);
  const brought =
    received > 0 ? `brought in ${describeCounts(round.received)}` : 'brought in nothing new';
  const wrote = sent > 0 ? `sent ${describeCounts(round.sent)}` : 'had nothing new to send';
  return `${brought} from ${plural(round.filesRead, 'device file')}, and ${wrote}.`;
}

function problemLines(round: SyncRound): string[] {
  return round.problems.map((problem) =>
    problem.line === undefined
      ? `${problem.file}: ${problem.message}`
      : `${problem.file}, line ${problem.line}: ${problem.message}`,
  );
}

function LastRun({ status }: { readonly status: SyncStatus }) {
  const { lastRun, lastError } = status;
  return (
    <>
      {lastError && (
        <div role="alert" className="panel error-panel">
          <p className="message-error">
            Sync failed ({formatDateTime(lastError.at)}): {lastError.message}
          </p>
        </div>
      )}
      {lastRun ? (
        <div className="sync-last-run">
          <p data-testid="sync-last-run">
            Last synced {formatDateTime(lastRun.startedAt)}: {describeRound(lastRun)}
          </p>
          {lastRun.problems.length > 0 && (
            <>
              <p className="message-error">
                {plural(lastRun.problems.length, 'file')} could not be read to the end:
              </p>
              <ul className="operation-details">
                {problemLines(lastRun).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        status.folder && <p className="muted">Not synced yet.</p>
      )}
    </>
  );
}

/** Settings › Sync folder: where this device syncs, "Sync now", and what the last round did. */
export function SyncPanel() {
  const status = useSync((s) => s.status);
  const error = useSync((s) => s.error);
  const syncing = useSync((s) => s.syncing);
  const load = useSync((s) => s.load);
  const syncNow = useSync((s) => s.syncNow);
  const chooseFolder = useSync((s) => s.chooseFolder);
  const [operation, setOperation] = useState<Operation>(idle);

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (round: () => Promise<SyncStatus>) => {
    setOperation({ kind: 'working', text: 'Syncing…' });
    try {
      const after = await round();
      setOperation(
        after.lastError
          ? { kind: 'failed', text: `Sync failed: ${after.lastError.message}` }
          : {
              kind: 'done',
              text: after.lastRun ? `Synced: ${describeRound(after.lastRun)}` : 'Synced.',
            },
      );
    } catch (failure) {
      setOperation({ kind: 'failed', text: `Sync did not run: ${messageOf(failure)}` });
    }
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-sync-title">
      <div className="section-header">
        <h2 id="settings-sync-title">Sync folder</h2>
        <div className="section-actions">
          {status?.setBy === 'dialog' && (
            <Button onClick={() => void run(chooseFolder)} disabled={syncing}>
              {status.folder ? 'Change folder…' : 'Choose folder…'}
            </Button>
          )}
          {status?.folder && (
            <Button onClick={() => void run(syncNow)} disabled={syncing}>
              Sync now
            </Button>
          )}
        </div>
      </div>
      <p className="field-help">
        Study on several computers: each one writes its own reviews to its own file in a folder that
        a sync service (Syncthing, Dropbox, iCloud Drive, OneDrive, a network share) keeps in step,
        and reads the others&rsquo; files. Pathwise syncs when it starts, after you study, and every
        few minutes.
      </p>
      {error && <ErrorMessage error={error} onRetry={() => void load()} />}
      {!status && !error && <Loading label="Loading sync status…" />}
      {status &&
        (status.folder ? (
          <p>
            Syncing through <code className="sync-folder">{status.folder}</code>
          </p>
        ) : status.setBy === 'dialog' ? (
          <p>No sync folder is chosen yet.</p>
        ) : (
          <p>
            No sync folder is set. Start the preview with{' '}
            <code>npm run preview -- --sync-folder &lt;folder&gt;</code> to sync through one.
          </p>
        ))}
      <OperationMessage operation={operation} label="Syncing" />
      {status && operation.kind !== 'done' && <LastRun status={status} />}
    </section>
  );
}
