import { useLayoutEffect, useState, type RefObject } from 'react';
import type { Size } from '../../../../shared/pack/diagram-fit.ts';
import { chooseWorkspaceLayout, sideColumnRem, type WorkspaceLayout } from './workspace-layout.ts';

/**
 * Measures the workspace (its width does not depend on where the panel goes) and chooses the
 * layout before the first paint, again when the window, the text size or the drawing changes.
 */
export function useWorkspaceLayout(
  ref: RefObject<HTMLElement | null>,
  drawing: Size,
): WorkspaceLayout | undefined {
  // The layout with the drawing it was chosen for: a new drawing starts from its ideal layout.
  const [chosen, setChosen] = useState<{ drawing: Size; layout: WorkspaceLayout }>();
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const style = getComputedStyle(element);
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const gap = parseFloat(style.columnGap) || 0;
      const box = element.getBoundingClientRect();
      if (box.width === 0) return;
      const measures = {
        drawing,
        workspaceWidth: box.width,
        sideWidth: sideColumnRem * rem + gap,
        windowWidth: window.innerWidth,
        windowHeight: window.innerHeight,
        workspaceTop: box.top + window.scrollY,
      };
      setChosen((current) => {
        const layout = chooseWorkspaceLayout(
          measures,
          current?.drawing === drawing ? current.layout : undefined,
        );
        return current?.drawing === drawing && current.layout === layout
          ? current
          : { drawing, layout };
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref, drawing]);
  return chosen?.layout;
}
