import type { EdgeSign, PathwayEdge } from '../pack/schema.ts';

/**
 * Grades a learner's "build the pathway" attempt against a pathway's edges. Links are directed
 * (from → to, pathway node ids) and compared by POLARITY, not by the exact sign: "raises the level
 * of" and "stimulates" are both a positive influence, and the exercise asks for the direction of
 * influence, not for the wording of the source. Edges that rest on an inference are never required:
 * drawing one is neither missing nor extra.
 */

export type Polarity = 'positive' | 'negative' | 'none';

export function polarityOf(sign: EdgeSign): Polarity {
  switch (sign) {
    case 'stimulates':
    case 'increases-level':
      return 'positive';
    case 'inhibits':
    case 'decreases-level':
      return 'negative';
    case 'no-difference':
      return 'none';
  }
}

export interface DrawnLink {
  readonly from: string;
  readonly to: string;
  readonly polarity: Polarity;
}

type KeyEdge = Pick<PathwayEdge, 'id' | 'from' | 'to' | 'sign' | 'inferred'>;

export interface GradedLink {
  readonly link: DrawnLink;
  /** The pathway edge it matched, if any. */
  readonly edgeId?: string;
}

export interface WrongSignLink extends GradedLink {
  readonly edgeId: string;
  readonly expected: Polarity;
}

export interface ExtraLink extends GradedLink {
  /** The learner drew an existing edge backwards: the id of the edge they reversed. */
  readonly reverses?: string;
}

export interface PathwayGrade {
  readonly correct: readonly GradedLink[];
  readonly wrongSign: readonly WrongSignLink[];
  /** Required edges the learner did not draw (in either sign). */
  readonly missing: readonly KeyEdge[];
  readonly extra: readonly ExtraLink[];
  /** Inferred edges drawn with the right polarity: shown as a bonus, never counted. */
  readonly inferredFound: readonly GradedLink[];
  /** Drawn more than once (same from and to): only the first counts. */
  readonly duplicates: readonly DrawnLink[];
  /** Required edges drawn with the right polarity, out of all required edges. */
  readonly score: { readonly correct: number; readonly required: number };
}

const pairKey = (from: string, to: string): string => `${from}\u0000${to}`;

export function gradePathway(
  answerKey: readonly KeyEdge[],
  attempt: readonly DrawnLink[],
): PathwayGrade {
  const byPair = new Map(answerKey.map((edge) => [pairKey(edge.from, edge.to), edge]));
  const seen = new Set<string>();
  const correct: GradedLink[] = [];
  const wrongSign: WrongSignLink[] = [];
  const extra: ExtraLink[] = [];
  const inferredFound: GradedLink[] = [];
  const duplicates: DrawnLink[] = [];

  for (const link of attempt) {
    const key = pairKey(link.from, link.to);
    if (seen.has(key)) {
      duplicates.push(link);
      continue;
    }
    seen.add(key);
    const edge = byPair.get(key);
    if (!edge) {
      const reversed = byPair.get(pairKey(link.to, link.from));
      extra.push(reversed ? { link, reverses: reversed.id } : { link });
      continue;
    }
    const expected = polarityOf(edge.sign);
    if (expected !== link.polarity) wrongSign.push({ link, edgeId: edge.id, expected });
    else if (edge.inferred) inferredFound.push({ link, edgeId: edge.id });
    else correct.push({ link, edgeId: edge.id });
  }

  const required = answerKey.filter((edge) => !edge.inferred);
  const missing = required.filter((edge) => !seen.has(pairKey(edge.from, edge.to)));
  return {
    correct,
    wrongSign,
    missing,
    extra,
    inferredFound,
    duplicates,
    score: { correct: correct.length, required: required.length },
  };
}
