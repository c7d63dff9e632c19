import { z } from 'zod';
import { documented, reviewSectionDocs } from './schema-docs.ts';
import { nonEmptyTextSchema as text, sectionIdSchema } from './schema-ids.ts';

/**
 * The review a pack teaches, described by its parts (manifest.json `sections`): its abstract and
 * keywords, its body sections by heading, its figures and tables with their captions, its
 * reference list. A review-tier fact names the section it stands in, and a pathway that
 * reproduces a figure names the figure's section, which is the one home of the figure's number,
 * title and caption.
 */

export const sectionKinds = [
  'abstract',
  'keywords',
  'body',
  'figure',
  'table',
  'references',
] as const;
export type SectionKind = (typeof sectionKinds)[number];

/** Kinds that are numbered and captioned ("Figure 2B", "Table 1"). */
export const numberedSectionKinds: readonly SectionKind[] = ['figure', 'table'];

export const reviewSectionSchema = z.strictObject(
  documented(
    {
      id: sectionIdSchema,
      kind: z.enum(sectionKinds),
      title: text,
      number: z
        .string()
        .trim()
        .regex(/^[0-9]+[A-Za-z]?$/, 'must be a figure or table number such as "1" or "2B"')
        .optional(),
      caption: z.string().trim().min(1, 'must not be empty').optional(),
      page: z.number().int().positive().optional(),
    },
    reviewSectionDocs,
  ),
);

export type ReviewSection = z.output<typeof reviewSectionSchema>;
