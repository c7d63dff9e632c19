import { z } from 'zod';

/**
 * Zod probes whether it may compile validators with `new Function`. Under our CSP (no
 * 'unsafe-eval') the probe fails, as it should, but the browser still reports it as a
 * `securitypolicyviolation` on the first parse. Telling zod up front not to try keeps the
 * CSP report clean, so a real violation is never lost among expected ones. It must run before
 * any response is parsed: boot.ts imports it first.
 */
z.config({ jitless: true });
