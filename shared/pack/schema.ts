import { z } from 'zod';
import { relationIds } from './relations.ts';
import { measureNames } from './measures.ts';
import { subjectModifiers } from './modifiers.ts';
import { settingNames } from './settings.ts';
import { taxonNames } from './species.ts';
import {
  citationDocs,
  contestedDocs,
  documented,
  entityDocs,
  factContextDocs,
  factDocs,
  inferenceDocs,
  manifestDocs,
  referenceDocs,
  teachingPointDocs,
  topicDocs,
} from './schema-docs.ts';
import {
  backgroundFactIdSchema,
  entityIdSchema,
  factIdSchema,
  factTiers,
  inferenceIdSchema,
  nonEmptyTextSchema as text,
  pathwayIdSchema,
  referenceIdSchema,
  sectionIdSchema,
  teachingPointIdSchema,
  topicIdSchema,
} from './schema-ids.ts';
import { layoutSchema } from './schema-layout.ts';
import { pathwayFileSchema, pathwaySchema } from './schema-pathway.ts';
import { reviewSectionSchema } from './schema-sections.ts';

/**
 * The knowledge-pack format, defined once, one module per part: ids (schema-ids.ts), pathways
 * (schema-pathway.ts), layout (schema-layout.ts) and the rest here. `npm run pack:schema` writes
 * the JSON Schema generated from these into each pack folder, for editor completion; what each
 * field means is in schema-docs.ts, which becomes each property's description.
 */
export * from './schema-ids.ts';
export * from './schema-layout.ts';
export * from './schema-pathway.ts';
export * from './schema-sections.ts';

export const entityTypes = [
  'cytokine',
  'isoform',
  'chemokine',
  'ligand',
  'receptor',
  'protein',
  'enzyme',
  'transcription-factor',
  'kinase',
  'mirna',
  'pathway',
  'lipid-mediator',
  'microbial-product',
  'cell',
  'process',
  'measure',
  'disease',
  'animal-model',
  'compartment',
  'category',
  'gene',
  'drug',
  'species',
] as const;
export const entityTypeSchema = z.enum(entityTypes);

export const entitySchema = z.strictObject(
  documented(
    {
      id: entityIdSchema,
      name: text,
      type: entityTypeSchema,
      aliases: z.array(text).default([]),
      definition: text,
      background: z.boolean().default(false),
      glossary: z.boolean().default(false),
    },
    entityDocs,
  ),
);

/** Every tier; "background" is the textbook layer (background.json) and only it. */
export const tiers = [...factTiers, 'background'] as const;
export const tierSchema = z.enum(tiers);

export { subjectModifiers } from './modifiers.ts';

export const factContextSchema = z.strictObject(
  documented(
    {
      diseases: z.array(entityIdSchema).default([]),
      compartments: z.array(entityIdSchema).default([]),
      cells: z.array(entityIdSchema).default([]),
      species: z
        .array(z.enum(taxonNames))
        .refine((names) => new Set(names).size === names.length, 'names a species twice')
        .default([]),
      setting: z.enum(settingNames).default('general'),
      note: z.string().trim().optional(),
    },
    factContextDocs,
  ),
);

export const factSchema = z.strictObject(
  documented(
    {
      id: factIdSchema,
      text,
      subject: entityIdSchema,
      subjectModifier: z.enum(subjectModifiers).optional(),
      subjectSpecies: z.enum(taxonNames).optional(),
      measure: z.enum(measureNames).optional(),
      coSubjects: z.array(entityIdSchema).default([]),
      relation: z.enum(relationIds),
      object: text,
      objectDetail: z.string().trim().optional(),
      context: factContextSchema,
      topic: topicIdSchema,
      tier: tierSchema,
      section: sectionIdSchema.optional(),
      references: z.array(referenceIdSchema).min(1, 'every fact cites at least one reference'),
      highYield: z.boolean().default(false),
      contested: z
        .strictObject(
          documented(
            {
              with: z.array(factIdSchema).min(1),
              note: text,
              teachingPoint: teachingPointIdSchema.optional(),
            },
            contestedDocs,
          ),
        )
        .optional(),
    },
    factDocs,
  ),
);

/** A row of facts.json: the review's facts, which never take the background tier. */
export const reviewFactSchema = factSchema.extend({
  tier: z.enum(factTiers).describe(factDocs.tier),
});

/**
 * background.json: textbook knowledge about the entities the review's facts mention (TNF-α
 * activates NF-κB, IL-32γ is an isoform of IL-32), so that no generated item denies it. Shaped
 * like a fact, with its own ids and tier, no review section, and textbook references only.
 */
export const backgroundFactSchema = factSchema
  .omit({ id: true, tier: true, section: true })
  .extend({
    id: backgroundFactIdSchema.describe('Background fact id: B and three digits ("B001").'),
    tier: z.literal('background').describe('Always "background" in background.json.'),
  });

export const inferenceSchema = z.strictObject(
  documented({ id: inferenceIdSchema, text }, inferenceDocs),
);

/** "textbook": a textbook or landmark review, cited by background facts and only by them. */
export const referenceKinds = [
  'target-review',
  'companion-review',
  'primary',
  'secondary',
  'other',
  'textbook',
] as const;

const doiSchema = z
  .string()
  .regex(/^10\.\d{4,9}\/\S+$/, 'must be a bare DOI such as 10.1038/nm.3074');

export const referenceSchema = z.strictObject(
  documented(
    {
      id: referenceIdSchema,
      kind: z.enum(referenceKinds),
      authors: z.array(text).min(1),
      title: text,
      journal: z.string().trim().optional(),
      year: z.number().int().min(1900).max(2100).optional(),
      volume: z.string().trim().optional(),
      pages: z.string().trim().optional(),
      doi: doiSchema.optional(),
      url: z.url({ protocol: /^https$/ }).optional(),
      reviewReferenceNumber: z.number().int().positive().optional(),
      citedByReview: z.enum(['confirmed', 'probable', 'unverified', 'not-applicable']),
      note: z.string().trim().optional(),
    },
    referenceDocs,
  ),
);

export const teachingPointSchema = z.strictObject(
  documented(
    {
      id: teachingPointIdSchema,
      title: text,
      text,
      factIds: z.array(factIdSchema).min(1),
      pathwayIds: z.array(pathwayIdSchema).default([]),
    },
    teachingPointDocs,
  ),
);

export const topicSchema = z.strictObject(
  documented({ id: topicIdSchema, title: text, description: text }, topicDocs),
);

export const citationSchema = z.strictObject(
  documented(
    {
      authors: z.array(text).min(1),
      title: text,
      journal: text,
      year: z.number().int(),
      volume: text,
      issue: text,
      pages: text,
      doi: doiSchema,
    },
    citationDocs,
  ),
);

/** Format 2 names species by NCBI Taxonomy; a format-1 pack is upgraded as it is read (upgrade.ts). */
export const packFormatVersion = 2;

export const manifestSchema = z.strictObject(
  documented(
    {
      $schema: z.string().optional(),
      id: entityIdSchema,
      title: text,
      version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
      formatVersion: z.literal(packFormatVersion),
      description: text,
      citation: citationSchema,
      reviewReference: referenceIdSchema,
      licence: text,
      attribution: text,
      topics: z.array(topicSchema).min(1),
      inferences: z.array(inferenceSchema).default([]),
      limitations: z.array(text).default([]),
      sections: z.array(reviewSectionSchema).default([]),
    },
    manifestDocs,
  ),
);

export type Entity = z.output<typeof entitySchema>;
export type EntityType = z.output<typeof entityTypeSchema>;
/** A fact of the review (facts.json) or of the background layer (background.json). */
export type Fact = z.output<typeof factSchema>;
export type FactContext = z.output<typeof factContextSchema>;
export type Tier = z.output<typeof tierSchema>;
export type Reference = z.output<typeof referenceSchema>;
export type TeachingPoint = z.output<typeof teachingPointSchema>;
export type Topic = z.output<typeof topicSchema>;
export type Manifest = z.output<typeof manifestSchema>;
export type Inference = z.output<typeof inferenceSchema>;

/** A validated pack, as the engine and the UI receive it (and as `pack.get` answers). */
export const packSchema = z
  .object({
    manifest: manifestSchema,
    entities: z.array(entitySchema).readonly(),
    facts: z.array(factSchema).readonly(),
    /** Textbook background (background.json); empty when the pack has none. */
    background: z
      .array(factSchema.extend({ id: backgroundFactIdSchema }))
      .readonly()
      .default([]),
    pathways: z.array(pathwaySchema).readonly(),
    references: z.array(referenceSchema).readonly(),
    teachingPoints: z.array(teachingPointSchema).readonly(),
    /** Node positions per pathway (layout.json); absent for a learner pack without one. */
    layout: layoutSchema.optional(),
  })
  .readonly();
export type Pack = z.output<typeof packSchema>;

/** The files of a pack folder and the schema of each; layout.json and background.json are optional. */
export const packFiles = {
  'manifest.json': manifestSchema,
  'entities.json': z.array(entitySchema),
  'facts.json': z.array(reviewFactSchema),
  'background.json': z.array(backgroundFactSchema),
  'pathways.json': z.array(pathwayFileSchema),
  'references.json': z.array(referenceSchema),
  'teaching-points.json': z.array(teachingPointSchema),
  'layout.json': layoutSchema,
} as const;
export type PackFileName = keyof typeof packFiles;
export const packFileNames = Object.keys(packFiles) as PackFileName[];
export const optionalPackFileNames: readonly PackFileName[] = ['layout.json', 'background.json'];
export const requiredPackFileNames: readonly PackFileName[] = packFileNames.filter(
  (name) => !optionalPackFileNames.includes(name),
);
