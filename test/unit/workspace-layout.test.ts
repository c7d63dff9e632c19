import { describe, expect, it } from 'vitest';
import { readableZoom } from '../../shared/pack/diagram-fit.ts';
import {
  chooseWorkspaceLayout,
  hysteresisPx,
  idealLayout,
  shownShare,
  type WorkspaceLayout,
  type WorkspaceMeasures,
  wideWindowPx,
} from '../../renderer/src/features/pathways/workspace-layout.ts';
import { bundledPackDir, readPackDir } from '../support/pack-dir.ts';

// A 1280×800 window: the workspace is 1038 px wide, the 24 rem side column and its 1 rem gap
// take 400 px, and the workspace starts about 250 px down the page.
const at1280 = {
  workspaceWidth: 1038,
  sideWidth: 400,
  windowWidth: 1280,
  windowHeight: 800,
  workspaceTop: 250,
};
// Drawings as the bundled pack lays them out.
const figure1 = { width: 1630, height: 284 };
const d7Loop = { width: 1056, height: 161 };
const d8Small = { width: 521, height: 144 };
const d6Tall = { width: 1610, height: 658 };

const measures = (drawing: WorkspaceMeasures['drawing'], more: Partial<WorkspaceMeasures> = {}) =>
  ({ ...at1280, drawing, ...more }) satisfies WorkspaceMeasures;

describe('where the panel goes on a wide window', () => {
  it('keeps a drawing that fits beside the panel there', () => {
    expect(shownShare(d8Small, 638)).toBe(1);
    expect(idealLayout(measures(d8Small))).toBe('beside');
  });

  it('puts the panel under every drawing on a narrow window', () => {
    const narrow = { windowWidth: wideWindowPx - 1, workspaceWidth: 2000 };
    expect(idealLayout(measures(d8Small, narrow))).toBe('stacked');
    expect(chooseWorkspaceLayout(measures(d8Small, narrow), 'beside')).toBe('stacked');
    expect(idealLayout(measures(d8Small, { ...narrow, windowWidth: wideWindowPx }))).toBe('beside');
  });

  it('puts the panel under a drawing that is cut off beside it but whole at full width', () => {
    expect(shownShare(d7Loop, 638)).toBeLessThan(0.65);
    expect(shownShare(d7Loop, 1038)).toBe(1);
    expect(idealLayout(measures(d7Loop))).toBe('stacked');
  });

  it('puts the panel under Figure 1, which shows far more of itself at full width', () => {
    const beside = shownShare(figure1, 638);
    const full = shownShare(figure1, 1038);
    // At the readable zoom 1630 px of drawing take 1505 px: it fits neither, full width shows 2/3.
    expect(beside).toBeCloseTo(606 / (1630 * readableZoom), 3);
    expect(full).toBeCloseTo(1006 / (1630 * readableZoom), 3);
    expect(idealLayout(measures(figure1))).toBe('stacked');
  });

  it('keeps the panel beside when full width shows little more of the drawing', () => {
    // A very wide workspace with a narrow side column: the side costs the drawing little.
    const wide = measures({ width: 4000, height: 200 }, { workspaceWidth: 2400, sideWidth: 300 });
    expect(shownShare(wide.drawing, 2400) / shownShare(wide.drawing, 2100)).toBeLessThan(1.25);
    expect(idealLayout(wide)).toBe('beside');
  });

  it('keeps the panel beside a tall drawing that would push it below the window', () => {
    expect(idealLayout(measures(d6Tall))).toBe('beside');
    expect(idealLayout(measures(d6Tall, { windowHeight: 1400 }))).toBe('stacked');
    // Lower on the page, the same short drawing leaves no room under it either.
    expect(idealLayout(measures(figure1, { workspaceTop: 600 }))).toBe('beside');
  });

  it('decides from measured sizes: every bundled drawing switches at most once as it widens', () => {
    const { layout } = readPackDir(bundledPackDir);
    const drawings = Object.values(layout?.pathways ?? {}).flatMap((p) => [
      p.all,
      ...Object.values(p.contexts),
    ]);
    expect(drawings.length).toBeGreaterThanOrEqual(8);
    for (const drawing of drawings) {
      const seen: WorkspaceLayout[] = [];
      for (let width = 700; width <= 2600; width += 4) {
        const layoutAt = idealLayout(measures(drawing, { workspaceWidth: width }));
        if (seen.at(-1) !== layoutAt) seen.push(layoutAt);
      }
      expect(
        ['beside', 'stacked,beside', 'stacked'],
        `${drawing.width}×${drawing.height}`,
      ).toContain(seen.join(','));
    }
  });
});

describe('the layout does not flip-flop', () => {
  // The width at which the D7 loop starts to fit beside the panel, on a tall enough window.
  const tall = { windowHeight: 2000 };
  const switchWidth = (() => {
    let width = 1000;
    while (idealLayout(measures(d7Loop, { ...tall, workspaceWidth: width })) === 'stacked')
      width += 1;
    return width;
  })();
  const at = (width: number, current: WorkspaceLayout | undefined) =>
    chooseWorkspaceLayout(measures(d7Loop, { ...tall, workspaceWidth: width }), current);

  it('first shows the ideal layout', () => {
    expect(at(switchWidth - 1, undefined)).toBe('stacked');
    expect(at(switchWidth, undefined)).toBe('beside');
  });

  it('keeps the current layout within the hysteresis band, either side of the switch', () => {
    expect(at(switchWidth, 'stacked')).toBe('stacked');
    expect(at(switchWidth + hysteresisPx - 1, 'stacked')).toBe('stacked');
    expect(at(switchWidth + hysteresisPx, 'stacked')).toBe('beside');
    expect(at(switchWidth - 1, 'beside')).toBe('beside');
    expect(at(switchWidth - hysteresisPx, 'beside')).toBe('beside');
    expect(at(switchWidth - hysteresisPx - 1, 'beside')).toBe('stacked');
  });

  it('a scrollbar coming and going (15 px) never flips it back and forth', () => {
    for (let width = switchWidth - 60; width <= switchWidth + 60; width += 1) {
      let layout = at(width, undefined);
      for (let round = 0; round < 4; round++) {
        // The stacked page is taller: a scrollbar takes 15 px; beside, it goes again.
        const next = at(layout === 'stacked' ? width - 15 : width, layout);
        expect(next, `at ${width}`).toBe(layout);
        layout = next;
      }
    }
  });
});
