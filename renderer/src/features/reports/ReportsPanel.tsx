import { useEffect, useRef, useState } from 'react';
import type { ReportView } from '../../../../shared/contract/report.ts';
import { api } from '../../api.ts';
import { formatDateTime } from '../../components/format.ts';
import { onLearnerDataReplaced } from '../../stores/learner-data.ts';
import { reasonLabels, targetNouns } from './labels.ts';
import './reports.css';

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly reports: readonly ReportView[] };

function statusOf(report: ReportView): string {
  if (report.withdrawnAt) return `Withdrawn ${formatDateTime(report.withdrawnAt)}; shown again.`;
  if (report.hidden) return 'Hidden from you until the pack is updated.';
  return `Shown again: the pack has changed since (reported on version ${report.packVersion}).`;
}

async function fetchReports(set: (loaded: Loaded) => void): Promise<void> {
  try {
    const { reports } = await api.report.list();
    set({ status: 'ready', reports });
  } catch (error) {
    set({ status: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

/** Source › Your reports: every question or card the learner reported, with a way to withdraw. */
export function ReportsPanel() {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [message, setMessage] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const reload = () => void fetchReports(setLoaded);
    reload();
    return onLearnerDataReplaced(reload);
  }, []);

  const withdraw = async (report: ReportView) => {
    try {
      await api.report.withdraw({ reportId: report.reportId });
      setMessage(`Report withdrawn: this ${targetNouns[report.target]} will be shown again.`);
      await fetchReports(setLoaded);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
    headingRef.current?.focus();
  };

  return (
    <section className="panel source-section" aria-labelledby="source-reports">
      <h2 id="source-reports" ref={headingRef} tabIndex={-1}>
        Your reports
      </h2>
      <p className="muted">
        Questions and cards you reported as faulty. They stay on this device, go with your progress
        when you export it, and are hidden from you until the pack is updated.
      </p>
      <p role="status" className="small">
        {message}
      </p>
      {loaded.status === 'loading' && <p className="muted">Loading your reports…</p>}
      {loaded.status === 'error' && (
        <p className="message-error" role="alert">
          Your reports could not be read: {loaded.message}
        </p>
      )}
      {loaded.status === 'ready' &&
        (loaded.reports.length === 0 ? (
          <p className="muted">You have not reported anything.</p>
        ) : (
          <ul className="report-list">
            {loaded.reports.map((report) => (
              <li key={report.reportId} className="report-entry" data-report-id={report.reportId}>
                <p>
                  <span className="badge">
                    {report.target === 'card' ? 'Card' : 'Quiz question'}
                  </span>{' '}
                  {report.text}
                </p>
                <dl>
                  <dt>Reason</dt>
                  <dd>{reasonLabels[report.reason]}</dd>
                  {report.note && (
                    <>
                      <dt>Note</dt>
                      <dd>{report.note}</dd>
                    </>
                  )}
                  <dt>Reported</dt>
                  <dd>{formatDateTime(report.reportedAt)}</dd>
                  <dt>Status</dt>
                  <dd>{statusOf(report)}</dd>
                </dl>
                {!report.withdrawnAt && (
                  <button
                    type="button"
                    className="btn btn-secondary"
                    onClick={() => void withdraw(report)}
                  >
                    Withdraw report<span className="visually-hidden">: {report.text}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
