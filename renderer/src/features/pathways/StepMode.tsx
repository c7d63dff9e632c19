import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { defineCommands, shortcutLabel, isMacPlatform } from '../../commands/registry.ts';
import { useCommands } from '../../commands/useCommands.ts';
import { Button } from '../../components/Button.tsx';
import { DiagramWorkspace } from './DiagramWorkspace.tsx';
import { useKeepInView, useNodeInView } from './keep-in-view.ts';
import type { DiagramDecor, EdgeDecor, NodeDecor } from './diagram/decor.ts';
import { cascadeSources, cascadesFrom, chainPolarity, type Cascade } from './model/cascade.ts';
import type { DiagramModel } from './model/diagram.ts';
import { edgeSentence } from './model/notation.ts';
import { usePrefersReducedMotion } from './motion.ts';

const playInterval = 2200;

interface StepContext {
  readonly step: number;
  readonly last: number;
  readonly goTo: (step: number) => void;
  readonly togglePlay: () => void;
}

/** N and P move through the steps from anywhere on the screen (not while typing). */
const stepCommands = defineCommands<StepContext>([
  {
    id: 'step.previous',
    label: 'Previous',
    bindings: [{ keys: ['p'] }],
    enabled: (ctx) => ctx.step > 0,
    perform: (ctx) => ctx.goTo(ctx.step - 1),
  },
  {
    id: 'step.next',
    label: 'Next',
    bindings: [{ keys: ['n'] }],
    enabled: (ctx) => ctx.step < ctx.last,
    perform: (ctx) => ctx.goTo(ctx.step + 1),
  },
  {
    id: 'step.play',
    label: 'Play',
    bindings: [{ keys: ['k'] }],
    enabled: (ctx) => ctx.last > 0,
    perform: (ctx) => ctx.togglePlay(),
  },
]);
const hint = (id: string) =>
  shortcutLabel(stepCommands.find((c) => c.id === id)?.bindings[0], isMacPlatform());

/**
 * Step through: one cascade at a time, one link per step, with a caption that is also read out
 * (aria-live). Play advances by itself; motion-free mode drops the moving dashes, and "Show all"
 * reveals the whole chain at once.
 */
export function StepMode({ model }: { readonly model: DiagramModel }) {
  const nameOf = useMemo(() => new Map(model.nodes.map((n) => [n.id, n.name])), [model]);
  const sources = useMemo(
    () =>
      cascadeSources(
        model.nodes.map((n) => n.id),
        model.edges,
      ),
    [model],
  );
  const [source, setSource] = useState(sources[0] ?? '');
  const cascades = useMemo(() => cascadesFrom(model.edges, source), [model, source]);
  const [cascadeKey, setCascadeKey] = useState(cascades[0]?.key ?? '');
  const cascade = cascades.find((c) => c.key === cascadeKey) ?? cascades[0];
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const reducedMotion = usePrefersReducedMotion();
  const [motionFree, setMotionFree] = useState(reducedMotion);
  const ids = { source: useId(), cascade: useId(), motion: useId() };

  const last = cascade ? cascade.edges.length : 0;
  // Playing stops by itself at the last step.
  const isPlaying = playing && step < last;
  useEffect(() => {
    if (!isPlaying) return;
    const timer = setTimeout(() => setStep((s) => Math.min(last, s + 1)), playInterval);
    return () => clearTimeout(timer);
  }, [isPlaying, step, last]);

  const togglePlay = () => {
    if (step >= last) setStep(0);
    setPlaying(!isPlaying);
  };
  useCommands(stepCommands, {
    step,
    last,
    goTo: (to: number) => setStep(Math.max(0, Math.min(last, to))),
    togglePlay,
  });

  const chooseSource = (id: string) => {
    setSource(id);
    setCascadeKey(cascadesFrom(model.edges, id)[0]?.key ?? '');
    setStep(0);
    setPlaying(false);
  };
  const chooseCascade = (key: string) => {
    setCascadeKey(key);
    setStep(0);
    setPlaying(false);
  };

  const decor = useMemo(
    () => (cascade ? stepDecor(model, cascade, step, motionFree) : {}),
    [model, cascade, step, motionFree],
  );
  const narration = useRef<HTMLParagraphElement>(null);
  useNodeInView(cascade?.nodeIds[step]);
  useKeepInView(narration, `${cascade?.key ?? ''}/${step}`);
  const caption = cascade
    ? stepCaption(cascade, step, nameOf)
    : 'This view has no links to follow.';

  const panel = (
    <section aria-labelledby="pw-step-title" className="pw-step">
      <h2 id="pw-step-title">Step through a cascade</h2>
      <div className="pw-field-row">
        <label htmlFor={ids.source}>Start from</label>
        <select id={ids.source} value={source} onChange={(e) => chooseSource(e.target.value)}>
          {sources.map((id) => (
            <option key={id} value={id}>
              {nameOf.get(id) ?? id}
            </option>
          ))}
        </select>
      </div>
      <div className="pw-field-row">
        <label htmlFor={ids.cascade}>Cascade</label>
        <select
          id={ids.cascade}
          value={cascade?.key ?? ''}
          onChange={(e) => chooseCascade(e.target.value)}
        >
          {cascades.map((c) => (
            <option key={c.key} value={c.key}>
              {cascadeLabel(c, nameOf)}
            </option>
          ))}
        </select>
      </div>
      <div className="pw-step-controls" role="group" aria-label="Step controls">
        <Button
          onClick={() => setStep((s) => Math.max(0, s - 1))}
          disabled={step === 0}
          shortcut={hint('step.previous')}
        >
          Previous
        </Button>
        <Button
          variant="primary"
          onClick={() => setStep((s) => Math.min(last, s + 1))}
          disabled={step >= last}
          shortcut={hint('step.next')}
        >
          Next
        </Button>
        <Button
          onClick={togglePlay}
          aria-pressed={isPlaying}
          disabled={!cascade}
          shortcut={hint('step.play')}
        >
          {isPlaying ? 'Pause' : 'Play'}
        </Button>
        <Button
          onClick={() => {
            setPlaying(false);
            setStep(last);
          }}
          disabled={step >= last}
        >
          Show all
        </Button>
        <label className="pw-check" htmlFor={ids.motion}>
          <input
            id={ids.motion}
            type="checkbox"
            checked={motionFree}
            onChange={(e) => setMotionFree(e.target.checked)}
          />
          Motion-free
        </label>
      </div>
      <p className="pw-step-count">
        Step {step + 1} of {last + 1}
      </p>
      <p ref={narration} className="pw-caption" aria-live="polite" data-testid="step-narration">
        {caption}
      </p>
      {cascade && step > 0 && (
        <ol className="pw-step-list">
          {cascade.edges.slice(0, step).map((edge) => (
            <li key={edge.id}>
              {edgeSentence(
                nameOf.get(edge.from) ?? edge.from,
                edge.sign,
                nameOf.get(edge.to) ?? edge.to,
              )}
              {edge.inferred ? ' (inferred)' : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );

  return (
    <DiagramWorkspace
      diagram={{
        model,
        decor,
        selectedId: undefined,
        onSelectNode: (id) => {
          if (sources.includes(id)) chooseSource(id);
        },
        onSelectEdge: () => undefined,
      }}
      panel={panel}
    />
  );
}

function stepDecor(
  model: DiagramModel,
  cascade: Cascade,
  step: number,
  motionFree: boolean,
): DiagramDecor {
  const reached = new Set(cascade.nodeIds.slice(0, step + 1));
  const current = cascade.nodeIds[step];
  const walked = new Set(cascade.edges.slice(0, step).map((e) => e.id));
  const currentEdge = step > 0 ? cascade.edges[step - 1]?.id : undefined;
  const nodes: Record<string, NodeDecor> = {};
  for (const node of model.nodes) {
    nodes[node.id] = reached.has(node.id)
      ? {
          state: node.id === current ? 'current' : 'active',
          ariaExtra: node.id === current ? 'current step' : 'on the cascade',
        }
      : { state: 'dim' };
  }
  const edges: Record<string, EdgeDecor> = {};
  for (const edge of model.edges) {
    edges[edge.id] =
      edge.id === currentEdge
        ? { state: motionFree ? 'active' : 'current', ariaExtra: 'current step' }
        : walked.has(edge.id)
          ? { state: 'active', ariaExtra: 'on the cascade' }
          : { state: 'dim' };
  }
  return { nodes, edges, nodeHint: 'Press Enter to start a cascade here.' };
}

const linkSymbol = (sign: Cascade['edges'][number]['sign']): string => {
  switch (chainPolarity([sign])) {
    case 'positive':
      return '→';
    case 'negative':
      return '⊣';
    case 'none':
      return '=';
  }
};

export function cascadeLabel(cascade: Cascade, nameOf: ReadonlyMap<string, string>): string {
  const [first = '', ...rest] = cascade.nodeIds;
  const parts = [nameOf.get(first) ?? first];
  cascade.edges.forEach((edge, i) => {
    const to = rest[i] ?? edge.to;
    parts.push(`${linkSymbol(edge.sign)} ${nameOf.get(to) ?? to}`);
  });
  const label = parts.join(' ');
  return cascade.inferredSteps > 0 ? `${label} (includes an inferred step)` : label;
}

export function stepCaption(
  cascade: Cascade,
  step: number,
  nameOf: ReadonlyMap<string, string>,
): string {
  const name = (id: string) => nameOf.get(id) ?? id;
  const total = cascade.edges.length + 1;
  const start = cascade.nodeIds[0] ?? '';
  if (step === 0)
    return `Step 1 of ${total}: start at ${name(start)}. Next follows ${cascade.edges.length} link${cascade.edges.length === 1 ? '' : 's'}.`;
  const edge = cascade.edges[step - 1];
  if (!edge) return '';
  let text = `Step ${step + 1} of ${total}: ${edgeSentence(name(edge.from), edge.sign, name(edge.to))}.`;
  if (edge.inferred) text += ' This link is inferred, not stated by a source.';
  if (step === cascade.edges.length) {
    const end = name(cascade.nodeIds[cascade.nodeIds.length - 1] ?? '');
    const negatives = cascade.edges.filter((e) => chainPolarity([e.sign]) === 'negative').length;
    const net = chainPolarity(cascade.edges.map((e) => e.sign));
    const why =
      net === 'positive' && negatives >= 2
        ? `: ${negatives} negative links in series make a positive effect`
        : '';
    text +=
      net === 'none'
        ? ` End of the chain: it carries no influence from ${name(start)} to ${end}.`
        : ` End of the chain. Read as a whole, ${name(start)} ${net === 'positive' ? 'promotes' : 'opposes'} ${end}${why}.`;
  }
  return text;
}
