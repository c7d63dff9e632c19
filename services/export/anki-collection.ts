/**
 * The legacy Anki collection (schema 11: the `col` row holds the note types, decks and deck
 * options as JSON), which every Anki since 2.1 imports from a package's `collection.anki21`.
 * Field names and required keys follow Anki's own schema-11 readers (rslib: notetype, decks and
 * deckconfig `schema11.rs`); a missing required key makes Anki refuse the whole package.
 */

export const collectionSchemaSql = `
create table col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
  time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

/** The note type's fields, in order: Anki joins a note's values with U+001F. */
export const noteFields = ['Front', 'Back', 'Source', 'Pathwise id'] as const;

/** Anki's own "Default" deck and options group, which every collection has. */
export const defaultDeckId = 1;
const defaultConfigId = 1;

export interface DeckEntry {
  readonly id: number;
  /** The full name, levels joined with "::". */
  readonly name: string;
}

/**
 * A stable positive id from a name (FNV-1a, 40 bits, above Anki's small built-in ids), so the
 * same deck or note type gets the same id in every export and a second import updates the first.
 */
export function stableId(name: string): number {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(name)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return Number(hash % 2n ** 40n) + 2 ** 40;
}

const css = `.card { font-family: system-ui, sans-serif; font-size: 20px; text-align: left;
  color: black; background-color: white; line-height: 1.5; }
.nightMode .card, .card.night_mode { color: #eee; background-color: #1e1e1e; }
.source { font-size: 0.8em; opacity: 0.8; margin-top: 1em; }
.pathwise-id { display: none; }`;

function noteType(id: number, deckId: number, modSecs: number) {
  return {
    id,
    name: 'Pathwise card',
    type: 0,
    mod: modSecs,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: [
      {
        name: 'Card 1',
        ord: 0,
        qfmt: '{{Front}}',
        afmt: '{{FrontSide}}\n<hr id=answer>\n{{Back}}\n<div class="source">{{Source}}</div>',
        bqfmt: '',
        bafmt: '',
        did: null,
        bfont: '',
        bsize: 0,
      },
    ],
    flds: noteFields.map((name, ord) => ({
      name,
      ord,
      sticky: false,
      rtl: false,
      font: 'Arial',
      size: 20,
      media: [],
    })),
    css,
    latexPre: '',
    latexPost: '',
    latexsvg: false,
    req: [[0, 'any', [0]]],
    tags: [],
    vers: [],
  };
}

function deck(entry: DeckEntry, modSecs: number) {
  return {
    id: entry.id,
    name: entry.name,
    mod: modSecs,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: '',
    dyn: 0,
    conf: defaultConfigId,
    extendNew: 0,
    extendRev: 0,
  };
}

function deckOptions(modSecs: number, desiredRetention: number) {
  return {
    id: defaultConfigId,
    mod: modSecs,
    name: 'Default',
    usn: -1,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: {
      bury: false,
      delays: [1, 10],
      initialFactor: 2500,
      ints: [1, 4, 0],
      order: 1,
      perDay: 20,
    },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    desiredRetention,
  };
}

export interface CollectionRow {
  readonly crt: number;
  readonly mod: number;
  readonly conf: string;
  readonly models: string;
  readonly decks: string;
  readonly dconf: string;
}

/** The `col` row: one note type, the deck tree, the default options, scheduler v2. */
export function collectionRow(options: {
  readonly nowMs: number;
  /** The collection's creation time in seconds: review cards' due days count from it. */
  readonly crt: number;
  readonly noteTypeId: number;
  readonly decks: readonly DeckEntry[];
  readonly newCardCount: number;
  readonly desiredRetention: number;
}): CollectionRow {
  const modSecs = Math.floor(options.nowMs / 1000);
  const firstDeck = options.decks[0]?.id ?? defaultDeckId;
  const decks: Record<string, unknown> = {
    [defaultDeckId]: deck({ id: defaultDeckId, name: 'Default' }, modSecs),
  };
  for (const entry of options.decks) decks[entry.id] = deck(entry, modSecs);
  return {
    crt: options.crt,
    mod: options.nowMs,
    conf: JSON.stringify({
      schedVer: 2,
      rollover: 4,
      activeDecks: [firstDeck],
      curDeck: firstDeck,
      curModel: options.noteTypeId,
      nextPos: options.newCardCount + 1,
      newSpread: 0,
      collapseTime: 1200,
      timeLim: 0,
      estTimes: true,
      dueCounts: true,
      sortType: 'noteFld',
      sortBackwards: false,
      addToCur: true,
    }),
    models: JSON.stringify({
      [options.noteTypeId]: noteType(options.noteTypeId, firstDeck, modSecs),
    }),
    decks: JSON.stringify(decks),
    dconf: JSON.stringify({ [defaultConfigId]: deckOptions(modSecs, options.desiredRetention) }),
  };
}
