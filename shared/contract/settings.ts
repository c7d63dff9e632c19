import { z } from 'zod';
import { isStudyDay } from '../engine/study-day.ts';
import { channel, noRequest } from './define.ts';
import { packIdSchema } from '../pack/schema-ids.ts';
import { defaultStudyPackId } from './pack.ts';

/** Kept here, not in the scheduler, so the renderer can use it without bundling ts-fsrs. */
export const desiredRetentionRange = { min: 0.7, max: 0.99 } as const;

export const themes = ['system', 'light', 'dark'] as const;
export const reducedMotionChoices = ['system', 'on', 'off'] as const;

export const studyDaySchema = z
  .string()
  .max(10)
  .refine(isStudyDay, 'must be a calendar date written YYYY-MM-DD');

/** One entry per setting: its schema bounds what a request may set. */
export const settingFields = {
  desiredRetention: z.number().min(desiredRetentionRange.min).max(desiredRetentionRange.max),
  newCardsPerDay: z.number().int().min(0).max(9999),
  reviewsPerDay: z.number().int().min(0).max(99_999),
  /** The exam's day, or null for no exam mode. */
  examDate: studyDaySchema.nullable(),
  theme: z.enum(themes),
  reducedMotion: z.enum(reducedMotionChoices),
  /** Once a card is answered, its siblings (cards from the same fact) wait for the next day. */
  burySiblings: z.boolean(),
  /** The pack being studied; chosen through `pack.choose`, which checks it is installed. */
  studyPack: packIdSchema,
};

export const settingsSchema = z.object(settingFields);
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const defaultSettings: Settings = {
  desiredRetention: 0.9,
  newCardsPerDay: 20,
  reviewsPerDay: 200,
  examDate: null,
  theme: 'system',
  reducedMotion: 'system',
  burySiblings: true,
  studyPack: defaultStudyPackId,
};

export const settingsUpdateSchema = z
  .strictObject({
    desiredRetention: settingFields.desiredRetention.optional(),
    newCardsPerDay: settingFields.newCardsPerDay.optional(),
    reviewsPerDay: settingFields.reviewsPerDay.optional(),
    examDate: settingFields.examDate.optional(),
    theme: settingFields.theme.optional(),
    reducedMotion: settingFields.reducedMotion.optional(),
    burySiblings: settingFields.burySiblings.optional(),
  })
  .refine((update) => Object.keys(update).length > 0, 'name at least one setting to change');
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export const settingsChannels = {
  'settings.get': channel(noRequest, settingsSchema),
  'settings.update': channel(settingsUpdateSchema, settingsSchema),
};
