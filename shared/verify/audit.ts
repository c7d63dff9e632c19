import type { ChoiceOption, QuizItem, Statement } from '../engine/types.ts';
import { effectiveSign } from './evidence.ts';
import { deniedSign } from './polarity.ts';

/**
 * The test-wise audit: how far a student who never read the review gets by cues alone. Each cue
 * is measured over the generated items, per quiz kind; a cue "wins" when it beats its limit.
 */
export interface CueResult {
  readonly kind: string;
  readonly cue: string;
  /** Items the cue was measured on. */
  readonly n: number;
  /** The measured figure: an accuracy or a share (0–1), or a probability for position tests. */
  readonly value: number;
  readonly limit: number;
  readonly wins: boolean;
  readonly detail: string;
}

/** The cue limit of the brief: a guessing rule may score at most 60 %. */
export const cueLimit = 0.6;
/**
 * Key positions: each position's count is tested against Binomial(n, 1/k) in both tails, and the
 * position is flagged when a tail falls below 0.01 / (2k) (Bonferroni over k positions, two tails).
 * A chi-square test needs about five expected keys per position, which several kinds (context,
 * which-study, 3-option items) do not have; the exact binomial holds at any sample size and names
 * the position that is off. At 0.01 a fair shuffle fails about once in a hundred banks.
 */
export const positionAlpha = 0.01;
/** Below this many items a key-value share says nothing (one item always keys one value). */
export const minItemsForShare = 5;

const negation =
  /\b(not|no|never|none|without|cannot|fail(s|ed)?|lack(s|ed)?|absent|decrease[sd]?|lower(s|ed)?|reduce[sd]?|inhibit(s|ed)?|suppress(es|ed)?|block(s|ed)?|disrupt(s|ed)?|prevent(s|ed)?|fall(s)?)\b/i;

export function hasNegation(text: string): boolean {
  return negation.test(text);
}

/** Verbs and phrasings a student reads as a lowering or denying claim: "lowers", "protects against", "does not". */
const loweringClaim =
  /\b(decrease[sd]?|lower(s|ed)?|reduce[sd]?|inhibit(s|ed)?|suppress(es|ed)?|block(s|ed)?|disrupt(s|ed)?|prevent(s|ed)?|protect(s|ed)?|impair(s|ed)?|deficient|(?:does|do|is|are) not|no difference)\b/i;

/** The claim without its framing: "True or false? According to X (Y 2017), in Z, <claim>." → "in Z, <claim>." */
function claimOf(prompt: string): string {
  return prompt
    .replace(/^True or false\?\s*/, '')
    .replace(/^(?:According to|In)\b[^,(]*(?:\([^)]*\))?,\s*/, '');
}

export function hasLoweringClaim(prompt: string): boolean {
  return loweringClaim.test(claimOf(prompt));
}

function percent(x: number): string {
  return `${Math.round(x * 1000) / 10} %`;
}

/** The better of a guessing rule and its reverse: a test-wise student uses whichever works. */
function ruleCue(
  kind: string,
  cue: string,
  reverse: string,
  outcomes: readonly { readonly predicted: boolean; readonly actual: boolean }[],
): CueResult {
  const hits = outcomes.filter((o) => o.predicted === o.actual).length;
  const n = outcomes.length;
  const accuracy = n === 0 ? 0 : hits / n;
  const best = Math.max(accuracy, 1 - accuracy);
  const name = accuracy >= 1 - accuracy ? cue : reverse;
  return {
    kind,
    cue: name,
    n,
    value: best,
    limit: cueLimit,
    wins: best > cueLimit,
    detail: `${percent(best)} correct by "${name}"`,
  };
}

function trueFalseCues(items: readonly QuizItem[]): CueResult[] {
  const tf = items.flatMap((i) => (i.kind === 'true-false' ? [i] : []));
  if (tf.length === 0) return [];
  const lengths = tf.map((i) => i.prompt.length).sort((a, b) => a - b);
  const middle = lengths.length / 2;
  const median =
    lengths.length % 2 === 1
      ? (lengths[Math.floor(middle)] ?? 0)
      : ((lengths[middle - 1] ?? 0) + (lengths[middle] ?? 0)) / 2;
  return [
    ruleCue(
      'true-false',
      'always true',
      'always false',
      tf.map((i) => ({ predicted: true, actual: i.answer })),
    ),
    ruleCue(
      'true-false',
      'no negation word → true',
      'negation word → true',
      tf.map((i) => ({ predicted: !hasNegation(i.prompt), actual: i.answer })),
    ),
    ruleCue(
      'true-false',
      'no lowering or denying claim → true',
      'a lowering or denying claim → true',
      tf.map((i) => ({ predicted: !hasLoweringClaim(i.prompt), actual: i.answer })),
    ),
    ruleCue(
      'true-false',
      'longer than the median → true',
      'shorter than the median → true',
      tf.map((i) => ({ predicted: i.prompt.length > median, actual: i.answer })),
    ),
    verbCue(tf),
  ];
}

/**
 * The verb of a claim as a student reads it: the first word of the claim that says what the
 * subject does or how it stands ("inhibits", "is elevated", "correlates"), or "" when none does.
 */
const claimVerb =
  /\b(?:(?:is|are)\s+(?:not\s+)?(?:elevated|raised|increased|higher|reduced|decreased|lower|produced|used|proposed|associated|required|needed|expressed|made)|shows? no difference|does not|(?:increase|decrease|raise|lower|inhibit|activate|promote|suppress|induce|block|enhance|reduce|stimulate|drive|cause|treat|worsen|improve|protect|impair|correlate|bind|target|prevent|carr(?:y|ie)|mediate|regulate|trigger|convert|cleave|produce|express)(?:s|es)?)\b/i;

/** "an antibody that blocks DKK-1 increases…": a relative clause describes the subject. */
const relativeClause = /\b(?:that|which|who)\s+\S+/gi;

export function verbOfClaim(prompt: string): string {
  const verb = claimVerb.exec(claimOf(prompt).replace(relativeClause, ''))?.[0] ?? '';
  // "mutations increase" and "a mutation increases" read as one verb.
  return verb
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/(ss|sh|ch|x)es$/, '$1')
    .replace(/([^s])s$/, '$1');
}

/** Below this many statements a verb has no "usual answer" a student would trust. */
const minStatementsPerVerb = 3;

/**
 * "The verb's usual answer": each statement answered as most statements with its verb were (a verb
 * met fewer than three times: as most statements are).
 */
function verbCue(tf: readonly { readonly prompt: string; readonly answer: boolean }[]): CueResult {
  const byVerb = new Map<string, [number, number]>();
  for (const item of tf) {
    const counts = byVerb.get(verbOfClaim(item.prompt)) ?? [0, 0];
    counts[item.answer ? 0 : 1] += 1;
    byVerb.set(verbOfClaim(item.prompt), counts);
  }
  const allTrue = tf.filter((i) => i.answer).length;
  let hits = 0;
  for (const [t, f] of byVerb.values()) {
    const usual = t + f >= minStatementsPerVerb;
    hits += usual ? Math.max(t, f) : 2 * allTrue >= tf.length ? t : f;
  }
  const value = tf.length === 0 ? 0 : hits / tf.length;
  const lopsided = [...byVerb]
    .filter(([, [t, f]]) => t + f >= minStatementsPerVerb && Math.min(t, f) === 0)
    .map(([verb, [t, f]]) => `"${verb}" ${t > 0 ? `true ${t}×` : `false ${f}×`}`);
  return {
    kind: 'true-false',
    cue: "the verb's usual answer",
    n: tf.length,
    value,
    limit: cueLimit,
    wins: value > cueLimit,
    detail:
      `${percent(value)} correct by "the verb's usual answer"` +
      (lopsided.length > 0 ? `; always one answer: ${lopsided.join(', ')}` : ''),
  };
}

/** P(from ≤ X ≤ to) for X ~ Binomial(n, p), summed term by term (no cancellation for tiny tails). */
function binomialBetween(from: number, to: number, n: number, p: number): number {
  let pmf = (1 - p) ** n;
  let sum = 0;
  for (let i = 0; i <= to; i++) {
    if (i >= from) sum += pmf;
    pmf = (pmf * (n - i) * p) / ((i + 1) * (1 - p));
  }
  return Math.min(1, sum);
}

/** P(X ≤ c) for X ~ Binomial(n, p). */
export function binomialAtMost(c: number, n: number, p: number): number {
  return binomialBetween(0, c, n, p);
}

/** The smaller tail probability of the count at one key position. */
export function positionTail(count: number, n: number, k: number): number {
  const p = 1 / k;
  return Math.min(binomialBetween(0, count, n, p), binomialBetween(count, n, n, p));
}

type WithOptions = Extract<QuizItem, { readonly options: readonly ChoiceOption[] }>;

function optionItems(items: readonly QuizItem[]): WithOptions[] {
  return items.filter((i): i is WithOptions => 'options' in i);
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const x of xs) groups.set(key(x), [...(groups.get(key(x)) ?? []), x]);
  return groups;
}

function positionCues(items: readonly WithOptions[]): CueResult[] {
  const groups = groupBy(items, (i) => `${i.kind} (${i.options.length} options)`);
  return [...groups].map(([kind, group]) => {
    const k = group[0]?.options.length ?? 1;
    const counts = Array.from(
      { length: k },
      (_, j) => group.filter((i) => i.options[j]?.correct).length,
    );
    const tails = counts.map((c) => positionTail(c, group.length, k));
    const worst = Math.min(...tails);
    const limit = positionAlpha / (2 * k);
    return {
      kind,
      cue: 'key position',
      n: group.length,
      value: worst,
      limit,
      wins: worst < limit,
      detail: `keys per position ${counts.join('/')}; smallest binomial tail ${worst.toPrecision(2)} (limit ${limit.toPrecision(2)})`,
    };
  });
}

function valueCues(items: readonly WithOptions[]): CueResult[] {
  return [...groupBy(items, (i) => i.kind)].map(([kind, group]) => {
    const keys = groupBy(group, (i) => i.options.find((o) => o.correct)?.id ?? '(none)');
    const [top, keyed] = [...keys].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
    const share = group.length === 0 ? 0 : keyed.length / group.length;
    return {
      kind,
      cue: 'one option value keyed',
      n: group.length,
      value: share,
      limit: cueLimit,
      wins: group.length >= minItemsForShare && share > cueLimit,
      detail: `“${top}” is the key of ${keyed.length} of ${group.length} (${percent(share)})`,
    };
  });
}

/** Kinds whose options are values from a small fixed set (rises / falls / does not change). */
const maxFixedValues = 4;

/**
 * A value a kind offers but never keys is struck out by a test-wise student on every item: three
 * options become two. Measured on kinds whose options come from a small fixed set of values.
 */
function neverKeyedCues(items: readonly WithOptions[]): CueResult[] {
  return [...groupBy(items, (i) => i.kind)].flatMap(([kind, group]) => {
    const offered = new Set(group.flatMap((i) => i.options.map((o) => o.id)));
    if (offered.size > maxFixedValues || group.length < minItemsForShare) return [];
    const keyed = new Set(
      group.flatMap((i) => i.options.filter((o) => o.correct).map((o) => o.id)),
    );
    const never = [...offered].filter((value) => !keyed.has(value));
    const mean = (f: (i: WithOptions) => number): number =>
      group.reduce((sum, i) => sum + f(i), 0) / group.length;
    const chance = mean((i) => 1 / i.options.length);
    const struck = mean((i) => 1 / i.options.filter((o) => !never.includes(o.id)).length);
    return [
      {
        kind,
        cue: 'strike out a value never keyed',
        n: group.length,
        value: struck,
        limit: chance,
        wins: never.length > 0,
        detail:
          never.length === 0
            ? `every value offered is some item's key; chance ${percent(chance)}`
            : `never keyed: ${never.map((v) => `“${v}”`).join(', ')}; striking it out scores ${percent(struck)} against chance ${percent(chance)}`,
      },
    ];
  });
}

/** Negative: the statement lowers, denies, or reports no difference. */
export function isNegativeStatement(statement: Statement): boolean {
  return effectiveSign(statement) === -1 || isDenial(statement);
}

function isDenial(statement: Statement): boolean {
  return deniedSign[statement.relation] !== undefined || statement.relation === 'no-difference-in';
}

/** Statement options: the key must not be the only positive, or the only negative, one. */
export function loneToneItems(items: readonly QuizItem[]): string[] {
  return optionItems(items).flatMap((item) => {
    const statements = item.options.flatMap((o) =>
      o.statement === undefined
        ? []
        : [{ correct: o.correct, negative: isNegativeStatement(o.statement) }],
    );
    const key = statements.find((s) => s.correct);
    if (key === undefined || statements.length < 2) return [];
    const sameTone = statements.filter((s) => !s.correct && s.negative === key.negative).length;
    return sameTone === 0 ? [item.id] : [];
  });
}

function toneCues(items: readonly QuizItem[]): CueResult[] {
  const statementItems = optionItems(items).filter((i) => i.options.some((o) => o.statement));
  if (statementItems.length === 0) return [];
  const lone = loneToneItems(statementItems);
  return [
    {
      kind: 'statement options',
      cue: 'key is the only positive or only negative statement',
      n: statementItems.length,
      value: lone.length / statementItems.length,
      limit: 0,
      wins: lone.length > 0,
      detail: `${lone.length} of ${statementItems.length}: ${lone.join(', ')}`,
    },
  ];
}

/**
 * Perturbations: "the target moves the way the source was moved" (raised → rises, blocked →
 * falls), or its reverse.
 */
function directionCues(items: readonly QuizItem[]): CueResult[] {
  const outcomes = items.flatMap((item) => {
    if (item.kind !== 'perturbation') return [];
    const key = item.options.find((o) => o.correct)?.id;
    // A "depends" or balance key defeats the rule too: the student guessing "follows" is wrong.
    const follows = item.perturbation.change === 'raised' ? 'up' : 'down';
    return [{ predicted: true, actual: key === follows }];
  });
  if (outcomes.length === 0) return [];
  return [
    ruleCue(
      'perturbation',
      'the target follows the change',
      'the target opposes the change',
      outcomes,
    ),
  ];
}

export function auditCues(items: readonly QuizItem[]): CueResult[] {
  const withOptions = optionItems(items);
  return [
    ...trueFalseCues(items),
    ...directionCues(items),
    ...positionCues(withOptions),
    ...valueCues(withOptions),
    ...neverKeyedCues(withOptions),
    ...toneCues(items),
  ];
}
