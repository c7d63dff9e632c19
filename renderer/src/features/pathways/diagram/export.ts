import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';

/**
 * Exports the drawn diagram as SVG or PNG: html-to-image (loaded on first use) renders React Flow's
 * viewport at a scale that frames every node, and the file is handed to the learner through a
 * download link on a Blob URL. Nothing leaves the app: no request, no remote font.
 */
export type ExportFormat = 'svg' | 'png';

const margin = 24;

export async function exportDiagram(
  container: HTMLElement,
  nodes: readonly Node[],
  format: ExportFormat,
  fileStem: string,
): Promise<void> {
  const viewport = container.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('The diagram is not drawn yet.');
  const bounds = getNodesBounds([...nodes]);
  const width = Math.ceil(bounds.width + margin * 2);
  const height = Math.ceil(bounds.height + margin * 2);
  const frame = getViewportForBounds(bounds, width, height, 1, 1, 0);
  const background = getComputedStyle(container).getPropertyValue('--surface').trim() || '#ffffff';
  const options = {
    width,
    height,
    backgroundColor: background,
    skipFonts: true,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${frame.x}px, ${frame.y}px) scale(${frame.zoom})`,
    },
  };
  const { toSvg, toBlob } = await import('html-to-image');
  let blob: Blob | null;
  if (format === 'svg') {
    const dataUrl = await toSvg(viewport, options);
    blob = new Blob([decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1))], {
      type: 'image/svg+xml',
    });
  } else {
    blob = await toBlob(viewport, { ...options, pixelRatio: 2 });
  }
  if (!blob) throw new Error('The browser could not draw the image.');
  download(blob, `${fileStem}.${format}`);
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
