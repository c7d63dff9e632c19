import type { EdgeSign } from '../pack/schema.ts';

/**
 * SBGN activity-flow notation for our five edge signs: what each one looks like and how it reads.
 * Meaning never rests on colour alone: every sign also differs in its end marker, its line pattern
 * or its level cue, and every edge has a sentence.
 */

export type MarkerKind = 'arrow' | 'bar' | 'none';
export type Tone = 'stim' | 'inhib' | 'neutral';
export type LinePattern = 'solid' | 'dotted';

export interface EdgeGlyph {
  /** SBGN AF: positive influence ends in an open arrow, negative influence in a flat bar. */
  readonly marker: MarkerKind;
  readonly tone: Tone;
  readonly pattern: LinePattern;
  /** A small cue at the edge's middle for level changes and for "no difference". */
  readonly cue?: '↑' | '↓' | '=';
}

export function edgeGlyph(sign: EdgeSign): EdgeGlyph {
  switch (sign) {
    case 'stimulates':
      return { marker: 'arrow', tone: 'stim', pattern: 'solid' };
    case 'increases-level':
      return { marker: 'arrow', tone: 'stim', pattern: 'solid', cue: '↑' };
    case 'inhibits':
      return { marker: 'bar', tone: 'inhib', pattern: 'solid' };
    case 'decreases-level':
      return { marker: 'bar', tone: 'inhib', pattern: 'solid', cue: '↓' };
    case 'no-difference':
      return { marker: 'none', tone: 'neutral', pattern: 'dotted', cue: '=' };
  }
}

/** The legend's line for each sign (on screen, on paper and in an exported SVG). */
export const legendSigns: readonly { readonly sign: EdgeSign; readonly text: string }[] = [
  { sign: 'stimulates', text: 'Stimulates: positive influence (arrow)' },
  { sign: 'inhibits', text: 'Inhibits: negative influence (flat bar)' },
  { sign: 'increases-level', text: 'Raises the level of (arrow with ↑)' },
  { sign: 'decreases-level', text: 'Lowers the level of (bar with ↓)' },
  { sign: 'no-difference', text: 'No difference (dotted, “=”, no head)' },
];

/** The legend's lines for the other glyphs. */
export const legendTexts = {
  inferred: 'Dashed: inferred, not stated by a source',
  agent: 'Box: molecule, cell or drug',
  phenotype: 'Rounded: process, measure or outcome',
  compartment: 'Labelled frame: compartment (where it happens)',
  level: 'Corner mark: level drawn on the figure (raised, lowered, unchanged)',
} as const;

/** The marker id an edge ends with (defined once per diagram in <PathwayMarkers>). */
export function markerId(kind: MarkerKind, tone: Tone): string | undefined {
  return kind === 'none' ? undefined : `pw-marker-${kind}-${tone}`;
}

/** The verb phrase of a sign, as it reads between two names. */
export function signPhrase(sign: EdgeSign): string {
  switch (sign) {
    case 'stimulates':
      return 'stimulates';
    case 'inhibits':
      return 'inhibits';
    case 'increases-level':
      return 'increases the level of';
    case 'decreases-level':
      return 'decreases the level of';
    case 'no-difference':
      return 'shows no difference with';
  }
}

/** Short words for a legend or a select. */
export function signName(sign: EdgeSign): string {
  switch (sign) {
    case 'stimulates':
      return 'Stimulates (positive influence)';
    case 'inhibits':
      return 'Inhibits (negative influence)';
    case 'increases-level':
      return 'Raises the level of';
    case 'decreases-level':
      return 'Lowers the level of';
    case 'no-difference':
      return 'No difference';
  }
}

export function edgeSentence(from: string, sign: EdgeSign, to: string): string {
  return `${from} ${signPhrase(sign)} ${to}`;
}

export interface EdgeLabelInput {
  readonly from: string;
  readonly to: string;
  readonly sign: EdgeSign;
  readonly inferred: boolean;
}

/** What a screen reader says for an edge on the diagram. */
export function edgeAriaLabel(edge: EdgeLabelInput, extra?: string): string {
  const parts = [edgeSentence(edge.from, edge.sign, edge.to)];
  if (edge.inferred) parts.push('inferred, not stated by a source');
  if (extra) parts.push(extra);
  return parts.join(', ');
}

export type NodeLevel = 'raised' | 'lowered' | 'unchanged';

const levelWords: Record<NodeLevel, string> = {
  raised: 'raised',
  lowered: 'lowered',
  unchanged: 'unchanged',
};
export const levelCue: Record<NodeLevel, string> = { raised: '↑', lowered: '↓', unchanged: '=' };

export interface NodeLabelInput {
  readonly name: string;
  readonly compartment: string;
  readonly level?: NodeLevel;
}

/** "IL-32γ, in spinal joint, raised" — the node's name as a screen reader announces it. */
export function nodeAriaLabel(node: NodeLabelInput, extra?: string): string {
  const parts = [node.name, `in ${node.compartment.toLowerCase()}`];
  if (node.level) parts.push(levelWords[node.level]);
  if (extra) parts.push(extra);
  return parts.join(', ');
}
