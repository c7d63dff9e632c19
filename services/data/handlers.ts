import type { BackupInfo } from '../../shared/contract/backup.ts';
import type { AnswerForm, HandlerMap, SerializedEnvelope } from '../registry.ts';
import type { ExportedDocument, ImportResult } from './data-service.ts';

type Answer<T> = T | Promise<T>;

/** What the data channels need: DataService inline, or ProgressJobs on job threads. */
export interface ProgressTransfer {
  /** `form`: how the answer leaves, so a job can serialise a large export itself. */
  exportDocument(form: AnswerForm): Answer<ExportedDocument | SerializedEnvelope>;
  importDocument(content: string): Answer<ImportResult>;
  reset(): Answer<{ backup: BackupInfo }>;
}

export function dataHandlers(
  data: ProgressTransfer,
): Pick<HandlerMap, 'data.export' | 'data.import' | 'data.reset'> {
  return {
    'data.export': (_request, form) => data.exportDocument(form),
    'data.import': ({ content }) => data.importDocument(content),
    // The request schema already demands the confirmation token.
    'data.reset': () => data.reset(),
  };
}
