/** The screens, in navigation order. The path is the hash route (`#/quiz`). */
export const screens = [
  { path: '/', name: 'Home' },
  { path: '/flashcards', name: 'Flashcards' },
  { path: '/quiz', name: 'Quiz' },
  { path: '/pathways', name: 'Pathways' },
  { path: '/source', name: 'Source' },
  { path: '/browse', name: 'Browse' },
  { path: '/progress', name: 'Progress' },
  { path: '/print', name: 'Print' },
  { path: '/settings', name: 'Settings' },
] as const;

export type ScreenName = (typeof screens)[number]['name'];

export function screenForPath(path: string): ScreenName {
  const top = `/${path.split(/[/?]/)[1] ?? ''}`;
  return screens.find((screen) => screen.path === top)?.name ?? 'Home';
}
