import type { TopicMastery } from '../../../../../shared/contract/progress.ts';
import { ProgressBar } from '../../../components/ProgressBar.tsx';
import { plural } from '../../../components/format.ts';
import { topicCoverage, type FactCoverageView } from '../model/coverage.ts';
import type { TopicGroup } from '../model/facts.ts';

interface Props {
  readonly groups: readonly TopicGroup[];
  /** Undefined while mastery is loading or could not be read. */
  readonly mastery: readonly TopicMastery[] | undefined;
  readonly coverageOf: (factId: string) => FactCoverageView | undefined;
  readonly onShowTopic: (topicId: string) => void;
}

export function TopicsPanel({ groups, mastery, coverageOf, onShowTopic }: Props) {
  return (
    <section className="panel source-section" aria-labelledby="source-topics">
      <h2 id="source-topics" tabIndex={-1}>
        Topics
      </h2>
      <ul className="topic-cards">
        {groups.map((group) => {
          const topic = mastery?.find((entry) => entry.topicId === group.id);
          const views = group.facts.flatMap((fact) => {
            const view = coverageOf(fact.id);
            return view ? [view] : [];
          });
          const { tested } = topicCoverage(views);
          const highYield = group.facts.filter((fact) => fact.highYield).length;
          return (
            <li key={group.id} className="topic-card">
              <h3>{group.title}</h3>
              <p className="muted topic-description">{group.description}</p>
              <p className="topic-counts">
                {group.facts.length} facts · {highYield} high-yield · {tested} tested
              </p>
              {topic && topic.cards > 0 ? (
                <ProgressBar
                  label={`Mastery of ${group.title}`}
                  value={Math.round(topic.mastery * 100)}
                  max={100}
                  text={`Mastery ${Math.round(topic.mastery * 100)} % · ${topic.seen}/${plural(topic.cards, 'card')} seen`}
                />
              ) : (
                <p className="muted topic-mastery-none">
                  {mastery === undefined
                    ? 'Mastery is loading…'
                    : 'No flashcards for this topic yet'}
                </p>
              )}
              <button
                type="button"
                className="btn btn-ghost topic-show"
                onClick={() => onShowTopic(group.id)}
                aria-label={`Show these facts: ${group.title}`}
              >
                Show these facts
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
