import { useEffect, useMemo } from 'react';
import type { ProgressCharts, ProgressSummary } from '../../../../shared/contract/progress.ts';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { Stat } from '../../components/Stat.tsx';
import { PlotChart } from './charts/PlotChart.tsx';
import {
  forecastChart,
  heatmapChart,
  masteryChart,
  quizScoresChart,
  ratingColours,
  retentionChart,
  reviewsPerDayChart,
  stepColours,
} from './charts/specs.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ChartCard, Swatch } from './components/ChartCard.tsx';
import {
  activitySteps,
  activitySummary,
  dayTotal,
  forecastSummary,
  formatLongDay,
  hasActivity,
  heatmapCells,
  masteryBars,
  masterySummary,
  quizPoints,
  quizSummary,
  ratingBars,
  ratingSeries,
  retentionPoints,
  retentionSummary,
  reviewsSummary,
} from './model/chart-data.ts';
import { useProgressData } from './store.ts';
import './progress.css';

export default function ProgressScreen() {
  const data = useProgressData((s) => s.data);
  const load = useProgressData((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section
      aria-labelledby="progress-title"
      className="progress-screen"
      data-screen-ready={data.status === 'ready' ? 'progress' : undefined}
    >
      <header className="screen-header">
        <h1 id="progress-title">Progress</h1>
      </header>
      {data.status === 'loading' && <Loading label="Loading your progress…" />}
      {data.status === 'error' && (
        <ErrorMessage error={new Error(data.message)} onRetry={() => void load()} />
      )}
      {data.status === 'ready' && (
        <ProgressContent
          charts={data.charts}
          summary={data.summary}
          desiredRetention={data.desiredRetention}
        />
      )}
    </section>
  );
}

interface ContentProps {
  readonly charts: ProgressCharts;
  readonly summary: ProgressSummary;
  readonly desiredRetention: number;
}

function ProgressContent({ charts, summary, desiredRetention }: ContentProps) {
  const active = hasActivity(charts);
  return (
    <>
      <div className="stat-row">
        <Stat
          label="Day streak"
          value={summary.streak.current}
          hint={summary.streak.studiedToday ? 'Studied today' : 'Not studied yet today'}
        />
        <Stat label="Reviews, all time" value={summary.totals.reviews} />
        <Stat
          label="Cards seen"
          value={`${summary.totals.seen} / ${summary.totals.cards}`}
          hint={summary.totals.cards === 0 ? 'No flashcards yet' : undefined}
        />
        <Stat
          label="Due today"
          value={summary.today.learning + summary.today.review}
          hint={`${summary.today.new} new cards waiting`}
        />
      </div>
      {!active && <NewLearner />}
      <div className="chart-grid">
        <ActivityCard activity={charts.activity} />
        <ReviewsCard days={charts.reviewsPerDay} />
        <RetentionCard weeks={charts.retentionByWeek} target={desiredRetention} />
        <ForecastCard days={charts.dueForecast} />
        <QuizCard scores={charts.quizScores} />
        <MasteryCard topics={charts.masteryByTopic} />
      </div>
    </>
  );
}

function NewLearner() {
  return (
    <div className="panel progress-empty">
      <h2>Your charts fill in as you study</h2>
      <p>
        Rate a few flashcards or finish a quiz, and this screen shows the days you studied, how you
        answered, how much you remember week by week, what comes due next, your quiz scores and your
        mastery of each topic.
      </p>
      <p className="progress-empty-links">
        <a href="#/flashcards" className="btn btn-primary">
          Start with flashcards
        </a>
        <a href="#/quiz" className="btn">
          Take a quiz
        </a>
      </p>
    </div>
  );
}

function StudyLinks() {
  return (
    <>
      {' '}
      Study on <a href="#/flashcards">Flashcards</a> or take a <a href="#/quiz">Quiz</a>.
    </>
  );
}

function ActivityCard({ activity }: { readonly activity: ProgressCharts['activity'] }) {
  const cells = useMemo(() => heatmapCells(activity), [activity]);
  const activeDays = useMemo(
    () => [...activity].reverse().filter((entry) => entry.reviews + entry.quizAnswers > 0),
    [activity],
  );
  return (
    <ChartCard
      wide
      title="Study calendar"
      summary={activitySummary(activity)}
      legend={
        <ul className="chart-legend" aria-label="Legend: reviews and quiz answers a day">
          {activitySteps.map((step, index) => (
            <li key={step.label}>
              <Swatch colour={stepColours[index] ?? ''} />
              {step.label}
            </li>
          ))}
        </ul>
      }
      chart={
        <PlotChart
          spec={heatmapChart}
          data={cells}
          label={`Calendar of the last ${activity.length} days, shaded by reviews and quiz answers a day`}
        />
      }
      table={
        <DataTable
          caption="Days with study"
          rows={activeDays}
          rowKey={(row) => row.day}
          emptyText="No study days yet."
          columns={[
            { header: 'Day', cell: (row) => formatLongDay(row.day) },
            { header: 'Reviews', cell: (row) => row.reviews, numeric: true },
            { header: 'Quiz answers', cell: (row) => row.quizAnswers, numeric: true },
          ]}
        />
      }
    />
  );
}

function ReviewsCard({ days }: { readonly days: ProgressCharts['reviewsPerDay'] }) {
  const data = useMemo(() => ({ bars: ratingBars(days), days }), [days]);
  const any = days.some((entry) => dayTotal(entry) > 0);
  return (
    <ChartCard
      title="Reviews per day"
      summary={reviewsSummary(days)}
      legend={
        <ul className="chart-legend" aria-label="Legend">
          {ratingSeries.map((rating) => (
            <li key={rating}>
              <Swatch colour={ratingColours[rating]} />
              {rating}
            </li>
          ))}
          <li>
            <Swatch colour="currentColor" shape="diamond" />
            New cards that day
          </li>
        </ul>
      }
      empty={
        any ? undefined : (
          <p className="chart-empty">
            Each day&apos;s flashcard answers appear here as a bar split into Again, Hard, Good and
            Easy.
            <StudyLinks />
          </p>
        )
      }
      chart={
        <PlotChart
          spec={reviewsPerDayChart}
          data={data}
          label={`Flashcard reviews on each of the last ${days.length} days, stacked by answer`}
        />
      }
      table={
        <DataTable
          caption="Reviews per day"
          rows={days.filter((entry) => dayTotal(entry) > 0).reverse()}
          rowKey={(row) => row.day}
          emptyText={`No reviews in the last ${days.length} days.`}
          columns={[
            { header: 'Day', cell: (row) => formatLongDay(row.day) },
            { header: 'Again', cell: (row) => row.again, numeric: true },
            { header: 'Hard', cell: (row) => row.hard, numeric: true },
            { header: 'Good', cell: (row) => row.good, numeric: true },
            { header: 'Easy', cell: (row) => row.easy, numeric: true },
            { header: 'Total', cell: (row) => dayTotal(row), numeric: true },
            { header: 'New cards', cell: (row) => row.newCards, numeric: true },
          ]}
        />
      }
    />
  );
}

function RetentionCard({
  weeks,
  target,
}: {
  readonly weeks: ProgressCharts['retentionByWeek'];
  readonly target: number;
}) {
  const data = useMemo(() => ({ points: retentionPoints(weeks), weeks, target }), [weeks, target]);
  return (
    <ChartCard
      title="True retention by week"
      summary={retentionSummary(weeks, target)}
      empty={
        data.points.length > 0 ? undefined : (
          <p className="chart-empty">
            True retention is the share of reviews of learned cards you did not answer Again. It
            appears once cards you have learned come back for review, usually after a few days.
          </p>
        )
      }
      chart={
        <PlotChart
          spec={retentionChart}
          data={data}
          label={`Share of learned cards recalled each week, with your target of ${Math.round(target * 100)} %`}
        />
      }
      table={
        <DataTable
          caption="True retention by week"
          rows={weeks.filter((week) => week.reviews > 0).reverse()}
          rowKey={(row) => row.weekStart}
          emptyText="No reviews of learned cards yet."
          columns={[
            { header: 'Week of', cell: (row) => formatLongDay(row.weekStart) },
            { header: 'Reviews', cell: (row) => row.reviews, numeric: true },
            { header: 'Recalled', cell: (row) => row.passed, numeric: true },
            {
              header: 'Retention',
              cell: (row) =>
                row.retention === null ? '—' : `${Math.round(row.retention * 100)} %`,
              numeric: true,
            },
          ]}
        />
      }
    />
  );
}

function ForecastCard({ days }: { readonly days: ProgressCharts['dueForecast'] }) {
  return (
    <ChartCard
      title="Due in the next 30 days"
      summary={forecastSummary(days)}
      chart={
        <PlotChart
          spec={forecastChart}
          data={days}
          label={`Cards coming due on each of the next ${days.length} days`}
        />
      }
      table={
        <DataTable
          caption="Cards due by day"
          rows={days.filter((entry) => entry.due > 0)}
          rowKey={(row) => row.day}
          emptyText="Nothing due: cards you learn are scheduled here."
          columns={[
            { header: 'Day', cell: (row) => formatLongDay(row.day) },
            { header: 'Cards due', cell: (row) => row.due, numeric: true },
          ]}
        />
      }
    />
  );
}

function QuizCard({ scores }: { readonly scores: ProgressCharts['quizScores'] }) {
  const points = useMemo(() => quizPoints(scores), [scores]);
  return (
    <ChartCard
      title="Quiz scores"
      summary={quizSummary(scores)}
      empty={
        scores.length > 0 ? undefined : (
          <p className="chart-empty">
            Each quiz you finish adds a point here with its score, so you can see the trend.{' '}
            <a href="#/quiz">Take a quiz</a>.
          </p>
        )
      }
      chart={
        <PlotChart
          spec={quizScoresChart}
          data={points}
          label="Score of each finished quiz over time"
        />
      }
      table={
        <DataTable
          caption="Quiz scores"
          rows={[...scores].reverse()}
          rowKey={(row) => row.sessionId}
          emptyText="No finished quizzes yet."
          columns={[
            { header: 'Finished', cell: (row) => new Date(row.finishedAt).toLocaleString() },
            { header: 'Mode', cell: (row) => row.mode },
            { header: 'Correct', cell: (row) => `${row.correct} of ${row.total}`, numeric: true },
            { header: 'Score', cell: (row) => `${Math.round(row.score * 100)} %`, numeric: true },
          ]}
        />
      }
    />
  );
}

function MasteryCard({ topics }: { readonly topics: ProgressCharts['masteryByTopic'] }) {
  const bars = useMemo(() => masteryBars(topics), [topics]);
  return (
    <ChartCard
      wide
      title="Mastery by topic"
      summary={masterySummary(topics)}
      empty={
        topics.length > 0 ? undefined : (
          <p className="chart-empty">
            Once flashcards are available, each topic&apos;s mastery (how much of it you would
            recall now) shows here as a bar from 0 to 100 %.
          </p>
        )
      }
      chart={
        <PlotChart spec={masteryChart} data={bars} label="Mastery of each topic, 0 to 100 %" />
      }
      table={
        <DataTable
          caption="Mastery by topic"
          rows={topics}
          rowKey={(row) => row.topicId}
          emptyText="No topics with flashcards yet."
          columns={[
            { header: 'Topic', cell: (row) => row.title },
            {
              header: 'Mastery',
              cell: (row) => `${Math.round(row.mastery * 100)} %`,
              numeric: true,
            },
            { header: 'Cards seen', cell: (row) => `${row.seen} of ${row.cards}`, numeric: true },
          ]}
        />
      }
    />
  );
}
