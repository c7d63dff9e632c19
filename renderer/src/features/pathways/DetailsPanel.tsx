import { cardKindLabels } from '../../../../shared/contract/review.ts';
import type { Selection } from './model/deep-link.ts';
import {
  factsAbout,
  teachingPointsFor,
  type DiagramEdge,
  type DiagramModel,
} from './model/diagram.ts';
import { edgeSentence, signName } from './model/notation.ts';
import { useCardsForFacts } from './cards.ts';
import { FactList, factsById } from './Facts.tsx';

interface Props {
  readonly model: DiagramModel;
  readonly selection: Selection | undefined;
  readonly onSelectEdge: (edgeId: string) => void;
  readonly onSelectNode: (nodeId: string) => void;
}

/** Explore mode: what the learner picked on the diagram, with its facts and sources. */
export function DetailsPanel({ model, selection, onSelectEdge, onSelectNode }: Props) {
  if (!selection) return <AboutDiagram model={model} />;
  switch (selection.kind) {
    case 'node':
      return <NodeDetails model={model} nodeId={selection.id} onSelectEdge={onSelectEdge} />;
    case 'edge': {
      const edge = model.edges.find((e) => e.id === selection.id);
      return edge ? (
        <EdgeDetails model={model} edge={edge} onSelectNode={onSelectNode} />
      ) : (
        <AboutDiagram model={model} />
      );
    }
    case 'fact': {
      const edges = model.edges.filter((e) => e.factIds.includes(selection.id));
      return (
        <section aria-labelledby="pw-details-title" className="pw-details">
          <h2 id="pw-details-title">Fact {selection.id} on this diagram</h2>
          <FactList facts={factsById(model.index, [selection.id])} index={model.index} />
          <h3>Links it supports</h3>
          <EdgeButtons edges={edges} onSelectEdge={onSelectEdge} />
        </section>
      );
    }
  }
}

function AboutDiagram({ model }: { readonly model: DiagramModel }) {
  const { pathway } = model;
  const annotationFacts = pathway.annotations.flatMap((a) => a.factIds);
  const points = teachingPointsFor(model.index, annotationFacts).filter(
    (point) => point.pathwayIds.length === 0 || point.pathwayIds.includes(pathway.id),
  );
  return (
    <section aria-labelledby="pw-details-title" className="pw-details">
      <h2 id="pw-details-title">About this diagram</h2>
      <p>{pathway.summary}</p>
      <p className="muted">
        Select a node or a link (click it, or Tab to it and press Enter) to see its facts.
      </p>
      {pathway.annotations.length > 0 && (
        <>
          <h3>Take-home points</h3>
          <ul className="pw-annotations">
            {pathway.annotations.map((annotation) => (
              <li key={annotation.text}>
                {annotation.text}{' '}
                <span className="pw-fact-id">({annotation.factIds.join(', ')})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <TeachingPoints points={points} />
    </section>
  );
}

function NodeDetails({
  model,
  nodeId,
  onSelectEdge,
}: {
  readonly model: DiagramModel;
  readonly nodeId: string;
  readonly onSelectEdge: (edgeId: string) => void;
}) {
  const node = model.nodes.find((n) => n.id === nodeId);
  if (!node) return <AboutDiagram model={model} />;
  const links = model.edges.filter((e) => e.from === nodeId || e.to === nodeId);
  const linkFactIds = [...new Set(links.flatMap((e) => e.factIds))];
  const linkFacts = factsById(model.index, linkFactIds);
  const shown = new Set(linkFactIds);
  const more = factsAbout(model.index, node.entityId).filter((fact) => !shown.has(fact.id));
  return (
    <section aria-labelledby="pw-details-title" className="pw-details">
      <h2 id="pw-details-title">{node.name}</h2>
      {node.entity && (
        <p>
          <span className="badge">{node.entity.type.replaceAll('-', ' ')}</span>{' '}
          {node.entity.definition}
        </p>
      )}
      <p className="muted">
        In {node.compartmentName.toLowerCase()}
        {node.level ? `; drawn as ${node.level} on the figure` : ''}.
      </p>
      <h3>Links on this diagram</h3>
      <EdgeButtons edges={links} onSelectEdge={onSelectEdge} />
      <h3>Facts behind these links</h3>
      {linkFacts.length > 0 ? (
        <FactList facts={linkFacts} index={model.index} />
      ) : (
        <p className="muted">Its links here rest on inference only.</p>
      )}
      <CardsTesting model={model} factIds={linkFactIds} />
      {more.length > 0 && (
        <details className="pw-more">
          <summary>
            More facts about {node.entity?.name ?? node.name} ({more.length})
          </summary>
          <FactList facts={more} index={model.index} />
        </details>
      )}
      <TeachingPoints
        points={teachingPointsFor(model.index, [...linkFactIds, ...more.map((f) => f.id)])}
      />
    </section>
  );
}

function EdgeDetails({
  model,
  edge,
  onSelectNode,
}: {
  readonly model: DiagramModel;
  readonly edge: DiagramEdge;
  readonly onSelectNode: (nodeId: string) => void;
}) {
  const inference = edge.inference ? model.index.inferences.get(edge.inference) : undefined;
  return (
    <section aria-labelledby="pw-details-title" className="pw-details">
      <h2 id="pw-details-title">{edgeSentence(edge.fromName, edge.sign, edge.toName)}</h2>
      <p>
        <strong>Sign:</strong> {signName(edge.sign)}.
        {edge.inferred && (
          <>
            {' '}
            <strong>Inferred</strong>, not stated by a source
            {inference ? `: ${inference}` : '.'}
            {edge.inference && <span className="pw-fact-id"> ({edge.inference})</span>}
          </>
        )}
      </p>
      {edge.note && <p className="muted">{edge.note}</p>}
      <p className="pw-endpoints">
        <button type="button" className="btn-link" onClick={() => onSelectNode(edge.from)}>
          {edge.fromName}
        </button>{' '}
        →{' '}
        <button type="button" className="btn-link" onClick={() => onSelectNode(edge.to)}>
          {edge.toName}
        </button>
      </p>
      <h3>Facts</h3>
      {edge.factIds.length > 0 ? (
        <FactList facts={factsById(model.index, edge.factIds)} index={model.index} />
      ) : (
        <p className="muted">No fact states this link directly.</p>
      )}
      <CardsTesting model={model} factIds={edge.factIds} />
      <TeachingPoints points={teachingPointsFor(model.index, edge.factIds)} />
    </section>
  );
}

function EdgeButtons({
  edges,
  onSelectEdge,
}: {
  readonly edges: readonly DiagramEdge[];
  readonly onSelectEdge: (edgeId: string) => void;
}) {
  if (edges.length === 0) return <p className="muted">None in this view.</p>;
  return (
    <ul className="pw-edge-buttons">
      {edges.map((edge) => (
        <li key={edge.id}>
          <button type="button" className="btn-link" onClick={() => onSelectEdge(edge.id)}>
            {edgeSentence(edge.fromName, edge.sign, edge.toName)}
            {edge.inferred ? ' (inferred)' : ''}
          </button>
        </li>
      ))}
    </ul>
  );
}

function TeachingPoints({
  points,
}: {
  readonly points: readonly { id: string; title: string; text: string }[];
}) {
  if (points.length === 0) return null;
  return (
    <>
      <h3>Teaching points</h3>
      <ul className="pw-teaching">
        {points.map((point) => (
          <li key={point.id}>
            <strong>
              {point.id}. {point.title}.
            </strong>{' '}
            {point.text}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The flashcards generated from these facts: what the learner will be asked about them. */
function CardsTesting({
  model,
  factIds,
}: {
  readonly model: DiagramModel;
  readonly factIds: readonly string[];
}) {
  const state = useCardsForFacts(model.index.pack, factIds);
  if (factIds.length === 0) return null;
  return (
    <details className="pw-more" data-testid="cards-testing">
      <summary>
        Cards that test {factIds.length === 1 ? 'this fact' : 'these facts'}
        {state.status === 'ready' ? ` (${state.cards.length})` : ''}
      </summary>
      {state.status === 'loading' && <p className="muted">Finding the cards…</p>}
      {state.status === 'error' && <p role="alert">Could not list the cards: {state.message}</p>}
      {state.status === 'ready' &&
        (state.cards.length === 0 ? (
          <p className="muted">No card tests these facts.</p>
        ) : (
          <ul className="pw-cards">
            {state.cards.map((card) => (
              <li key={card.id}>
                <span className="badge">{cardKindLabels[card.kind]}</span> {card.front}
              </li>
            ))}
          </ul>
        ))}
    </details>
  );
}
