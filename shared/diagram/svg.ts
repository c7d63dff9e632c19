import { edgeLines, edgeRoute, absoluteBoxes, type PathwayFigure } from './figure.ts';
import type { Box, Point } from './geometry.ts';
import {
  edgeGlyph,
  legendSigns,
  legendTexts,
  levelCue,
  markerId,
  type EdgeGlyph,
  type MarkerKind,
  type NodeLevel,
  type Tone,
} from './notation.ts';
import { palettes, type Palette, type Scheme } from './palette.ts';
import { escapeXml, number } from './xml.ts';

/**
 * A laid-out pathway as a standalone SVG document: the same boxes, routes, markers, cues and
 * colours as on screen, drawn with plain SVG (paths, markers, text), no HTML and no stylesheet,
 * so drawing tools can edit it. Pure: the renderer's Export SVG and the command line both call it.
 */

export interface SvgOptions {
  readonly scheme: Scheme;
}

const margin = 24;
const titleHeight = 32;
const font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
/** The screen's label metrics (13 px text, 18 px lines; the layout sized boxes for 7.5 px a character). */
const labelSize = 13;
const lineHeight = 18;
const charWidth = 7.5;
const labelPadding = 28;
const legendRow = 26;
const legendColumn = 420;
/** A generous width of one 16 px bold title character, so the title never runs off the image. */
const titleCharWidth = 9.5;

export function pathwaySvg(figure: PathwayFigure, options: SvgOptions): string {
  const colours = palettes[options.scheme];
  const { layout } = figure;
  const legend = legendEntries();
  const width =
    Math.ceil(Math.max(layout.width, legendColumn, figure.title.length * titleCharWidth)) +
    margin * 2;
  const columns = Math.max(1, Math.floor((width - margin * 2) / legendColumn));
  const legendHeight = Math.ceil(legend.length / columns) * legendRow + 8;
  const drawingTop = margin + titleHeight;
  const legendTop = drawingTop + layout.height + margin;
  const height = legendTop + legendHeight + margin;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(font)}" role="img">`,
    `<title>${escapeXml(figure.title)}</title>`,
    markerDefs(colours),
    `<rect width="${width}" height="${height}" fill="${colours.surface}"/>`,
    `<text x="${margin}" y="${margin + 16}" font-size="16" font-weight="700" fill="${colours.text}">${escapeXml(figure.title)}</text>`,
    `<g transform="translate(${margin} ${drawingTop})">`,
    ...compartments(figure, colours),
    ...edges(figure, colours),
    ...nodes(figure, colours),
    '</g>',
    `<g class="legend" transform="translate(${margin} ${legendTop})">`,
    ...legend.map((entry, i) =>
      legendItem(entry, (i % columns) * legendColumn, Math.floor(i / columns) * legendRow, colours),
    ),
    '</g>',
    '</svg>',
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${parts.join('\n')}\n`;
}

const tones: readonly Tone[] = ['stim', 'inhib', 'neutral'];

function toneColour(tone: Tone, colours: Palette): string {
  return tone === 'stim' ? colours.stim : tone === 'inhib' ? colours.inhib : colours.textMuted;
}

/** The screen's end markers (Markers.tsx), with colours written in. */
function markerDefs(colours: Palette): string {
  const defs = tones.flatMap((tone) => {
    const colour = toneColour(tone, colours);
    return [
      `<marker id="${markerId('arrow', tone)}" viewBox="0 0 14 14" refX="13" refY="7" markerWidth="14" markerHeight="14" markerUnits="userSpaceOnUse" orient="auto-start-reverse">`,
      `<path d="M1.5,1.5 L13,7 L1.5,12.5 Z" fill="${colours.surface}" stroke="${colour}" stroke-width="2" stroke-linejoin="round"/>`,
      '</marker>',
      `<marker id="${markerId('bar', tone)}" viewBox="0 0 6 18" refX="4.5" refY="9" markerWidth="6" markerHeight="18" markerUnits="userSpaceOnUse" orient="auto">`,
      `<rect x="1" y="0" width="3.5" height="18" fill="${colour}"/>`,
      '</marker>',
    ];
  });
  return `<defs>\n${defs.join('\n')}\n</defs>`;
}

function compartments(figure: PathwayFigure, colours: Palette): string[] {
  return Object.entries(figure.layout.groups).map(([id, group]) => {
    const name = (figure.compartments[id] ?? id).toUpperCase();
    return [
      `<g class="compartment" data-compartment="${escapeXml(id)}">`,
      `<rect x="${group.x}" y="${group.y}" width="${group.width}" height="${group.height}" rx="12" fill="${colours.surface2}" fill-opacity="0.7" stroke="${colours.border}" stroke-width="1.5" stroke-dasharray="5 4"/>`,
      `<text x="${group.x + 14}" y="${group.y + 21}" font-size="12" font-weight="700" letter-spacing="0.24" fill="${colours.textMuted}">${escapeXml(name)}</text>`,
      '</g>',
    ].join('');
  });
}

function edgeStroke(glyph: EdgeGlyph, inferred: boolean): string {
  if (inferred) return ' stroke-width="2" stroke-dasharray="8 5"';
  if (glyph.pattern === 'dotted')
    return ' stroke-width="3" stroke-dasharray="0.1 6" stroke-linecap="round"';
  return ' stroke-width="2"';
}

function markerEnd(kind: MarkerKind, tone: Tone): string {
  const id = markerId(kind, tone);
  return id ? ` marker-end="url(#${id})"` : '';
}

function cue(at: Point, text: string, tone: Tone, colours: Palette): string {
  return [
    `<g class="cue" transform="translate(${number(at.x)} ${number(at.y)})">`,
    `<circle r="9" fill="${colours.surface}" stroke="${toneColour(tone, colours)}" stroke-width="1.5"/>`,
    `<text dy="0.35em" text-anchor="middle" font-size="12" font-weight="700" fill="${colours.text}">${text}</text>`,
    '</g>',
  ].join('');
}

function edges(figure: PathwayFigure, colours: Palette): string[] {
  const ends = figure.edges.map((edge) => {
    const route = edgeRoute(figure.layout, edge.id);
    return { ...edge, ...(route ? { route } : {}), marked: edgeGlyph(edge.sign).cue !== undefined };
  });
  const lines = edgeLines(figure.layout, ends);
  return figure.edges.flatMap((edge) => {
    const drawn = lines.get(edge.id);
    if (!drawn?.line) return [];
    const glyph = edgeGlyph(edge.sign);
    const colour = toneColour(glyph.tone, colours);
    return [
      [
        `<g class="edge" data-edge-id="${escapeXml(edge.id)}" data-sign="${edge.sign}">`,
        `<path d="${roundPath(drawn.line.path)}" fill="none" stroke="${colour}"${edgeStroke(glyph, edge.inferred)}${markerEnd(glyph.marker, glyph.tone)}/>`,
        glyph.cue ? cue(drawn.line.at(drawn.cueAt), glyph.cue, glyph.tone, colours) : '',
        '</g>',
      ].join(''),
    ];
  });
}

/** A path's coordinates to two decimals. */
function roundPath(path: string): string {
  return path.replace(/-?\d+\.\d+/g, (value) => number(Number(value)));
}

/** Words wrapped greedily into the box's width, a word longer than a line broken inside. */
export function wrapLabel(label: string, boxWidth: number): string[] {
  const perLine = Math.max(4, Math.floor((boxWidth - labelPadding) / charWidth));
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > perLine) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, perLine));
      line = '';
      rest = rest.slice(perLine);
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= perLine) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const levelTone: Record<NodeLevel, Tone> = {
  raised: 'stim',
  lowered: 'inhib',
  unchanged: 'neutral',
};

function nodeShape(box: Box, phenotype: boolean, colours: Palette): string {
  const outline = `fill="${colours.surface}" stroke="${colours.textMuted}" stroke-width="1.5"`;
  if (!phenotype) {
    return `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="4" ${outline}/>`;
  }
  // SBGN's phenotype on screen: a rounded box with a second, inner outline.
  const inset = 3;
  return [
    `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="${box.height / 2}" ${outline}/>`,
    `<rect x="${box.x + inset}" y="${box.y + inset}" width="${box.width - 2 * inset}" height="${box.height - 2 * inset}" rx="${box.height / 2 - inset}" fill="none" stroke="${colours.textMuted}" stroke-width="1"/>`,
  ].join('');
}

function nodes(figure: PathwayFigure, colours: Palette): string[] {
  const boxes = absoluteBoxes(figure.layout);
  return figure.nodes.flatMap((node) => {
    const box = boxes.get(node.id);
    if (!box) return [];
    const lines = wrapLabel(node.name, box.width);
    const centreX = box.x + box.width / 2;
    const firstY = box.y + box.height / 2 - ((lines.length - 1) * lineHeight) / 2;
    const text = lines
      .map(
        (line, i) =>
          `<tspan x="${number(centreX)}" y="${number(firstY + i * lineHeight)}">${escapeXml(line)}</tspan>`,
      )
      .join('');
    return [
      [
        `<g class="node" data-node-id="${escapeXml(node.id)}">`,
        nodeShape(box, node.phenotype, colours),
        `<text text-anchor="middle" dominant-baseline="central" font-size="${labelSize}" fill="${colours.text}">${text}</text>`,
        node.level ? levelMark(box, node.level, colours) : '',
        '</g>',
      ].join(''),
    ];
  });
}

/** The corner mark of a level drawn on the figure, where the screen puts it (top right). */
function levelMark(box: Box, level: NodeLevel, colours: Palette): string {
  const colour = toneColour(levelTone[level], colours);
  const x = box.x + box.width - 2;
  return [
    `<g class="level" data-level="${level}" transform="translate(${x} ${box.y})">`,
    `<circle r="10" fill="${colours.surface}" stroke="${colour}" stroke-width="1.5"/>`,
    `<text dy="0.35em" text-anchor="middle" font-size="12" font-weight="700" fill="${colour}">${levelCue[level]}</text>`,
    '</g>',
  ].join('');
}

type LegendEntry =
  | {
      readonly kind: 'edge';
      readonly glyph: EdgeGlyph;
      readonly inferred: boolean;
      readonly text: string;
    }
  | { readonly kind: 'agent' | 'phenotype' | 'compartment' | 'level'; readonly text: string };

function legendEntries(): LegendEntry[] {
  return [
    ...legendSigns.map(({ sign, text }): LegendEntry => ({
      kind: 'edge',
      glyph: edgeGlyph(sign),
      inferred: false,
      text,
    })),
    { kind: 'edge', glyph: edgeGlyph('stimulates'), inferred: true, text: legendTexts.inferred },
    { kind: 'agent', text: legendTexts.agent },
    { kind: 'phenotype', text: legendTexts.phenotype },
    { kind: 'compartment', text: legendTexts.compartment },
    { kind: 'level', text: legendTexts.level },
  ];
}

function legendSample(entry: LegendEntry, colours: Palette): string {
  switch (entry.kind) {
    case 'edge': {
      const { glyph } = entry;
      const colour = toneColour(glyph.tone, colours);
      return [
        `<path d="M4 11 H56" fill="none" stroke="${colour}"${edgeStroke(glyph, entry.inferred)}${markerEnd(glyph.marker, glyph.tone)}/>`,
        glyph.cue ? cue({ x: 30, y: 11 }, glyph.cue, glyph.tone, colours) : '',
      ].join('');
    }
    case 'agent':
      return nodeShape({ x: 8, y: 2, width: 48, height: 18 }, false, colours);
    case 'phenotype':
      return nodeShape({ x: 8, y: 1, width: 48, height: 20 }, true, colours);
    case 'compartment':
      return `<rect x="8" y="2" width="48" height="18" rx="6" fill="${colours.surface2}" stroke="${colours.border}" stroke-width="1.5" stroke-dasharray="5 4"/>`;
    case 'level':
      return `<text x="32" y="11" dy="0.35em" text-anchor="middle" font-size="12" font-weight="700" fill="${colours.text}">↑ ↓ =</text>`;
  }
}

function legendItem(entry: LegendEntry, x: number, y: number, colours: Palette): string {
  return [
    `<g transform="translate(${x} ${y})">`,
    legendSample(entry, colours),
    `<text x="72" y="11" dy="0.35em" font-size="13" fill="${colours.text}">${escapeXml(entry.text)}</text>`,
    '</g>',
  ].join('');
}
