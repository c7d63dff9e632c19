import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../../shared/contract/backup.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { formatBytes, formatDateTime } from '../../components/format.ts';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { backupReasonLabels, useBackups } from './backups-store.ts';
import { idle, messageOf, type Operation } from './operation.ts';
import { OperationMessage } from './OperationMessage.tsx';

function BackupTable({
  backups,
  disabled,
  onRestore,
}: {
  readonly backups: readonly BackupInfo[];
  readonly disabled: boolean;
  readonly onRestore: (backup: BackupInfo) => void;
}) {
  if (backups.length === 0) {
    return <p className="muted">No backups yet. The first is made automatically today.</p>;
  }
  return (
    <div className="table-scroll">
      <table className="backups">
        <caption className="visually-hidden">Backups, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Made</th>
            <th scope="col">Why</th>
            <th scope="col">Size</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <tr key={backup.id}>
              <td>{formatDateTime(backup.createdAt)}</td>
              <td>{backupReasonLabels[backup.reason]}</td>
              <td>{formatBytes(backup.sizeBytes)}</td>
              <td>
                <Button
                  disabled={disabled}
                  aria-label={`Restore the backup from ${formatDateTime(backup.createdAt)}`}
                  onClick={() => onRestore(backup)}
                >
                  Restore
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rolling backups: list, make one now, restore one (after a confirmation). */
export function BackupsPanel() {
  const backups = useBackups((s) => s.backups);
  const error = useBackups((s) => s.error);
  const busy = useBackups((s) => s.busy);
  const load = useBackups((s) => s.load);
  const create = useBackups((s) => s.create);
  const restore = useBackups((s) => s.restore);
  const [confirming, setConfirming] = useState<BackupInfo>();
  const [operation, setOperation] = useState<Operation>(idle);

  useEffect(() => {
    void load();
  }, [load]);

  const makeBackup = async () => {
    setOperation({ kind: 'working', text: 'Making a backup…' });
    try {
      const backup = await create();
      setOperation({ kind: 'done', text: `Backup made (${formatDateTime(backup.createdAt)}).` });
    } catch (error) {
      setOperation({ kind: 'failed', text: `No backup was made: ${messageOf(error)}` });
    }
  };

  const restoreBackup = async (backup: BackupInfo) => {
    setConfirming(undefined);
    setOperation({ kind: 'working', text: 'Restoring…' });
    try {
      const result = await restore(backup.id);
      if (!result) return;
      setOperation({
        kind: 'done',
        text: `Restored the backup from ${formatDateTime(result.restored.createdAt)}. Your progress from just before is kept as a backup too (${formatDateTime(result.safetyBackup.createdAt)}).`,
      });
    } catch (error) {
      setOperation({ kind: 'failed', text: `Nothing was restored: ${messageOf(error)}` });
    }
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-backups-title">
      <div className="section-header">
        <h2 id="settings-backups-title">Backups</h2>
        <Button onClick={() => void makeBackup()} disabled={busy}>
          Back up now
        </Button>
      </div>
      <p className="field-help">
        A backup is made each day you open Pathwise, and before every import, restore and reset.
        Restoring one backs up your current progress first.
      </p>
      <OperationMessage operation={operation} label="Working on backups" />
      {error && <ErrorMessage error={error} onRetry={() => void load()} />}
      {!backups && !error && <Loading label="Loading backups…" />}
      {backups && (
        <BackupTable backups={backups} disabled={busy} onRestore={(b) => setConfirming(b)} />
      )}
      <ConfirmDialog
        open={confirming !== undefined}
        title="Restore this backup?"
        confirmLabel="Restore"
        onConfirm={() => {
          if (confirming) void restoreBackup(confirming);
        }}
        onCancel={() => setConfirming(undefined)}
      >
        {confirming && (
          <p>
            Your progress and settings will be replaced by the backup from{' '}
            {formatDateTime(confirming.createdAt)} (
            {backupReasonLabels[confirming.reason].toLowerCase()}). Your current progress is backed
            up first, so you can come back to it.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
