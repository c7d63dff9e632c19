import { runCensus } from '../support/tmp-census.ts';

/** The whole unit run: nothing may be left in the system temporary folder when it ends. */
export default function globalSetup(): () => void {
  return runCensus('Unit tests');
}
