import { ContractError } from '../../shared/contract/errors.ts';
import {
  defaultSettings,
  settingFields,
  type SettingKey,
  type Settings,
  type SettingsUpdate,
} from '../../shared/contract/settings.ts';
import type { SchedulerConfig } from '../../shared/engine/scheduler.ts';
import { daysBetween, studyDayOf } from '../../shared/engine/study-day.ts';
import { storedTimeline } from '../optimiser/parameter-rows.ts';
import { allSettingRecords, putSettingRecord } from '../storage/setting-rows.ts';
import { withTransaction } from '../storage/sqlite.ts';
import type { Storage } from '../storage/storage.ts';

const settingKeys = Object.keys(defaultSettings) as SettingKey[];

/** The learner's settings, stored per key; a missing or unreadable value falls back to its default. */
export class SettingsService {
  readonly #storage: Storage;
  readonly #now: () => Date;
  readonly #fuzz: boolean;

  constructor(storage: Storage, now: () => Date, options: { readonly fuzz: boolean }) {
    this.#storage = storage;
    this.#now = now;
    this.#fuzz = options.fuzz;
  }

  get(): Settings {
    const settings: Record<string, unknown> = { ...defaultSettings };
    for (const record of allSettingRecords(this.#storage)) {
      if (!isSettingKey(record.key)) continue;
      const parsed = settingFields[record.key].safeParse(parseJson(record.value));
      if (parsed.success) settings[record.key] = parsed.data;
    }
    return settings as Settings;
  }

  /** Whether the learner (or a device synced with) ever set `key`: its default is no choice. */
  isSet(key: SettingKey): boolean {
    return allSettingRecords(this.#storage).some((record) => record.key === key);
  }

  /** `studyPack` is not a SettingsUpdate field: only switching packs sets it (app-services.ts). */
  update(update: SettingsUpdate | Pick<Settings, 'studyPack'>): Settings {
    if ('studyPack' in update) return this.#put(update);
    const today = studyDayOf(this.#now().getTime());
    if (update.examDate && daysBetween(today, update.examDate) < 0) {
      throw new ContractError(
        'invalid-request',
        `The exam date ${update.examDate} is in the past (today is ${today}).`,
      );
    }
    return this.#put(update);
  }

  #put(update: Partial<Settings>): Settings {
    const updatedAt = this.#now().getTime();
    withTransaction(this.#storage.db(), () => {
      for (const key of settingKeys) {
        if (!(key in update)) continue;
        putSettingRecord(this.#storage, { key, value: JSON.stringify(update[key]), updatedAt });
      }
    });
    return this.get();
  }

  schedulerConfig(): SchedulerConfig {
    return {
      desiredRetention: this.get().desiredRetention,
      fuzz: this.#fuzz,
      weights: storedTimeline(this.#storage).weightsAt(this.#now().getTime()),
    };
  }
}

export function isSettingKey(key: string): key is SettingKey {
  return (settingKeys as string[]).includes(key);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
