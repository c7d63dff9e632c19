import { z } from 'zod';
import { isStudyDay } from '../../shared/engine/study-day.ts';
import { putSettingRecord, settingRecord } from '../storage/setting-rows.ts';
import type { Storage } from '../storage/storage.ts';

/**
 * Extra new cards allowed on one study day (custom study). Kept as a setting record, so it travels
 * with export and sync like any setting, and it names its day, so it lapses by itself tomorrow.
 */
export const extraNewKey = 'customStudy.extraNew';

const extraNewSchema = z.strictObject({
  studyDay: z.string().refine(isStudyDay),
  count: z.number().int().min(0).max(99_999),
});

/** The extra new cards allowed on `day`; 0 for any other day or an unreadable record. */
export function extraNewCardsOn(storage: Storage, day: string): number {
  const record = settingRecord(storage, extraNewKey);
  if (!record) return 0;
  let value: unknown;
  try {
    value = JSON.parse(record.value);
  } catch {
    return 0;
  }
  const parsed = extraNewSchema.safeParse(value);
  return parsed.success && parsed.data.studyDay === day ? parsed.data.count : 0;
}

/** Adds `count` to the day's extra new cards (a second request the same day adds to the first). */
export function addExtraNewCards(storage: Storage, day: string, count: number, at: number): void {
  const value = { studyDay: day, count: extraNewCardsOn(storage, day) + count };
  putSettingRecord(storage, { key: extraNewKey, value: JSON.stringify(value), updatedAt: at });
}
