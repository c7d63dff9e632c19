import type { ProgressSummary } from '../../../../shared/contract/progress.ts';
import { plural } from '../../components/format.ts';
import { Stat } from '../../components/Stat.tsx';

interface Props {
  readonly today: ProgressSummary['today'];
  readonly streak: ProgressSummary['streak'];
  readonly totals: ProgressSummary['totals'];
}

function streakHint(streak: ProgressSummary['streak']): string {
  if (streak.studiedToday) return 'Studied today';
  return streak.current > 0 ? 'Study today to keep it going' : 'Study today to start one';
}

/** Today's queue and the streak, each figure with its label in text. */
export function TodayStats({ today, streak, totals }: Props) {
  const due = today.learning + today.review;
  return (
    <section aria-labelledby="home-today-title" className="home-today">
      <h2 id="home-today-title" className="visually-hidden">
        Today
      </h2>
      <div className="stat-row home-stats">
        <Stat
          label="Due today"
          value={due}
          hint={`${plural(today.review, 'review')} · ${today.learning} learning`}
        />
        <Stat
          label="New today"
          value={today.new}
          hint={`${today.introducedToday} of ${today.newTarget} introduced`}
        />
        <Stat label="Day streak" value={streak.current} hint={streakHint(streak)} />
        <Stat
          label="Cards seen"
          value={totals.seen}
          hint={`of ${totals.cards} · ${plural(totals.reviews, 'review')}`}
        />
      </div>
    </section>
  );
}
