import type { JsonPath } from './json-source.ts';
import { relations } from './relations.ts';
import type { Entity, Fact, Manifest, PathwayFile, TeachingPoint } from './schema.ts';
import { closestMatch } from './suggest.ts';
import { checkFactTexts, checkTextQualifiers, entityNames } from './validate-texts.ts';
import type { FactFile, Item, KnownIds, ParsedPack } from './validate-context.ts';
import { normalise, type Reporter } from './validate-context.ts';
import { edgeDrawnIn, inContext } from './views.ts';
import { diseaseTypes, EntityRefs } from './validate-entity-refs.ts';

/** Referential and consistency rules across the files of a pack (everything zod cannot see). */
export function checkReferences(parsed: ParsedPack, known: KnownIds, reporter: Reporter): void {
  const refs = new EntityRefs(known, reporter);
  if (parsed.manifest) checkManifest(parsed.manifest, known, reporter);
  checkEntityNames(parsed.entities ?? [], reporter);
  for (const item of parsed.facts ?? []) {
    checkFact('facts.json', item, parsed.manifest, known, refs, reporter);
  }
  for (const item of parsed.background ?? []) {
    checkFact('background.json', item, parsed.manifest, known, refs, reporter);
  }
  checkFactTexts(parsed.facts ?? [], parsed.background ?? [], reporter);
  const namesOf = entityNames(parsed.entities ?? []);
  checkTextQualifiers('facts.json', parsed.facts ?? [], namesOf, reporter);
  checkTextQualifiers('background.json', parsed.background ?? [], namesOf, reporter);
  for (const item of parsed.pathways ?? []) checkPathway(item, known, refs, reporter);
  for (const item of parsed.teachingPoints ?? []) checkTeachingPoint(item, known, reporter);
}

function checkManifest(manifest: Manifest, known: KnownIds, reporter: Reporter): void {
  const id = manifest.reviewReference;
  const reference = known.references?.get(id);
  if (!known.references) return;
  if (!reference) {
    const hint = closestMatch(id, known.references.keys());
    reporter.report(
      'manifest.json',
      ['reviewReference'],
      'review-reference',
      `no reference "${id}" in references.json${hint ? ` (did you mean "${hint}"?)` : ''}`,
    );
  } else if (reference.kind !== 'target-review') {
    reporter.report(
      'manifest.json',
      ['reviewReference'],
      'review-reference',
      `reference "${id}" has kind ${JSON.stringify(reference.kind)}; the review reference must have kind "target-review"`,
    );
  }
}

/** Answers are matched against names and aliases, so each must point at exactly one entity. */
function checkEntityNames(entities: readonly Item<Entity>[], reporter: Reporter): void {
  const owners = new Map<string, { id: string; path: JsonPath }>();
  for (const { index, value: entity } of entities) {
    const names: [string, JsonPath][] = [
      [entity.name, [index, 'name']],
      ...entity.aliases.map((alias, i): [string, JsonPath] => [alias, [index, 'aliases', i]]),
    ];
    for (const [name, path] of names) {
      const key = normalise(name);
      const owner = owners.get(key);
      if (!owner) owners.set(key, { id: entity.id, path });
      else if (owner.id !== entity.id) {
        reporter.report(
          'entities.json',
          path,
          'duplicate-name',
          `"${name}" is also a name of entity "${owner.id}" (${reporter.where('entities.json', owner.path)}); a name or alias must belong to one entity only`,
        );
      }
    }
  }
}

function checkFact(
  file: FactFile,
  { index, value: fact }: Item<Fact>,
  manifest: Manifest | undefined,
  known: KnownIds,
  refs: EntityRefs,
  reporter: Reporter,
): void {
  refs.require(file, [index, 'subject'], fact.subject);
  fact.coSubjects.forEach((id, i) => {
    refs.require(file, [index, 'coSubjects', i], id);
  });
  checkFactObject(file, index, fact, known, refs, reporter);

  const { diseases, compartments, cells } = fact.context;
  diseases.forEach((id, i) => {
    refs.require(file, [index, 'context', 'diseases', i], id, diseaseTypes);
  });
  compartments.forEach((id, i) => {
    refs.require(file, [index, 'context', 'compartments', i], id, ['compartment']);
  });
  cells.forEach((id, i) => {
    refs.require(file, [index, 'context', 'cells', i], id, ['cell']);
  });

  reporter.requireId(file, [index, 'topic'], fact.topic, known.topics, 'topic');
  fact.references.forEach((id, i) => {
    const path = [index, 'references', i];
    const found = reporter.requireId(file, path, id, known.references, 'reference');
    if (found && file === 'background.json') checkTextbookCitation(path, id, known, reporter);
  });
  if (fact.tier === 'review') checkReviewCitation(index, fact, manifest, reporter);

  if (fact.contested) {
    fact.contested.with.forEach((id, i) => {
      const path = [index, 'contested', 'with', i];
      if (id === fact.id) {
        reporter.report(file, path, 'self-contest', `fact "${id}" cannot contest itself`);
      } else {
        reporter.requireId(file, path, id, known.facts, 'fact');
      }
    });
    const teachingPoint = fact.contested.teachingPoint;
    if (teachingPoint !== undefined) {
      reporter.requireId(
        file,
        [index, 'contested', 'teachingPoint'],
        teachingPoint,
        known.teachingPoints,
        'teaching point',
      );
    }
  }
}

/** Background rests on textbook knowledge: its citations are textbooks or landmark reviews. */
function checkTextbookCitation(
  path: JsonPath,
  id: string,
  known: KnownIds,
  reporter: Reporter,
): void {
  const kind = known.references?.get(id)?.kind;
  if (kind === undefined || kind === 'textbook') return;
  reporter.report(
    'background.json',
    path,
    'citation',
    `reference "${id}" has kind ${JSON.stringify(kind)}; a background fact cites references of kind "textbook"`,
  );
}

function checkFactObject(
  file: FactFile,
  index: number,
  fact: Fact,
  known: KnownIds,
  refs: EntityRefs,
  reporter: Reporter,
): void {
  const kind = relations[fact.relation].objectKind;
  if (kind === 'entity') {
    refs.require(file, [index, 'object'], fact.object);
  } else if (known.entities?.has(fact.object)) {
    reporter.report(
      file,
      [index, 'object'],
      'object-kind',
      `relation "${fact.relation}" takes a literal value (a year, a count, a name), but "${fact.object}" is an entity id`,
    );
  }
}

function checkReviewCitation(
  index: number,
  fact: Fact,
  manifest: Manifest | undefined,
  reporter: Reporter,
): void {
  if (manifest && !fact.references.includes(manifest.reviewReference)) {
    reporter.report(
      'facts.json',
      [index, 'references'],
      'citation',
      `a review-tier fact must cite the target review "${manifest.reviewReference}"`,
    );
  }
  if (fact.section === undefined) {
    reporter.report(
      'facts.json',
      [index, 'section'],
      'citation',
      'a review-tier fact needs "section": the id of the manifest section it sits in',
    );
  }
}

function checkPathway(
  { index, value: pathway }: Item<PathwayFile>,
  known: KnownIds,
  refs: EntityRefs,
  reporter: Reporter,
): void {
  const file = 'pathways.json';
  const contextIds = new Set(pathway.contexts.map((context) => context.id));
  const nodeIds = new Set(pathway.nodes.map((node) => node.id));
  const requireContext = (path: JsonPath, id: string) =>
    reporter.requireId(file, path, id, contextIds, 'context', { scope: `pathway ${pathway.id}` });
  // Where a node or edge names an unknown context, that is the problem to fix; whether its
  // edges are drawn anywhere is only worth asking once the contexts are right.
  const contextsKnown = (contexts: readonly string[]) => contexts.every((c) => contextIds.has(c));
  const nodesWithKnownContexts = new Set(
    pathway.nodes.filter((node) => contextsKnown(node.contexts)).map((node) => node.id),
  );

  pathway.references.forEach((id, i) => {
    reporter.requireId(file, [index, 'references', i], id, known.references, 'reference');
  });
  pathway.nodes.forEach((node, n) => {
    refs.require(file, [index, 'nodes', n, 'entity'], node.entity);
    refs.require(file, [index, 'nodes', n, 'compartment'], node.compartment, ['compartment']);
    node.contexts.forEach((id, i) => requireContext([index, 'nodes', n, 'contexts', i], id));
  });
  pathway.edges.forEach((edge, e) => {
    const path = [index, 'edges', e];
    const scope = { scope: `pathway ${pathway.id}` };
    const fromKnown = reporter.requireId(
      file,
      [...path, 'from'],
      edge.from,
      nodeIds,
      'node',
      scope,
    );
    const toKnown = reporter.requireId(file, [...path, 'to'], edge.to, nodeIds, 'node', scope);
    edge.factIds.forEach((id, i) => {
      reporter.requireId(file, [...path, 'factIds', i], id, known.facts, 'fact');
    });
    edge.contexts.forEach((id, i) => requireContext([...path, 'contexts', i], id));
    checkEdgeSupport(index, e, pathway, known, reporter);
    const drawable =
      fromKnown &&
      toKnown &&
      contextsKnown(edge.contexts) &&
      nodesWithKnownContexts.has(edge.from) &&
      nodesWithKnownContexts.has(edge.to);
    if (drawable) checkEdgeContexts(index, e, pathway, reporter);
  });
  pathway.annotations.forEach((annotation, a) => {
    annotation.factIds.forEach((id, i) => {
      reporter.requireId(file, [index, 'annotations', a, 'factIds', i], id, known.facts, 'fact');
    });
  });
  const drawing = pathway.drawing;
  const scope = { scope: `pathway ${pathway.id}` };
  const compartments = new Set(pathway.nodes.map((node) => node.compartment));
  for (const [inner, outer] of Object.entries(drawing?.within ?? {})) {
    for (const [id, key] of [
      [inner, inner],
      [outer, inner],
    ] as const) {
      reporter.requireId(
        file,
        [index, 'drawing', 'within', key],
        id,
        compartments,
        'compartment',
        scope,
      );
    }
    if (insideItself(inner, drawing?.within ?? {})) {
      reporter.report(
        file,
        [index, 'drawing', 'within', inner],
        'layout',
        `compartment "${inner}" is drawn inside itself; "within" must not loop`,
      );
    }
  }
}

/** Whether following "within" from a compartment leads back to it. */
function insideItself(compartment: string, within: Readonly<Record<string, string>>): boolean {
  const seen = new Set<string>();
  for (let at = within[compartment]; at !== undefined; at = within[at]) {
    if (at === compartment) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}

function checkEdgeSupport(
  index: number,
  e: number,
  pathway: PathwayFile,
  known: KnownIds,
  reporter: Reporter,
): void {
  const edge = pathway.edges[e];
  if (!edge) return;
  const path = [index, 'edges', e];
  if (edge.inference !== undefined) {
    reporter.requireId(
      'pathways.json',
      [...path, 'inference'],
      edge.inference,
      known.inferences,
      'inference',
    );
  }
  if (edge.inferred && edge.inference === undefined) {
    reporter.report(
      'pathways.json',
      [...path, 'inferred'],
      'missing-inference',
      `edge "${edge.id}" is inferred but names no "inference" (declare it in manifest.json "inferences")`,
    );
  }
  if (!edge.inferred && edge.factIds.length === 0) {
    reporter.report(
      'pathways.json',
      [...path, 'factIds'],
      'unsupported-edge',
      `edge "${edge.id}" has no supporting fact; give it "factIds", or mark it "inferred" with an "inference"`,
    );
  }
}

/** An edge must be drawn somewhere: in at least one context that shows both of its ends. */
function checkEdgeContexts(
  index: number,
  e: number,
  pathway: PathwayFile,
  reporter: Reporter,
): void {
  const edge = pathway.edges[e];
  if (!edge || pathway.contexts.length === 0) return;
  const path = [index, 'edges', e];
  const ends = pathway.nodes.filter((node) => node.id === edge.from || node.id === edge.to);
  for (const [i, contextId] of edge.contexts.entries()) {
    const hidden = ends.find((node) => !inContext(node, contextId));
    if (hidden) {
      reporter.report(
        'pathways.json',
        [...path, 'contexts', i],
        'edge-context',
        `edge "${edge.id}" is listed in context "${contextId}", which does not show its node "${hidden.id}"`,
      );
    }
  }
  if (edge.contexts.length === 0 && edgeDrawnIn(pathway, edge).length === 0) {
    reporter.report(
      'pathways.json',
      [...path, 'id'],
      'edge-context',
      `edge "${edge.id}" is never drawn: no context of pathway ${pathway.id} shows both "${edge.from}" and "${edge.to}"`,
    );
  }
}

function checkTeachingPoint(
  { index, value: point }: Item<TeachingPoint>,
  known: KnownIds,
  reporter: Reporter,
): void {
  point.factIds.forEach((id, i) => {
    reporter.requireId('teaching-points.json', [index, 'factIds', i], id, known.facts, 'fact');
  });
  point.pathwayIds.forEach((id, i) => {
    reporter.requireId(
      'teaching-points.json',
      [index, 'pathwayIds', i],
      id,
      known.pathways,
      'pathway',
    );
  });
}
