import type { JsonPath } from './json-source.ts';
import type { EntityType } from './schema.ts';
import { closestMatch } from './suggest.ts';
import type { FactFile, KnownIds } from './validate-context.ts';
import { normalise, type Reporter } from './validate-context.ts';

export const diseaseTypes: readonly EntityType[] = ['disease', 'animal-model'];

/** Entity references, with type checks where a place needs a particular kind of entity. */
export class EntityRefs {
  readonly #known: KnownIds;
  readonly #reporter: Reporter;

  constructor(known: KnownIds, reporter: Reporter) {
    this.#known = known;
    this.#reporter = reporter;
  }

  require(
    file: FactFile | 'pathways.json',
    path: JsonPath,
    id: string,
    types?: readonly EntityType[],
  ): void {
    const entities = this.#known.entities;
    if (!entities) return;
    const entity = entities.get(id);
    if (!entity) {
      const byName = this.#known.entityNames?.get(normalise(id));
      const candidates = types
        ? [...entities].filter(([, e]) => types.includes(e.type as EntityType)).map(([k]) => k)
        : [...entities.keys()];
      this.#reporter.requireId(
        file,
        path,
        id,
        entities,
        types ? `${types.join(' or ')} entity` : 'entity',
        { hint: byName ?? closestMatch(id, candidates) ?? '' },
      );
      return;
    }
    if (types && !types.includes(entity.type as EntityType)) {
      this.#reporter.report(
        file,
        path,
        'wrong-entity-type',
        `"${id}" is an entity of type "${String(entity.type)}"; this place needs ${types.map((t) => `"${t}"`).join(' or ')}`,
      );
    }
  }
}
