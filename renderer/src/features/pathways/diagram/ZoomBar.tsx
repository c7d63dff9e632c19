import { useReactFlow } from '@xyflow/react';
import { Button } from '../../../components/Button.tsx';
import { openingViewport, type Size } from '../../../../../shared/pack/diagram-fit.ts';

export interface ZoomBarProps {
  readonly drawing: Size;
  /** The canvas's width in CSS px (0 before it is measured). */
  readonly canvasWidth: number;
}

/**
 * Zoom buttons under the drawing, never over it, so they cover no node at any zoom or text size.
 * "Fit" returns to the opening view: the whole drawing where its labels stay readable, else its
 * left part at the smallest readable size, the rest reached by scrolling or dragging.
 */
export function ZoomBar({ drawing, canvasWidth }: ZoomBarProps) {
  const { zoomIn, zoomOut, setViewport } = useReactFlow();
  const opening = openingViewport(drawing, canvasWidth);
  const scrolls = canvasWidth > 0 && drawing.width * opening.zoom > canvasWidth;
  return (
    <div className="pw-zoom-bar" role="toolbar" aria-label="Zoom">
      {scrolls && (
        <p className="pw-zoom-note">Scroll sideways or drag to see the rest of the diagram.</p>
      )}
      <Button variant="ghost" aria-label="Zoom out" onClick={() => void zoomOut({ duration: 0 })}>
        −
      </Button>
      <Button variant="ghost" aria-label="Zoom in" onClick={() => void zoomIn({ duration: 0 })}>
        +
      </Button>
      <Button
        variant="ghost"
        onClick={() => void setViewport(openingViewport(drawing, canvasWidth), { duration: 0 })}
      >
        Fit
      </Button>
    </div>
  );
}
