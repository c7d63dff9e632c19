import { connect, connectWindow } from './transport/index.ts';

/** The one client for the whole renderer; every byte of data comes through it. */
export const { api, transport } = connect();

/** The Electron window's own abilities (saving a PDF), or undefined in the preview. */
export const windowAbilities = connectWindow();
