import { fitPadding, openingViewport, type Size } from '../../../../shared/pack/diagram-fit.ts';

/**
 * Where the mode's panel goes: on a narrow window under the diagram; on a wide one beside it, or
 * under it when the drawing, at its opening (readable) zoom, would show whole or much more of
 * itself at the workspace's full width. pathways.css lays out each.
 */
export type WorkspaceLayout = 'beside' | 'stacked';

/** From this window width (CSS px) the panel may sit beside the diagram. */
export const wideWindowPx = 1200;

/** The side column's width beside the diagram, in rem (pathways.css reads it as a variable). */
export const sideColumnRem = 24;

/** Stacking pays when the full width shows at least this much more of the drawing. */
const muchMore = 1.25;
/** Room (px) the panel must keep in the window under a stacked diagram, so its start is seen. */
export const panelGlimpsePx = 120;
/** Room (px) under the canvas before the panel: the zoom bar and the gap. */
const underCanvasPx = 56;
/**
 * The workspace width (px) must move this far past the point where the choice changes before the
 * layout flips back: a scrollbar appearing or going cannot make it flip-flop.
 */
export const hysteresisPx = 24;

export interface WorkspaceMeasures {
  /** The drawing as laid out, at zoom 1. */
  readonly drawing: Size;
  /** The workspace's width in CSS px: the canvas's width when the panel is under it. */
  readonly workspaceWidth: number;
  /** The side column and the gap before it, in CSS px: what the canvas loses beside the panel. */
  readonly sideWidth: number;
  /** The window's size, and where the workspace starts in the page, in CSS px. */
  readonly windowWidth: number;
  readonly windowHeight: number;
  readonly workspaceTop: number;
}

/** The share of the drawing's width (0–1) a canvas of this width shows when the drawing opens. */
export function shownShare(drawing: Size, canvasWidth: number): number {
  if (drawing.width <= 0) return 1;
  const { zoom } = openingViewport(drawing, canvasWidth);
  const share = (canvasWidth - 2 * fitPadding) / (drawing.width * zoom);
  // A drawing fitted to the width computes to a hair under 1: that is whole.
  return share >= 1 - 1e-9 ? 1 : Math.max(0, share);
}

/** The layout for these measures, with no memory of the current one. */
export function idealLayout(measures: WorkspaceMeasures): WorkspaceLayout {
  const { drawing, workspaceWidth, sideWidth, windowWidth, windowHeight, workspaceTop } = measures;
  if (windowWidth < wideWindowPx) return 'stacked';
  const beside = shownShare(drawing, workspaceWidth - sideWidth);
  if (beside >= 1) return 'beside';
  const full = shownShare(drawing, workspaceWidth);
  if (full < 1 && full < beside * muchMore) return 'beside';
  // Under a tall diagram the panel would start below the window: what Next or Perturb changes
  // would be out of sight, which costs more than the part of the drawing the panel hides.
  const stackedCanvas = openingViewport(drawing, workspaceWidth).height;
  const panelTop = workspaceTop + stackedCanvas + underCanvasPx;
  return panelTop + panelGlimpsePx <= windowHeight ? 'stacked' : 'beside';
}

/**
 * The layout to show, given the one shown now: it changes only when the choice would still be the
 * same with the workspace `hysteresisPx` further past the point where it changes.
 */
export function chooseWorkspaceLayout(
  measures: WorkspaceMeasures,
  current: WorkspaceLayout | undefined,
): WorkspaceLayout {
  const ideal = idealLayout(measures);
  if (current === undefined || ideal === current) return ideal;
  // A wider workspace favours 'beside' (its canvas grows), a narrower one 'stacked'.
  const pushed = ideal === 'beside' ? -hysteresisPx : hysteresisPx;
  const confirmed = idealLayout({ ...measures, workspaceWidth: measures.workspaceWidth + pushed });
  return confirmed === ideal ? ideal : current;
}
