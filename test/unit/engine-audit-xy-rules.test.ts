import { describe, expect, it } from 'vitest';
import { sourceFraming } from '../../shared/engine/citations.ts';
import { coverageGaps } from '../../shared/engine/check.ts';
import {
  findingsSpecifying,
  isAskedAsStatement,
  isBareAssociation,
} from '../../shared/engine/items/statement-facts.ts';
import { factOf, indexPack } from '../../shared/engine/pack-index.ts';
import { bundledBank, bundledPack } from '../support/engine.ts';

/** The rules audits X (seed 20261223) and Y (seed 20261224) found missing, each at its own home. */

const index = indexPack(bundledPack);
const quizIds = new Set(bundledBank.quiz.map((item) => item.id));

describe('a link whose facts only say one node is needed for the next', () => {
  it('gets no sign question, while a link with a finding of direction keeps its own', () => {
    // F083: TNF-α is required for IL-32-driven swelling; "raises" would drop the necessity.
    expect(quizIds.has('diagram-edge:D4:tnf-alpha-to-joint-swelling')).toBe(false);
    const edgeItems = bundledBank.quiz.filter((item) => item.kind === 'diagram-edge');
    for (const item of edgeItems) {
      const relations = item.factIds.map((id) => factOf(index, id).relation);
      expect(
        relations.some((relation) => relation !== 'required-for'),
        item.id,
      ).toBe(true);
    }
  });
});

describe('a source whose authors were never seen', () => {
  it('is framed by what it is and where it appeared, not by its journal as if an author', () => {
    expect(sourceFraming(index, factOf(index, 'F096'))).toBe(
      'According to a 2023 review in Turk J Pharm Sci',
    );
    const flipped = bundledBank.quiz.find((item) => item.id === 'tf-flip:F096');
    if (flipped) expect(flipped.prompt).not.toMatch(/According to Turk J/);
  });
});

describe('a bare association of the review\u2019s own subjects', () => {
  it('is not asked as a statement, which could only be true', () => {
    for (const id of ['F075', 'F108', 'F120']) {
      const fact = factOf(index, id);
      expect(isBareAssociation(fact), id).toBe(true);
      expect(isAskedAsStatement(index, fact), id).toBe(false);
      expect(
        bundledBank.quiz.some((item) => item.factIds[0] === id),
        id,
      ).toBe(false);
    }
    // A placed or directed association stays a finding: "IL-32γ tracks BMD in osteoporosis".
    expect(isBareAssociation(factOf(index, 'F129'))).toBe(false);
  });

  it('counts as taught by the quizzed findings that specify it, and only then', () => {
    expect(coverageGaps(bundledPack, bundledBank).factsWithoutQuizItem).toEqual([]);
    const quizzed = new Set(bundledBank.quiz.flatMap((item) => item.factIds));
    const findings = new Set(
      ['F108', 'F120'].flatMap((id) => findingsSpecifying(index, factOf(index, id), quizzed)),
    );
    expect(findings.size).toBeGreaterThan(1);
    const withoutFindings = {
      ...bundledBank,
      quiz: bundledBank.quiz.filter(
        (item) => !item.factIds.some((id) => findings.has(id)) && item.factIds.length > 0,
      ),
    };
    const gaps = coverageGaps(bundledPack, withoutFindings);
    expect(gaps.factsWithoutQuizItem).toEqual(expect.arrayContaining(['F108', 'F120']));
  });
});

describe('a pathway item', () => {
  it('cites the review for its drawing and its own facts, not every study of the pathway', () => {
    const item = bundledBank.quiz.find((q) => q.id === 'diagram-edge:D5:il-32-to-p38-mapk');
    if (!item) throw new Error('the IL-32 → p38 MAPK item is gone');
    const cited = new Set(item.citations.map((c) => c.referenceId));
    const ofFacts = new Set(item.factIds.flatMap((id) => factOf(index, id).references));
    for (const id of cited)
      expect(ofFacts.has(id) || id === index.reviewReferenceId, id).toBe(true);
  });
});
