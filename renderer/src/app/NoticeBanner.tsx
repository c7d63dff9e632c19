import { useNotices } from '../stores/notices.ts';

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
            <button type="button" onClick={() => void dismiss(notice.id)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
