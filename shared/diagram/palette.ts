/**
 * The app's colour tokens (renderer/src/styles/global.css) that a drawing uses, as literal colours
 * for exported files, which carry no stylesheet. A unit test holds them equal to global.css.
 */
export type Scheme = 'light' | 'dark';

export interface Palette {
  readonly surface: string;
  readonly surface2: string;
  readonly border: string;
  readonly text: string;
  readonly textMuted: string;
  readonly stim: string;
  readonly inhib: string;
}

export const palettes: Readonly<Record<Scheme, Palette>> = {
  light: {
    surface: '#ffffff',
    surface2: '#eef1f5',
    border: '#c9d0da',
    text: '#1a1f29',
    textMuted: '#4a5568',
    stim: '#1b6e3a',
    inhib: '#b3261e',
  },
  dark: {
    surface: '#171c23',
    surface2: '#202731',
    border: '#3a4452',
    text: '#e8ecf2',
    textMuted: '#aab4c3',
    stim: '#7fd19b',
    inhib: '#f2a39d',
  },
};

/** The CSS custom property each palette entry mirrors. */
export const paletteTokens: Readonly<Record<keyof Palette, string>> = {
  surface: '--surface',
  surface2: '--surface-2',
  border: '--border',
  text: '--text',
  textMuted: '--text-muted',
  stim: '--stim',
  inhib: '--inhib',
};
