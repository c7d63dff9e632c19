import { z } from 'zod';
import { relationIds } from './relations.ts';

/**
 * The knowledge-pack format, defined once. `npm run pack:schema` writes the JSON Schema generated
 * from these into each pack folder, for editor completion.
 */

const id = (pattern: RegExp, what: string) => z.string().regex(pattern, `must be ${what}`);
export const entityIdSchema = id(
  /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  'a kebab-case entity id such as "il-32-gamma"',
);
export const factIdSchema = id(/^F\d{3}$/, 'a fact id such as "F001"');
export const backgroundFactIdSchema = id(/^B\d{3}$/, 'a background fact id such as "B001"');
export const pathwayIdSchema = id(/^D\d+$/, 'a pathway id such as "D1"');
export const referenceIdSchema = id(
  /^[A-Za-z0-9:_-]+$/,
  'a reference id such as "R17" or "P:Kim2005"',
);
export const teachingPointIdSchema = id(/^E\d+$/, 'a teaching-point id such as "E1"');
export const inferenceIdSchema = id(/^I\d+$/, 'an inference id such as "I5"');
export const topicIdSchema = entityIdSchema;
const text = z.string().trim().min(1, 'must not be empty');

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

export const entitySchema = z.strictObject({
  id: entityIdSchema,
  name: text,
  type: entityTypeSchema,
  aliases: z.array(text).default([]),
  definition: text.describe('One line, in our own words.'),
  /** Rests on textbook knowledge rather than a source excerpt: background, never a quiz answer on its own. */
  background: z.boolean().default(false),
  /**
   * A term a student of this review must be able to define, so it gets a definition card. Which
   * words are everyday (a lymphocyte, bone loss) and which are the review's own is the author's
   * judgement, not a rule's.
   */
  glossary: z.boolean().default(false),
});

/** Tiers of the review's own facts (facts.json). */
export const factTiers = ['review', 'companion-review', 'primary', 'other'] as const;
/** Every tier; "background" is the textbook layer (background.json) and only it. */
export const tiers = [...factTiers, 'background'] as const;
export const tierSchema = z.enum(tiers);

/** Where in the target review a review-tier fact sits (its body text was not obtainable). */
export const reviewSections = [
  'abstract',
  'keywords',
  'figure-1',
  'figure-2a',
  'figure-2b',
  'references',
] as const;

export const subjectModifiers = [
  'raised',
  'lowered',
  'absent',
  'blocked',
  'silenced',
  'overexpressed',
  'transgenic',
  'added',
  'local',
  'systemic',
] as const;

export const factContextSchema = z.strictObject({
  diseases: z.array(entityIdSchema).default([]),
  compartments: z.array(entityIdSchema).default([]),
  cells: z.array(entityIdSchema).default([]),
  species: z.enum(['human', 'mouse', 'human-and-mouse', 'unspecified']).default('unspecified'),
  setting: z.enum(['general', 'in-vitro', 'in-vivo', 'clinical', 'historical']).default('general'),
  /** Short free text for what the structured fields cannot say (e.g. "with RANKL co-stimulation"). */
  note: z.string().trim().optional(),
});

export const factSchema = z.strictObject({
  id: factIdSchema,
  /** The fact as a full sentence, in our own words, for a student reader. */
  text,
  subject: entityIdSchema,
  /** How the subject is perturbed or qualified in this fact (e.g. "absent" for a knockout). */
  subjectModifier: z.enum(subjectModifiers).optional(),
  /** Further subjects acting together with the subject (IL-12 + IL-18). */
  coSubjects: z.array(entityIdSchema).default([]),
  relation: z.enum(relationIds),
  /** An entity id, or a literal (year, count, locus) when the relation's objectKind is "literal". */
  object: text,
  /** Extra words the object needs in a sentence ("with nanomolar affinity"). */
  objectDetail: z.string().trim().optional(),
  context: factContextSchema,
  topic: topicIdSchema,
  tier: tierSchema,
  section: z.enum(reviewSections).optional(),
  references: z.array(referenceIdSchema).min(1, 'every fact cites at least one reference'),
  highYield: z.boolean().default(false),
  contested: z
    .strictObject({
      with: z.array(factIdSchema).min(1),
      note: text,
      teachingPoint: teachingPointIdSchema.optional(),
    })
    .optional(),
});

/** A row of facts.json: the review's facts, which never take the background tier. */
export const reviewFactSchema = factSchema.extend({ tier: z.enum(factTiers) });

/**
 * background.json: textbook knowledge about the entities the review's facts mention (TNF-α
 * activates NF-κB, IL-32γ is an isoform of IL-32), so that no generated item denies it. Shaped
 * like a fact, with its own ids and tier, no review section, and textbook references only.
 */
export const backgroundFactSchema = factSchema
  .omit({ id: true, tier: true, section: true })
  .extend({ id: backgroundFactIdSchema, tier: z.literal('background') });

export const edgeSigns = [
  'stimulates',
  'inhibits',
  'increases-level',
  'decreases-level',
  'no-difference',
] as const;
export const edgeSignSchema = z.enum(edgeSigns);

export const nodeIdSchema = id(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case node id');
export const edgeIdSchema = id(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case edge id');

export const pathwayNodeSchema = z.strictObject({
  id: nodeIdSchema,
  entity: entityIdSchema,
  /** Display label when it differs from the entity's name (e.g. "IL-32γ (systemic)"). */
  label: z.string().trim().optional(),
  /** Compartment entity id: the group the node is drawn in. */
  compartment: entityIdSchema,
  /** Panels/contexts the node belongs to; empty = every context of the pathway. */
  contexts: z.array(entityIdSchema).default([]),
  /** A level drawn on the figure (e.g. systemic IL-32γ lowered in osteoporosis). */
  level: z.enum(['raised', 'lowered', 'unchanged']).optional(),
});

export const pathwayEdgeSchema = z.strictObject({
  id: edgeIdSchema,
  /** Node ids (not entity ids) in the same pathway; checked by the validator, with suggestions. */
  from: z.string(),
  to: z.string(),
  sign: edgeSignSchema,
  factIds: z.array(factIdSchema).default([]),
  /** Rests on an inference (dossier C9), not a fact: drawn dashed, never a quiz answer. */
  inferred: z.boolean().default(false),
  inference: inferenceIdSchema.optional(),
  contexts: z.array(entityIdSchema).default([]),
  note: z.string().trim().optional(),
});

export const pathwayContextSchema = z.strictObject({
  id: entityIdSchema,
  label: text,
  description: text,
});

/**
 * How a pathway is drawn so it reads left to right like its figure, and what the layout keeps
 * that the layout figures count against it. Drawing hints only: nothing here is a fact, and the
 * study engine never reads it.
 */
export const pathwayDrawingSchema = z.strictObject({
  /**
   * Compartments drawn inside another, as figures draw a cell inside the space around it
   * (`{"intracellular": "extracellular-space"}`): signals then flow in and back out left to right.
   */
  within: z.record(entityIdSchema, entityIdSchema).default({}),
  /**
   * The edge crossings the layout keeps, with why (which links cross, and why no drawing tried
   * avoids them); the layout test holds the drawing to exactly this count.
   */
  crossings: z.strictObject({ count: z.number().int().positive(), reason: text }).optional(),
});

export const pathwaySchema = z.strictObject({
  id: pathwayIdSchema,
  title: text,
  /** The review figure it reproduces, if any ("Figure 1", "Figure 2A"). */
  figure: z.string().trim().optional(),
  summary: text,
  tier: z.enum(factTiers),
  references: z.array(referenceIdSchema).min(1),
  contexts: z.array(pathwayContextSchema).default([]),
  nodes: z.array(pathwayNodeSchema).min(2),
  edges: z.array(pathwayEdgeSchema).min(1),
  /** Statements about the whole diagram (e.g. "in AS the formation arm outweighs the resorption arm"). */
  annotations: z.array(z.strictObject({ text, factIds: z.array(factIdSchema).min(1) })).default([]),
  /** Layout hints and the layout figures it cannot meet, explained (`layout-quality.ts`). */
  drawing: pathwayDrawingSchema.optional(),
});

export const inferenceSchema = z.strictObject({ id: inferenceIdSchema, text });

/** "textbook": a textbook or landmark review, cited by background facts and only by them. */
export const referenceKinds = [
  'target-review',
  'companion-review',
  'primary',
  'secondary',
  'other',
  'textbook',
] as const;

export const referenceSchema = z.strictObject({
  id: referenceIdSchema,
  kind: z.enum(referenceKinds),
  authors: z.array(text).min(1),
  title: text,
  journal: z.string().trim().optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  volume: z.string().trim().optional(),
  pages: z.string().trim().optional(),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, 'must be a bare DOI such as 10.4078/jrd.2017.24.1.14')
    .optional(),
  url: z.url({ protocol: /^https$/ }).optional(),
  /** Its number in the review's reference list, where visible. */
  reviewReferenceNumber: z.number().int().positive().optional(),
  /** Whether the review cites it: seen in its reference list, probable, or unverified. */
  citedByReview: z.enum(['confirmed', 'probable', 'unverified', 'not-applicable']),
  note: z.string().trim().optional(),
});

export const teachingPointSchema = z.strictObject({
  id: teachingPointIdSchema,
  title: text,
  text,
  factIds: z.array(factIdSchema).min(1),
  pathwayIds: z.array(pathwayIdSchema).default([]),
});

export const topicSchema = z.strictObject({ id: topicIdSchema, title: text, description: text });

export const citationSchema = z.strictObject({
  authors: z.array(text).min(1),
  title: text,
  journal: text,
  year: z.number().int(),
  volume: text,
  issue: text,
  pages: text,
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/),
});

export const manifestSchema = z.strictObject({
  $schema: z.string().optional(),
  id: entityIdSchema,
  title: text,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
  formatVersion: z.literal(1),
  description: text,
  citation: citationSchema,
  /** The reference id of the target review in references.json. */
  reviewReference: referenceIdSchema,
  licence: text,
  attribution: text,
  topics: z.array(topicSchema).min(1),
  inferences: z.array(inferenceSchema).default([]),
  /** What the sources could not tell us; shown on the Source screen so learners know the limits. */
  limitations: z.array(text).default([]),
});

export type Entity = z.output<typeof entitySchema>;
export type EntityType = z.output<typeof entityTypeSchema>;
/** A fact of the review (facts.json) or of the background layer (background.json). */
export type Fact = z.output<typeof factSchema>;
export type FactContext = z.output<typeof factContextSchema>;
export type Tier = z.output<typeof tierSchema>;
export type EdgeSign = z.output<typeof edgeSignSchema>;
export type PathwayNode = z.output<typeof pathwayNodeSchema>;
export type PathwayEdge = z.output<typeof pathwayEdgeSchema>;
export type Pathway = z.output<typeof pathwaySchema>;
export type PathwayDrawing = z.output<typeof pathwayDrawingSchema>;
export type Reference = z.output<typeof referenceSchema>;
export type TeachingPoint = z.output<typeof teachingPointSchema>;
export type Topic = z.output<typeof topicSchema>;
export type Manifest = z.output<typeof manifestSchema>;
export type Inference = z.output<typeof inferenceSchema>;

/** A box in a computed layout: top-left corner and size, in pixels. */
const layoutBoxShape = {
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
};

/**
 * One drawing of a pathway, shaped for React Flow: each compartment is a group node, each pathway
 * node a child of its compartment's group. Group positions are relative to the drawing's top-left;
 * node positions are RELATIVE TO THEIR GROUP (React Flow's `parentId` convention), so a renderer
 * passes them through unchanged. In React Flow a group's id is `group:<compartment>` (node ids are
 * kebab-case, so they cannot collide), and a group must precede its children in the nodes array;
 * `flowBoxes()` in layout.ts produces exactly that list.
 */
export const layoutViewSchema = z.strictObject({
  width: z.number().positive(),
  height: z.number().positive(),
  /** Compartment groups, keyed by compartment entity id. */
  groups: z.record(entityIdSchema, z.strictObject(layoutBoxShape)),
  /** Pathway nodes, keyed by node id, each in the group of its compartment. */
  nodes: z.record(nodeIdSchema, z.strictObject({ ...layoutBoxShape, group: entityIdSchema })),
  /**
   * Each edge's route as drawn, keyed by edge id: points [x, y] from the source's side to the
   * target's, in the view's coordinates, running around the nodes in between. An edge without a
   * route is drawn as a curve.
   */
  edges: z.record(edgeIdSchema, z.array(z.tuple([z.number(), z.number()])).min(2)).default({}),
});

export const pathwayLayoutSchema = z.strictObject({
  /** Every node of the pathway. */
  all: layoutViewSchema,
  /** One drawing per pathway context whose node set differs from the whole (e.g. a figure panel). */
  contexts: z.record(entityIdSchema, layoutViewSchema).default({}),
});

/**
 * layout.json: node positions computed at build time by `npm run pack:layout` (elkjs, layered,
 * left to right). Optional for a learner pack; when present it must cover exactly each pathway's
 * nodes and compartments.
 */
export const layoutSchema = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(1),
  pathways: z.record(pathwayIdSchema, pathwayLayoutSchema),
});
export type PackLayout = z.output<typeof layoutSchema>;
export type PathwayLayout = z.output<typeof pathwayLayoutSchema>;
export type LayoutView = z.output<typeof layoutViewSchema>;

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
  'pathways.json': z.array(pathwaySchema),
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
