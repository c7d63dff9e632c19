// First: no schema may be parsed before zod is told not to probe for eval.
import './zod-jitless.ts';
import { useHome } from './features/home/store.ts';
import { useSettings } from './stores/settings.ts';

/**
 * The first module main.tsx imports, so it runs before React DOM is evaluated: Home's figures and
 * the settings are on their way while the browser is still busy with React. Home's figures go
 * first; the settings follow.
 */
export const homeLoaded = useHome.getState().load();
export const settingsLoaded = useSettings.getState().load();
