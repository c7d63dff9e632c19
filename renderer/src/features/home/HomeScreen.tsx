import { ErrorMessage, Loading } from '../../components/States.tsx';
import { useAppInfo } from '../../stores/app-info.ts';

export function HomeScreen() {
  const info = useAppInfo((s) => s.info);
  const error = useAppInfo((s) => s.error);
  const load = useAppInfo((s) => s.load);
  return (
    <section aria-labelledby="home-title" data-screen-ready={info ? 'home' : undefined}>
      <h1 id="home-title">Home</h1>
      {error && <ErrorMessage error={error} onRetry={() => void load()} />}
      {!info && !error && <Loading />}
      {info && (
        <p>
          {info.name} {info.version} · {info.transport}
        </p>
      )}
    </section>
  );
}
