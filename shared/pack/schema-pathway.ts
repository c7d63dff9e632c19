import { z } from 'zod';
import {
  annotationDocs,
  crossingsDocs,
  documented,
  pathwayContextDocs,
  pathwayDocs,
  pathwayDrawingDocs,
  pathwayEdgeDocs,
  pathwayNodeDocs,
} from './schema-docs.ts';
import {
  edgeIdSchema,
  entityIdSchema,
  factIdSchema,
  factTiers,
  inferenceIdSchema,
  nodeIdSchema,
  nonEmptyTextSchema as text,
  pathwayIdSchema,
  referenceIdSchema,
  sectionIdSchema,
} from './schema-ids.ts';

/** pathways.json: signed diagrams of the review's mechanisms, each link resting on facts. */

export const edgeSigns = [
  'stimulates',
  'inhibits',
  'increases-level',
  'decreases-level',
  'no-difference',
] as const;
export const edgeSignSchema = z.enum(edgeSigns);

export const pathwayNodeSchema = z.strictObject(
  documented(
    {
      id: nodeIdSchema,
      entity: entityIdSchema,
      label: z.string().trim().optional(),
      compartment: entityIdSchema,
      contexts: z.array(entityIdSchema).default([]),
      level: z.enum(['raised', 'lowered', 'unchanged']).optional(),
    },
    pathwayNodeDocs,
  ),
);

export const pathwayEdgeSchema = z.strictObject(
  documented(
    {
      id: edgeIdSchema,
      // Node ids, checked by the validator (with suggestions), not by the schema.
      from: z.string(),
      to: z.string(),
      sign: edgeSignSchema,
      factIds: z.array(factIdSchema).default([]),
      // Rests on an inference (dossier C9), not a fact: drawn dashed, never a quiz answer.
      inferred: z.boolean().default(false),
      inference: inferenceIdSchema.optional(),
      contexts: z.array(entityIdSchema).default([]),
      note: z.string().trim().optional(),
    },
    pathwayEdgeDocs,
  ),
);

export const pathwayContextSchema = z.strictObject(
  documented({ id: entityIdSchema, label: text, description: text }, pathwayContextDocs),
);

/**
 * How a pathway is drawn so it reads left to right like its figure, and what the layout keeps
 * that the layout figures count against it. Drawing hints only: nothing here is a fact, and the
 * study engine never reads it.
 */
export const pathwayDrawingSchema = z.strictObject(
  documented(
    {
      within: z.record(entityIdSchema, entityIdSchema).default({}),
      crossings: z
        .strictObject(
          documented({ count: z.number().int().positive(), reason: text }, crossingsDocs),
        )
        .optional(),
    },
    pathwayDrawingDocs,
  ),
);

/** A row of pathways.json: a figure pathway leaves its title to its figure section. */
export const pathwayFileSchema = z.strictObject(
  documented(
    {
      id: pathwayIdSchema,
      title: text.optional(),
      figure: sectionIdSchema.optional(),
      summary: text,
      tier: z.enum(factTiers),
      references: z.array(referenceIdSchema).min(1),
      contexts: z.array(pathwayContextSchema).default([]),
      nodes: z.array(pathwayNodeSchema).min(2),
      edges: z.array(pathwayEdgeSchema).min(1),
      annotations: z
        .array(
          z.strictObject(
            documented({ text, factIds: z.array(factIdSchema).min(1) }, annotationDocs),
          ),
        )
        .default([]),
      drawing: pathwayDrawingSchema.optional(),
    },
    pathwayDocs,
  ),
);

/**
 * A pathway as a loaded pack carries it: every pathway has its title, a figure pathway's copied
 * from its figure section by the validator (the file states it once, in the manifest).
 */
export const pathwaySchema = pathwayFileSchema.extend({ title: text.describe(pathwayDocs.title) });

export type EdgeSign = z.output<typeof edgeSignSchema>;
export type PathwayNode = z.output<typeof pathwayNodeSchema>;
export type PathwayEdge = z.output<typeof pathwayEdgeSchema>;
export type Pathway = z.output<typeof pathwaySchema>;
export type PathwayFile = z.output<typeof pathwayFileSchema>;
export type PathwayDrawing = z.output<typeof pathwayDrawingSchema>;
