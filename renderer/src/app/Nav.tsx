import { Link, useLocation } from 'wouter';
import { screenForPath, screens } from './routes.ts';

export function Nav() {
  const [location] = useLocation();
  const current = screenForPath(location);
  return (
    <nav aria-label="Main" className="nav">
      <div className="nav-brand" aria-hidden="true">
        Pathwise
      </div>
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
