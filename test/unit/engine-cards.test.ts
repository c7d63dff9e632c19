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

  it('ask a fact backwards only when the answer is one thing and not the review’s subject', () => {
    const reverse = byKind('fact-reverse');
    expect(reverse.length).toBeGreaterThan(0);
    for (const c of reverse) {
      expect(c.back, c.id).not.toMatch(/IL-32/);
      expect(c.back, c.id).not.toMatch(/\band\b|,|\(also correct/);
      expect(c.front, c.id).not.toMatch(/\bbesides\b|^According to/);
    }
    // "What do NK cells produce?" (IL-32) and the open "what promotes joint swelling?" are gone.
    expect(card('fact-reverse:F040')).toBeUndefined();
    expect(card('fact-reverse:F082')).toBeUndefined();
    expect(card('fact-reverse:F077')).toBeUndefined();
    expect(card('fact-reverse:F074')).toMatchObject({
      front: 'Which ligand activates osteoclast differentiation?',
      back: 'RANKL',
    });
  });

  it('keep the qualifier of the object a reverse card asks about', () => {
    expect(card('fact-reverse:F083')?.front).toContain('joint swelling caused by IL-32');
    expect(card('fact-forward:F091')?.back).toBe('Osteoclastogenesis driven by IL-32γ');
  });

  it('answer "What is IL-32?" with one fact, not a definition listing several', () => {
    expect(card('entity-definition:il-32')).toBeUndefined();
    expect(card('fact-forward:F001')?.back).toBe('Pro-inflammatory cytokine');
    expect(card('fact-forward:F013')?.back).toBe('Secreted protein');
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
    for (const c of [...byKind('entity-definition'), ...byKind('entity-name')]) {
      expect(c.front.includes(';') || c.back.includes(';'), c.id).toBe(false);
    }
  });

  it('make glossary cards only for the review’s terms, not everyday words or listed trivia', () => {
    for (const id of ['joint', 'bone', 'mouse', 'infection', 'il-32-zeta', 'secreted-protein']) {
      expect(card(`entity-definition:${id}`), id).toBeUndefined();
      expect(card(`entity-name:${id}`), id).toBeUndefined();
    }
    for (const id of ['osteoclast', 'dkk-1', 'rankl', 'ankylosis', 'as']) {
      expect(card(`entity-definition:${id}`), id).toBeDefined();
    }
  });

  it('ask "Name it" only from a definition that fits one term and does not name it', () => {
    for (const c of byKind('entity-name')) {
      expect(c.front, c.id).not.toMatch(/\bthis\b/);
      expect(c.front, c.id).not.toMatch(/^Name it: [a-z]/);
    }
    // "Inflammatory cytokine whose production rises under IL-32" fits IL-1β, IL-6 and TNF-α.
    expect(card('entity-name:il-1beta')).toBeUndefined();
    expect(card('entity-name:copd')?.front).toBe(
      'Name it: A chronic airway and lung inflammation with airflow limitation.',
    );
  });

  it('give every definition question its article', () => {
    for (const c of byKind('entity-definition')) {
      expect(c.front, c.id).not.toMatch(/^What is (?:joint|cell|monocyte|osteoclast)\?$/);
    }
  });
});
