import { z } from 'zod';

/** The id and text rules every pack file shares (one home, so an id reads the same everywhere). */

const id = (pattern: RegExp, what: string) => z.string().regex(pattern, `must be ${what}`);
export const entityIdSchema = id(
  /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  'a kebab-case entity id such as "sclerostin" or "tnf-alpha"',
);
export const factIdSchema = id(/^F\d{3}$/, 'a fact id such as "F001"');
export const backgroundFactIdSchema = id(/^B\d{3}$/, 'a background fact id such as "B001"');
export const pathwayIdSchema = id(/^D\d+$/, 'a pathway id such as "D1"');
export const referenceIdSchema = id(
  /^[A-Za-z0-9:_-]+$/,
  'a reference id such as "R1" or "P:Li2005"',
);
export const teachingPointIdSchema = id(/^E\d+$/, 'a teaching-point id such as "E1"');
export const inferenceIdSchema = id(/^I\d+$/, 'an inference id such as "I5"');
export const topicIdSchema = entityIdSchema;
export const nodeIdSchema = id(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case node id');
export const edgeIdSchema = id(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case edge id');
export const sectionIdSchema = id(
  /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  'a kebab-case section id such as "abstract" or "figure-2b"',
);
/** A pack's id, as its manifest's `id`: what names its folder and every record studied in it. */
export const packIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const packIdSchema = id(packIdPattern, 'a kebab-case pack id such as "wnt-bone"').max(100);
export const nonEmptyTextSchema = z.string().trim().min(1, 'must not be empty');

/** Tiers of the review's own facts (facts.json). */
export const factTiers = ['review', 'companion-review', 'primary', 'other'] as const;
