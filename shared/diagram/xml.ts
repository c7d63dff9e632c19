/** Text and attribute values for XML (SVG and SBGN-ML): the five characters XML reserves, escaped. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A coordinate with at most two decimals: small files, no float noise like 12.000000001. */
export function number(value: number): string {
  return String(Math.round(value * 100) / 100);
}
