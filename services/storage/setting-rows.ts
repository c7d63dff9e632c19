import { num, text, type Row } from './sqlite.ts';
import type { Storage } from './storage.ts';

/** Settings, one row per key; values are JSON, parsed by the settings service's schemas. */

export interface SettingRecord {
  readonly key: string;
  /** JSON text. */
  readonly value: string;
  readonly updatedAt: number;
}

export type DbSetting = { key: string; value: string; updated_at: number };

export function toDbSetting(record: SettingRecord): DbSetting {
  return { key: record.key, value: record.value, updated_at: record.updatedAt };
}

export function fromDbSetting(row: Row): SettingRecord {
  return { key: text(row, 'key'), value: text(row, 'value'), updatedAt: num(row, 'updated_at') };
}

export const settingSql = {
  all: `SELECT key, value, updated_at FROM setting ORDER BY key`,
  byKey: `SELECT key, value, updated_at FROM setting WHERE key = ?`,
  put: `INSERT INTO setting (key, value, updated_at) VALUES (:key, :value, :updated_at)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
} as const;

export function allSettingRecords(storage: Storage): SettingRecord[] {
  return storage.statement(settingSql.all).all().map(fromDbSetting);
}

export function settingRecord(storage: Storage, key: string): SettingRecord | undefined {
  const row = storage.statement(settingSql.byKey).get(key);
  return row ? fromDbSetting(row) : undefined;
}

export function putSettingRecord(storage: Storage, record: SettingRecord): void {
  storage.statement(settingSql.put).run({ ...toDbSetting(record) });
}
