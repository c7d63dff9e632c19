import { useId, useMemo, useState, type ReactNode } from 'react';
import {
  gradePathway,
  type DrawnLink,
  type PathwayGrade,
  type Polarity,
} from '../../../../shared/engine/pathway-grading.ts';
import type { EdgeSign } from '../../../../shared/pack/schema.ts';
import { Button } from '../../components/Button.tsx';
import { NodeSelect, RadioChoices } from './Controls.tsx';
import { DiagramWorkspace } from './DiagramWorkspace.tsx';
import type { DiagramDecor, EdgeState, ExtraEdge } from './diagram/decor.ts';
import type { DiagramModel } from './model/diagram.ts';
import { edgeAriaLabel, edgeSentence } from './model/notation.ts';

const polarityChoices: readonly { value: Polarity; label: string; sign: EdgeSign }[] = [
  { value: 'positive', label: 'Activates or raises (→)', sign: 'stimulates' },
  { value: 'negative', label: 'Inhibits or lowers (⊣)', sign: 'inhibits' },
  { value: 'none', label: 'No difference (=)', sign: 'no-difference' },
];
const signOf = (polarity: Polarity): EdgeSign =>
  polarityChoices.find((c) => c.value === polarity)?.sign ?? 'stimulates';
const polarityWords: Record<Polarity, string> = {
  positive: 'activates or raises',
  negative: 'inhibits or lowers',
  none: 'shows no difference with',
};

/**
 * Build the pathway: the nodes are given, the links are not. The learner adds signed links with
 * the form (or by dragging from a node's right edge to another node) and checks them against
 * the diagram; inferred links are never required.
 */
export function BuildPathway({
  model,
  chooser,
}: {
  readonly model: DiagramModel;
  readonly chooser: ReactNode;
}) {
  const [links, setLinks] = useState<readonly DrawnLink[]>([]);
  const [from, setFrom] = useState(model.nodes[0]?.id ?? '');
  const [to, setTo] = useState(model.nodes[1]?.id ?? '');
  const [polarity, setPolarity] = useState<Polarity>('positive');
  const [grade, setGrade] = useState<PathwayGrade | undefined>(undefined);
  const [showAnswer, setShowAnswer] = useState(false);
  const [message, setMessage] = useState('');
  const ids = { from: useId(), to: useId(), sign: useId() };
  const nameOf = useMemo(() => new Map(model.nodes.map((n) => [n.id, n.name])), [model]);
  const name = (id: string) => nameOf.get(id) ?? id;
  const linkText = (link: DrawnLink) =>
    `${name(link.from)} ${polarityWords[link.polarity]} ${name(link.to)}`;

  const add = (link: DrawnLink) => {
    if (link.from === link.to) {
      setMessage('A link needs two different nodes.');
      return;
    }
    if (links.some((l) => l.from === link.from && l.to === link.to)) {
      setMessage(
        `You already linked ${name(link.from)} to ${name(link.to)}; remove it to change its sign.`,
      );
      return;
    }
    setLinks([...links, link]);
    setGrade(undefined);
    setMessage(`Added: ${linkText(link)}.`);
  };
  const submit = () => add({ from, to, polarity });

  const decor = useMemo(
    () => buildDecor(model, links, grade, showAnswer, linkText),
    // linkText only reads nameOf, which follows model.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [model, links, grade, showAnswer],
  );

  const panel = (
    <section aria-labelledby="pw-quiz-title" className="pw-quiz">
      <h2 id="pw-quiz-title">Quiz me</h2>
      {chooser}
      <p>
        The links are hidden. Add each link you remember: its source, its target and whether it
        activates or inhibits. Inferred links are optional.
      </p>
      <form
        className="pw-build-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <NodeSelect
          id={ids.from}
          label="From"
          nodes={model.nodes}
          value={from}
          onChange={setFrom}
        />
        <RadioChoices
          legend="Effect"
          name={ids.sign}
          choices={polarityChoices}
          value={polarity}
          onChange={setPolarity}
        />
        <NodeSelect id={ids.to} label="To" nodes={model.nodes} value={to} onChange={setTo} />
        <Button type="submit">Add link</Button>
      </form>
      <p role="status" className="pw-feedback">
        {message}
      </p>
      <h3>Your links ({links.length})</h3>
      {links.length === 0 ? (
        <p className="muted">
          None yet. You can also drag from a node&apos;s right edge to another node.
        </p>
      ) : (
        <ul className="pw-links">
          {links.map((link) => (
            <li key={`${link.from}>${link.to}`}>
              <span>{linkText(link)}</span>{' '}
              <Button
                variant="ghost"
                aria-label={`Remove: ${linkText(link)}`}
                onClick={() => {
                  setLinks(links.filter((l) => l !== link));
                  setGrade(undefined);
                }}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="pw-field-row">
        <Button variant="primary" onClick={() => setGrade(gradePathway(model.edges, links))}>
          Check my pathway
        </Button>
        <Button aria-pressed={showAnswer} onClick={() => setShowAnswer((s) => !s)}>
          {showAnswer ? 'Hide answer' : 'Show answer'}
        </Button>
        <Button
          onClick={() => {
            setLinks([]);
            setGrade(undefined);
            setShowAnswer(false);
            setMessage('');
          }}
        >
          Start again
        </Button>
      </div>
      {grade && <GradeReport grade={grade} model={model} linkText={linkText} />}
    </section>
  );

  return (
    <DiagramWorkspace
      diagram={{
        model,
        decor,
        selectedId: undefined,
        onSelectNode: (id) => {
          setFrom(id);
        },
        onSelectEdge: () => undefined,
        onConnect: (source, target) => add({ from: source, to: target, polarity }),
      }}
      panel={panel}
    />
  );
}

function GradeReport({
  grade,
  model,
  linkText,
}: {
  readonly grade: PathwayGrade;
  readonly model: DiagramModel;
  readonly linkText: (link: DrawnLink) => string;
}) {
  const edgeById = new Map(model.edges.map((e) => [e.id, e]));
  const sentence = (id: string) => {
    const edge = edgeById.get(id);
    return edge ? edgeSentence(edge.fromName, edge.sign, edge.toName) : id;
  };
  return (
    <section className="pw-grade" aria-labelledby="pw-grade-title" data-testid="build-grade">
      <h3 id="pw-grade-title">
        {grade.score.correct} of {grade.score.required} links right
      </h3>
      <GradeList title="Correct" items={grade.correct.map((c) => linkText(c.link))} />
      <GradeList
        title="Wrong sign"
        items={grade.wrongSign.map((w) => `${linkText(w.link)}; in fact: ${sentence(w.edgeId)}`)}
      />
      <GradeList title="Missing" items={grade.missing.map((e) => sentence(e.id))} />
      <GradeList
        title="Not on this diagram"
        items={grade.extra.map((x) =>
          x.reverses
            ? `${linkText(x.link)} (backwards: ${sentence(x.reverses)})`
            : linkText(x.link),
        )}
      />
      <GradeList
        title="Inferred links you found (optional)"
        items={grade.inferredFound.map((c) => linkText(c.link))}
      />
    </section>
  );
}

function GradeList({
  title,
  items,
}: {
  readonly title: string;
  readonly items: readonly string[];
}) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>
        {title} ({items.length})
      </h4>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}

function buildDecor(
  model: DiagramModel,
  links: readonly DrawnLink[],
  grade: PathwayGrade | undefined,
  showAnswer: boolean,
  linkText: (link: DrawnLink) => string,
): DiagramDecor {
  const stateOf = new Map<DrawnLink, EdgeState>();
  for (const c of grade?.correct ?? []) stateOf.set(c.link, 'correct');
  for (const c of grade?.inferredFound ?? []) stateOf.set(c.link, 'correct');
  for (const w of grade?.wrongSign ?? []) stateOf.set(w.link, 'wrong');
  for (const x of grade?.extra ?? []) stateOf.set(x.link, 'extra');
  const words: Partial<Record<EdgeState, string>> = {
    correct: 'correct',
    wrong: 'wrong sign',
    extra: 'not on this diagram',
    learner: 'your link, not checked yet',
  };
  const extraEdges: ExtraEdge[] = links.map((link, i) => {
    const state = stateOf.get(link) ?? 'learner';
    return {
      id: `learner-${i}`,
      from: link.from,
      to: link.to,
      sign: signOf(link.polarity),
      state,
      ariaLabel: `${linkText(link)}, ${words[state] ?? ''}`,
    };
  });
  if (showAnswer || grade) {
    const drawn = new Set(links.map((l) => `${l.from}>${l.to}`));
    const missing = new Set(grade?.missing.map((e) => e.id) ?? []);
    for (const edge of model.edges) {
      if (drawn.has(`${edge.from}>${edge.to}`)) continue;
      if (!showAnswer && !missing.has(edge.id)) continue;
      extraEdges.push({
        id: `answer-${edge.id}`,
        from: edge.from,
        to: edge.to,
        sign: edge.sign,
        state: 'missing',
        ariaLabel: edgeAriaLabel(
          { from: edge.fromName, to: edge.toName, sign: edge.sign, inferred: edge.inferred },
          'missing from your pathway',
        ),
      });
    }
  }
  return {
    hideEdges: true,
    extraEdges,
    nodeHint: 'Press Enter to make it the source of a new link.',
  };
}
