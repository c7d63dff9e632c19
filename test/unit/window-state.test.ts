import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadWindowState, saveWindowState } from '../../services/window-state.ts';
import { tempDir } from '../support/test-scope.ts';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };
const file = () => path.join(tempDir('ws'), 'window-state.json');

describe('window state', () => {
  it('round-trips bounds that sit on a screen', () => {
    const f = file();
    saveWindowState(f, { x: 100, y: 80, width: 1200, height: 800, maximized: false });
    expect(loadWindowState(f, [screen])).toEqual({
      x: 100,
      y: 80,
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('forgets bounds that are off every screen', () => {
    const f = file();
    saveWindowState(f, { x: 5000, y: 80, width: 1200, height: 800, maximized: false });
    expect(loadWindowState(f, [screen])).toBeUndefined();
  });

  it('ignores a missing, corrupt or out-of-range file', () => {
    expect(loadWindowState(file(), [screen])).toBeUndefined();
    const f = file();
    writeFileSync(f, '{"x": 1,');
    expect(loadWindowState(f, [screen])).toBeUndefined();
    writeFileSync(f, JSON.stringify({ x: 0, y: 0, width: 10, height: 10, maximized: false }));
    expect(loadWindowState(f, [screen])).toBeUndefined();
  });
});
