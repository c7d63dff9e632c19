import { useId, type ReactNode } from 'react';
import { edgeGlyph, markerId, type EdgeGlyph } from './model/notation.ts';
import type { EdgeSign } from '../../../../shared/pack/schema.ts';

const signs: readonly { sign: EdgeSign; text: string }[] = [
  { sign: 'stimulates', text: 'Stimulates: positive influence (arrow)' },
  { sign: 'inhibits', text: 'Inhibits: negative influence (flat bar)' },
  { sign: 'increases-level', text: 'Raises the level of (arrow with ↑)' },
  { sign: 'decreases-level', text: 'Lowers the level of (bar with ↓)' },
  { sign: 'no-difference', text: 'No difference (dotted, “=”, no head)' },
];

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
          <span>Dashed: inferred, not stated by a source</span>
        </li>
        <li>
          <span className="pw-legend-node pw-node-agent" aria-hidden="true" />
          <span>Box: molecule, cell or drug</span>
        </li>
        <li>
          <span className="pw-legend-node pw-node-phenotype" aria-hidden="true" />
          <span>Rounded: process, measure or outcome</span>
        </li>
        <li>
          <span className="pw-legend-compartment" aria-hidden="true" />
          <span>Labelled frame: compartment (where it happens)</span>
        </li>
        <li>
          <span className="pw-legend-level" aria-hidden="true">
            ↑ ↓ =
          </span>
          <span>Corner mark: level drawn on the figure (raised, lowered, unchanged)</span>
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
