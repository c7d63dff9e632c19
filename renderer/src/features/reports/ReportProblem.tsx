import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import {
  maxReportNoteChars,
  reportReasons,
  type ReportReason,
  type ReportTarget,
} from '../../../../shared/contract/report.ts';
import { api } from '../../api.ts';
import { reasonLabels, targetNouns } from './labels.ts';
import './reports.css';

interface Props {
  readonly target: ReportTarget;
  /** The quiz item's public id or the card's id. */
  readonly id: string;
  /** After the report is saved (a card screen moves on to the next card). */
  readonly onReported?: () => void;
}

/**
 * "Report a problem": a button opening a small modal form (reason, optional note). The report is
 * stored on this device and hides the question or card until the pack is updated.
 */
export function ReportProblem({ target, id, onReported }: Props) {
  const noun = targetNouns[target];
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const noteId = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [reportedId, setReportedId] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const close = () => {
    setOpen(false);
    setError(null);
    openerRef.current?.focus();
  };

  const start = () => {
    setReason(null);
    setNote('');
    setError(null);
    setOpen(true);
  };

  const send = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!reason) {
      setError('Choose what is wrong.');
      return;
    }
    setSending(true);
    try {
      const trimmed = note.trim();
      await api.report.create({ target, id, reason, ...(trimmed ? { note: trimmed } : {}) });
      setReportedId(id);
      setDone(
        `Thank you: your report is saved. This ${noun} will not be shown again until the pack is updated; you can withdraw the report in Source.`,
      );
      close();
      onReported?.();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSending(false);
    }
  };

  const reported = reportedId === id;
  return (
    <div className="report-problem">
      <button
        ref={openerRef}
        type="button"
        className="btn btn-ghost report-open"
        onClick={reported ? undefined : start}
        // Not `disabled`: focus comes back here when the form closes, and stays findable.
        aria-disabled={reported || undefined}
        aria-haspopup="dialog"
      >
        {reported ? 'Reported' : 'Report a problem'}
      </button>
      <p className="small muted report-done" role="status">
        {done}
      </p>
      <dialog
        ref={dialogRef}
        className="dialog report-dialog"
        aria-labelledby={titleId}
        onCancel={(event) => {
          event.preventDefault();
          close();
        }}
        // The screen's shortcuts (1–4 rate a card) must not act behind the open form.
        onKeyDown={(event) => event.stopPropagation()}
      >
        <form onSubmit={(event) => void send(event)} noValidate>
          <h2 id={titleId}>Report a problem with this {noun}</h2>
          <fieldset className="report-reasons">
            <legend>What is wrong?</legend>
            {reportReasons.map((value) => (
              <label key={value} className="report-reason">
                <input
                  type="radio"
                  name="report-reason"
                  value={value}
                  checked={reason === value}
                  onChange={() => {
                    setReason(value);
                    setError(null);
                  }}
                />
                {reasonLabels[value]}
              </label>
            ))}
          </fieldset>
          <label htmlFor={noteId} className="report-note-label">
            Note (optional)
          </label>
          <textarea
            id={noteId}
            className="report-note"
            rows={3}
            maxLength={maxReportNoteChars}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          {error && (
            <p className="message-error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="btn btn-secondary" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={sending}>
              Send report
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
