import { signWordIn } from '../pack/edge-signs.ts';
import type { Pack, Pathway } from '../pack/schema.ts';
import { sectionById } from '../pack/sections.ts';
import { mentionsAny } from './normalize.ts';
import { formsOf, indexPack, type PackIndex } from './pack-index.ts';
import type { Bank, DiagramNodeItem, QuizItem } from './types.ts';

/**
 * Learner-facing names that give away what an item built from their pathway asks: a pathway or
 * figure title, a figure caption or a node label that names the direction of a link ("brakes
 * on…", "X activates Y") while items ask the signs of its links, or names the entity a
 * hidden-node item hides. Warnings for the author (`pack:check`), never errors: the engine
 * already shows such a pathway by its figure or source, but the Pathways screen shows its names.
 */
export interface Giveaway {
  readonly file: 'manifest.json' | 'pathways.json';
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Kinds whose answer is the direction of a link or of its effect. */
const signKinds: ReadonlySet<QuizItem['kind']> = new Set(['diagram-edge', 'perturbation']);

export function titleGiveaways(pack: Pack, bank: Bank): Giveaway[] {
  const index = indexPack(pack);
  return pack.pathways.flatMap((pathway, p) => {
    const items = bank.quiz.filter((item) => item.pathwayIds.includes(pathway.id));
    const signItems = items.filter((item) => signKinds.has(item.kind)).length;
    const hidden = items.filter((item): item is DiagramNodeItem => item.kind === 'diagram-node');
    return [
      ...namePlaces(pack, pathway, p).flatMap((place) => [
        ...signGiveaway(place, pathway, signItems),
        ...hiddenGiveaways(index, place, pathway, hidden),
      ]),
      ...labelGiveaways(index, pathway, p, signItems, hidden),
    ];
  });
}

interface NamePlace {
  readonly file: Giveaway['file'];
  readonly path: readonly (string | number)[];
  readonly what: string;
  readonly text: string;
  /** Whether a hidden-node item shows it whole (a title is shown with the answer redacted). */
  readonly shownWhole: boolean;
}

/** Where a pathway's names are written: its title, or its figure section's title and caption. */
function namePlaces(pack: Pack, pathway: Pathway, p: number): NamePlace[] {
  const section = sectionById(pack.manifest, pathway.figure);
  if (section === undefined) {
    return [
      {
        file: 'pathways.json',
        path: [p, 'title'],
        what: 'title',
        text: pathway.title,
        shownWhole: false,
      },
    ];
  }
  const s = pack.manifest.sections.indexOf(section);
  const places: NamePlace[] = [
    {
      file: 'manifest.json',
      path: ['sections', s, 'title'],
      what: `figure title (section "${section.id}")`,
      text: section.title,
      shownWhole: false,
    },
  ];
  if (section.caption !== undefined) {
    places.push({
      file: 'manifest.json',
      path: ['sections', s, 'caption'],
      what: `figure caption (section "${section.id}")`,
      text: section.caption,
      shownWhole: true,
    });
  }
  return places;
}

function signGiveaway(place: NamePlace, pathway: Pathway, signItems: number): Giveaway[] {
  const word = signWordIn(place.text);
  if (word === undefined || signItems === 0) return [];
  return [
    {
      file: place.file,
      path: place.path,
      message: `the ${place.what} of pathway ${pathway.id} says "${word}", which names the direction of a link, and ${plural(signItems, 'item')} built from the pathway ask those directions; name what the diagram shows, not which way its links go`,
    },
  ];
}

function hiddenGiveaways(
  index: PackIndex,
  place: NamePlace,
  pathway: Pathway,
  hidden: readonly DiagramNodeItem[],
): Giveaway[] {
  if (!place.shownWhole) return [];
  return hiddenEntities(pathway, hidden)
    .filter((entity) => mentionsAny(place.text, formsOf(index, entity)))
    .map((entity) => ({
      file: place.file,
      path: place.path,
      message: `the ${place.what} of pathway ${pathway.id} names ${index.entityById.get(entity)?.name ?? entity}, which a hidden-node item of the pathway asks learners to name`,
    }));
}

/** A node label that names a direction, or names the entity another node hides in an item. */
function labelGiveaways(
  index: PackIndex,
  pathway: Pathway,
  p: number,
  signItems: number,
  hidden: readonly DiagramNodeItem[],
): Giveaway[] {
  return pathway.nodes.flatMap((node, n) => {
    if (node.label === undefined) return [];
    const place = { file: 'pathways.json' as const, path: [p, 'nodes', n, 'label'] };
    const word = signWordIn(node.label);
    const signs =
      word !== undefined && signItems > 0 && !namesItsOwnAction(index, node.entity, word)
        ? [
            {
              ...place,
              message: `the label "${node.label}" of node ${node.id} in pathway ${pathway.id} says "${word}", and ${plural(signItems, 'item')} built from the pathway ask the directions of its links`,
            },
          ]
        : [];
    const named = hidden
      .filter((item) => item.hiddenNodeId !== node.id && item.visibleNodeIds.includes(node.id))
      .map((item) => pathway.nodes.find((other) => other.id === item.hiddenNodeId)?.entity)
      .filter((entity): entity is string => entity !== undefined && entity !== node.entity)
      .filter((entity) => mentionsAny(node.label ?? '', formsOf(index, entity)));
    return [
      ...signs,
      ...[...new Set(named)].map((entity) => ({
        ...place,
        message: `the label "${node.label}" of node ${node.id} in pathway ${pathway.id} names ${index.entityById.get(entity)?.name ?? entity}, which a hidden-node item shows beside it and asks learners to name`,
      })),
    ];
  });
}

/**
 * A direction word the entity's own name already carries ("TNF blockade" for the TNF blockers,
 * "Activation-induced T-cell death") names the thing, not a link an item asks.
 */
function namesItsOwnAction(index: PackIndex, entity: string, word: string): boolean {
  const stem = word.toLowerCase().slice(0, 5);
  return formsOf(index, entity).some(
    (form) => signWordIn(form)?.toLowerCase().slice(0, 5) === stem,
  );
}

function hiddenEntities(pathway: Pathway, hidden: readonly DiagramNodeItem[]): string[] {
  const entities = hidden
    .filter((item) => item.pathwayId === pathway.id)
    .map((item) => pathway.nodes.find((node) => node.id === item.hiddenNodeId)?.entity)
    .filter((entity): entity is string => entity !== undefined);
  return [...new Set(entities)];
}

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}
