import type { DiagramModel } from './model/diagram.ts';
import { edgeSentence } from './model/notation.ts';

/** The diagram as text: every link as a sentence, with its evidence. */
export function EdgeTable({ model }: { readonly model: DiagramModel }) {
  return (
    <section className="pw-text-alt panel" aria-labelledby="pw-text-alt-title">
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
              <td>{edgeSentence(edge.fromName, edge.sign, edge.toName)}.</td>
              <td>
                {edge.inferred
                  ? `Inferred (${edge.inference ?? 'no source'})`
                  : `Facts ${edge.factIds.join(', ')}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {model.nodes.some((node) => node.level) && (
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
