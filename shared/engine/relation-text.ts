import type { RelationId } from '../pack/relations.ts';
import { asRelation } from './semantics.ts';

/**
 * How each relation reads in a sentence and as a question. Placeholders: `{S}` subject, `{O}`
 * object, `{kind}` what sort of thing the answer is ("disease", "cells", "process"), `{where}`
 * the setting when it belongs after the verb rather than in front of the question.
 */
export interface RelationText {
  /** Verb phrase between subject and object. */
  readonly verb: string;
  /** Words after the object ("isoforms"). */
  readonly suffix?: string;
  /** Details that start with one of these replace the suffix ("4 splice variants"). */
  readonly suffixAlternatives?: readonly string[];
  /** Flashcard question about the object. */
  readonly question: string;
  /** Flashcard question about the subject, for relations that read both ways. */
  readonly reverse?: string;
  /** The object takes an article ("is a secreted protein", "is proposed as a therapeutic target"). */
  readonly objectArticle?: boolean;
}

const relationText = {
  'is-a': { verb: 'is', objectArticle: true, question: 'What is {S}?' },
  'also-known-as': { verb: 'was formerly called', question: 'What was {S} formerly called?' },
  'function-first-reported-in': {
    verb: 'had its function first reported in',
    question: 'In which year was the cytokine activity of {S} first reported?',
  },
  'first-identified-in': {
    verb: 'was first identified in',
    question: 'In which year was {S} first identified?',
  },
  'has-isoform-count': {
    verb: 'has',
    suffix: 'isoforms',
    suffixAlternatives: ['isoforms', 'splice variants'],
    question: 'How many isoforms does {S} have?',
  },
  'isoform-of': {
    verb: 'is an isoform of',
    question: 'Which molecule is {S} an isoform of?',
    reverse: 'Name an isoform of {O}.',
  },
  'most-active-isoform-of': {
    verb: 'is the most active isoform of',
    question: 'Of which molecule is {S} the most active isoform?',
    reverse: 'Which is the most active isoform of {O}?',
  },
  'most-abundant-isoform-of': {
    verb: 'is the most abundant isoform of',
    question: 'Of which molecule is {S} the most abundant isoform?',
    reverse: 'Which is the most abundant isoform of {O}?',
  },
  'predominant-isoform-in': {
    verb: 'is the predominant isoform in',
    question: 'In which {kind} is {S} the predominant isoform?',
    reverse: 'Which isoform predominates in {O}?',
  },
  'spliced-into': {
    verb: 'can be spliced into',
    question: 'Into which isoform can {S} be spliced?',
  },
  'located-at': { verb: 'is located at', question: 'Where is {S} located?' },
  'discovered-via': { verb: 'was discovered by', question: 'How was {S} discovered?' },
  'lacks-homology-with': {
    verb: 'lacks sequence homology with',
    question: 'With what does {S} lack sequence homology?',
  },
  'absent-in': {
    verb: 'has no counterpart in',
    question: 'Which species has no counterpart of {S}?',
  },
  'associated-with': {
    verb: 'is associated with',
    question: 'What is {S} associated with{where}?',
    reverse: 'What is {O} associated with{where}?',
  },
  'correlates-positively-with': {
    verb: 'correlates positively with',
    question: 'What does {S} correlate positively with{where}?',
    reverse: 'What correlates positively with {O}{where}?',
  },
  'correlates-inversely-with': {
    verb: 'correlates inversely with',
    question: 'What does {S} correlate inversely with{where}?',
    reverse: 'What correlates inversely with {O}{where}?',
  },
  'elevated-in': { verb: 'is elevated in', question: 'In which {kind} is {S} elevated{where}?' },
  'reduced-in': { verb: 'is reduced in', question: 'In which {kind} is {S} reduced{where}?' },
  'no-difference-in': {
    verb: 'shows no difference in',
    question: 'Which patients does {S} fail to tell apart{where}?',
  },
  'detected-in': { verb: 'is detected in', question: 'In which {kind} is {S} detected{where}?' },
  'produced-by': {
    verb: 'is produced by',
    question: 'What produces {S}?',
    reverse: 'What does {O} produce?',
  },
  'acts-mainly-on': { verb: 'acts mainly on', question: 'Which {kind} does {S} act mainly on?' },
  'induces-expression-of': {
    verb: 'induces',
    question: 'What does {S} induce?',
    reverse: 'What induces {O}?',
  },
  increases: {
    verb: 'increases',
    question: 'What does {S} increase?',
    reverse: 'What increases {O}?',
  },
  decreases: {
    verb: 'decreases',
    question: 'What does {S} decrease?',
    reverse: 'What decreases {O}?',
  },
  activates: {
    verb: 'activates',
    question: 'What does {S} activate?',
    reverse: 'What activates {O}?',
  },
  inhibits: { verb: 'inhibits', question: 'What does {S} inhibit?', reverse: 'What inhibits {O}?' },
  promotes: { verb: 'promotes', question: 'What does {S} promote?', reverse: 'What promotes {O}?' },
  suppresses: {
    verb: 'suppresses',
    question: 'What does {S} suppress?',
    reverse: 'What suppresses {O}?',
  },
  targets: {
    verb: 'targets',
    question: 'Which gene product does {S} target?',
    reverse: 'What targets {O}?',
  },
  disrupts: { verb: 'disrupts', question: 'What does {S} disrupt?', reverse: 'What disrupts {O}?' },
  regulates: {
    verb: 'regulates',
    question: 'What does {S} regulate?',
    reverse: 'What regulates {O}?',
  },
  'required-for': {
    verb: 'is required for',
    question: 'What is {S} required for?',
    reverse: 'What does {O} require?',
  },
  'synergizes-with': {
    verb: 'acts synergistically with',
    question: 'With what does {S} act synergistically?',
    reverse: 'With what does {O} act synergistically?',
  },
  binds: { verb: 'binds', question: 'What does {S} bind?', reverse: 'What binds {O}?' },
  'does-not-induce': {
    verb: 'does not by itself induce',
    question: 'What does {S} fail to induce on its own?',
  },
  'fails-to-inhibit': { verb: 'fails to inhibit', question: 'What does {S} fail to inhibit?' },
  outweighs: { verb: 'outweighs', question: 'Which {kind} does {S} outweigh{where}?' },
  'proposed-as': {
    verb: 'is proposed as',
    objectArticle: true,
    question: 'What has {S} been proposed as?',
  },
  treats: { verb: 'is used to treat', question: 'Which {kind} is {S} used to treat?' },
  'has-adverse-effect': {
    verb: 'is associated with',
    question: 'Which adverse effect has been reported with {S}?',
  },
} as const satisfies Record<RelationId, RelationText>;

export function textOf(relation: string): RelationText {
  return relationText[asRelation(relation)];
}
