import type { ChannelName, Envelope } from '../../../shared/contract/index.ts';

const tokenKey = 'pathwise.previewToken';

/**
 * The preview prints `http://127.0.0.1:PORT/#token=…`. Take the token out of the address bar
 * (so it is not left in history) and keep it for this tab's session.
 */
export function takePreviewToken(): string {
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(tokenKey, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}#/`);
    return match[1];
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}

export function createHttpInvoke(token: string) {
  return async (channel: ChannelName, request: unknown): Promise<Envelope<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`./ipc/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: request === undefined ? '' : JSON.stringify(request),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: 'The preview server is not reachable.' },
      };
    }
    // Each call would otherwise leave a resource-timing entry behind until the browser's buffer of
    // 250 is full: memory that nothing reads, and noise in the benchmark's heap comparison.
    performance.clearResourceTimings();
    try {
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `The preview answered ${response.status} without a body.`,
        },
      };
    }
  };
}
