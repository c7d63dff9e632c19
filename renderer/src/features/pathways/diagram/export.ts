import type { PathwayFigure } from '../../../../../shared/diagram/figure.ts';
import type { Scheme } from '../../../../../shared/diagram/palette.ts';
import { pathwaySbgn } from '../../../../../shared/diagram/sbgn.ts';
import { pathwaySvg } from '../../../../../shared/diagram/svg.ts';
import { download } from '../../settings/download.ts';

/**
 * Exports the diagram as the learner sees it laid out: native SVG and SBGN-ML from the same pure
 * serialisers the command line uses (shared/diagram), and a PNG drawn from that SVG on a canvas at
 * twice its size. Nothing leaves the app: no request, no remote font; the file is a download
 * (Electron asks where to save it).
 */
export type DiagramFileFormat = 'svg' | 'png' | 'sbgn';

export const diagramFileNames: Record<DiagramFileFormat, string> = {
  svg: 'SVG',
  png: 'PNG',
  sbgn: 'SBGN-ML',
};

/** PNG pixels per SVG unit: sharp on high-density screens and in slides. */
export const pngScale = 2;

/** The scheme the app shows now (Settings' theme, or the system's). */
export function currentScheme(): Scheme {
  return getComputedStyle(document.documentElement).colorScheme === 'dark' ? 'dark' : 'light';
}

/** Builds the file and hands it to the browser; answers with its name. */
export async function exportDiagram(
  figure: PathwayFigure,
  format: DiagramFileFormat,
  scheme: Scheme,
  fileStem: string,
): Promise<string> {
  const fileName = `${fileStem}.${format}`;
  if (format === 'sbgn') {
    download(fileName, new Blob([pathwaySbgn(figure, fileStem)], { type: 'application/xml' }));
    return fileName;
  }
  const svg = pathwaySvg(figure, { scheme });
  const blob =
    format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await pngOf(svg, pngScale);
  download(fileName, blob);
  return fileName;
}

/** The SVG drawn onto a canvas `scale` times its size (its own background included). */
async function pngOf(svg: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('The browser could not draw the image.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The browser could not make a PNG.'))),
        'image/png',
      );
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
