import { measures } from './measures.ts';
import { modifiers } from './modifiers.ts';
import { settings } from './settings.ts';
import type { z } from 'zod';

/**
 * What every field of a pack file means, for the JSON Schema's `description` (editor hover and
 * completion) and docs/packs.md. Kept apart from schema.ts so the format stays readable there;
 * `documented()` makes each object's descriptions cover exactly its fields (a compile error
 * otherwise), and a unit test walks the generated JSON Schema for any property left bare.
 */

type Shape = Readonly<Record<string, z.ZodType>>;
type Docs<S extends Shape> = { readonly [Field in keyof S]: string };
/** A description of a field the shape does not have is a compile error too. */
type Exact<S extends Shape, D> = D & { readonly [Extra in Exclude<keyof D, keyof S>]: never };

/** The shape with each field described; the field types are unchanged. */
export function documented<S extends Shape, D extends Docs<S>>(shape: S, docs: Exact<S, D>): S {
  const described: Record<string, z.ZodType> = {};
  for (const [field, schema] of Object.entries(shape)) {
    described[field] = schema.describe(docs[field as keyof S]);
  }
  // `describe` returns a copy of the same schema type, so the shape's field types hold.
  return described as unknown as S;
}

const schemaPointer =
  'Optional path to this file\'s JSON Schema (e.g. "./schema/manifest.schema.json"), so editors complete and check fields.';

export const entityDocs = {
  id: 'Kebab-case id (lower-case letters, digits, hyphens), e.g. "sclerostin"; facts and pathway nodes refer to the entity by it.',
  name: 'The name learners read, e.g. "Sclerostin" or "TNF-α"; no other entity may use it as a name or alias.',
  type: 'What kind of thing it is; some places need a kind (a fact context\'s diseases take "disease" or "animal-model", cells "cell", compartments "compartment").',
  aliases: 'Other names and abbreviations, e.g. ["SOST"]; search finds the entity by them.',
  definition: 'One line, in your own words, saying what it is.',
  background:
    'true when what the pack says of it rests on textbook knowledge rather than a source: it is never a quiz answer on its own. Default false.',
  glossary:
    "true for a term a student of this review must be able to define: it gets a definition card. Which words are everyday and which are the review's own is the author's judgement. Default false.",
} as const;

export const factContextDocs = {
  diseases: 'Ids of the disease or animal-model entities the finding was made in; default [].',
  compartments:
    'Ids of compartment entities where it was measured (serum, synovial fluid, bone marrow); default [].',
  cells: 'Ids of cell entities the finding concerns or was made in; default [].',
  species:
    'The species the finding was made in, by NCBI Taxonomy scientific name ("Homo sapiens", "Mus musculus", "Rattus norvegicus"…); [] (default) when the source does not say or the fact is general. Items keep it as a qualifier, and the validator holds a species the text names ("in rats") to this list.',
  setting: `How it was found: ${Object.entries(settings)
    .map(([name, def]) => `"${name}" (${def.docs})`)
    .join(', ')}.`,
  note: 'Short free text for what the structured fields cannot say, e.g. "with RANKL co-stimulation"; kept in the learner-facing wording.',
} as const;

export const contestedDocs = {
  with: 'Ids of the facts this one disagrees with (at least one).',
  note: 'What differs between the findings, in a sentence (shown to learners).',
  teachingPoint: 'Optional id of the teaching point that discusses the disagreement.',
} as const;

const modifierList = Object.entries(modifiers)
  .map(([name, def]) => `"${name}" (${def.docs})`)
  .join(', ');

export const factDocs = {
  id: 'Fact id: F and three digits ("F001") in facts.json; B and three digits ("B001") in background.json.',
  text: 'The fact as one full sentence in your own words; it becomes the cloze card and the explanation, so the validator holds its qualifiers (negation, species, compartment, manipulation) to the structured fields.',
  subject: 'Id of the entity the fact is about (the one that acts, or is measured).',
  subjectModifier: `How the subject was changed or qualified: ${modifierList}.`,
  measure: `What the finding measured of the thing that changed, when the sentence says so: ${Object.entries(
    measures,
  )
    .map(([name, def]) => `"${name}" (${def.docs})`)
    .join(', ')}. For a level relation it is the subject's; for an effect, the object's.`,
  subjectSpecies:
    'Where the changed subject came from when it is not the species studied: "Homo sapiens" for a human transgene or human protein given to mice. Items say it ("a human TNF-α transgene").',
  coSubjects:
    'Ids of further subjects acting together with the subject (IL-12 with IL-18); default [].',
  relation:
    'One relation from the closed vocabulary (shared/pack/relations.ts); it decides the sentence the items phrase, the sign of a pathway link and which quiz kinds can use the fact.',
  object:
    'Id of the object entity, or a literal value (a year, a count, a name) when the relation takes one ("has-isoform-count", "first-identified-in").',
  objectDetail: 'Extra words the object needs in a sentence, e.g. "with nanomolar affinity".',
  context:
    'Where and how the finding holds: diseases, compartments, cells, species, setting, note. Write {} for a general fact.',
  topic: "Id of one of the manifest's topics; cards and items are grouped by it.",
  tier: 'Where the fact comes from: "review" (the target review states it), "companion-review", "primary" (a primary study), "other"; "background" only in background.json.',
  section:
    'Where in the target review a review-tier fact sits: the id of one of the manifest\'s sections ("abstract", "figure-2b"). Required for tier "review", left out for background facts.',
  references:
    'Ids of the references that support the fact (at least one); a review-tier fact cites the target review.',
  highYield:
    'true for a fact every learner must know: it must get a card or quiz item and a quiz item, and items on it may carry the high-yield mark. Default false.',
  contested: 'Present when sources disagree: which facts it contests and why.',
} as const;

export const pathwayNodeDocs = {
  id: 'Kebab-case node id, unique in the pathway; edges name nodes by it.',
  entity: 'Id of the entity the node stands for.',
  label: 'Display label when it differs from the entity\'s name, e.g. "Sclerostin (serum)".',
  compartment: 'Id of the compartment entity the node is drawn in (its group on the diagram).',
  contexts:
    'Ids of the pathway contexts (panels) the node belongs to; empty (default) means every context.',
  level: 'A level the figure draws on the node: "raised", "lowered" or "unchanged".',
} as const;

export const pathwayEdgeDocs = {
  id: 'Kebab-case edge id, unique in the pathway.',
  from: "Node id (not entity id) of the edge's source, in the same pathway.",
  to: "Node id (not entity id) of the edge's target, in the same pathway.",
  sign: 'What the source does to the target: "stimulates", "inhibits", "increases-level", "decreases-level" or "no-difference".',
  factIds:
    'Ids of the facts that state this link; an edge is asked in a quiz only when a fact states it with its sign.',
  inferred:
    'true for a link no fact states, resting on a manifest inference: drawn dashed, never a quiz answer. Default false.',
  inference: 'Id of the manifest inference ("I1") an inferred edge rests on.',
  contexts:
    'Ids of the contexts the edge is drawn in; empty (default) means every context showing both nodes.',
  note: 'Short free text shown with the edge.',
} as const;

export const pathwayContextDocs = {
  id: 'Kebab-case id of the context (a figure panel or a disease setting), unique in the pathway.',
  label: 'Short label learners pick the context by, e.g. "In AS".',
  description: 'One sentence on what this context shows.',
} as const;

export const crossingsDocs = {
  count:
    'How many edge crossings the layout keeps (a positive whole number); the layout test holds the drawing to it.',
  reason: 'Which links cross and why no drawing avoids them.',
} as const;

export const pathwayDrawingDocs = {
  within:
    'Compartments drawn inside another, e.g. {"intracellular": "extracellular-space"}, so signals read left to right; default {}.',
  crossings: 'The edge crossings the layout keeps, with why; leave out when there are none.',
} as const;

export const annotationDocs = {
  text: 'A statement about the whole diagram, e.g. which arm outweighs the other.',
  factIds: 'Ids of the facts it rests on (at least one).',
} as const;

export const pathwayDocs = {
  id: 'Pathway id: D and a number ("D1").',
  title:
    "The title learners read, for a pathway that reproduces no figure (a figure pathway takes its figure section's title instead). It should not reveal the signs of its links.",
  figure:
    'The review figure it reproduces, if any: the id of a manifest section of kind "figure" (e.g. "figure-2a"), whose number, title and caption learners see.',
  summary: 'One or two sentences on what the pathway shows.',
  tier: 'Where the pathway comes from: "review", "companion-review", "primary" or "other".',
  references: 'Ids of the references it rests on (at least one).',
  contexts:
    'Panels or settings the diagram can be shown in (each a subset of nodes and edges); default [].',
  nodes: 'The entities drawn, each in a compartment (at least two).',
  edges: 'The signed links between nodes (at least one).',
  annotations: 'Statements about the whole diagram, each resting on facts; default [].',
  drawing:
    'Layout hints: compartments inside others and the crossings the layout keeps. Never read by the study engine.',
} as const;

export const inferenceDocs = {
  id: 'Inference id: I and a number ("I1").',
  text: 'The step the sources imply but do not state, and why it is only inferred.',
} as const;

export const referenceDocs = {
  id: 'Reference id: letters, digits, ":", "_" or "-", e.g. "R1" or "P:Li2005".',
  kind: 'What it is: "target-review" (the review the pack teaches), "companion-review", "primary", "secondary", "other", or "textbook" (cited by background facts, and only by them).',
  authors: 'Author names as cited, e.g. ["Li X", "Zhang Y"] (at least one).',
  title: 'The title of the work.',
  journal: 'Journal abbreviation, e.g. "J Biol Chem".',
  year: 'Year of publication (1900–2100).',
  volume: 'Volume, as text, e.g. "280".',
  pages: 'Pages or article number, as text, e.g. "19883-7".',
  doi: 'A bare DOI without "https://doi.org/", e.g. "10.1074/jbc.M413274200".',
  url: 'An https link, where there is no DOI.',
  reviewReferenceNumber: "Its number in the target review's reference list, where visible.",
  citedByReview:
    'Whether the target review cites it: "confirmed" (seen in its reference list), "probable", "unverified", or "not-applicable" (the review itself, textbooks).',
  note: 'Free text, e.g. how the work was found or what of it the pack uses.',
} as const;

export const teachingPointDocs = {
  id: 'Teaching-point id: E and a number ("E1").',
  title: 'A short title.',
  text: 'The point in a few sentences: what to take away, or how to reconcile findings.',
  factIds: 'Ids of the facts it rests on (at least one).',
  pathwayIds: 'Ids of the pathways it explains; default [].',
} as const;

export const topicDocs = {
  id: 'Kebab-case topic id; each fact names one in "topic".',
  title: "The topic's title, shown in study and progress screens.",
  description: 'One sentence on what the topic covers.',
} as const;

export const citationDocs = {
  authors: 'The review\'s authors as cited, e.g. ["Li X", "Zhang Y"].',
  title: "The review's title.",
  journal: 'Journal abbreviation.',
  year: 'Year of publication.',
  volume: 'Volume, as text.',
  issue: 'Issue, as text.',
  pages: 'Pages, as text, e.g. "179-192".',
  doi: 'The review\'s bare DOI, e.g. "10.1038/nm.3074".',
} as const;

export const manifestDocs = {
  $schema: schemaPointer,
  id: 'Kebab-case pack id, e.g. "sclerostin-wnt"; it names the pack\'s folder and keys the learner\'s progress.',
  title: "The pack's title as learners see it.",
  version: 'The pack\'s own version, semantic: "1.0.0".',
  formatVersion:
    'The pack format version: 2 (species by NCBI Taxonomy name). A format-1 pack is upgraded as it is read.',
  description: 'A paragraph on what the pack teaches and where its facts come from.',
  citation: 'The full citation of the review the pack teaches.',
  reviewReference: 'Id of the review\'s own entry in references.json (kind "target-review").',
  licence: 'Under what terms the review and this pack may be used.',
  attribution: 'Whose work the pack summarises.',
  topics: 'The topics facts are grouped in (at least one).',
  inferences:
    'Steps the sources imply but do not state, which inferred pathway edges rest on; default [].',
  limitations:
    'What the sources could not tell; shown on the Source screen so learners know the limits. Default [].',
  sections:
    'The parts of the review, in reading order: abstract, keywords, body sections by heading, figures and tables, reference list. Review-tier facts and figure pathways name them by id. Default [].',
} as const;

export const reviewSectionDocs = {
  id: 'Kebab-case section id, unique in the manifest, e.g. "abstract", "sclerostin-in-bone" or "figure-2b".',
  kind: 'What part of the review it is: "abstract", "keywords", "body", "figure", "table" or "references".',
  title:
    'What learners read: a body section\'s heading ("Sclerostin in bone"), "Abstract", or a figure\'s or table\'s title in our own words.',
  number:
    'A figure\'s or table\'s number as the review prints it: "1", "2B". Figures and tables only, and required for them.',
  caption:
    "A figure's or table's caption, summarised in our own words (never quoted). Figures and tables only, and required for them.",
  page: 'The page of the review it starts on, if known.',
} as const;

export const layoutBoxDocs = {
  x: 'Left edge, in pixels.',
  y: 'Top edge, in pixels.',
  width: 'Width, in pixels.',
  height: 'Height, in pixels.',
} as const;

export const layoutNodeDocs = {
  ...layoutBoxDocs,
  x: 'Left edge, in pixels, relative to its group.',
  y: 'Top edge, in pixels, relative to its group.',
  group: 'The compartment (group) the node is drawn in.',
} as const;

export const layoutViewDocs = {
  width: 'Width of the drawing, in pixels.',
  height: 'Height of the drawing, in pixels.',
  groups: 'Compartment groups, keyed by compartment entity id.',
  nodes: 'Pathway nodes, keyed by node id, each positioned relative to its group.',
  edges:
    "Each edge's route as drawn, keyed by edge id: [x, y] points from source to target. An edge without a route is drawn as a curve.",
} as const;

export const pathwayLayoutDocs = {
  all: 'The drawing with every node of the pathway.',
  contexts: 'One drawing per context whose node set differs from the whole, keyed by context id.',
} as const;

export const layoutDocs = {
  $schema: schemaPointer,
  formatVersion: 'The layout format version; 1.',
  pathways:
    'Computed drawings keyed by pathway id. Generated by npm run pack:layout: do not edit by hand.',
} as const;
