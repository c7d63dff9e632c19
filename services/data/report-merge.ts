import { z } from 'zod';
import { maxReportNoteChars, reportReasons, reportTargets } from '../../shared/contract/report.ts';
import { ContractError } from '../../shared/contract/errors.ts';
import { isUuidv7 } from '../storage/ids.ts';
import { reportEventById, withdrawalOf, type ReportEvent } from '../storage/report-rows.ts';
import type { Storage } from '../storage/storage.ts';

/** Reports and withdrawals in the progress document, and how an import merges them (by id). */

const isoTime = z.iso.datetime({ offset: false });
const uuid7 = z.string().max(36).refine(isUuidv7, 'must be a UUIDv7');
const shortId = z.string().min(1).max(64);

export const documentReportSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('report'),
    id: uuid7,
    deviceId: shortId,
    target: z.enum(reportTargets),
    targetId: z.string().min(1).max(200),
    packId: z.string().min(1).max(100),
    packVersion: z.string().min(1).max(40),
    shownText: z.string().min(1).max(4000),
    reason: z.enum(reportReasons),
    note: z.string().min(1).max(maxReportNoteChars).nullable(),
    occurredAt: isoTime,
  }),
  z.strictObject({
    kind: z.literal('withdraw'),
    id: uuid7,
    deviceId: shortId,
    withdraws: uuid7,
    occurredAt: isoTime,
  }),
]);
export type DocumentReport = z.infer<typeof documentReportSchema>;

export function reportToDocument(event: ReportEvent): DocumentReport {
  return { ...event, occurredAt: new Date(event.occurredAt).toISOString() };
}

export function reportFromDocument(event: DocumentReport): ReportEvent {
  return { ...event, occurredAt: Date.parse(event.occurredAt) };
}

/**
 * The incoming report events not yet stored, in an order that inserts each report before its
 * withdrawal. Throws `import-rejected` when one conflicts with local data: same id but different
 * content, or a withdrawal of a missing report.
 */
export function planReports(
  storage: Storage,
  incoming: readonly ReportEvent[],
  same: (a: object, b: object) => boolean,
): { added: ReportEvent[]; alreadyPresent: number } {
  const byId = new Map(incoming.map((event) => [event.id, event]));
  const added: ReportEvent[] = [];
  let alreadyPresent = 0;
  const withdrawnBy = new Map<string, string>();
  for (const event of incoming) {
    const local = reportEventById(storage, event.id);
    if (local) {
      if (!same(local, event)) {
        reject(`Report ${event.id} differs from the one already stored with that id.`);
      }
      alreadyPresent += 1;
      continue;
    }
    if (event.kind === 'withdraw') {
      const target = byId.get(event.withdraws) ?? reportEventById(storage, event.withdraws);
      if (target?.kind !== 'report') {
        reject(`Withdrawal ${event.id} refers to report ${event.withdraws}, which is missing.`);
      }
      // Withdrawn on two devices: one withdrawal says it all, the later one adds nothing.
      if (withdrawnBy.has(event.withdraws) || withdrawalOf(storage, event.withdraws)) {
        alreadyPresent += 1;
        continue;
      }
      withdrawnBy.set(event.withdraws, event.id);
    }
    added.push(event);
  }
  // Reports first, then withdrawals: the foreign key is deferred, but the unique index is not.
  added.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'report' ? -1 : 1));
  return { added, alreadyPresent };
}

function reject(message: string): never {
  throw new ContractError('import-rejected', message);
}
