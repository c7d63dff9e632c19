import { describe, expect, it } from 'vitest';
import { asRelation } from '../../shared/engine/claims.ts';
import {
  isRelationId,
  relationDef,
  relationIds,
  relations,
  type RelationDef,
} from '../../shared/pack/relations.ts';

describe('relation vocabulary', () => {
  it('reads every relation through relationDef exactly as the table states it', () => {
    for (const id of relationIds) {
      const stated = Object.entries(relations[id]);
      const read = Object.entries(relationDef(id)).filter(([, value]) => value !== undefined);
      expect(Object.fromEntries(read), id).toEqual(Object.fromEntries(stated));
    }
  });

  it('takes no inherited name for a relation', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(isRelationId(name), name).toBe(false);
      expect(() => asRelation(name)).toThrow(`unknown relation "${name}"`);
    }
    expect(isRelationId('is-a')).toBe(true);
  });

  it('gives every opposite as a declared relation of the other polarity', () => {
    for (const [id, def] of Object.entries(relations) as [string, RelationDef][]) {
      if (!def.opposite) continue;
      expect(relationIds, `${id}.opposite`).toContain(def.opposite);
      const opposite = relations[def.opposite as keyof typeof relations] as RelationDef;
      expect(opposite.polarity, `${id} vs ${def.opposite}`).not.toBe(def.polarity);
    }
  });

  it('gives every level status, denial and isoform tie a family or an entity object to hold it', () => {
    for (const [id, def] of Object.entries(relations) as [string, RelationDef][]) {
      if (def.levelStatus) expect(def.family, id).toBe('level');
      if (def.negates) expect(def.family, id).toBeDefined();
      if (def.isoform) expect(def.objectKind, id).toBe('entity');
    }
    const statuses = Object.values(relations as Record<string, RelationDef>).flatMap((d) =>
      d.levelStatus ? [d.levelStatus] : [],
    );
    expect(statuses.sort()).toEqual(['no-difference', 'raised', 'reduced']);
  });
});
