import type { ReactNode } from 'react';

/**
 * A link out of the app. Electron opens it in the system browser after checking the address; the
 * renderer never navigates away itself.
 */
export function ExternalLink({
  href,
  children,
}: {
  readonly href: string;
  readonly children: ReactNode;
}) {
  return (
    <a href={href} target="_blank" rel="noreferrer" className="external-link">
      {children}
      <span className="visually-hidden"> (opens in your web browser)</span>
    </a>
  );
}
