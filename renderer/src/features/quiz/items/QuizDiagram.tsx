import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PublicQuizItem } from '../../../../../shared/contract/quiz.ts';
import type { EdgeSign } from '../../../../../shared/pack/schema.ts';
import { edgeGlyph, signPhrase, type EdgeGlyph } from '../../pathways/model/notation.ts';
import { layerColumns } from '../model/diagram-layout.ts';

type Diagram = NonNullable<PublicQuizItem['diagram']>;
export type SignValue = '+' | '-' | '0';

/** What the feedback reveals: the hidden node's name, or the hidden link's sign. */
export interface DiagramReveal {
  readonly hiddenLabel?: string;
  readonly sign?: SignValue;
}

const signOfValue: Record<SignValue, EdgeSign> = {
  '+': 'stimulates',
  '-': 'inhibits',
  '0': 'no-difference',
};

export function isSignValue(value: string | undefined): value is SignValue {
  return value === '+' || value === '-' || value === '0';
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
    const measure = () => setDrawn(routeEdges(root, diagram.edges));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => observer.disconnect();
  }, [diagram]);

  const summary = describe(diagram, labels, reveal);
  return (
    <figure className="qz-diagram">
      <div className="qz-diagram-canvas" ref={canvas} role="img" aria-label={summary}>
        <svg className="qz-diagram-edges" aria-hidden="true" focusable="false">
          <Markers prefix={markers} />
          {drawn.map((d) => {
            const edge = diagram.edges.find((e) => e.id === d.id);
            if (!edge) return null;
            const sign = edge.sign ?? (reveal?.sign ? signOfValue[reveal.sign] : undefined);
            const glyph = sign ? edgeGlyph(sign) : undefined;
            return (
              <EdgePath
                key={d.id}
                markers={markers}
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
          style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}
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
        <DiagramLegend markers={markers} />
      </figcaption>
    </figure>
  );
}

function EdgePath({
  markers,
  drawn,
  glyph,
  inferred,
  revealed,
}: {
  readonly markers: string;
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
          <circle r={glyph ? 9 : 11} />
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
function Markers({ prefix }: { readonly prefix: string }) {
  return (
    <defs>
      {tones.map((tone) => (
        <g key={tone}>
          <marker
            id={`${prefix}-arrow-${tone}`}
            viewBox="0 0 14 14"
            refX="13"
            refY="7"
            markerWidth="14"
            markerHeight="14"
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
            markerWidth="6"
            markerHeight="18"
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
      <span>
        <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" focusable="false">
          <path
            d="M2 7 H22"
            className="qz-edge qz-tone-stim"
            markerEnd={`url(#${markers}-arrow-stim)`}
          />
        </svg>
        raises or activates
      </span>
      <span>
        <svg width="34" height="18" viewBox="0 0 34 18" aria-hidden="true" focusable="false">
          <path
            d="M2 9 H24"
            className="qz-edge qz-tone-inhib"
            markerEnd={`url(#${markers}-bar-inhib)`}
          />
        </svg>
        lowers or inhibits
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

const cueAt = 0.62;

/** Links between measured node boxes, in the canvas's coordinates. */
function routeEdges(root: HTMLElement, edges: Diagram['edges']): Drawn[] {
  const origin = root.getBoundingClientRect();
  const box = (id: string) => {
    const el = root.querySelector<HTMLElement>(`[data-node="${CSS.escape(id)}"]`);
    if (!el) return undefined;
    const r = el.getBoundingClientRect();
    return {
      left: r.left - origin.left,
      right: r.right - origin.left,
      top: r.top - origin.top,
      bottom: r.bottom - origin.top,
    };
  };
  return edges.flatMap((edge) => {
    const a = box(edge.from);
    const b = box(edge.to);
    if (!a || !b) return [];
    const ay = (a.top + a.bottom) / 2;
    const by = (b.top + b.bottom) / 2;
    let p0: [number, number];
    let p1: [number, number];
    let p2: [number, number];
    let p3: [number, number];
    if (b.left >= a.right) {
      // Downstream to the right: leave the right side, enter the left side.
      const dx = Math.max(24, (b.left - a.right) / 2);
      p0 = [a.right, ay];
      p3 = [b.left - 2, by];
      p1 = [p0[0] + dx, p0[1]];
      p2 = [p3[0] - dx, p3[1]];
    } else if (b.right <= a.left) {
      // A loop back upstream: under both boxes.
      const low = Math.max(a.bottom, b.bottom) + 36;
      p0 = [(a.left + a.right) / 2, a.bottom];
      p3 = [(b.left + b.right) / 2, b.bottom + 2];
      p1 = [p0[0], low];
      p2 = [p3[0], low];
    } else {
      // Same column: top to bottom.
      const down = b.top >= a.bottom;
      p0 = [(a.left + a.right) / 2, down ? a.bottom : a.top];
      p3 = [(b.left + b.right) / 2, down ? b.top - 2 : b.bottom + 2];
      const dy = (p3[1] - p0[1]) / 2;
      p1 = [p0[0], p0[1] + dy];
      p2 = [p3[0], p3[1] - dy];
    }
    // The cue sits past the middle, where links fanning out of one node have parted.
    const at = (t: number, i: 0 | 1) =>
      (1 - t) ** 3 * p0[i] +
      3 * (1 - t) ** 2 * t * p1[i] +
      3 * (1 - t) * t ** 2 * p2[i] +
      t ** 3 * p3[i];
    const mid = { x: at(cueAt, 0), y: at(cueAt, 1) };
    const path = `M${p0[0]},${p0[1]} C${p1[0]},${p1[1]} ${p2[0]},${p2[1]} ${p3[0]},${p3[1]}`;
    return [{ id: edge.id, path, mid }];
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
    const sign = edge.sign ?? (reveal?.sign ? signOfValue[reveal.sign] : undefined);
    const sentence = sign
      ? `${name(edge.from)} ${signPhrase(sign)} ${name(edge.to)}`
      : `${name(edge.from)} is linked to ${name(edge.to)}; the kind of link is hidden`;
    return edge.inferred ? `${sentence} (inferred)` : sentence;
  });
  return `Diagram: ${links.join('; ')}.`;
}
