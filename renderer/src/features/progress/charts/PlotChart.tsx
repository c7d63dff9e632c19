import { useEffect, useRef, useState } from 'react';
import type { ChartSize, ChartSpec, Plot } from './specs.ts';

let plotModule: Promise<Plot> | undefined;

/** Observable Plot is its own chunk, fetched when the first chart mounts. */
function loadPlot(): Promise<Plot> {
  plotModule ??= import('./plot.ts');
  return plotModule;
}

function rootFontSize(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

interface Props<T> {
  readonly spec: ChartSpec<T>;
  /** Keep it referentially stable (useMemo): a new object redraws the chart. */
  readonly data: T;
  /** What a screen reader hears for the drawing; the table under it has the figures. */
  readonly label: string;
}

/**
 * Draws one Plot chart at the width of its container, again when that width or the text size
 * changes. The SVG is an image with a label; its numbers are in the table alternative.
 */
export function PlotChart<T>({ spec, data, label }: Props<T>) {
  const container = useRef<HTMLDivElement>(null);
  const [plot, setPlot] = useState<Plot | undefined>(undefined);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const [size, setSize] = useState<ChartSize | undefined>(undefined);

  useEffect(() => {
    let live = true;
    loadPlot().then(
      (module) => {
        if (live) setPlot(module);
      },
      (error: unknown) => {
        if (live) setFailed(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () => {
      const width = Math.floor(element.clientWidth);
      const rem = rootFontSize();
      setSize((old) => (old && old.width === width && old.rem === rem ? old : { width, rem }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = container.current;
    if (!plot || !size || size.width === 0 || !element) return;
    const chart = spec(plot, data, size);
    // Plot names each mark group ("bar", "rule"); inside an image those names are noise, and an
    // aria-label on a plain group is not allowed.
    for (const named of chart.querySelectorAll('[aria-label], [aria-description]')) {
      named.removeAttribute('aria-label');
      named.removeAttribute('aria-description');
    }
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', label);
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [plot, size, spec, data, label]);

  if (failed) {
    return (
      <p className="muted chart-failed">
        The chart could not be drawn ({failed}); the table below has the same figures.
      </p>
    );
  }
  return (
    <div ref={container} className="plot-chart" data-chart={plot && size ? 'drawn' : 'pending'} />
  );
}
