import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const defaultWindowSize = { width: 1280, height: 840 } as const;

/** Reads the saved window bounds; anything unreadable or off every screen falls back to a centred default. */
export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState | undefined {
  let saved: WindowState;
  try {
    saved = windowStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
  return workAreas.some((area) => overlapsEnough(saved, area)) ? saved : undefined;
}

export function saveWindowState(file: string, state: WindowState): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

/** At least 100×50 px of the title-bar area must sit on a screen, or the window could be lost off-screen. */
function overlapsEnough(rect: Rect, area: Rect): boolean {
  const width = Math.min(rect.x + rect.width, area.x + area.width) - Math.max(rect.x, area.x);
  const height = Math.min(rect.y + 50, area.y + area.height) - Math.max(rect.y, area.y);
  return width >= 100 && height >= 50;
}
