import type { ReportReason, ReportTarget } from '../../shared/contract/report.ts';
import { num, text, textOrNull, type Row } from './sqlite.ts';
import type { Storage } from './storage.ts';

/** The learner's reports of faulty items and cards: an append-only log of reports and withdrawals. */

export interface ReportFiled {
  readonly kind: 'report';
  readonly id: string;
  readonly deviceId: string;
  readonly target: ReportTarget;
  /** The item's or card's own (internal, stable) id. */
  readonly targetId: string;
  readonly packId: string;
  readonly packVersion: string;
  /** The question or card front as the learner saw it, kept for whoever reads the report later. */
  readonly shownText: string;
  readonly reason: ReportReason;
  readonly note: string | null;
  readonly occurredAt: number;
}

export interface ReportWithdrawn {
  readonly kind: 'withdraw';
  readonly id: string;
  readonly deviceId: string;
  /** The report this withdraws. */
  readonly withdraws: string;
  readonly occurredAt: number;
}

export type ReportEvent = ReportFiled | ReportWithdrawn;

const columns = `id, device_id, kind, target, target_id, pack_id, pack_version, shown_text, reason,
  note, withdraws, occurred_at`;

export const reportSql = {
  insert: `INSERT INTO report_event (${columns}) VALUES (:id, :device_id, :kind, :target,
    :target_id, :pack_id, :pack_version, :shown_text, :reason, :note, :withdraws, :occurred_at)`,
  byId: `SELECT ${columns} FROM report_event WHERE id = ?`,
  all: `SELECT ${columns} FROM report_event ORDER BY occurred_at, id`,
  withdrawalOf: `SELECT id FROM report_event WHERE withdraws = ?`,
} as const;

export function toDbReportEvent(event: ReportEvent): Record<string, string | number | null> {
  const filed = event.kind === 'report' ? event : undefined;
  return {
    id: event.id,
    device_id: event.deviceId,
    kind: event.kind,
    target: filed?.target ?? null,
    target_id: filed?.targetId ?? null,
    pack_id: filed?.packId ?? null,
    pack_version: filed?.packVersion ?? null,
    shown_text: filed?.shownText ?? null,
    reason: filed?.reason ?? null,
    note: filed?.note ?? null,
    withdraws: event.kind === 'withdraw' ? event.withdraws : null,
    occurred_at: event.occurredAt,
  };
}

export function fromDbReportEvent(row: Row): ReportEvent {
  const base = {
    id: text(row, 'id'),
    deviceId: text(row, 'device_id'),
    occurredAt: num(row, 'occurred_at'),
  };
  if (text(row, 'kind') === 'withdraw') {
    return { kind: 'withdraw', ...base, withdraws: text(row, 'withdraws') };
  }
  return {
    kind: 'report',
    ...base,
    // The table's CHECK constraints hold these to the enums.
    target: text(row, 'target') as ReportTarget,
    targetId: text(row, 'target_id'),
    packId: text(row, 'pack_id'),
    packVersion: text(row, 'pack_version'),
    shownText: text(row, 'shown_text'),
    reason: text(row, 'reason') as ReportReason,
    note: textOrNull(row, 'note'),
  };
}

export function insertReportEvent(storage: Storage, event: ReportEvent): void {
  storage.statement(reportSql.insert).run(toDbReportEvent(event));
}

export function reportEventById(storage: Storage, id: string): ReportEvent | undefined {
  const row = storage.statement(reportSql.byId).get(id);
  return row ? fromDbReportEvent(row) : undefined;
}

export function allReportEvents(storage: Storage): ReportEvent[] {
  return storage.statement(reportSql.all).all().map(fromDbReportEvent);
}

/** The id of the withdrawal of a report, if it was withdrawn. */
export function withdrawalOf(storage: Storage, reportId: string): string | undefined {
  const id = storage.statement(reportSql.withdrawalOf).get(reportId)?.id;
  return typeof id === 'string' ? id : undefined;
}
