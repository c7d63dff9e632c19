import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/contract/app.ts';
import { api } from '../../api.ts';

export function HomeScreen() {
  const [info, setInfo] = useState<AppInfo>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.app
      .info()
      .then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Home</h1>
      {error && <p role="alert">{error}</p>}
      {info && (
        <p>
          {info.name} {info.version} · {info.transport}
        </p>
      )}
    </section>
  );
}
