/**
 * Explanations arrive as one paragraph: the reason, sentences citing facts "(F099, F127)", then any
 * teaching points "Teaching point — Title: body" (no internal id: the learner reads it). Shown as
 * separate blocks with each fact id
 * linked to the Source screen.
 */
export type Token = string | { readonly factId: string };

export type ExplanationBlock =
  | { readonly kind: 'text'; readonly tokens: readonly Token[] }
  | {
      readonly kind: 'teaching-point';
      readonly title: string;
      readonly tokens: readonly Token[];
    };

const teachingPoint = /Teaching point — /g;
const factId = /\bF\d{3,4}\b/g;

export function factTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(factId)) {
    if (match.index > last) tokens.push(text.slice(last, match.index));
    tokens.push({ factId: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) tokens.push(text.slice(last));
  return tokens;
}

export function explanationBlocks(text: string): ExplanationBlock[] {
  const starts = [...text.matchAll(teachingPoint)];
  const blocks: ExplanationBlock[] = [];
  const lead = text.slice(0, starts[0]?.index ?? text.length).trim();
  if (lead) blocks.push({ kind: 'text', tokens: factTokens(lead) });
  starts.forEach((match, i) => {
    const end = starts[i + 1]?.index ?? text.length;
    const body = text.slice(match.index + match[0].length, end).trim();
    const colon = body.indexOf(': ');
    const title = colon > 0 ? body.slice(0, colon) : '';
    const rest = colon > 0 ? body.slice(colon + 2) : body;
    blocks.push({ kind: 'teaching-point', title, tokens: factTokens(rest) });
  });
  return blocks;
}

/** `feedback` minus the explanation it ends with: the rationale or "2 of 4 pairs right." lead. */
export function feedbackLead(feedback: string, explanation: string): string {
  const lead = feedback.endsWith(explanation)
    ? feedback.slice(0, feedback.length - explanation.length)
    : '';
  return lead.trim();
}
