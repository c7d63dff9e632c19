import { BackupService } from '../backup/backup-service.ts';
import { withJobStorage, type JobContext } from '../jobs/job-context.ts';
import type { JobOutcome } from '../jobs/job-outcome.ts';
import { envelopeJson, type AnswerForm } from '../registry.ts';
import { DataService, type ExportedDocument, type ImportResult } from './data-service.ts';

/**
 * `data.import` and `data.export` on a job thread (services/jobs/): parsing and checking a
 * document of up to 64 MB, planning the merge, the backup before it and the one all-or-nothing
 * write; or reading every record and serialising them. An export answered as JSON (`answer:
 * 'json'`, the preview's HTTP) is serialised here as the whole envelope's bytes, which are moved,
 * not copied, to the host: the host thread would otherwise spend ~0.3 s of a 100k-event export
 * escaping the file's text into its answer.
 */
export type ProgressJob =
  | { readonly kind: 'import'; readonly content: string; readonly context: JobContext }
  | { readonly kind: 'export'; readonly answer: AnswerForm; readonly context: JobContext };

export function runProgressJob(
  job: ProgressJob,
): JobOutcome<ImportResult | ExportedDocument | Uint8Array> {
  return withJobStorage(job.context, (storage, now) => {
    const data = new DataService({
      storage,
      backups: new BackupService({ storage, now }),
      now,
      appVersion: job.context.appVersion,
    });
    if (job.kind === 'import') return data.importDocument(job.content);
    const exported = data.exportDocument();
    return job.answer === 'json' ? envelopeJson({ ok: true, value: exported }) : exported;
  });
}
