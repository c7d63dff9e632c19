import { readsAsLevel } from '../../../pack/measures.ts';
import type { Fact, Pathway } from '../../../pack/schema.ts';
import { relationDef, type RelationId } from '../../../pack/relations.ts';
import { pathwayFraming } from '../../citations.ts';
import { relatedSubjects } from '../../family.ts';
import type { PathwayView } from '../../graph.ts';
import { midSentenceName, withoutParenthetical } from '../../names.ts';
import {
  classOf,
  entityOf,
  isBackgroundEntity,
  isBackgroundFact,
  type PackIndex,
} from '../../pack-index.ts';
import { optionSentence } from '../../phrasing.ts';
import { tieBreaker } from '../../rng.ts';
import {
  asRelation,
  effectivePolarity,
  pathwayView,
  provablyFalse,
  relationFamily,
  statementKey,
  statementOf,
} from '../../semantics.ts';
import type { ChoiceOption, Evidence, McqItem, Statement } from '../../types.ts';
import {
  arrange,
  base,
  explain,
  rationaleFor,
  roleOf,
  SELECTION_SEED,
  type GenContext,
} from '../../items/common.ts';
import { readsAlike, saidVerb } from '../../items/test-wise.ts';
import { isWhereModifier } from '../../claims.ts';
import { pathwayOfFact } from './entity-mcq.ts';
import { edgeIsSolid, relationForSign } from '../../items/pathway-common.ts';

/**
 * A fact as its model draws it: in no one place, and without where its level was measured
 * ("local IL-32γ"): the stem names the panel, and the distractors, read off the model's links,
 * carry no such word, so only the key would (audit T).
 */
function asDrawn(statement: Statement, pathway: Pathway): Statement {
  const { modifier, ...subject } = statement.subject;
  // The model draws the link, not what was measured of it (unless it is another claim, a function).
  const { measure, ...drawn } = statement;
  return {
    ...drawn,
    ...(readsAsLevel(measure) ? {} : { measure }),
    subject: isWhereModifier(modifier) ? subject : statement.subject,
    compartments: [],
    diseases: [],
    pathwayId: pathway.id,
  };
}

/**
 * "In the review's Figure 1 model, which of the following is correct?": one fact the model draws
 * against three statements about the model's nodes that a fact or a background fact proves wrong.
 */

const MAX_REUSE = 3;
const DISTRACTORS = 3;

/** How many model items one pathway panel gets: the figure is one topic, not twenty. */
const MAX_PER_MODEL = 5;

interface ModelStatement {
  readonly statement: Statement;
  readonly key: string;
  readonly entities: readonly string[];
  readonly polarity: number;
}

const emptyContext = { compartments: [], diseases: [] } as const;

/**
 * Statements a model may prove wrong: each edge turned round, and each source put on another node
 * of the target's kind. Cheap to list; whether the model really proves one wrong is asked only
 * for the few an item needs (see `Proofs`).
 */
function modelCandidates(index: PackIndex, view: PathwayView): ModelStatement[] {
  const pathway = view.pathway;
  const out = new Map<string, ModelStatement>();
  const entityOfNode = (id: string): string | undefined => view.nodeById.get(id)?.entity;
  const consider = (subject: string, relation: RelationId, object: string): void => {
    if (isBackgroundEntity(index, subject) || isBackgroundEntity(index, object)) return;
    // "IL-32γ increases IL-32": an isoform and its parent are one molecule to a learner.
    if (relatedSubjects(index, subject).has(object)) return;
    const statement: Statement = {
      subject: { entityId: subject, coSubjects: [] },
      relation,
      object,
      compartments: [],
      diseases: [],
      pathwayId: pathway.id,
    };
    const key = statementKey(statement);
    if (out.has(key)) return;
    out.set(key, {
      statement,
      key,
      entities: [subject, object],
      polarity: effectivePolarity(relation),
    });
  };
  for (const edge of view.edges) {
    if (!edgeIsSolid(index, view.pathway, edge)) continue;
    const signRelation = relationForSign(edge.sign);
    // "NFATc1 promotes osteoclast fusion", not "activates": processes are promoted.
    const toEntity = entityOfNode(edge.to);
    const relation =
      signRelation === 'activates' &&
      toEntity !== undefined &&
      classOf(entityOf(index, toEntity).type) !== 'molecule'
        ? 'promotes'
        : signRelation;
    const from = entityOfNode(edge.from);
    const to = entityOfNode(edge.to);
    if (relation === null || from === undefined || to === undefined) continue;
    const opposite = relationDef(relation).opposite;
    if (opposite !== undefined) consider(from, asRelation(opposite), to);
    const targetClass = classOf(entityOf(index, to).type);
    for (const node of view.nodes) {
      if (node.id === edge.to || classOf(entityOf(index, node.entity).type) !== targetClass)
        continue;
      const swapped =
        relation === 'promotes' && classOf(entityOf(index, node.entity).type) === 'molecule'
          ? 'activates'
          : relation;
      consider(from, swapped, node.entity);
    }
  }
  return [...out.values()];
}

/** Proofs and option texts, worked out once per candidate and only when an item asks. */
class Proofs {
  readonly #index: PackIndex;
  readonly #evidence = new Map<string, Evidence | null>();
  readonly #texts = new Map<string, string>();
  constructor(index: PackIndex) {
    this.#index = index;
  }
  evidence(m: ModelStatement): Evidence | null {
    let found = this.#evidence.get(m.key);
    if (found === undefined) {
      found = provablyFalse(this.#index, m.statement);
      this.#evidence.set(m.key, found);
    }
    return found;
  }
  text(m: ModelStatement): string {
    let found = this.#texts.get(m.key);
    if (found === undefined) {
      found = optionSentence(this.#index, m.statement, emptyContext);
      this.#texts.set(m.key, found);
    }
    return found;
  }
}

function modelStem(ctx: GenContext, pathway: Pathway, context: string | undefined): string {
  const panel = pathway.contexts.find((c) => c.id === context);
  const panelName = panel
    ? withoutParenthetical(midSentenceName({ name: panel.label, type: 'disease' }))
    : undefined;
  return `${pathwayFraming(ctx.index, pathway, undefined, panelName)}, which of the following is correct?`;
}

/**
 * "In the review's Figure 1 model, which of the following is correct?": one fact the model
 * draws, against three statements the model proves wrong — an arrow turned round, or a node
 * credited with an effect the model does not give it.
 */
export function modelStatementMcqItems(ctx: GenContext): McqItem[] {
  const { index } = ctx;
  const items: McqItem[] = [];
  for (const pathway of index.pack.pathways) {
    const contexts = pathway.contexts.length > 0 ? pathway.contexts.map((c) => c.id) : [undefined];
    for (const context of contexts) {
      const view = pathwayView(index, pathway, context);
      const candidates = modelCandidates(index, view);
      const proofs = new Proofs(index);
      const used = new Map<string, number>();
      const keyed = new Set<string>();
      const drawn = view.edges
        .filter((e) => edgeIsSolid(index, pathway, e))
        .flatMap((e) => e.factIds)
        .map((id) => index.factById.get(id))
        .filter(
          (f): f is Fact =>
            f !== undefined &&
            f.contested === undefined &&
            !isBackgroundFact(index, f) &&
            relationFamily(f.relation) === 'causal' &&
            pathwayOfFact(index, f)?.id === pathway.id,
        );
      const facts = [...new Map(drawn.map((f) => [f.id, f])).values()].sort(
        (a, b) => Number(b.highYield) - Number(a.highYield) || (a.id < b.id ? -1 : 1),
      );
      let made = 0;
      for (const fact of facts) {
        if (made >= MAX_PER_MODEL) break;
        const statement = asDrawn(statementOf(fact), pathway);
        const verb = saidVerb(statement);
        const trueText = optionSentence(index, { ...statement, relation: verb }, emptyContext);
        // Two facts the model draws as one link ask one question (audit T: F099 and F127).
        if (keyed.has(trueText)) continue;
        const pair = `${fact.subject}>${fact.object}`;
        const ordered = candidates
          .filter(
            (m) =>
              `${m.statement.subject.entityId}>${m.statement.object}` !== pair &&
              (used.get(m.key) ?? 0) < MAX_REUSE,
          )
          .map((m) => ({
            m,
            near: m.entities.some((e) => e === fact.subject || e === fact.object) ? 0 : 1,
            tie: tieBreaker(SELECTION_SEED, `${pathway.id}:${fact.id}:${m.key}`),
          }))
          .sort((a, b) => a.near - b.near || a.tie - b.tie)
          .map(({ m }) => m);
        const chosen: ModelStatement[] = [];
        const texts = new Set([trueText]);
        const take = (m: ModelStatement): void => {
          if (chosen.length >= DISTRACTORS || chosen.includes(m)) return;
          if (proofs.evidence(m) === null || texts.has(proofs.text(m))) return;
          texts.add(proofs.text(m));
          chosen.push(m);
        };
        // One said with the answer's verb first, or no item: the only "promotes" among
        // "suppresses" is a giveaway (audit R), as the only positive statement was.
        for (const m of ordered) {
          if (!readsAlike(m.statement, statement)) continue;
          take(m);
          if (chosen.length > 0) break;
        }
        if (chosen.length === 0) continue;
        for (const m of ordered) take(m);
        if (chosen.length < DISTRACTORS) continue;
        for (const m of chosen) used.set(m.key, (used.get(m.key) ?? 0) + 1);
        keyed.add(trueText);
        made++;
        const id = `mcq-model:${pathway.id}${context ? `@${context}` : ''}:${fact.id}`;
        const options: ChoiceOption[] = [
          { id: `fact:${fact.id}`, text: trueText, correct: true, statement },
          ...chosen.map((m) => {
            const evidence = proofs.evidence(m) ?? { basis: 'pathway-role' as const, factIds: [] };
            return {
              id: m.key,
              text: proofs.text(m),
              correct: false,
              statement: m.statement,
              evidence,
              rationale: rationaleFor(ctx, 'this one', evidence, pathway, m.statement.object),
            };
          }),
        ];
        const evidenceFacts = chosen
          .flatMap((m) => proofs.evidence(m)?.factIds ?? [])
          .map((fid) => index.factById.get(fid))
          .filter(
            (f): f is Fact => f !== undefined && f.id !== fact.id && f.contested === undefined,
          );
        items.push({
          kind: 'mcq',
          ...base(ctx, {
            id,
            prompt: modelStem(ctx, pathway, context),
            explanation: explain(
              ctx,
              `Correct: ${trueText}`,
              [fact],
              [roleOf(ctx, pathway, fact.object, fact.subject)],
            ),
            facts: [fact, ...new Map(evidenceFacts.map((f) => [f.id, f])).values()],
            difficulty: 2,
            family: `fact:${fact.id}:model`,
            pathway,
            edgeIds: view.edges.filter((e) => e.factIds.includes(fact.id)).map((e) => e.id),
          }),
          claim: {
            kind: 'statement',
            referenceId: pathway.references[0] ?? index.reviewReferenceId,
            pathwayId: pathway.id,
          },
          options: arrange(ctx, id, options),
        });
      }
    }
  }
  return items;
}
