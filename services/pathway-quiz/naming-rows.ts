/**
 * How a Quiz me naming attempt is stored among the quiz answers: its own kind, an item id that
 * names the pathway and node, and no facts (naming a node is evidence about the node, so it does
 * not count as a test of each fact on its links in the per-fact coverage).
 */
export const namingKind = 'pathway-name';

export const namingMode = (pathwayId: string): string => `pathway:${pathwayId}`;

export const namingItemId = (pathwayId: string, nodeId: string): string =>
  `pathway:${pathwayId}/${nodeId}`;

/** The pathway and node of a naming answer's item id, or undefined for any other item. */
export function parseNamingItemId(
  itemId: string,
): { readonly pathwayId: string; readonly nodeId: string } | undefined {
  const match = /^pathway:(D\d+)\/([a-z0-9-]+)$/.exec(itemId);
  return match?.[1] && match[2] ? { pathwayId: match[1], nodeId: match[2] } : undefined;
}
