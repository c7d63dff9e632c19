import type { DiagramDecor } from './diagram/decor.ts';
import type { DiagramModel } from './model/diagram.ts';
import { edgeSentence } from './model/notation.ts';

/**
 * The diagram as text: every link as a sentence, with its evidence. It says no more than the
 * drawing: masked nodes keep their numbers and lose their level marks, hidden links stay hidden,
 * and an inference (which may name a masked node) is not spelled out while anything is masked.
 */
export function EdgeTable({
  model,
  decor,
  focusId,
}: {
  readonly model: DiagramModel;
  readonly decor: DiagramDecor;
  /** The id the diagram's skip link moves focus to. */
  readonly focusId?: string;
}) {
  const name = (nodeId: string, fallback: string) => decor.nodes?.[nodeId]?.masked ?? fallback;
  const masking = Object.values(decor.nodes ?? {}).some((node) => node.masked !== undefined);
  if (decor.hideEdges)
    return (
      <section
        id={focusId}
        tabIndex={-1}
        className="pw-text-alt panel"
        aria-labelledby="pw-text-alt-title"
      >
        <h2 id="pw-text-alt-title">Text version: links in this diagram</h2>
        <p>The links are hidden while you build them; your own links are listed with the quiz.</p>
      </section>
    );
  return (
    <section
      id={focusId}
      tabIndex={-1}
      className="pw-text-alt panel"
      aria-labelledby="pw-text-alt-title"
    >
      <h2 id="pw-text-alt-title">Text version: links in this diagram</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Link</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {model.edges.map((edge) => (
            <tr key={edge.id}>
              <td>
                {edgeSentence(
                  name(edge.from, edge.fromName),
                  edge.sign,
                  name(edge.to, edge.toName),
                )}
                .
              </td>
              <td>
                {edge.inferred
                  ? masking
                    ? 'Inferred'
                    : `Inferred (${edge.inference ?? 'no source'})`
                  : `Facts ${edge.factIds.join(', ')}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!masking && model.nodes.some((node) => node.level) && (
        <>
          <h3>Levels drawn on the figure</h3>
          <ul>
            {model.nodes
              .filter((node) => node.level)
              .map((node) => (
                <li key={node.id}>
                  {node.name}: {node.level}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
