import { describe, expect, it } from 'vitest';
import { bundledBank, bundledPack } from '../support/engine.ts';

/** What the learner studies from the bundled pack: cards written for a student. */

const teachingPointFacts = new Set(bundledPack.teachingPoints.flatMap((p) => p.factIds));

describe('high-yield marks', () => {
  const share = (items: readonly { highYield: boolean }[]) =>
    items.filter((i) => i.highYield).length / items.length;

  it('go to at most a third of the facts, cards and quiz items', () => {
    expect(share(bundledPack.facts)).toBeLessThanOrEqual(1 / 3);
    expect(share(bundledBank.cards)).toBeLessThanOrEqual(1 / 3);
    expect(share(bundledBank.quiz)).toBeLessThanOrEqual(1 / 3);
  });

  it('go only to the review’s own claims and its teaching points, never to dates', () => {
    const marked = bundledPack.facts.filter((f) => f.highYield);
    expect(marked.length).toBeGreaterThan(0);
    for (const fact of marked) {
      expect(fact.tier === 'review' || teachingPointFacts.has(fact.id), fact.id).toBe(true);
      expect(fact.relation, fact.id).not.toMatch(/first-identified-in|first-reported-in/);
    }
  });

  it('mark a quiz item only when every fact it rests on is high-yield', () => {
    const byId = new Map(bundledPack.facts.map((f) => [f.id, f]));
    for (const item of bundledBank.quiz.filter((i) => i.highYield)) {
      expect(
        item.factIds.every((id) => byId.get(id)?.highYield),
        item.id,
      ).toBe(true);
    }
  });
});

describe('flashcards follow the minimum-information principle', () => {
  const cards = bundledBank.cards;
  const card = (id: string) => cards.find((c) => c.id === id);
  const byKind = (kind: string) => cards.filter((c) => c.kind === kind);

  it('ask each fact once, as its own sentence with one blank, never an open question', () => {
    expect(new Set(cards.map((c) => c.kind))).toEqual(new Set(['fact-cloze', 'entity-definition']));
    // "What does IL-32 induce?" and "Name it: a secreted Wnt inhibitor" have many true answers.
    expect(card('fact-forward:F099')).toBeUndefined();
    expect(card('entity-name:dkk-1')).toBeUndefined();
    for (const c of byKind('fact-cloze')) expect(c.front, c.id).toContain('_____');
  });

  it('blank no item of a list, unless the list is one source’s own', () => {
    // "TNF-α, IL-1β, IL-6 and CXCL8": any of them fits the blank, and the world adds more.
    expect(card('fact-cloze:F066')).toBeUndefined();
    expect(card('fact-cloze:F071')).toBeUndefined();
    // The abstract's list of associations is a sample ("such as"): naming two leaves more than
    // one answer (audit Q).
    expect(card('fact-cloze:F075')).toBeUndefined();
    // Unless an item has its own "and": "coupling of bone resorption and formation and _____"
    // blurs where the items end (audit J).
    expect(card('fact-cloze:F097')).toBeUndefined();
  });

  it('leave no cue beside the blank, keep the qualifiers, and ask no numbers', () => {
    // "IL-32 acts mainly on _____": monocytes, and macrophages are as defensible (audit H).
    expect(card('fact-cloze:F059')).toBeUndefined();
    for (const c of byKind('fact-cloze')) {
      // No bracket right after the blank that describes the answer, no measurement aside.
      expect(c.front, c.id).not.toMatch(/_____ \((?!and|or|as|compared|via|with|without|in |not)/);
      expect(c.front, c.id).not.toMatch(/\b(?:nM|Kd|kDa)\b/);
    }
    // "TNF-α induces _____ in synoviocytes": IL-32β, γ and δ are all induced (audit F's wrong
    // key); a blank on the review's own subject has no one answer.
    expect(card('fact-cloze:F047')).toBeUndefined();
    expect(card('fact-cloze:F105')?.front).toContain('local excess of IL-32γ in AS spinal joints');
    // "Within the spinal joints of people with _____": the place names the disease (audit J).
    expect(card('fact-cloze:F104')).toBeUndefined();
    // "IL-32 is higher in _____ synovial tissue" (a primary paper): the world's list of diseases
    // with raised IL-32 is open, so only the review's own words may close it.
    expect(card('fact-cloze:F113')).toBeUndefined();
    // "According to Kim 2010, IL-32γ is raised in _____ synovial fluid": AS fits as well as RA,
    // and only the author's name rules it out; the card is not made.
    expect(card('fact-cloze:F087')).toBeUndefined();
    for (const id of ['F010', 'F014', 'F018', 'F031', 'F032']) {
      expect(card(`fact-cloze:${id}`), id).toBeUndefined();
    }
    // Unless the review makes a point of it: the abstract's count of isoforms is high-yield.
    expect(card('fact-cloze:F028')?.back).toBe('9');
  });

  it('blank the partner when the object has no one answer', () => {
    // A contested finding is said as its source's (audit I).
    expect(card('fact-cloze:F088')?.front).toMatch(
      /^According to Kim YG et al\. 2012, with _____ co-stimulation, IL-32γ promotes/,
    );
    expect(card('fact-cloze:F088')?.back).toBe('RANKL');
  });

  it('answer "What is IL-32?" with one fact, not a definition listing several', () => {
    // A category has broader and narrower names ("IL-32 as a _____": cytokine, interleukin), so
    // the is-a fact is asked as the definition it is (audit 20261230).
    expect(card('fact-cloze:F001')).toBeUndefined();
    expect(card('entity-definition:il-32')).toMatchObject({
      front: 'What is IL-32?',
      back: 'Pro-inflammatory human cytokine made as several splice isoforms.',
      factIds: ['F001'],
    });
  });

  it('answer with the object alone, never "and the others" in brackets', () => {
    for (const c of cards.filter((x) => x.kind.startsWith('fact-'))) {
      expect(c.back, c.id).not.toMatch(/\((?:and|among|or) /);
    }
  });

  it('show one clause of a definition and keep the rest for after the answer', () => {
    const dkk1 = card('entity-definition:dkk-1');
    expect(dkk1?.back).toBe('A secreted Wnt inhibitor that holds back osteoblast differentiation.');
    expect(dkk1?.note).toContain('IL-32γ lowers it.');
    for (const c of byKind('entity-definition')) {
      expect(c.front.includes(';') || c.back.includes(';'), c.id).toBe(false);
    }
  });

  it('make glossary cards only for the terms the pack marks, not everyday words', () => {
    const marked = new Set(bundledPack.entities.filter((e) => e.glossary).map((e) => e.id));
    // A term the pack defines by an is-a fact is asked from that fact, whether marked or not.
    for (const c of byKind('entity-definition').filter((x) => x.factIds.length === 0)) {
      expect(marked.has(c.entityIds[0] ?? ''), c.id).toBe(true);
    }
    for (const id of [
      'joint',
      'lymphocyte',
      'bone-loss',
      'gastric-cancer',
      'mouse',
      'il-32-zeta',
    ]) {
      expect(card(`entity-definition:${id}`), id).toBeUndefined();
    }
    for (const id of ['osteoclast', 'dkk-1', 'rankl', 'ankylosis', 'as']) {
      expect(card(`entity-definition:${id}`), id).toBeDefined();
    }
  });

  it('give every definition question its article', () => {
    for (const c of byKind('entity-definition')) {
      expect(c.front, c.id).not.toMatch(/^What is (?:joint|cell|monocyte|osteoclast)\?$/);
    }
  });
});
