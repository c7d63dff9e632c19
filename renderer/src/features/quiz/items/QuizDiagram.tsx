import { useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { PublicQuizItem } from '../../../../../shared/contract/quiz.ts';
import { drawnSign, signWords, type SignValue } from '../../../../../shared/pack/edge-signs.ts';
import { edgeGlyph, signPhrase, type EdgeGlyph } from '../../pathways/model/notation.ts';
import { layerColumns } from '../model/diagram-layout.ts';
import { routeEdge, type Box } from '../model/diagram-geometry.ts';

type Diagram = NonNullable<PublicQuizItem['diagram']>;

/** What the feedback reveals: the hidden node's name, or the hidden link's sign. */
export interface DiagramReveal {
  readonly hiddenLabel?: string;
  readonly sign?: SignValue;
}

interface Drawn {
  readonly id: string;
  readonly path: string;
  readonly mid: { readonly x: number; readonly y: number };
}

/**
 * A pathway fragment in the Pathways screen's notation (SBGN activity flow: arrow = positive
 * influence, bar = negative influence, dashed = inferred), upstream on the left. Nodes are HTML, so
 * labels wrap and grow with the text size; the links are drawn under them once the nodes are laid
 * out, and again whenever the drawing changes size.
 */
export function QuizDiagram({
  diagram,
  caption,
  reveal,
}: {
  readonly diagram: Diagram;
  readonly caption: string;
  readonly reveal?: DiagramReveal;
}) {
  const canvas = useRef<HTMLDivElement>(null);
  // Marker ids are document-wide: each drawing gets its own.
  const markers = `qz-m${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [drawn, setDrawn] = useState<readonly Drawn[]>([]);
  // Markers and cues are SVG pixels: grow them with the text size, as the boxes do.
  const [scale, setScale] = useState(1);
  const columns = useMemo(
    () =>
      layerColumns(
        diagram.nodes.map((n) => n.id),
        diagram.edges,
      ),
    [diagram],
  );
  const labels = useMemo(
    () => new Map(diagram.nodes.map((n) => [n.id, n.label ?? reveal?.hiddenLabel ?? '?'])),
    [diagram, reveal],
  );

  useLayoutEffect(() => {
    const root = canvas.current;
    if (!root) return;
    const measure = () => {
      setDrawn(routeEdges(root, diagram.edges));
      setScale(parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [diagram]);

  const summary = describe(diagram, labels, reveal);
  const column = new Map(columns.flatMap((ids, c) => ids.map((id) => [id, c] as const)));
  // Links running back upstream, within a column or past a layer go round the boxes: make room.
  const loops = diagram.edges.some((e) => {
    const span = (column.get(e.to) ?? 0) - (column.get(e.from) ?? 0);
    return e.from !== e.to && span !== 1;
  });
  return (
    <figure className="qz-diagram">
      <div
        className={`qz-diagram-canvas${loops ? ' qz-diagram-loops' : ''}`}
        ref={canvas}
        role="img"
        aria-label={summary}
      >
        <svg className="qz-diagram-edges" aria-hidden="true" focusable="false">
          <Markers prefix={markers} scale={scale} />
          {drawn.map((d) => {
            const edge = diagram.edges.find((e) => e.id === d.id);
            if (!edge) return null;
            const sign = edge.sign ?? (reveal?.sign ? drawnSign[reveal.sign] : undefined);
            const glyph = sign ? edgeGlyph(sign) : undefined;
            return (
              <EdgePath
                key={d.id}
                markers={markers}
                scale={scale}
                drawn={d}
                glyph={glyph}
                inferred={edge.inferred}
                revealed={edge.sign === null && glyph !== undefined}
              />
            );
          })}
        </svg>
        <div
          className="qz-diagram-columns"
          style={{ '--qz-columns': columns.length } as CSSProperties}
        >
          {columns.map((column, c) => (
            <div className="qz-diagram-column" key={c}>
              {column.map((id) => {
                const node = diagram.nodes.find((n) => n.id === id);
                const hidden = node?.label === null;
                const classes = [
                  'qz-dnode',
                  hidden ? 'qz-dnode-hidden' : '',
                  hidden && reveal?.hiddenLabel ? 'qz-dnode-revealed' : '',
                ];
                return (
                  <div key={id} data-node={id} className={classes.filter(Boolean).join(' ')}>
                    {labels.get(id)}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
      <figcaption className="qz-diagram-caption">
        <span>{caption}</span>
        <DiagramLegend markers={`${markers}-legend`} />
      </figcaption>
    </figure>
  );
}

function EdgePath({
  markers,
  scale,
  drawn,
  glyph,
  inferred,
  revealed,
}: {
  readonly markers: string;
  readonly scale: number;
  readonly drawn: Drawn;
  readonly glyph: EdgeGlyph | undefined;
  readonly inferred: boolean;
  readonly revealed: boolean;
}) {
  const tone = glyph?.tone ?? 'hidden';
  const marker =
    glyph && glyph.marker !== 'none' ? `${markers}-${glyph.marker}-${tone}` : undefined;
  const classes = [
    'qz-edge',
    `qz-tone-${tone}`,
    glyph?.pattern === 'dotted' ? 'qz-dotted' : '',
    inferred ? 'qz-inferred' : '',
    revealed ? 'qz-edge-revealed' : '',
  ];
  const cue = glyph ? glyph.cue : '?';
  return (
    <g>
      <path
        d={drawn.path}
        className={classes.filter(Boolean).join(' ')}
        {...(marker ? { markerEnd: `url(#${marker})` } : {})}
      />
      {cue && (
        <g
          className={`qz-edge-cue qz-tone-${tone}`}
          transform={`translate(${drawn.mid.x} ${drawn.mid.y})`}
        >
          <circle r={(glyph ? 9 : 11) * scale} />
          <text dy="0.35em" textAnchor="middle">
            {cue}
          </text>
        </g>
      )}
    </g>
  );
}

const tones = ['stim', 'inhib', 'neutral'] as const;

/** The Pathways screen's end markers, under the quiz's own ids and classes. */
function Markers({ prefix, scale }: { readonly prefix: string; readonly scale: number }) {
  return (
    <defs>
      {tones.map((tone) => (
        <g key={tone}>
          <marker
            id={`${prefix}-arrow-${tone}`}
            viewBox="0 0 14 14"
            refX="13"
            refY="7"
            markerWidth={14 * scale}
            markerHeight={14 * scale}
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
          >
            <path d="M1.5,1.5 L13,7 L1.5,12.5 Z" className={`qz-marker-arrow qz-tone-${tone}`} />
          </marker>
          <marker
            id={`${prefix}-bar-${tone}`}
            viewBox="0 0 6 18"
            refX="4.5"
            refY="9"
            markerWidth={6 * scale}
            markerHeight={18 * scale}
            markerUnits="userSpaceOnUse"
            orient="auto"
          >
            <rect x="1" y="0" width="3.5" height="18" className={`qz-marker-bar qz-tone-${tone}`} />
          </marker>
        </g>
      ))}
    </defs>
  );
}

function DiagramLegend({ markers }: { readonly markers: string }) {
  return (
    <span className="qz-diagram-legend">
      <svg className="qz-legend-defs" width="0" height="0" aria-hidden="true" focusable="false">
        <Markers prefix={markers} scale={1} />
      </svg>
      <span>
        <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" focusable="false">
          <path
            d="M2 7 H22"
            className="qz-edge qz-tone-stim"
            markerEnd={`url(#${markers}-arrow-stim)`}
          />
        </svg>
        {signWords['+']}
      </span>
      <span>
        <svg width="34" height="18" viewBox="0 0 34 18" aria-hidden="true" focusable="false">
          <path
            d="M2 9 H24"
            className="qz-edge qz-tone-inhib"
            markerEnd={`url(#${markers}-bar-inhib)`}
          />
        </svg>
        {signWords['-']}
      </span>
      <span>
        <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" focusable="false">
          <path d="M2 7 H32" className="qz-edge qz-tone-neutral qz-inferred" />
        </svg>
        dashed: inferred
      </span>
      <span>
        <span className="qz-legend-q" aria-hidden="true">
          ?
        </span>
        hidden
      </span>
    </span>
  );
}

/** Links between measured node boxes, in the canvas's coordinates. */
function routeEdges(root: HTMLElement, edges: Diagram['edges']): Drawn[] {
  const origin = root.getBoundingClientRect();
  const flow = root.querySelector('.qz-diagram-columns');
  const down = flow
    ? getComputedStyle(flow).getPropertyValue('--qz-flow').trim() === 'down'
    : false;
  const boxes = new Map<string, Box>();
  for (const el of root.querySelectorAll<HTMLElement>('[data-node]')) {
    const r = el.getBoundingClientRect();
    boxes.set(el.dataset.node ?? '', {
      left: r.left - origin.left,
      right: r.right - origin.left,
      top: r.top - origin.top,
      bottom: r.bottom - origin.top,
    });
  }
  return edges.flatMap((edge) => {
    const a = boxes.get(edge.from);
    const b = boxes.get(edge.to);
    if (!a || !b) return [];
    const others = [...boxes]
      .filter(([id]) => id !== edge.from && id !== edge.to)
      .map(([, box]) => box);
    const route = routeEdge(a, b, others, down ? 'down' : 'across');
    return [{ id: edge.id, path: route.path, mid: route.cue }];
  });
}

/** The drawing in words: every link as a sentence, "?" standing for what is hidden. */
function describe(
  diagram: Diagram,
  labels: ReadonlyMap<string, string>,
  reveal: DiagramReveal | undefined,
): string {
  const name = (id: string) => labels.get(id) ?? id;
  const links = diagram.edges.map((edge) => {
    const sign = edge.sign ?? (reveal?.sign ? drawnSign[reveal.sign] : undefined);
    const sentence = sign
      ? `${name(edge.from)} ${signPhrase(sign)} ${name(edge.to)}`
      : `${name(edge.from)} is linked to ${name(edge.to)}; the kind of link is hidden`;
    return edge.inferred ? `${sentence} (inferred)` : sentence;
  });
  return `Diagram: ${links.join('; ')}.`;
}
