import { z } from 'zod';
import {
  documented,
  layoutBoxDocs,
  layoutDocs,
  layoutNodeDocs,
  layoutViewDocs,
  pathwayLayoutDocs,
} from './schema-docs.ts';
import { edgeIdSchema, entityIdSchema, nodeIdSchema, pathwayIdSchema } from './schema-ids.ts';

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
 * `flowBoxes()` in layout.ts produces exactly that list. Edge routes run from the source's side
 * to the target's in the view's coordinates, around the nodes in between.
 */
export const layoutViewSchema = z.strictObject(
  documented(
    {
      width: z.number().positive(),
      height: z.number().positive(),
      groups: z.record(entityIdSchema, z.strictObject(documented(layoutBoxShape, layoutBoxDocs))),
      nodes: z.record(
        nodeIdSchema,
        z.strictObject(documented({ ...layoutBoxShape, group: entityIdSchema }, layoutNodeDocs)),
      ),
      edges: z.record(edgeIdSchema, z.array(z.tuple([z.number(), z.number()])).min(2)).default({}),
    },
    layoutViewDocs,
  ),
);

export const pathwayLayoutSchema = z.strictObject(
  documented(
    {
      all: layoutViewSchema,
      contexts: z.record(entityIdSchema, layoutViewSchema).default({}),
    },
    pathwayLayoutDocs,
  ),
);

/**
 * layout.json: node positions computed at build time by `npm run pack:layout` (elkjs, layered,
 * left to right). Optional for a learner pack; when present it must cover exactly each pathway's
 * nodes and compartments.
 */
export const layoutSchema = z.strictObject(
  documented(
    {
      $schema: z.string().optional(),
      formatVersion: z.literal(1),
      pathways: z.record(pathwayIdSchema, pathwayLayoutSchema),
    },
    layoutDocs,
  ),
);
export type PackLayout = z.output<typeof layoutSchema>;
export type PathwayLayout = z.output<typeof pathwayLayoutSchema>;
export type LayoutView = z.output<typeof layoutViewSchema>;
