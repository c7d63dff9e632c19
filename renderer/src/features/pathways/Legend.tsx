import { useId, type ReactNode } from 'react';
import {
  edgeGlyph,
  legendSigns as signs,
  legendTexts,
  markerId,
  type EdgeGlyph,
} from './model/notation.ts';

/** Every glyph the diagram uses, drawn with the same markers and explained in words. */
export function Legend({ extra }: { readonly extra?: ReactNode }) {
  // A printed document shows one legend per pathway page.
  const titleId = useId();
  return (
    <section className="pw-legend" aria-labelledby={titleId}>
      <h2 id={titleId}>Legend</h2>
      <ul>
        {signs.map(({ sign, text }) => (
          <li key={sign}>
            <EdgeSample glyph={edgeGlyph(sign)} />
            <span>{text}</span>
          </li>
        ))}
        <li>
          <EdgeSample glyph={edgeGlyph('stimulates')} inferred />
          <span>{legendTexts.inferred}</span>
        </li>
        <li>
          <span className="pw-legend-node pw-node-agent" aria-hidden="true" />
          <span>{legendTexts.agent}</span>
        </li>
        <li>
          <span className="pw-legend-node pw-node-phenotype" aria-hidden="true" />
          <span>{legendTexts.phenotype}</span>
        </li>
        <li>
          <span className="pw-legend-compartment" aria-hidden="true" />
          <span>{legendTexts.compartment}</span>
        </li>
        <li>
          <span className="pw-legend-level" aria-hidden="true">
            ↑ ↓ =
          </span>
          <span>{legendTexts.level}</span>
        </li>
        {extra}
      </ul>
    </section>
  );
}

function EdgeSample({
  glyph,
  inferred,
}: {
  readonly glyph: EdgeGlyph;
  readonly inferred?: boolean;
}) {
  const marker = markerId(glyph.marker, glyph.tone);
  return (
    <svg className="pw-legend-edge" width="64" height="22" viewBox="0 0 64 22" aria-hidden="true">
      <path
        d="M4 11 H56"
        className={`pw-edge-path pw-tone-${glyph.tone} pw-pattern-${glyph.pattern}${inferred ? ' pw-inferred' : ''}`}
        {...(marker ? { markerEnd: `url(#${marker})` } : {})}
      />
      {glyph.cue && (
        <g className={`pw-edge-cue pw-tone-${glyph.tone}`} transform="translate(30 11)">
          <circle r={9} />
          <text dy="0.35em" textAnchor="middle">
            {glyph.cue}
          </text>
        </g>
      )}
    </svg>
  );
}
