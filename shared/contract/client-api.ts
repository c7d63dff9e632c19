import type { ChannelName, ClientApi } from './index.ts';
import { ContractError, type Envelope } from './errors.ts';

export type Invoke = (channel: ChannelName, request: unknown) => Promise<Envelope<unknown>>;

/**
 * The renderer's API over any transport: `api.review.answer(req)` calls channel `review.answer`,
 * unwraps the envelope and rejects with a ContractError. A proxy, so the renderer's bundle does not
 * carry the contract's schemas; the ClientApi type still makes a wrong channel a compile error.
 */
export function buildClientApi(invoke: Invoke): ClientApi {
  const domains = new Map<string, object>();
  return new Proxy({} as ClientApi, {
    get(_target, domain) {
      if (typeof domain !== 'string') return undefined;
      let verbs = domains.get(domain);
      if (!verbs) {
        verbs = new Proxy(
          {},
          {
            get(_t, verb) {
              if (typeof verb !== 'string') return undefined;
              return async (request?: unknown) => {
                const answer = await invoke(`${domain}.${verb}` as ChannelName, request);
                if (answer.ok) return answer.value;
                throw new ContractError(answer.error.code, answer.error.message);
              };
            },
          },
        );
        domains.set(domain, verbs);
      }
      return verbs;
    },
  });
}
