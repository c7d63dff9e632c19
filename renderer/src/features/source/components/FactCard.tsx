import { sectionMention } from '../../../../../shared/pack/sections.ts';
import { pathwayLabel } from '../../../../../shared/pack/views.ts';
import type { ReviewSection } from '../../../../../shared/pack/schema.ts';
import type { Fact, Reference } from '../../../../../shared/pack/schema.ts';
import { TierBadge } from '../../../components/TierBadge.tsx';
import type { FactCoverageView } from '../model/coverage.ts';
import { levelInfo } from '../model/coverage.ts';
import {
  contextLines,
  referenceDetails,
  referenceLinks,
  sourceHref,
  type EdgeLink,
} from '../model/facts.ts';
import { ExternalLink } from './ExternalLink.tsx';

export interface FactLookups {
  readonly nameOf: (entityId: string) => string;
  readonly referenceOf: (referenceId: string) => Reference | undefined;
  readonly labelOf: (reference: Reference) => string;
  readonly reviewReferenceId: string;
  /** The review's section a fact names, as the manifest declares it. */
  readonly sectionOf: (sectionId: string | undefined) => ReviewSection | undefined;
  readonly edgesOf: (factId: string) => readonly EdgeLink[];
  readonly coverageOf: (factId: string) => FactCoverageView | undefined;
}

interface Props {
  readonly fact: Fact;
  readonly lookups: FactLookups;
  readonly headingLevel: 3 | 4;
  /** The fact a link pointed at: highlighted, with a visible label. */
  readonly linked: boolean;
}

export function FactCard({ fact, lookups, headingLevel, linked }: Props) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const titleId = `fact-${fact.id}-title`;
  const context = contextLines(fact.context, lookups.nameOf);
  const edges = lookups.edgesOf(fact.id);
  const coverage = lookups.coverageOf(fact.id);
  return (
    <article
      id={`fact-${fact.id}`}
      className={linked ? 'fact fact-linked' : 'fact'}
      aria-labelledby={titleId}
      tabIndex={-1}
      data-fact={fact.id}
    >
      <header className="fact-header">
        <Heading id={titleId} className="fact-id">
          {fact.id}
        </Heading>
        <TierBadge tier={fact.tier} />
        {fact.highYield && <span className="badge badge-highyield">★ High-yield</span>}
        {fact.contested && <span className="badge badge-contested">⚑ Contested</span>}
        {linked && <span className="badge badge-linked">◆ Linked fact</span>}
        {coverage && <CoverageChip view={coverage} />}
      </header>
      <p className="fact-text">{fact.text}</p>
      {context.length > 0 && (
        <dl className="fact-context">
          {context.map((line) => (
            <div key={line.label}>
              <dt>{line.label}</dt>
              <dd>{line.text}</dd>
            </div>
          ))}
        </dl>
      )}
      {fact.contested && (
        <div className="fact-contested">
          <p>
            <strong>The sources disagree</strong> with{' '}
            {fact.contested.with.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <a href={sourceHref(id)}>{id}</a>
              </span>
            ))}
            : {fact.contested.note}
          </p>
        </div>
      )}
      <div className="fact-sources">
        <span className="fact-sources-label">
          {fact.references.length === 1 ? 'Source' : 'Sources'}
        </span>
        <ul className="fact-refs">
          {fact.references.map((id) => (
            <ReferenceItem key={id} referenceId={id} fact={fact} lookups={lookups} />
          ))}
        </ul>
      </div>
      {edges.length > 0 && (
        <ul className="fact-pathways">
          {edges.map((edge) => (
            <li key={`${edge.pathwayId}-${edge.edgeId}`}>
              <a href={edge.href}>
                Show in pathway: {pathwayLabel({ figure: edge.figure, title: edge.pathwayTitle })},{' '}
                {edge.step}
              </a>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** "Figure 1 caption", "abstract", "section “Sclerostin in bone”": where in the review a fact sits. */
function sectionWords(section: ReviewSection | undefined): string | undefined {
  if (section === undefined) return undefined;
  const mention = sectionMention(section);
  return section.kind === 'figure' || section.kind === 'table' ? `${mention} caption` : mention;
}

function ReferenceItem({
  referenceId,
  fact,
  lookups,
}: {
  readonly referenceId: string;
  readonly fact: Fact;
  readonly lookups: FactLookups;
}) {
  const reference = lookups.referenceOf(referenceId);
  if (!reference) return <li>{referenceId}</li>;
  const { link, unlinkedUrl } = referenceLinks(reference);
  const isReview = reference.id === lookups.reviewReferenceId;
  const section = sectionWords(lookups.sectionOf(fact.section));
  const label = lookups.labelOf(reference);
  // A source named by its journal and year ("Immune Netw 2018") need not say them twice.
  const fullDetails = referenceDetails(reference);
  const details = fullDetails.startsWith(label)
    ? fullDetails.slice(label.length).replace(/^;/, '').trim()
    : fullDetails;
  return (
    <li>
      <cite className="ref-label">{label}</cite>
      {isReview && section && <span> — {section}</span>}
      {!isReview && <span className="ref-title">, {reference.title}</span>}
      {details && <span className="muted"> · {details}</span>}
      {reference.reviewReferenceNumber !== undefined && (
        <span className="ref-number">
          {' '}
          · reference {reference.reviewReferenceNumber} of the review
        </span>
      )}
      {link && (
        <>
          {' · '}
          <ExternalLink href={link.href}>{link.text}</ExternalLink>
        </>
      )}
      {unlinkedUrl && <span className="muted ref-url"> · {unlinkedUrl}</span>}
    </li>
  );
}

function CoverageChip({ view }: { readonly view: FactCoverageView }) {
  const info = levelInfo[view.level];
  const text =
    view.level === 'untested'
      ? 'Not tested yet'
      : `${info.label} · ${view.percent ?? 0} %${view.measure === 'quiz accuracy' ? ' in quizzes' : ''}`;
  return (
    <span className={`coverage-chip level-${view.level}`}>
      <span className="coverage-glyph" data-fill={info.fill} aria-hidden="true" />
      {text}
    </span>
  );
}
