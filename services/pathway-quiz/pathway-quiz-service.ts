import { ContractError } from '../../shared/contract/errors.ts';
import type {
  PathwayNameNodeRequest,
  PathwayNameNodeResponse,
} from '../../shared/contract/pathway.ts';
import { namesMatch } from '../../shared/engine/node-names.ts';
import { studyDayOf } from '../../shared/engine/study-day.ts';
import type { ReviewService } from '../review/review-service.ts';
import { insertQuizAnswer, insertQuizSession, quizSessionById } from '../storage/quiz-rows.ts';
import type { Storage } from '../storage/storage.ts';
import { namingItemId, namingKind, namingMode } from './naming-rows.ts';

/**
 * Records Quiz me's "Name the nodes" attempts. The name is graded here, against the pack the
 * backend holds, with the same matching rules the screen uses for its feedback. Attempts do not
 * touch the flashcard schedule: naming a node does not test each fact on its links.
 */
export class PathwayQuizService {
  readonly #storage: Storage;
  readonly #review: ReviewService;
  readonly #now: () => Date;

  constructor(storage: Storage, review: ReviewService, now: () => Date) {
    this.#storage = storage;
    this.#review = review;
    this.#now = now;
  }

  nameNode(request: PathwayNameNodeRequest): PathwayNameNodeResponse {
    const pack = this.#review.catalog.pack;
    const pathway = pack?.pathways.find((p) => p.id === request.pathwayId);
    if (!pack || !pathway)
      throw new ContractError('not-found', `There is no pathway "${request.pathwayId}".`);
    const node = pathway.nodes.find((n) => n.id === request.nodeId);
    if (!node) {
      throw new ContractError(
        'not-found',
        `Pathway ${pathway.id} has no node "${request.nodeId}".`,
      );
    }
    const entity = pack.entities.find((e) => e.id === node.entity);
    const correct =
      !request.revealed &&
      namesMatch(request.answer, {
        name: entity?.name ?? node.label ?? node.id,
        aliases: entity?.aliases ?? [],
        ...(node.label ? { label: node.label } : {}),
      });
    const answeredAt = this.#now().getTime();
    return this.#review.transact(() => {
      const sessionId = this.#session(request.sessionId, pathway.id, answeredAt);
      const answerId = this.#review.newId();
      insertQuizAnswer(this.#storage, {
        id: answerId,
        sessionId,
        packId: this.#storage.packId,
        itemId: namingItemId(pathway.id, node.id),
        kind: namingKind,
        factIds: [],
        topic: namingMode(pathway.id),
        correct,
        response: JSON.stringify(
          request.revealed ? { revealed: true } : { answer: request.answer.trim() },
        ),
        durationMs: 0,
        answeredAt,
        studyDay: studyDayOf(answeredAt),
      });
      return { sessionId, answerId, correct };
    });
  }

  /** The open Quiz me session of this pathway named by the screen, or a new one. */
  #session(sessionId: string | undefined, pathwayId: string, at: number): string {
    if (sessionId !== undefined) {
      const session = quizSessionById(this.#storage, sessionId);
      if (
        !session ||
        session.mode !== namingMode(pathwayId) ||
        session.packId !== this.#storage.packId
      ) {
        throw new ContractError(
          'not-found',
          `There is no Quiz me session "${sessionId}" for ${pathwayId}.`,
        );
      }
      return session.id;
    }
    const id = this.#review.newId();
    insertQuizSession(this.#storage, {
      id,
      deviceId: this.#storage.deviceId,
      packId: this.#storage.packId,
      mode: namingMode(pathwayId),
      config: JSON.stringify({ pathwayId, quiz: 'name-the-nodes' }),
      startedAt: at,
      finishedAt: null,
      scoreCorrect: null,
      scoreTotal: null,
      scoreByTopic: null,
    });
    return id;
  }
}
