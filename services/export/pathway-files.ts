import ELK from 'elkjs';
import { pathwayFigure } from '../../shared/diagram/figure.ts';
import type { Scheme } from '../../shared/diagram/palette.ts';
import { pathwaySbgn } from '../../shared/diagram/sbgn.ts';
import { pathwaySvg } from '../../shared/diagram/svg.ts';
import { layoutPack } from '../../shared/pack/layout.ts';
import type { Pack, PackLayout } from '../../shared/pack/schema.ts';

/**
 * Every pathway of a pack as a file of its own (SBGN-ML or SVG), drawn by the same serialisers
 * as the Pathways screen's export buttons, at the pack's layout; a pack without layout.json is
 * laid out here with the same code the build and the renderer use (elkjs runs in Node).
 */

export type PathwayFileFormat = 'sbgn' | 'svg';

export interface PathwayFile {
  readonly pathwayId: string;
  readonly fileName: string;
  readonly content: string;
}

export async function pathwayFiles(
  pack: Pack,
  format: PathwayFileFormat,
  scheme: Scheme = 'light',
): Promise<PathwayFile[]> {
  const layout: PackLayout = pack.layout ?? (await layoutPack(new ELK(), pack));
  return pack.pathways.map((pathway) => {
    const figure = pathwayFigure(pack, layout, pathway);
    const stem = `pathwise-${pathway.id}`;
    return {
      pathwayId: pathway.id,
      fileName: `${stem}.${format}`,
      content: format === 'sbgn' ? pathwaySbgn(figure, stem) : pathwaySvg(figure, { scheme }),
    };
  });
}
