/** Observable Plot, re-exported so its lazily loaded chunk is named after it ("plot-…js"). */
export * from '@observablehq/plot';
