import type { TopicMastery } from '../../../../shared/contract/progress.ts';
import { barWidth, percent, plural } from '../../components/format.ts';

/** Mastery per topic as bars, each with its value and coverage written out. */
export function TopicMasteryList({ topics }: { readonly topics: readonly TopicMastery[] }) {
  return (
    <section className="panel home-mastery" aria-labelledby="home-mastery-title">
      <h2 id="home-mastery-title">Mastery by topic</h2>
      {topics.length === 0 ? (
        <p className="muted">No topics yet: the active pack has no cards.</p>
      ) : (
        <ul className="mastery-list">
          {topics.map((topic) => (
            <li key={topic.topicId}>
              <span className="mastery-title">{topic.title}</span>
              <span className="bar" aria-hidden="true">
                <span className="bar-fill" style={{ width: barWidth(topic.mastery) }} />
              </span>
              <span className="bar-value">{percent(topic.mastery)}</span>
              <span className="mastery-seen muted">
                {topic.seen} of {plural(topic.cards, 'card')} seen
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">
        Mastery is the predicted chance of recalling a topic’s cards today; cards never studied
        count as zero.
      </p>
    </section>
  );
}
