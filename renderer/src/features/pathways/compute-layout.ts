import ELK from 'elkjs/lib/elk-api.js';
import { layoutPack } from '../../../../shared/pack/layout.ts';
import { layoutSchema, type Pack, type PackLayout } from '../../../../shared/pack/schema.ts';

/**
 * Lays out a pack that ships without layout.json, with the same code the build uses
 * (`npm run pack:layout`), ELK itself running in a Web Worker so the screen stays responsive.
 * Imported lazily: neither elkjs nor this module is part of any bundle a bundled pack needs.
 */
export async function computeLayout(
  pack: Pick<Pack, 'pathways' | 'entities'>,
): Promise<PackLayout> {
  const elk = new ELK({
    workerFactory: () =>
      new Worker(new URL('./layout.worker.ts', import.meta.url), {
        type: 'module',
        name: 'pathway-layout',
      }),
  });
  try {
    const layout: unknown = await layoutPack(elk, pack);
    return layoutSchema.parse(layout);
  } finally {
    elk.terminateWorker();
  }
}
