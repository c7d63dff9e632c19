import { useSyncExternalStore } from 'react';

/** The app's motion setting (`data-motion` reduce/full on <html>) or else the system's preference. */
export function prefersReducedMotion(): boolean {
  const setting = document.documentElement.dataset.motion;
  if (setting === 'reduce') return true;
  if (setting === 'full') return false;
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia('(prefers-reduced-motion: reduce)');
  query.addEventListener('change', onChange);
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-motion'],
  });
  return () => {
    query.removeEventListener('change', onChange);
    observer.disconnect();
  };
}

export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion);
}
