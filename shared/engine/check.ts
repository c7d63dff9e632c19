import type { Fact, Pack } from '../pack/schema.ts';
import { answerKey, mentionsAny } from './normalize.ts';
import { alternativeObjects, shownContext, type AlternativeOptions } from './alternatives.ts';
import { citationsForFact, leadReference } from './citations.ts';
import {
  classOf,
  entityOf,
  equivalents,
  formsOf,
  indexPack,
  isBackgroundEntity,
  isBackgroundFact,
  isEntityObject,
  type PackIndex,
} from './pack-index.ts';
import { areNeighbours } from './family.ts';
import { BLANK, blankQualifier, NAME_ONE, qualifies } from './questions.ts';
import { proseProblems } from './prose.ts';
import { levelFindings, levelStatus } from './quiz/context.ts';
import { claimStatement, type Situation } from './quiz/distractors.ts';
import { countMatchings, matchingPool } from './quiz/matching.ts';
import {
  checkDiagramEdge,
  checkOrdering,
  checkPerturbation,
  factsOf,
  pathwayOf,
  type Report,
} from './quiz/pathway-checks.ts';
import { edgeIsSolid, isDefinitionalEdge } from './quiz/pathway-common.ts';
import { nearFinding } from './quiz/statement-mcq.ts';
import { exactSupport, refutationOf, statementOf, supportOf } from './semantics.ts';
import type {
  Bank,
  ChoiceOption,
  EntityClaim,
  ClozeItem,
  ContextItem,
  DiagramNodeItem,
  MatchingItem,
  McqItem,
  OptionItem,
  QuizItem,
  Statement,
  StatementClaim,
  StudyCard,
  TrueFalseItem,
  Violation,
  WhichStudyItem,
} from './types.ts';

const optionKinds = new Set<QuizItem['kind']>([
  'mcq',
  'perturbation',
  'context',
  'diagram-node',
  'diagram-edge',
  'which-study',
]);

function isOptionItem(item: QuizItem): item is OptionItem {
  return optionKinds.has(item.kind);
}

// ─── Rules every item obeys ──────────────────────────────────────────────────────────────────

/** Texts a learner reads as answers: options, matching columns, ordering steps. */
function optionTexts(item: QuizItem): string[] {
  switch (item.kind) {
    case 'matching':
      return [...item.left.map((l) => l.text), ...item.right.map((r) => r.text)];
    case 'ordering':
      return item.steps.map((step) => step.text);
    case 'true-false':
    case 'cloze':
      return [];
    default:
      return item.options.map((o) => o.text);
  }
}

function checkCommon(index: PackIndex, item: QuizItem, report: Report): void {
  if (item.prompt.trim() === '') report('prompt-empty', 'the prompt is empty');
  for (const problem of proseProblems(index, item.prompt)) report(problem.rule, problem.message);
  for (const text of optionTexts(item)) {
    for (const problem of proseProblems(index, text, { standalone: true })) {
      report(problem.rule, `option “${text}”: ${problem.message}`);
    }
  }
  if (item.explanation.trim() === '') report('explanation-empty', 'the explanation is empty');
  if (item.citations.length === 0) report('citations-missing', 'no citation');
  if (item.factIds.length === 0) report('facts-missing', 'rests on no fact');
  for (const id of item.factIds) {
    const fact = index.factById.get(id);
    if (!fact) {
      report('fact-unknown', `fact ${id} is not in the pack`);
      continue;
    }
    if (isBackgroundFact(index, fact)) report('fact-background', `fact ${id} is background`);
    if (item.kind !== 'which-study' && fact.contested !== undefined) {
      report('answer-contested', `contested fact ${id} backs a single-answer item`);
    }
  }
  if (item.inferenceIds.length > 0) {
    const missing = item.inferenceIds.filter((id) => !item.prompt.includes(id));
    if (!/inferred/i.test(item.prompt) || missing.length > 0) {
      report(
        'inference-undisclosed',
        `answer rests on ${item.inferenceIds.join(', ')} but the prompt does not say so`,
      );
    }
  }
  const framedKinds: QuizItem['kind'][] = [
    'mcq',
    'true-false',
    'cloze',
    'context',
    'perturbation',
    'ordering',
    'diagram-node',
    'diagram-edge',
  ];
  if (framedKinds.includes(item.kind)) {
    const onSource = item.citations.some((c) =>
      item.prompt.includes(c.label.split(',')[0] ?? c.label),
    );
    const onModel = /\b(?:the review|model|pathway)\b/.test(item.prompt);
    if (!onSource && !onModel) {
      report('stem-not-framed', 'the stem is not framed on a source or a pathway model');
    }
  }
}

function checkOptions(index: PackIndex, item: OptionItem, report: Report): void {
  const options = item.options;
  if (item.kind === 'mcq') {
    if (options.length !== 4) report('mcq-option-count', `${options.length} options instead of 4`);
  } else if (options.length < 2 || options.length > 4) {
    report('option-count', `${options.length} options (2–4 expected)`);
  }
  const correct = options.filter((o) => o.correct);
  if (correct.length !== 1)
    report('one-correct-option', `${correct.length} options marked correct`);
  for (const option of options) {
    if (!option.correct && !option.rationale?.trim()) {
      report('rationale-missing', `wrong option "${option.text}" has no rationale`);
    }
  }
  const ids = new Set(options.map((o) => o.id));
  const texts = new Set(options.map((o) => answerKey(o.text)));
  if (ids.size !== options.length || texts.size !== options.length) {
    report('duplicate-option', 'two options share an id or a text');
  }
  const entities = options.map((o) => o.entityId).filter((e): e is string => e !== undefined);
  for (let i = 0; i < entities.length; i++) {
    for (let j = i + 1; j < entities.length; j++) {
      const a = entities[i] ?? '';
      const b = entities[j] ?? '';
      if (index.entityById.has(a) && equivalents(index, a).has(b)) {
        report('duplicate-option', `options ${a} and ${b} are one entity under two names`);
      }
    }
  }
}

// ─── Entity-choice items (MCQ, hidden node) ─────────────────────────────────────────────────

function situationOfMcq(index: PackIndex, item: McqItem, claim: EntityClaim): Situation {
  if (claim.pathwayId !== undefined) return { compartments: [], diseases: [] };
  const fact = index.factById.get(item.factIds[0] ?? '');
  return fact
    ? {
        compartments: fact.context.compartments,
        diseases: fact.context.diseases,
        species: fact.context.species,
        cells: fact.context.cells,
        setting: fact.context.setting,
      }
    : { compartments: [], diseases: [] };
}

function checkEntityChoices(
  index: PackIndex,
  item: McqItem | DiagramNodeItem,
  claim: EntityClaim,
  situation: Situation,
  report: Report,
): ChoiceOption | undefined {
  const answer = item.options.find((o) => o.correct);
  if (!answer?.entityId || !index.entityById.has(answer.entityId)) {
    report('answer-shape', 'the correct option names no entity of the pack');
    return undefined;
  }
  const answerId = answer.entityId;
  if (isBackgroundEntity(index, answerId)) report('answer-background', `${answerId} is background`);
  if (mentionsAny(item.prompt, formsOf(index, answerId))) {
    report('answer-in-stem', `the stem names the answer ${answerId}`);
  }
  const answerClass = classOf(entityOf(index, answerId).type);
  for (const option of item.options) {
    if (option.correct) continue;
    const id = option.entityId;
    if (id === undefined || !index.entityById.has(id)) {
      report('answer-shape', `option "${option.text}" names no entity of the pack`);
      continue;
    }
    if (classOf(entityOf(index, id).type) !== answerClass) {
      report('distractor-type', `${id} is not of the answer's type (${answerClass})`);
    }
    if (!areNeighbours(index, id, answerId)) {
      report(
        'distractor-off-topic',
        `${id} shares no topic, pathway or study with the answer ${answerId}: guessable`,
      );
    }
    const statement = claimStatement(claim, id, situation);
    const support = supportOf(index, statement);
    if (support) {
      report(
        'distractor-satisfies-stem',
        `${id} fits the stem too (${support.factIds.join(', ') || `via ${support.pathwayId ?? 'a pathway'}`})`,
      );
    } else if (!refutationOf(index, statement)) {
      report('distractor-unproven', `nothing in the pack shows ${id} is wrong`);
    }
  }
  return answer;
}

function checkMcq(index: PackIndex, item: McqItem, report: Report): void {
  const claim = item.claim;
  if (claim.kind === 'statement') {
    checkStatementOptions(index, item, claim, report);
    return;
  }
  const situation = situationOfMcq(index, item, claim);
  const answer = checkEntityChoices(index, item, claim, situation, report);
  if (!answer?.entityId) return;
  const statement = claimStatement(claim, answer.entityId, situation);
  const exact = exactSupport(index, statement);
  if (exact.length === 0) {
    report('answer-unsupported', `no uncontested fact states the answer ${answer.entityId}`);
  }
}

/**
 * "Which of the following did this source report?": the correct statement is a fact of the
 * source; every other one is supported by nothing and refuted by the source's own findings, and
 * sits in the correct statement's neighbourhood (its topic, a pathway or the study).
 */
function checkStatementOptions(
  index: PackIndex,
  item: McqItem,
  claim: StatementClaim,
  report: Report,
): void {
  const correct = item.options.find((o) => o.correct);
  if (!correct?.statement) {
    report('answer-shape', 'the correct option carries no statement');
    return;
  }
  const onModel = claim.pathwayId !== undefined;
  const backing = exactSupport(index, correct.statement).filter(
    (f) =>
      f.references.includes(claim.referenceId) ||
      (onModel &&
        (index.edgesByFact.get(f.id) ?? []).some((r) => r.pathway.id === claim.pathwayId)),
  );
  if (backing.length === 0) {
    report('answer-unsupported', `no uncontested fact of ${claim.referenceId} states the answer`);
  }
  const home = factsOf(index, item.factIds.slice(0, 1));
  for (const option of item.options) {
    if (option.correct) continue;
    if (!option.statement) {
      report('answer-shape', `option "${option.text}" carries no statement`);
      continue;
    }
    const support = supportOf(index, option.statement);
    if (support) {
      report(
        'distractor-satisfies-stem',
        `“${option.text}” is supported (${support.factIds.join(', ')})`,
      );
      continue;
    }
    if (onModel && option.statement.pathwayId !== claim.pathwayId) {
      report('answer-shape', `“${option.text}” is not framed on ${claim.pathwayId ?? ''}`);
    }
    const refuted = refutationOf(index, option.statement);
    const bySource = (refuted?.factIds ?? [])
      .map((id) => index.evidence.factById.get(id))
      .filter((f): f is Fact => f !== undefined)
      .filter((f) => f.references.includes(claim.referenceId));
    if (!refuted || (bySource.length === 0 && !onModel)) {
      report(
        'distractor-unproven',
        `nothing ${claim.referenceId} reported shows “${option.text}” is false`,
      );
      continue;
    }
    // Same source by construction; the option must also share a topic, an entity or a pathway.
    const refuting = refuted.factIds
      .map((id) => index.evidence.factById.get(id))
      .filter((f): f is Fact => f !== undefined);
    const near = home.some((h) => nearFinding(index, h, refuting));
    if (!near && !onModel) {
      report('distractor-off-topic', `“${option.text}” is unrelated to the correct statement`);
    }
  }
}

function checkDiagramNode(index: PackIndex, item: DiagramNodeItem, report: Report): void {
  const pathway = pathwayOf(index, item.pathwayId, report);
  if (!pathway) return;
  const node = pathway.nodes.find((n) => n.id === item.hiddenNodeId);
  if (!node) {
    report('answer-shape', `hidden node ${item.hiddenNodeId} is not in ${pathway.id}`);
    return;
  }
  const answer = checkEntityChoices(
    index,
    item,
    item.claim,
    { compartments: [], diseases: [] },
    report,
  );
  if (answer && answer.entityId !== node.entity) {
    report(
      'answer-unsupported',
      `the correct option is not the hidden node's entity ${node.entity}`,
    );
  }
  const incident = pathway.edges.filter((e) => e.from === node.id || e.to === node.id);
  const solid = incident.filter(
    (e) => !e.inferred && factsOf(index, e.factIds).some((f) => f.contested === undefined),
  );
  if (incident.length > 0 && solid.length === 0) {
    report('answer-inferred', `node ${node.id} is placed only by inferred or contested edges`);
  }
  if (
    answer?.entityId &&
    !supportOf(
      index,
      claimStatement(item.claim, answer.entityId, { compartments: [], diseases: [] }),
    )
  ) {
    report('answer-unsupported', `the hidden node does not fit the shown link`);
  }
}

// ─── True/false ──────────────────────────────────────────────────────────────────────────────

function checkTrueFalse(index: PackIndex, item: TrueFalseItem, report: Report): void {
  const statement: Statement = item.statement;
  if (item.answer) {
    if (exactSupport(index, statement).length === 0) {
      report('true-statement-unsupported', 'no uncontested fact states this');
    }
    return;
  }
  const support = supportOf(index, statement);
  if (support) {
    report('false-statement-is-fact', `the pack supports it (${support.factIds.join(', ')})`);
  } else if (!refutationOf(index, statement)) {
    report('false-statement-unproven', 'nothing in the pack shows it is false');
  }
}

// ─── Cloze ───────────────────────────────────────────────────────────────────────────────────

function checkCloze(index: PackIndex, item: ClozeItem, report: Report): void {
  if (!item.prompt.includes(BLANK)) report('answer-shape', 'the prompt has no blank');
  if (!item.answer.accepted.some((form) => answerKey(form) === answerKey(item.answer.text))) {
    report('answer-shape', 'the expected answer is not among the accepted forms');
  }
  if (mentionsAny(item.prompt, item.answer.accepted)) {
    report('answer-in-stem', 'the prompt contains an accepted answer');
  }
  const fact = index.factById.get(item.factIds[0] ?? '');
  if (!fact) return;
  const entityId = item.answer.entityId;
  if (entityId !== undefined) {
    if (!index.entityById.has(entityId)) {
      report('answer-shape', `answer names unknown entity ${entityId}`);
      return;
    }
    if (isBackgroundEntity(index, entityId))
      report('answer-background', `${entityId} is background`);
    const missing = formsOf(index, entityId).filter((f) => !item.answer.accepted.includes(f));
    if (missing.length > 0) report('answer-shape', `accepted forms miss ${missing.join(', ')}`);
  }
  const statement = statementOf(fact, { object: entityId ?? item.answer.text });
  if (exactSupport(index, statement).length === 0) {
    report('answer-unsupported', `no uncontested fact gives ${item.answer.text} for this blank`);
  }
  checkClozeUnique(index, item, fact, report);
}

/** The source a prompt names: its lead reference, and the review's section when that is named too. */
function promptSource(index: PackIndex, fact: Fact, prompt: string): AlternativeOptions {
  const lead = leadReference(index, fact);
  const label = citationsForFact(index, fact).find((c) => c.referenceId === lead.id)?.label;
  if (label === undefined || !prompt.includes(label.split(',')[0] ?? label)) return {};
  return {
    source: lead.id,
    ...(fact.section !== undefined && prompt.includes(label) ? { section: fact.section } : {}),
  };
}

/**
 * One intended answer: the accepted forms name one entity, and no other entity that the pack
 * gives for this blank in the setting the prompt shows (and of the type a word before the blank
 * names) is left out unnamed. A "name one" prompt instead must accept every such answer.
 */
function checkClozeUnique(index: PackIndex, item: ClozeItem, fact: Fact, report: Report): void {
  const nameOne = NAME_ONE.test(item.prompt);
  const named = new Set(
    item.answer.accepted.flatMap((form) => index.entitiesByForm.get(answerKey(form)) ?? []),
  );
  const answerEntities = new Set(
    item.answer.entityId === undefined ? [] : equivalents(index, item.answer.entityId),
  );
  // A literal answer ("NK4") may itself be some entity's alias: one name is one answer.
  const distinct =
    item.answer.entityId === undefined
      ? [...named].slice(1)
      : [...named].filter((id) => !answerEntities.has(id));
  if (!nameOne && distinct.length > 0) {
    report(
      'cloze-ambiguous',
      `accepts ${distinct.length + 1} distinct answers (${distinct.join(', ')}) without asking for one of them`,
    );
  }
  if (!isEntityObject(fact)) return;
  const qualifier = blankQualifier(item.prompt);
  const open = alternativeObjects(
    index,
    fact,
    shownContext(index, fact, item.prompt),
    promptSource(index, fact, item.prompt),
  ).filter(
    (id) =>
      !mentionsAny(item.prompt, formsOf(index, id)) &&
      (qualifier === undefined || qualifies(index, id, qualifier)),
  );
  if (nameOne) {
    const missed = open.filter((id) => !named.has(id));
    if (missed.length > 0) {
      report(
        'cloze-ambiguous',
        `asks for any one answer but would mark ${missed.join(', ')} wrong`,
      );
    }
  } else if (open.length > 0) {
    report('cloze-ambiguous', `${open.join(', ')} also fill the blank in the setting shown`);
  }
}

// ─── Matching ────────────────────────────────────────────────────────────────────────────────

function checkMatching(index: PackIndex, item: MatchingItem, report: Report): void {
  const leftIds = item.left.map((l) => l.id);
  const rightIds = item.right.map((r) => r.id);
  const answered = item.answer.map((a) => a.leftId);
  const shapeOk =
    new Set(leftIds).size === leftIds.length &&
    new Set(rightIds).size === rightIds.length &&
    leftIds.length === rightIds.length &&
    answered.length === leftIds.length &&
    leftIds.every((id) => answered.includes(id)) &&
    item.answer.every((a) => rightIds.includes(a.rightId)) &&
    new Set(item.answer.map((a) => a.rightId)).size === item.answer.length;
  if (!shapeOk) {
    report('answer-shape', 'left, right and answer do not form one pairing of every left');
    return;
  }
  const pool = matchingPool(index, item.matchingFamily, item.anchorEntityId);
  const rightText = (id: string): string => item.right.find((r) => r.id === id)?.text ?? '';
  for (const pair of item.answer) {
    const supported = pool.some(
      (p) =>
        p.left === pair.leftId && p.right === rightText(pair.rightId) && p.fact.id === pair.factId,
    );
    if (!supported) {
      report(
        'matching-unsupported-pair',
        `${pair.leftId} — “${rightText(pair.rightId)}” is not backed by ${pair.factId}`,
      );
    }
  }
  const count = countMatchings(
    pool,
    leftIds,
    item.answer.map((a) => rightText(a.rightId)),
  );
  if (count !== 1)
    report('matching-ambiguous', `${count} pairings are backed by the pack, not exactly one`);
}

// ─── Context ─────────────────────────────────────────────────────────────────────────────────

const overlaps = (a: readonly string[], b: readonly string[]): boolean =>
  a.some((x) => b.includes(x));
const compartmentKey = (ids: readonly string[]): string => [...ids].sort().join('+');

function checkContext(index: PackIndex, item: ContextItem, report: Report): void {
  if (!index.entityById.has(item.subject.entityId) || !index.entityById.has(item.diseaseId)) {
    report('answer-shape', 'names an unknown subject or disease');
    return;
  }
  const findings = levelFindings(index, item.subject.entityId, item.diseaseId);
  const correct = item.options.find((o) => o.correct);
  if (!correct) return;
  switch (item.ask) {
    case 'status': {
      const here = findings.filter((f) => overlaps(f.context.compartments, item.compartments));
      const statuses = new Set(here.map((f) => levelStatus(f)));
      const backed = here.some((f) => f.contested === undefined && levelStatus(f) === correct.id);
      if (!backed) report('context-mismatch', `no uncontested finding is “${correct.id}” there`);
      if (statuses.size > 1) report('context-mismatch', 'the pack reports different changes there');
      return;
    }
    case 'compartment': {
      const status = item.status;
      const backed = findings.some(
        (f) =>
          f.contested === undefined &&
          levelStatus(f) === status &&
          compartmentKey(f.context.compartments) === correct.id,
      );
      if (!backed)
        report('context-mismatch', `no uncontested finding is “${status ?? ''}” in ${correct.id}`);
      if (item.compartments.some((c) => mentionsAny(item.prompt, formsOf(index, c)))) {
        report('answer-in-stem', 'the stem names the compartment asked for');
      }
      for (const option of item.options) {
        if (option.correct) continue;
        const there = findings.filter((f) => compartmentKey(f.context.compartments) === option.id);
        if (there.some((f) => levelStatus(f) === status)) {
          report(
            'distractor-satisfies-stem',
            `the pack also reports “${status ?? ''}” in ${option.id}`,
          );
        } else if (!there.some((f) => f.contested === undefined && levelStatus(f) !== status)) {
          report(
            'distractor-unproven',
            `nothing in the pack reports a different change in ${option.id}`,
          );
        }
      }
      return;
    }
  }
}

// ─── Which study ─────────────────────────────────────────────────────────────────────────────

function checkWhichStudy(index: PackIndex, item: WhichStudyItem, report: Report): void {
  const fact = index.factById.get(item.factId);
  if (!fact?.contested) {
    report('which-study-mismatch', `${item.factId} is not a contested fact`);
    return;
  }
  const rivals = factsOf(index, fact.contested.with);
  for (const option of item.options) {
    if (option.correct && !fact.references.includes(option.id)) {
      report('which-study-mismatch', `${option.id} is not a source of ${fact.id}`);
    }
    if (!option.correct) {
      if (fact.references.includes(option.id)) {
        report('which-study-mismatch', `${option.id} is also a source of ${fact.id}`);
      } else if (!rivals.some((r) => r.references.includes(option.id))) {
        report('distractor-unproven', `${option.id} reported no contrary finding`);
      }
    }
  }
  const correct = item.options.find((o) => o.correct);
  if (correct && item.prompt.includes(correct.text))
    report('answer-in-stem', 'the stem names the study');
  // "(2005 report)" in the quoted finding points at the one option from 2005.
  const year = (text: string): string | undefined => /\b(?:19|20)\d\d\b/.exec(text)?.[0];
  const correctYear = correct ? year(correct.text) : undefined;
  if (
    correctYear !== undefined &&
    item.prompt.includes(correctYear) &&
    !item.options.some((o) => !o.correct && year(o.text) === correctYear)
  ) {
    report('answer-in-stem', `the stem gives the year ${correctYear}, which only the answer has`);
  }
}

/**
 * Every item that breaks a rule: structure (options, rationales, explanation, citations, facts,
 * answer shape) and content (distractors proven wrong and not fitting the stem, answers resting
 * on uncontested, non-inferred facts, stems framed on a source, unique matchings, forced orders,
 * perturbation answers recomputed). Independent of how the bank was generated.
 */
export function checkBank(pack: Pack, bank: Bank): Violation[] {
  const index = indexPack(pack);
  const violations: Violation[] = [];
  const seen = new Set<string>();
  for (const item of bank.quiz) {
    const report: Report = (rule, message) => violations.push({ itemId: item.id, rule, message });
    if (seen.has(item.id)) report('duplicate-id', 'another item has this id');
    seen.add(item.id);
    checkCommon(index, item, report);
    if (isOptionItem(item)) checkOptions(index, item, report);
    switch (item.kind) {
      case 'mcq':
        checkMcq(index, item, report);
        break;
      case 'true-false':
        checkTrueFalse(index, item, report);
        break;
      case 'cloze':
        checkCloze(index, item, report);
        break;
      case 'matching':
        checkMatching(index, item, report);
        break;
      case 'ordering':
        checkOrdering(index, item, report);
        break;
      case 'perturbation':
        checkPerturbation(index, item, report);
        break;
      case 'context':
        checkContext(index, item, report);
        break;
      case 'diagram-node':
        checkDiagramNode(index, item, report);
        break;
      case 'diagram-edge':
        checkDiagramEdge(index, item, report);
        break;
      case 'which-study':
        checkWhichStudy(index, item, report);
        break;
    }
  }
  for (const violation of checkCards(index, bank.cards)) violations.push(violation);
  return violations;
}

/**
 * Cards: unique ids; a front that reads as prose (no bracketed lists, no capitalised common
 * nouns mid-sentence, no doubled words); and no two cards asking the same thing with different
 * answers, which would make either answer "wrong" on review.
 */
function checkCards(index: PackIndex, cards: readonly StudyCard[]): Violation[] {
  const violations: Violation[] = [];
  const ids = new Set<string>();
  const backs = new Map<string, { readonly id: string; readonly back: string }>();
  for (const card of cards) {
    const report: Report = (rule, message) => violations.push({ itemId: card.id, rule, message });
    if (ids.has(card.id)) report('duplicate-id', 'another card has this id');
    ids.add(card.id);
    if (card.kind.startsWith('fact-')) {
      for (const problem of proseProblems(index, card.front)) report(problem.rule, problem.message);
      for (const problem of proseProblems(index, card.back, { standalone: true })) {
        report(problem.rule, `back: ${problem.message}`);
      }
    }
    const earlier = backs.get(card.front);
    if (earlier && earlier.back !== card.back) {
      report('card-ambiguous', `asks what ${earlier.id} asks, with another answer`);
    }
    if (!earlier) backs.set(card.front, { id: card.id, back: card.back });
  }
  return violations;
}

export interface CoverageGaps {
  /** Non-background facts without a flashcard. */
  readonly factsWithoutCard: readonly string[];
  /** Uncontested, non-background facts no quiz item rests on. */
  readonly factsWithoutQuizItem: readonly string[];
  /** Pathway edges ("D1:edge-id") no quiz item exercises; inferred and definitional ones are never asked. */
  readonly edgesWithoutItem: readonly string[];
}

/** What the bank leaves untaught: every fact needs a card and a quiz item, every edge an item. */
export function coverageGaps(pack: Pack, bank: Bank): CoverageGaps {
  const index = indexPack(pack);
  const carded = new Set(bank.cards.flatMap((c) => c.factIds));
  const quizzed = new Set(bank.quiz.flatMap((q) => q.factIds));
  const exercised = new Set(
    bank.quiz.flatMap((q) =>
      q.pathwayId ? q.edgeIds.map((e) => `${q.pathwayId ?? ''}:${e}`) : [],
    ),
  );
  const facts = pack.facts.filter((f) => !isBackgroundFact(index, f));
  return {
    factsWithoutCard: facts.filter((f) => !carded.has(f.id)).map((f) => f.id),
    // A contested fact backs no single-answer item; its cards teach both sides.
    factsWithoutQuizItem: facts
      .filter((f) => f.contested === undefined && !quizzed.has(f.id))
      .map((f) => f.id),
    edgesWithoutItem: pack.pathways.flatMap((p) =>
      p.edges
        // An inferred, contested or unstated edge backs no single-answer item; its cards teach both sides.
        .filter((e) => edgeIsSolid(index, p, e) && !isDefinitionalEdge(index, p, e))
        .map((e) => `${p.id}:${e.id}`)
        .filter((key) => !exercised.has(key)),
    ),
  };
}
