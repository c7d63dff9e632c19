import type { Tone } from '../model/notation.ts';

const tones: readonly Tone[] = ['stim', 'inhib', 'neutral'];

/**
 * The end markers, defined once per diagram. Rendered inside React Flow's viewport so an export of
 * the viewport carries them; colours come from CSS variables through classes.
 */
export function PathwayMarkers() {
  return (
    <svg className="pw-markers" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {tones.map((tone) => (
          <g key={tone}>
            <marker
              id={`pw-marker-arrow-${tone}`}
              viewBox="0 0 14 14"
              refX="13"
              refY="7"
              markerWidth="14"
              markerHeight="14"
              markerUnits="userSpaceOnUse"
              orient="auto-start-reverse"
            >
              <path d="M1.5,1.5 L13,7 L1.5,12.5 Z" className={`pw-marker-arrow pw-tone-${tone}`} />
            </marker>
            <marker
              id={`pw-marker-bar-${tone}`}
              viewBox="0 0 6 18"
              refX="4.5"
              refY="9"
              markerWidth="6"
              markerHeight="18"
              markerUnits="userSpaceOnUse"
              orient="auto"
            >
              <rect
                x="1"
                y="0"
                width="3.5"
                height="18"
                className={`pw-marker-bar pw-tone-${tone}`}
              />
            </marker>
          </g>
        ))}
      </defs>
    </svg>
  );
}
