import { readsAsLevel } from '../../../pack/measures.ts';
import { relationDef } from '../../../pack/relations.ts';
import type { Fact } from '../../../pack/schema.ts';
import { sourceFraming } from '../../citations.ts';
import {
  entityOf,
  equivalents,
  isBackgroundFact,
  isEntityObject,
  type PackIndex,
} from '../../pack-index.ts';
import { listText } from '../../names.ts';
import { capitalise, nameOf } from '../../phrasing.ts';
import { factLine } from '../../explanation-lines.ts';
import { compartmentPhrase } from '../../setting.ts';
import { relationFamily } from '../../semantics.ts';
import type { ChoiceOption, ContextItem, LevelStatus } from '../../types.ts';
import { arrange, base, explain, names, type GenContext } from '../../items/common.ts';

export function levelStatus(fact: Fact): LevelStatus | null {
  return relationDef(fact.relation).levelStatus ?? null;
}

export function diseaseOfFact(index: PackIndex, fact: Fact): string | undefined {
  if (isEntityObject(fact) && entityOf(index, fact.object).type === 'disease') return fact.object;
  return fact.context.diseases[0];
}

const statusText: Record<LevelStatus, string> = {
  raised: 'It is raised',
  reduced: 'It is reduced',
  'no-difference': 'No difference was found',
};
const statusWord: Record<LevelStatus, string> = {
  raised: 'raised',
  reduced: 'reduced',
  'no-difference': 'unchanged (no difference)',
};

/**
 * Level findings about the same subject in the same disease: the set a context question is
 * judged against. Contested findings are included so that a conflict blocks the question.
 */
export function levelFindings(index: PackIndex, subject: string, disease: string): Fact[] {
  const byDisease = levelIndex(index);
  const diseases = [...equivalents(index, disease)];
  return [...equivalents(index, subject)].flatMap((s) =>
    diseases.flatMap((d) => byDisease.get(`${s}\u0000${d}`) ?? []),
  );
}

const levelIndexes = new WeakMap<PackIndex, Map<string, Fact[]>>();

/** Level findings keyed by subject and disease, built once per pack. */
function levelIndex(index: PackIndex): Map<string, Fact[]> {
  let map = levelIndexes.get(index);
  if (map) return map;
  map = new Map();
  for (const fact of index.pack.facts) {
    if (relationFamily(fact.relation) !== 'level') continue;
    // "Raised, reduced or no difference?" asks a level: a finding about function answers none.
    if (!readsAsLevel(fact.measure)) continue;
    const disease = diseaseOfFact(index, fact);
    if (disease === undefined) continue;
    const key = `${fact.subject}\u0000${disease}`;
    const list = map.get(key);
    if (list) list.push(fact);
    else map.set(key, [fact]);
  }
  levelIndexes.set(index, map);
  return map;
}

const overlaps = (a: readonly string[], b: readonly string[]): boolean =>
  a.some((x) => b.includes(x));

function compartmentsText(index: PackIndex, ids: readonly string[]): string {
  return listText(ids.map((id) => nameOf(index, id)));
}

/** "the spinal joints", "synovial fluid and the synovium". */
function placesText(index: PackIndex, ids: readonly string[]): string {
  return listText(ids.map((id) => compartmentPhrase(index, id)));
}

/**
 * What the level was compared with: a change means nothing without it (audit Q). Said in the
 * fact's detail ("compared with osteoarthritis"), or else the other diseases of its context
 * ("absent in osteoarthritis" for RA synovium: compared with osteoarthritis, audit U).
 */
function comparisonOf(index: PackIndex, fact: Fact, disease: string): string | undefined {
  const said = /\bcompared with [^,;()]+/.exec(fact.objectDetail ?? '')?.[0].trim();
  if (said !== undefined) return said;
  const others = fact.context.diseases.filter((id) => id !== disease);
  return others.length > 0
    ? `compared with ${listText(others.map((id) => nameOf(index, id)))}`
    : undefined;
}

function statusItem(ctx: GenContext, fact: Fact, disease: string): ContextItem | null {
  const { index } = ctx;
  const status = levelStatus(fact);
  if (status === null || fact.context.compartments.length === 0) return null;
  const findings = levelFindings(index, fact.subject, disease);
  const clash = findings.some(
    (g) =>
      g.id !== fact.id &&
      overlaps(g.context.compartments, fact.context.compartments) &&
      levelStatus(g) !== status,
  );
  if (clash) return null;
  const where = placesText(index, fact.context.compartments);
  const comparison = comparisonOf(index, fact, disease);
  // "IL-32 mRNA", not "IL-32", where only the transcript was measured (audit S).
  const measured = /\bmRNA\b/.test(fact.objectDetail ?? '') ? ' mRNA' : '';
  const prompt = `${sourceFraming(index, fact)}, how does the level of ${nameOf(index, fact.subject)}${measured} in ${where} change in ${nameOf(index, disease)}${comparison ? `, ${comparison}` : ''}?`;
  const id = `context-status:${fact.id}`;
  const options: ChoiceOption[] = (['raised', 'reduced', 'no-difference'] as const).map((value) =>
    value === status
      ? { id: value, text: statusText[value], correct: true }
      : {
          id: value,
          text: statusText[value],
          correct: false,
          evidence: { basis: 'disjoint-category', factIds: [fact.id] },
          rationale: `Not “${statusText[value].toLowerCase()}”: the findings exclude one another, and the source reports it ${statusWord[status]} here. ${factLine(index, fact)}`,
        },
  );
  return {
    kind: 'context',
    ...base(ctx, {
      id,
      prompt,
      explanation: explain(ctx, `${statusText[status]} in ${where}.`, [fact]),
      facts: [fact],
      difficulty: fact.subjectModifier !== undefined || status === 'no-difference' ? 3 : 2,
      family: `fact:${fact.id}:context`,
    }),
    ask: 'status',
    subject: { entityId: fact.subject, coSubjects: [] },
    diseaseId: disease,
    compartments: fact.context.compartments,
    options: arrange(ctx, id, options),
  };
}

function compartmentItem(ctx: GenContext, fact: Fact, disease: string): ContextItem | null {
  const { index } = ctx;
  const status = levelStatus(fact);
  if (status === null || fact.context.compartments.length === 0) return null;
  const findings = levelFindings(index, fact.subject, disease).filter((g) => g.id !== fact.id);
  const wrong = findings.filter(
    (g) =>
      g.contested === undefined &&
      g.context.compartments.length > 0 &&
      !overlaps(g.context.compartments, fact.context.compartments) &&
      levelStatus(g) !== status &&
      // nothing reports the asked status in that compartment too
      !findings.some(
        (h) =>
          overlaps(h.context.compartments, g.context.compartments) && levelStatus(h) === status,
      ),
  );
  if (wrong.length === 0) return null;
  const key = (ids: readonly string[]): string => [...ids].sort().join('+');
  const options: ChoiceOption[] = [
    {
      id: key(fact.context.compartments),
      text: capitalise(compartmentsText(index, fact.context.compartments)),
      correct: true,
    },
  ];
  for (const g of wrong) {
    const optionId = key(g.context.compartments);
    if (options.some((o) => o.id === optionId) || options.length >= 4) continue;
    const text = capitalise(compartmentsText(index, g.context.compartments));
    const gStatus = levelStatus(g) ?? 'no-difference';
    options.push({
      id: optionId,
      text,
      correct: false,
      evidence: { basis: 'contrary-fact', factIds: [g.id] },
      rationale: `Not ${text}: there it was ${statusWord[gStatus]}. ${factLine(index, g)}`,
    });
  }
  const subjectName = nameOf(index, fact.subject);
  const id = `context-compartment:${fact.id}`;
  const prompt = `${sourceFraming(index, fact)}, in ${nameOf(index, disease)}, where was ${subjectName} found ${statusWord[status]}?`;
  if (fact.context.compartments.some((c) => names(ctx, prompt, c))) return null;
  const facts = [fact, ...wrong];
  return {
    kind: 'context',
    ...base(ctx, {
      id,
      prompt,
      explanation: explain(
        ctx,
        `Answer: ${compartmentsText(index, fact.context.compartments)}. Compartment matters: a level in one place says nothing about another.`,
        facts,
      ),
      facts,
      difficulty: 3,
      family: `fact:${fact.id}:context`,
    }),
    ask: 'compartment',
    subject: { entityId: fact.subject, coSubjects: [] },
    diseaseId: disease,
    compartments: fact.context.compartments,
    status,
    options: arrange(ctx, id, options),
  };
}

/**
 * Context questions: for a level finding, which change was reported in that compartment
 * (statuses exclude each other), and in which compartment — offering only compartments where the
 * pack reports something different (local vs systemic vs marrow).
 */
export function contextItems(ctx: GenContext): ContextItem[] {
  const { index } = ctx;
  const items: ContextItem[] = [];
  for (const fact of index.pack.facts) {
    if (fact.contested !== undefined || isBackgroundFact(index, fact)) continue;
    const disease = diseaseOfFact(index, fact);
    if (disease === undefined || levelStatus(fact) === null) continue;
    const status = statusItem(ctx, fact, disease);
    if (status) items.push(status);
    const compartment = compartmentItem(ctx, fact, disease);
    if (compartment) items.push(compartment);
  }
  return items;
}
