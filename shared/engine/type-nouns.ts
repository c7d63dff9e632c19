import type { Entity } from '../pack/schema.ts';
import { classOf } from './pack-index.ts';

/** What sort of thing an entity is, as a question says it: "which disease", "which cells". */
export function kindOf(entity: Pick<Entity, 'type'>): string {
  switch (classOf(entity.type)) {
    case 'disease':
      return 'disease';
    case 'cell':
      return 'cells';
    case 'process':
      return 'process';
    case 'compartment':
      return 'tissues';
    case 'measure':
      return 'measure';
    case 'animal-model':
      return 'model';
    case 'drug':
      return 'drug';
    case 'species':
      return 'species';
    case 'category':
      return 'category';
    case 'microbial-product':
      return 'microbial product';
    case 'molecule':
      return typeNoun(entity.type);
  }
}

/** The noun for a molecule type: "the chemokine _____", "which microRNA". */
export function typeNoun(type: Entity['type']): string {
  switch (type) {
    case 'mirna':
      return 'microRNA';
    case 'transcription-factor':
      return 'transcription factor';
    case 'lipid-mediator':
      return 'lipid mediator';
    case 'pathway':
      return 'signalling pathway';
    default:
      return type.replace(/-/g, ' ');
  }
}
