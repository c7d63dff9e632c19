import { figureLabel } from '../../../../shared/pack/sections.ts';
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../../api.ts';
import { Button } from '../../components/Button.tsx';
import { BuildPathway } from './BuildPathway.tsx';
import { DiagramWorkspace } from './DiagramWorkspace.tsx';
import { useKeepInView } from './keep-in-view.ts';
import type { DiagramDecor, NodeDecor } from './diagram/decor.ts';
import type { DiagramModel } from './model/diagram.ts';
import { namesMatch } from '../../../../shared/engine/node-names.ts';

type QuizKind = 'name' | 'build';

/** Quiz me: name the hidden nodes, or rebuild the links between given nodes. */
export function QuizMode({ model }: { readonly model: DiagramModel }) {
  const [kind, setKind] = useState<QuizKind>('name');
  const name = useId();
  const chooser = (
    <fieldset className="pw-radios pw-quiz-kind">
      <legend>Quiz</legend>
      {(
        [
          ['name', 'Name the nodes'],
          ['build', 'Build the pathway'],
        ] as const
      ).map(([value, label]) => (
        <label key={value}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={kind === value}
            onChange={() => setKind(value)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
  return kind === 'name' ? (
    <NameNodes model={model} chooser={chooser} />
  ) : (
    <BuildPathway model={model} chooser={chooser} />
  );
}

type Named = 'correct' | 'revealed';

function NameNodes({
  model,
  chooser,
}: {
  readonly model: DiagramModel;
  readonly chooser: ReactNode;
}) {
  const [named, setNamed] = useState<Readonly<Record<string, Named>>>({});
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [answer, setAnswer] = useState('');
  const [feedback, setFeedback] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const feedbackRef = useRef<HTMLParagraphElement>(null);
  useKeepInView(feedbackRef, feedback);
  const { record, failure: saveFailure } = useNamingRecorder(model.pathway.id);
  const ids = { answer: useId(), list: useId() };
  const number = useMemo(() => new Map(model.nodes.map((n, i) => [n.id, i + 1])), [model]);
  const node = model.nodes.find((n) => n.id === selected);
  const correctCount = Object.values(named).filter((v) => v === 'correct').length;

  const decor = useMemo((): DiagramDecor => {
    const nodes: Record<string, NodeDecor> = {};
    for (const n of model.nodes) {
      const state = named[n.id];
      const label = `?${number.get(n.id) ?? ''}`;
      nodes[n.id] =
        state === undefined
          ? { masked: label, ariaExtra: 'not named yet' }
          : state === 'correct'
            ? { state: 'correct', badge: { text: '✓', words: 'named correctly', tone: 'good' } }
            : { state: 'wrong', badge: { text: '!', words: 'revealed', tone: 'warn' } };
    }
    return { nodes, nodeHint: 'Press Enter to name it.' };
  }, [model, named, number]);

  const pick = (nodeId: string, focus: boolean) => {
    setSelected(nodeId);
    setAnswer('');
    setFeedback('');
    if (focus) requestAnimationFrame(() => input.current?.focus());
  };
  const check = () => {
    if (!node) return;
    const source = {
      name: node.entity?.name ?? node.name,
      aliases: node.entity?.aliases ?? [],
      label: node.name,
    };
    record(node.id, answer, false);
    if (namesMatch(answer, source)) {
      setNamed((n) => ({ ...n, [node.id]: 'correct' }));
      setFeedback(`Correct: node ${number.get(node.id) ?? ''} is ${node.name}.`);
      const next = model.nodes.find((n) => n.id !== node.id && named[n.id] === undefined);
      setSelected(next?.id);
      setAnswer('');
    } else {
      setFeedback(
        `Not quite: “${answer.trim() || '(nothing)'}” is not node ${number.get(node.id) ?? ''}. Try again or reveal it.`,
      );
      // A retry replaces the wrong name rather than typing onto its end.
      input.current?.focus();
      input.current?.select();
    }
  };
  const reveal = () => {
    if (!node) return;
    record(node.id, '', true);
    setNamed((n) => ({ ...n, [node.id]: 'revealed' }));
    setFeedback(`Node ${number.get(node.id) ?? ''} is ${node.name}.`);
  };

  const panel = (
    <section aria-labelledby="pw-quiz-title" className="pw-quiz">
      <h2 id="pw-quiz-title">Quiz me</h2>
      {chooser}
      <p>
        Every node shows a number instead of its name. Pick one on the diagram or in the list, then
        type its name (any common alias counts).
      </p>
      <p className="pw-score" data-testid="name-score">
        {correctCount} of {model.nodes.length} named
      </p>
      {node && named[node.id] === undefined && (
        <form
          className="pw-name-form"
          onSubmit={(event) => {
            event.preventDefault();
            check();
          }}
        >
          <label htmlFor={ids.answer}>
            Name node {number.get(node.id)} (in {node.compartmentName.toLowerCase()})
          </label>
          <div className="pw-field-row">
            <input
              ref={input}
              id={ids.answer}
              type="text"
              list={ids.list}
              autoComplete="off"
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
            />
            <datalist id={ids.list}>
              {model.nodes.map((n) => (
                <option key={n.id} value={n.entity?.name ?? n.name} />
              ))}
            </datalist>
            <Button type="submit" variant="primary">
              Check
            </Button>
            <Button onClick={reveal}>Reveal</Button>
          </div>
        </form>
      )}
      <p ref={feedbackRef} role="status" className="pw-feedback" data-testid="name-feedback">
        {feedback}
      </p>
      {saveFailure && (
        <p role="alert" className="message-error">
          Your answers here are not being saved, so Mastery will not count them: {saveFailure}
        </p>
      )}
      <h3>Nodes</h3>
      <ul className="pw-node-list">
        {model.nodes.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className="btn-link"
              aria-current={n.id === selected ? 'true' : undefined}
              onClick={() => pick(n.id, true)}
            >
              Node {number.get(n.id)} ({n.compartmentName.toLowerCase()}):{' '}
              {named[n.id] ? n.name : 'unnamed'}
              {named[n.id] === 'correct' ? ' ✓' : named[n.id] === 'revealed' ? ' (revealed)' : ''}
            </button>
          </li>
        ))}
      </ul>
      <Button
        onClick={() => {
          setNamed({});
          setFeedback('');
          setSelected(undefined);
        }}
      >
        Start again
      </Button>
    </section>
  );

  return (
    <DiagramWorkspace
      diagram={{
        model,
        decor,
        selectedId: selected,
        onSelectNode: (id) => pick(id, true),
        onSelectEdge: () => undefined,
      }}
      panel={panel}
      label={namesHiddenLabel(model)}
    />
  );
}

/**
 * Records each naming attempt (graded again in the backend) so the Mastery overlay counts it; the
 * attempts of one visit share a quiz session. The quiz goes on if saving fails, and says so.
 */
function useNamingRecorder(pathwayId: string) {
  const session = useRef<Promise<string | undefined> | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const record = (nodeId: string, answer: string, revealed: boolean) => {
    const previous = session.current ?? Promise.resolve(undefined);
    session.current = previous.then(async (sessionId) => {
      try {
        const saved = await api.pathway.nameNode({
          ...(sessionId ? { sessionId } : {}),
          pathwayId,
          nodeId,
          answer: answer.slice(0, 200),
          revealed,
        });
        setFailure(undefined);
        return saved.sessionId;
      } catch (error) {
        setFailure(error instanceof Error ? error.message : String(error));
        return sessionId;
      }
    });
  };
  return { record, failure };
}

/**
 * The drawing's accessible name during a quiz: the figure, not the pathway's title, which names
 * some of the nodes being asked.
 */
function namesHiddenLabel(model: DiagramModel): string {
  const figure = figureLabel(model.index.pack.manifest, model.pathway);
  return `Diagram: ${figure ?? 'pathway'}, node names hidden for the quiz`;
}
