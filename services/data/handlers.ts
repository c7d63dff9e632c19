import type { BackupInfo } from '../../shared/contract/backup.ts';
import type { HandlerMap } from '../registry.ts';
import type { ExportedDocument, ImportResult } from './data-service.ts';

/** What the data channels need: DataService inline, or ProgressJobs on a thread of their own. */
export interface ProgressTransfer {
  exportDocument(): ExportedDocument | Promise<ExportedDocument>;
  importDocument(content: string): ImportResult | Promise<ImportResult>;
  reset(): { backup: BackupInfo };
}

export function dataHandlers(
  data: ProgressTransfer,
): Pick<HandlerMap, 'data.export' | 'data.import' | 'data.reset'> {
  return {
    'data.export': () => data.exportDocument(),
    'data.import': ({ content }) => data.importDocument(content),
    // The request schema already demands the confirmation token.
    'data.reset': () => data.reset(),
  };
}
