import type { PrintCardSheet } from '../../../../shared/contract/print.ts';
import { Prompt } from '../quiz/components/Prompt.tsx';

const kindNames: Readonly<Record<string, string>> = {
  'fact-cloze': 'Fill in',
  'entity-definition': 'Definition',
};

/** One sheet per topic: every card's front and back side by side, a card never split. */
export function CardSheets({
  sheets,
  packTitle,
}: {
  readonly sheets: PrintCardSheet;
  readonly packTitle: string;
}) {
  if (sheets.length === 0) return <p>These topics have no cards to print.</p>;
  return (
    <article className="print-doc print-cards" aria-label="Card sheets" data-print-ready="">
      {sheets.map((sheet) => (
        <section
          key={sheet.topicId}
          className="print-topic"
          aria-labelledby={`print-topic-${sheet.topicId}`}
        >
          <header className="print-doc-header">
            <h2 id={`print-topic-${sheet.topicId}`}>{sheet.title}</h2>
            <p>
              {packTitle} · card sheet · {sheet.cards.length}{' '}
              {sheet.cards.length === 1 ? 'card' : 'cards'}
            </p>
          </header>
          <ol className="print-card-list">
            {sheet.cards.map((card, index) => (
              <li key={card.id} className="print-card" data-card={card.id}>
                <div className="print-card-side">
                  <p className="print-card-label">
                    <span className="print-number">{index + 1}.</span> Front ·{' '}
                    {kindNames[card.kind] ?? card.kind}
                  </p>
                  <Prompt
                    id={`print-card-${card.id.replace(/[^a-zA-Z0-9-]/g, '-')}`}
                    text={card.front}
                  />
                </div>
                <div className="print-card-side print-card-back">
                  <p className="print-card-label">Back</p>
                  <p>{card.back}</p>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </article>
  );
}
