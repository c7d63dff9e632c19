import type { Pathway } from '../pack/schema.ts';
import { countedQuizAnswers, type QuizEvidenceAnswer } from './quiz-evidence.ts';

/**
 * Pathway mastery from all the learner's evidence: each card's predicted recall now (a card never
 * rated counts 0), the quiz answers that count on the facts behind the node or edge (the same rule
 * as topic mastery: `countedQuizAnswers` in `quiz-evidence.ts`), and, for a node, the latest Quiz me attempt at naming it (right 1, wrong or revealed 0).
 * Mastery is the mean over those pieces of evidence, so a learner who has studied nothing scores
 * 0 and one who only names nodes on the diagram moves above 0; each source is counted, so the
 * overlay can say what it rests on.
 */

export interface CardEvidence {
  readonly factIds: readonly string[];
  /** Predicted recall now, 0–1; 0 for a card never rated. */
  readonly recall: number;
}

export interface NamingEvidence {
  readonly pathwayId: string;
  readonly nodeId: string;
  readonly correct: boolean;
  readonly answeredAt: number;
}

export interface EvidenceMastery {
  /** 0–1, or null when nothing tests it yet. */
  readonly mastery: number | null;
  /** Facts behind it (on its links) that a card or a quiz question tests. */
  readonly facts: number;
  readonly cards: number;
  /** Quiz answers counted (each once, however many of its facts lie behind it). */
  readonly quizAnswers: number;
  /** Quiz me naming attempts counted (the latest one), 0 or 1; always 0 for an edge. */
  readonly quizMe: number;
}

export interface PathwayMastery {
  readonly nodes: readonly (EvidenceMastery & { pathwayId: string; nodeId: string })[];
  readonly edges: readonly (EvidenceMastery & { pathwayId: string; edgeId: string })[];
}

export function computePathwayMastery(
  pathways: readonly Pathway[],
  cards: readonly CardEvidence[],
  answers: readonly QuizEvidenceAnswer[],
  namings: readonly NamingEvidence[],
  at: number,
): PathwayMastery {
  const cardsByFact = groupByFact(cards);
  const answersByFact = countedQuizAnswers(answers, at);
  const latestNaming = new Map(
    latestBy(namings, (naming) => `${naming.pathwayId}/${naming.nodeId}`).map((naming) => [
      `${naming.pathwayId}/${naming.nodeId}`,
      naming,
    ]),
  );
  const evidenceFor = (factIds: ReadonlySet<string>, naming: NamingEvidence | undefined) => {
    const cardSet = collect(factIds, cardsByFact);
    const answerSet = collect(factIds, answersByFact);
    let sum = 0;
    for (const card of cardSet) sum += card.recall;
    for (const answer of answerSet) sum += answer.correct ? 1 : 0;
    if (naming?.correct) sum += 1;
    const count = cardSet.size + answerSet.size + (naming ? 1 : 0);
    return {
      mastery: count === 0 ? null : sum / count,
      facts: [...factIds].filter((id) => cardsByFact.has(id) || answersByFact.has(id)).length,
      cards: cardSet.size,
      quizAnswers: answerSet.size,
      quizMe: naming ? 1 : 0,
    };
  };

  const nodes: PathwayMastery['nodes'][number][] = [];
  const edges: PathwayMastery['edges'][number][] = [];
  for (const pathway of pathways) {
    for (const node of pathway.nodes) {
      const factIds = new Set(
        pathway.edges
          .filter((edge) => edge.from === node.id || edge.to === node.id)
          .flatMap((edge) => edge.factIds),
      );
      const naming = latestNaming.get(`${pathway.id}/${node.id}`);
      nodes.push({ pathwayId: pathway.id, nodeId: node.id, ...evidenceFor(factIds, naming) });
    }
    for (const edge of pathway.edges) {
      edges.push({
        pathwayId: pathway.id,
        edgeId: edge.id,
        ...evidenceFor(new Set(edge.factIds), undefined),
      });
    }
  }
  return { nodes, edges };
}

/** "2 cards, 3 quiz answers, 1 Quiz me", or "nothing yet". */
export function evidenceWords(evidence: Omit<EvidenceMastery, 'mastery' | 'facts'>): string {
  const parts = [
    plural(evidence.cards, 'card'),
    plural(evidence.quizAnswers, 'quiz answer'),
    evidence.quizMe > 0 ? `${evidence.quizMe} Quiz me` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'nothing yet' : parts.join(', ');
}

function plural(count: number, noun: string): string {
  if (count === 0) return '';
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The latest of each key (by time, then by position), in first-seen order. */
function latestBy<T extends { readonly answeredAt: number }>(
  items: readonly T[],
  keyOf: (item: T) => string,
): T[] {
  const latest = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    const seen = latest.get(key);
    if (!seen || item.answeredAt >= seen.answeredAt) latest.set(key, item);
  }
  return [...latest.values()];
}

function groupByFact<T extends { readonly factIds: readonly string[] }>(
  items: readonly T[],
): Map<string, T[]> {
  const byFact = new Map<string, T[]>();
  for (const item of items) {
    for (const factId of new Set(item.factIds)) {
      const list = byFact.get(factId) ?? [];
      list.push(item);
      byFact.set(factId, list);
    }
  }
  return byFact;
}

/** Each item once, however many of the facts it tests. */
function collect<T>(factIds: ReadonlySet<string>, byFact: ReadonlyMap<string, T[]>): Set<T> {
  const found = new Set<T>();
  for (const factId of factIds) for (const item of byFact.get(factId) ?? []) found.add(item);
  return found;
}
