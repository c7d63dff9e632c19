import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { curve, polyline } from '../model/geometry.ts';
import { edgeGlyph, markerId } from '../model/notation.ts';
import type { FlowEdge } from './flow.ts';

const stateMark: Partial<Record<string, string>> = {
  correct: '✓',
  wrong: '✗',
  extra: '✗',
  missing: '?',
};

/**
 * An edge in SBGN activity-flow notation: arrow = positive influence, bar = negative influence,
 * dotted without a head = no difference, dashed = inferred. A level change carries ↑ or ↓ at its
 * middle; a graded edge in the quiz also carries ✓, ✗ or ?.
 */
export function SbgnEdge(props: EdgeProps<FlowEdge>) {
  const { id, data, sourceX, sourceY, targetX, targetY } = props;
  if (!data) return null;
  const glyph = edgeGlyph(data.sign);
  const shape = data.route
    ? polyline(data.route)
    : curve(
        { x: sourceX, y: sourceY + data.sourceOffset },
        { x: targetX, y: targetY + data.targetOffset },
      );
  const path = shape.path;
  const { x: midX, y: midY } = shape.at(data.cueAt);
  const marker = markerId(glyph.marker, glyph.tone);
  const mark = stateMark[data.state];
  const classes = [
    'pw-edge-path',
    `pw-tone-${glyph.tone}`,
    `pw-pattern-${glyph.pattern}`,
    data.inferred ? 'pw-inferred' : '',
    `pw-edge-${data.state}`,
  ];
  return (
    <>
      <path d={path} className="pw-edge-halo" />
      <BaseEdge
        id={id}
        path={path}
        className={classes.filter(Boolean).join(' ')}
        {...(marker ? { markerEnd: `url(#${marker})` } : {})}
        interactionWidth={18}
      />
      {(glyph.cue ?? mark) && (
        <g className={`pw-edge-cue pw-tone-${glyph.tone}`} transform={`translate(${midX} ${midY})`}>
          {glyph.cue && (
            <>
              <circle r={9} />
              <text dy="0.35em" textAnchor="middle">
                {glyph.cue}
              </text>
            </>
          )}
          {mark && (
            <g
              transform={`translate(${glyph.cue ? 18 : 0} 0)`}
              className={`pw-mark pw-mark-${data.state}`}
            >
              <circle r={9} />
              <text dy="0.35em" textAnchor="middle">
                {mark}
              </text>
            </g>
          )}
        </g>
      )}
    </>
  );
}
