/**
 * How big a pathway diagram opens: one pure rule for the screen (`PathwayDiagram`) and for the
 * layout figures (`layout-quality.ts`), so what is measured is what the learner sees.
 */

/** The size node labels are drawn at, at zoom 1 (`.pw-node` in pathways.css). */
export const nodeLabelPx = 13;
/** The smallest label a learner is asked to read: fit stops here and the drawing scrolls. */
export const minReadableLabelPx = 12;
/** The lowest zoom at which every node label is still at least `minReadableLabelPx`. */
export const readableZoom = minReadableLabelPx / nodeLabelPx;
export const maxFitZoom = 1.25;
/** Room between the drawing and the canvas border, in CSS px. */
export const fitPadding = 16;
const minCanvasHeight = 240;
const maxCanvasHeight = 640;
/** On paper the drawing shares a landscape page with its title and legend: at most this tall. */
const printedMaxHeight = 360;

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface DiagramViewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
  /** The canvas height the drawing gets at this width. */
  readonly height: number;
}

/**
 * The canvas height and the opening viewport for a drawing in a canvas of the given width: the
 * largest zoom that fits (at most 125 %), never below `minZoom` (on screen: readable labels); a
 * drawing still too wide starts at its left edge, where every cascade begins, and scrolls.
 */
export function openingViewport(
  drawing: Size,
  canvasWidth: number,
  options: { readonly minZoom?: number; readonly printed?: boolean } = {},
): DiagramViewport {
  const printed = options.printed === true;
  const minZoom = options.minZoom ?? (printed ? 0 : readableZoom);
  const fitsWidth = (canvasWidth - 2 * fitPadding) / drawing.width;
  const fitsPage = printed ? (printedMaxHeight - 2 * fitPadding) / drawing.height : Infinity;
  const scale = Math.min(maxFitZoom, fitsPage, Math.max(minZoom, fitsWidth));
  const needed = drawing.height * scale + 2 * fitPadding;
  const height = Math.round(
    printed ? needed : Math.min(maxCanvasHeight, Math.max(minCanvasHeight, needed + 24)),
  );
  const fits = Math.min(
    (canvasWidth - 2 * fitPadding) / drawing.width,
    (height - 2 * fitPadding) / drawing.height,
  );
  const zoom = Math.min(maxFitZoom, Math.max(minZoom, fits));
  const drawnWidth = drawing.width * zoom;
  const x = drawnWidth <= canvasWidth ? (canvasWidth - drawnWidth) / 2 : fitPadding;
  const y = Math.max(fitPadding, (height - drawing.height * zoom) / 2);
  return { x, y, zoom, height };
}
