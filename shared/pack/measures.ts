/**
 * What a finding measured of the thing that changed, when its sentence says so: how much there
 * was (level), how much was made (expression), how active it was (activity), or what it did
 * (function). They are not interchangeable: in ankylosing spondylitis serum DKK-1 can be raised
 * while its function is reduced, and neither finding contradicts the other.
 */
export interface MeasureDef {
  /** After the name: "DKK-1 function", "p38 MAPK activity". */
  readonly noun: string;
  /** A finding about function is not a level: questions that read as a level leave it out. */
  readonly readsAsLevel: boolean;
  /** Relations whose verb already says it ("activates" is about activity). */
  readonly impliedBy?: readonly string[];
  readonly docs: string;
}

export const measures = {
  level: {
    noun: 'level',
    readsAsLevel: true,
    docs: 'how much there is (serum level, protein amount)',
  },
  expression: {
    noun: 'expression',
    readsAsLevel: true,
    impliedBy: ['induces-expression-of'],
    docs: 'how much is made (mRNA or protein expression)',
  },
  activity: {
    noun: 'activity',
    readsAsLevel: true,
    impliedBy: ['activates', 'inhibits'],
    docs: 'how active it is (a kinase phosphorylated, a transcription factor switched on)',
  },
  function: {
    noun: 'function',
    readsAsLevel: false,
    docs: 'what it does, measured apart from how much there is',
  },
} as const satisfies Record<string, MeasureDef>;

export type Measure = keyof typeof measures;
export const measureNames = Object.keys(measures) as [Measure, ...Measure[]];

/** Whether a finding can be read as a plain rise or fall of its subject ("DKK-1 is raised in AS"). */
export function readsAsLevel(measure: string | undefined): boolean {
  return measure === undefined || !Object.hasOwn(measures, measure)
    ? true
    : measures[measure as Measure].readsAsLevel;
}

/** Two findings about different measures of one thing neither support nor refute each other. */
export function measuresDiffer(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b;
}
