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
  /** Background facts (ids "B001"…); each cites the textbook reference "T:Textbook". */
  background?: (Omit<z.input<typeof factSchema>, 'topic' | 'tier' | 'references' | 'context'> &
    Partial<z.input<typeof factSchema>>)[];
}): Pack {
  const background = parts.background ?? [];
  return {
    manifest: manifestSchema.parse({
      id: 'tiny',
      title: 'Tiny',
      version: '1.0.0',
      formatVersion: 2,
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
      sections: [
        { id: 'abstract', kind: 'abstract', title: 'Abstract' },
        { id: 'figure-1', kind: 'figure', title: 'A figure', number: '1', caption: 'A scheme.' },
      ],
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
      ...(background.length > 0
        ? [
            referenceSchema.parse({
              id: 'T:Textbook',
              kind: 'textbook',
              authors: ['Murphy K', 'Weaver C'],
              title: 'Textbook',
              year: 2016,
              citedByReview: 'not-applicable',
            }),
          ]
        : []),
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
    background: background.map((f) =>
      factSchema.parse({
        topic: 'topic',
        tier: 'background',
        references: ['T:Textbook'],
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
