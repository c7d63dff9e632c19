import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/contract/backup.ts';
import type { Notice } from '../../../shared/contract/app.ts';
import { api } from '../api.ts';
import { formatDateTime } from '../components/format.ts';
import { learnerDataReplaced } from '../stores/learner-data.ts';
import { useNotices } from '../stores/notices.ts';
import { backupBefore } from './restore-choice.ts';

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

type RestoreState =
  | { readonly kind: 'looking' }
  | { readonly kind: 'ready'; readonly backup: BackupInfo | undefined }
  | { readonly kind: 'restoring'; readonly backup: BackupInfo }
  | { readonly kind: 'failed'; readonly message: string };

/** The notice's "restore the newest backup" action: find it, restore it, reload everything. */
function RestoreLatestBackup({ notice }: { readonly notice: Notice }) {
  const [state, setState] = useState<RestoreState>({ kind: 'looking' });
  const dismiss = useNotices((s) => s.dismiss);

  useEffect(() => {
    let live = true;
    api.backup
      .list()
      .then(({ backups }) => {
        if (live) setState({ kind: 'ready', backup: backupBefore(backups, notice.createdAt) });
      })
      .catch((error: unknown) => {
        if (live) setState({ kind: 'failed', message: messageOf(error) });
      });
    return () => {
      live = false;
    };
  }, [notice.createdAt]);

  const restore = async (backup: BackupInfo) => {
    setState({ kind: 'restoring', backup });
    try {
      await api.backup.restore({ id: backup.id });
      await dismiss(notice.id);
      await learnerDataReplaced();
    } catch (error) {
      setState({ kind: 'failed', message: `Nothing was restored: ${messageOf(error)}` });
    }
  };

  switch (state.kind) {
    case 'looking':
      return <span className="muted">Looking for backups…</span>;
    case 'ready':
      return state.backup ? (
        <button
          type="button"
          className="primary"
          onClick={() => state.backup && void restore(state.backup)}
        >
          Restore the backup from {formatDateTime(state.backup.createdAt)}
        </button>
      ) : (
        <span className="muted">There is no backup from before this happened.</span>
      );
    case 'restoring':
      return (
        <span role="status">
          Restoring the backup from {formatDateTime(state.backup.createdAt)}…
        </span>
      );
    case 'failed':
      return (
        <span role="alert" className="message-error">
          {state.message}
        </span>
      );
  }
}

/** Messages from main (a skipped pack, a recovered database) shown above every screen. */
export function NoticeBanner() {
  const notices = useNotices((s) => s.notices);
  const loadError = useNotices((s) => s.loadError);
  const dismiss = useNotices((s) => s.dismiss);

  if (notices.length === 0 && !loadError) return null;
  return (
    <section className="notices" aria-label="Notices">
      {loadError && (
        <div role="alert" className="panel notice notice-error">
          <h2>Cannot reach the app&apos;s services</h2>
          <p>{loadError}</p>
        </div>
      )}
      {notices.map((notice) => (
        <div
          key={notice.id}
          role={notice.severity === 'error' ? 'alert' : 'status'}
          className={`panel notice notice-${notice.severity}`}
        >
          <h2>{notice.title}</h2>
          <p>{notice.message}</p>
          {notice.details.length > 0 && (
            <details>
              <summary>Details ({notice.details.length})</summary>
              <ul>
                {notice.details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </details>
          )}
          <div className="notice-actions">
            {notice.action === 'restore-latest-backup' && <RestoreLatestBackup notice={notice} />}
            <button type="button" onClick={() => void dismiss(notice.id)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
