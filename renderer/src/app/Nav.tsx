import { useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import { usePacks, useStudiedPack } from '../stores/packs.ts';
import { screenForPath, screens } from './routes.ts';

export function Nav() {
  const [location] = useLocation();
  const current = screenForPath(location);
  const studied = useStudiedPack();
  const loadPacks = usePacks((s) => s.load);
  useEffect(() => {
    void loadPacks();
  }, [loadPacks]);
  return (
    <nav aria-label="Main" className="nav">
      <div className="nav-brand" aria-hidden="true">
        Pathwise
      </div>
      {studied && (
        <Link href="/settings" className="nav-pack" data-testid="studied-pack">
          <span className="nav-pack-label">Studying</span>
          <span className="nav-pack-title">{studied.title}</span>
        </Link>
      )}
      <ul>
        {screens.map((screen) => (
          <li key={screen.path}>
            <Link href={screen.path} aria-current={screen.name === current ? 'page' : undefined}>
              {screen.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
