import type { Settings } from '../../../shared/contract/settings.ts';

export type Appearance = Pick<Settings, 'theme' | 'reducedMotion'>;

const storageKey = 'pathwise.appearance';

/**
 * Applies the theme and motion settings to <html>, where the CSS tokens read them:
 * `data-theme` light/dark pins a theme (absent: follow the system), `data-motion` reduce/full
 * overrides the system's reduced-motion preference (absent: follow it).
 */
export function applyAppearance(appearance: Appearance): void {
  const root = document.documentElement;
  if (appearance.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = appearance.theme;
  switch (appearance.reducedMotion) {
    case 'system':
      delete root.dataset.motion;
      break;
    case 'on':
      root.dataset.motion = 'reduce';
      break;
    case 'off':
      root.dataset.motion = 'full';
      break;
  }
}

/**
 * The last appearance applied, kept in this browser's storage only so the next start paints in
 * the right theme before main answers. The settings in main stay the source of truth.
 */
export function rememberAppearance(appearance: Appearance): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(appearance));
  } catch {
    // Storage may be unavailable (private mode, quota); the theme then follows the first answer.
  }
}

export function rememberedAppearance(): Appearance | undefined {
  let value: unknown;
  try {
    value = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const theme: unknown = Reflect.get(value, 'theme');
  const reducedMotion: unknown = Reflect.get(value, 'reducedMotion');
  if (theme !== 'system' && theme !== 'light' && theme !== 'dark') return undefined;
  if (reducedMotion !== 'system' && reducedMotion !== 'on' && reducedMotion !== 'off')
    return undefined;
  return { theme, reducedMotion };
}
