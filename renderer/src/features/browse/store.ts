import { create } from 'zustand';
import type {
  BrowseAct,
  BrowseDetail,
  BrowseFiltersRequest,
  BrowseList,
} from '../../../../shared/contract/browse.ts';
import type { QueuedCard } from '../../../../shared/contract/review.ts';
import { api } from '../../api.ts';
import { onStudyPackChanged } from '../../stores/learner-data.ts';

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export type Filters = Required<BrowseFiltersRequest>;

export const initialFilters: Filters = {
  text: '',
  topic: null,
  pathway: null,
  kind: null,
  state: null,
  flag: null,
  due: 'any',
  difficulty: 'any',
  sort: 'text',
  descending: false,
};

/** A "Study these" session: the selected cards in turn, answered as in Flashcards. */
export interface StudySession {
  readonly cards: readonly QueuedCard[];
  readonly position: number;
  readonly answered: number;
}

interface BrowseState {
  readonly filters: Filters;
  readonly list: BrowseList | undefined;
  /** When the list was read: what its due dates are shown against. */
  readonly loadedAt: number;
  readonly error: string | undefined;
  /** Bumped by every query, so an older answer arriving late is dropped. */
  readonly request: number;
  readonly selected: ReadonlySet<string>;
  /** The row the keyboard is on (and the detail pane shows). */
  readonly activeId: string | undefined;
  readonly detail: BrowseDetail | undefined;
  /** What the last action did, for the live region. */
  readonly status: string;
  readonly session: StudySession | undefined;
  readonly setFilters: (change: Partial<Filters>) => void;
  readonly load: () => Promise<void>;
  readonly setActive: (id: string | undefined) => void;
  readonly toggle: (id: string) => void;
  readonly selectOnly: (ids: readonly string[]) => void;
  readonly act: (action: ActRequest) => Promise<void>;
  readonly study: () => Promise<void>;
  readonly advance: () => void;
  readonly endSession: () => void;
}

export type ActRequest =
  | { readonly action: Exclude<BrowseAct['action'], 'flag'> }
  | { readonly action: 'flag'; readonly flag: Extract<BrowseAct, { action: 'flag' }>['flag'] };

const pastTense: Record<BrowseAct['action'], string> = {
  suspend: 'Suspended',
  unsuspend: 'Unsuspended',
  bury: 'Buried until tomorrow',
  flag: 'Flagged',
  unflag: 'Unflagged',
  forget: 'Forgot',
};

export const useBrowse = create<BrowseState>()((set, get) => ({
  filters: initialFilters,
  list: undefined,
  loadedAt: 0,
  error: undefined,
  request: 0,
  selected: new Set(),
  activeId: undefined,
  detail: undefined,
  status: '',
  session: undefined,
  setFilters: (change) => {
    set({ filters: { ...get().filters, ...change } });
    void get().load();
  },
  load: async () => {
    const request = get().request + 1;
    set({ request });
    try {
      const list = await api.browse.list(get().filters);
      if (get().request !== request) return;
      const ids = new Set(list.rows.map((row) => row.id));
      const { activeId, selected } = get();
      set({
        list,
        loadedAt: Date.now(),
        error: undefined,
        selected: new Set([...selected].filter((id) => ids.has(id))),
        activeId: activeId !== undefined && ids.has(activeId) ? activeId : list.rows[0]?.id,
      });
      await loadDetail(get().activeId);
    } catch (error) {
      if (get().request === request) set({ error: messageOf(error) });
    }
  },
  setActive: (id) => {
    if (id === get().activeId) return;
    set({ activeId: id });
    void loadDetail(id);
  },
  toggle: (id) => {
    const selected = new Set(get().selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    set({ selected });
  },
  selectOnly: (ids) => set({ selected: new Set(ids) }),
  act: async (request) => {
    const cardIds = targetCards(get());
    if (cardIds.length === 0) {
      set({ status: 'Select one or more cards first (quiz items take no card actions).' });
      return;
    }
    try {
      const { changed } = await api.browse.act({ ...request, cardIds });
      const noun = changed === 1 ? 'card' : 'cards';
      set({ status: `${pastTense[request.action]}: ${changed} ${noun}.` });
      await get().load();
    } catch (error) {
      set({ status: messageOf(error) });
    }
  },
  study: async () => {
    const cardIds = targetCards(get());
    try {
      const { cards } = await api.browse.study({ cardIds });
      if (cards.length === 0) {
        set({ status: 'None of these cards can be studied now (suspended, buried or reported).' });
        return;
      }
      set({ session: { cards, position: 0, answered: 0 } });
    } catch (error) {
      set({ status: messageOf(error) });
    }
  },
  advance: () => {
    const session = get().session;
    if (session) {
      set({
        session: { ...session, position: session.position + 1, answered: session.answered + 1 },
      });
    }
  },
  endSession: () => {
    set({ session: undefined });
    void get().load();
  },
}));

/** The selected cards, or the active row when nothing is selected; quiz items left out. */
function targetCards(state: BrowseState): string[] {
  const rows = state.list?.rows ?? [];
  const cards = new Set(rows.filter((row) => row.itemType === 'card').map((row) => row.id));
  const chosen = state.selected.size > 0 ? [...state.selected] : [state.activeId ?? ''];
  return chosen.filter((id) => cards.has(id));
}

async function loadDetail(id: string | undefined): Promise<void> {
  if (id === undefined) {
    useBrowse.setState({ detail: undefined });
    return;
  }
  try {
    const detail = await api.browse.detail({ id });
    if (useBrowse.getState().activeId === id) useBrowse.setState({ detail });
  } catch (error) {
    useBrowse.setState({ status: messageOf(error) });
  }
}

// What this store holds is the pack studied: forgotten when another is chosen.
onStudyPackChanged(() => useBrowse.setState(useBrowse.getInitialState(), true));
