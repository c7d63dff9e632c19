import type { z } from 'zod';
import {
  entitySchema,
  factSchema,
  manifestSchema,
  pathwaySchema,
  referenceSchema,
  type Pack,
} from '../../shared/pack/schema.ts';

/** A pack written inline for one test, run through the schemas so defaults apply. */
export function tinyPack(parts: {
  entities: z.input<typeof entitySchema>[];
  facts: (Omit<z.input<typeof factSchema>, 'topic' | 'tier' | 'references' | 'context'> &
    Partial<z.input<typeof factSchema>>)[];
  pathways?: z.input<typeof pathwaySchema>[];
}): Pack {
  return {
    manifest: manifestSchema.parse({
      id: 'tiny',
      title: 'Tiny',
      version: '1.0.0',
      formatVersion: 1,
      description: 'A pack for one test.',
      citation: {
        authors: ['Lee E-J'],
        title: 'Review',
        journal: 'J',
        year: 2017,
        volume: '1',
        issue: '1',
        pages: '1-2',
        doi: '10.1000/x',
      },
      reviewReference: 'R17',
      licence: 'test',
      attribution: 'test',
      topics: [{ id: 'topic', title: 'Topic', description: 'Topic.' }],
    }),
    references: [
      referenceSchema.parse({
        id: 'R17',
        kind: 'target-review',
        authors: ['Lee E-J', 'Choi B', 'Hwang E-S'],
        title: 'Review',
        year: 2017,
        citedByReview: 'not-applicable',
      }),
      referenceSchema.parse({
        id: 'P:Study',
        kind: 'primary',
        authors: ['Kim YG', 'Lee CK', 'Oh JS'],
        title: 'Study',
        year: 2012,
        citedByReview: 'unverified',
      }),
    ],
    entities: parts.entities.map((e) => entitySchema.parse(e)),
    facts: parts.facts.map((f) =>
      factSchema.parse({
        topic: 'topic',
        tier: 'review',
        section: 'figure-1',
        references: ['R17'],
        context: {},
        ...f,
      }),
    ),
    pathways: (parts.pathways ?? []).map((p) => pathwaySchema.parse(p)),
    teachingPoints: [],
  };
}

export const molecule = (id: string, name: string, aliases: string[] = []) => ({
  id,
  name,
  type: 'protein' as const,
  aliases,
  definition: `${name}, a protein.`,
});
