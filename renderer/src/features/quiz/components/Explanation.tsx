import { Fragment } from 'react';
import { explanationBlocks, factTokens, type Token } from '../model/explanation.ts';

export const sourceFactHref = (factId: string) => `#/source?fact=${encodeURIComponent(factId)}`;

function Tokens({ tokens }: { readonly tokens: readonly Token[] }) {
  return tokens.map((token, index) =>
    typeof token === 'string' ? (
      <Fragment key={index}>{token}</Fragment>
    ) : (
      <a key={index} href={sourceFactHref(token.factId)} className="qz-fact-link">
        {token.factId}
      </a>
    ),
  );
}

/** Text with each fact id ("F070") a link to it in Source. */
export function FactText({ text }: { readonly text: string }) {
  return <Tokens tokens={factTokens(text)} />;
}

/** The explanation as paragraphs, teaching points set apart, each fact id a link to Source. */
export function Explanation({ text }: { readonly text: string }) {
  return (
    <div className="qz-explanation">
      {explanationBlocks(text).map((block, index) =>
        block.kind === 'text' ? (
          <p key={index}>
            <Tokens tokens={block.tokens} />
          </p>
        ) : (
          <aside
            key={index}
            className="qz-teaching-point"
            aria-label={block.title ? `Teaching point: ${block.title}` : 'Teaching point'}
          >
            <p>
              <strong>
                Teaching point
                {block.title ? ` — ${block.title}` : ''}
              </strong>{' '}
              <Tokens tokens={block.tokens} />
            </p>
          </aside>
        ),
      )}
    </div>
  );
}
