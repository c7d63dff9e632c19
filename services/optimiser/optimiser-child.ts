import { loadFsrsNative, type FsrsBindingItem, type FsrsNative } from './binding.ts';
import {
  buildTrainingSet,
  type LoggedReview,
  type TrainingItem,
} from '../../shared/engine/optimiser-items.ts';
import type { ChildMessage, OptimiseRequest, ReviewColumns } from './protocol.ts';
import type { RelayPort } from './relay-protocol.ts';

// The optimiser's own process (started by optimiser-process.ts): fsrs-rs aborts the whole process
// on an item it cannot train on, so it never runs inside the services. One request, one answer,
// then the process ends. Forked by Node it talks over process.send; as Electron's utility process
// (started by the main process, relay-main.ts) over the port main hands it first.

interface Transport {
  onRequest(listener: (request: OptimiseRequest) => void): void;
  send(message: ChildMessage): void;
  /** The answer is sent: let the process end. */
  end(): void;
}

function forkTransport(): Transport {
  return {
    onRequest: (listener) => process.once('message', listener),
    send: (message) => process.send?.(message),
    end: () => process.disconnect(),
  };
}

/** Electron's `process.parentPort` in a utility process, as this entry uses it. */
interface ParentPortLike {
  once(event: 'message', listener: (event: { readonly ports: RelayPort[] }) => void): unknown;
}

function utilityTransport(parentPort: ParentPortLike): Transport {
  let port: RelayPort | undefined;
  return {
    onRequest: (listener) =>
      parentPort.once('message', (event) => {
        port = event.ports[0];
        port?.on('message', (message) => listener(message.data as OptimiseRequest));
        port?.start();
      }),
    send: (message) => port?.postMessage(message),
    // Closing its end tells the services the answer is complete; with no listener left the
    // process ends (and the services have main kill it should it linger).
    end: () => port?.close(),
  };
}

const parentPort = Reflect.get(process, 'parentPort') as ParentPortLike | undefined;
const transport = parentPort ? utilityTransport(parentPort) : forkTransport();

transport.onRequest((request) => {
  optimise(request).then(
    (answer) => {
      transport.send(answer);
      transport.end();
    },
    (error: unknown) => {
      transport.send({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
      transport.end();
    },
  );
});

async function optimise(request: OptimiseRequest): Promise<ChildMessage> {
  const set = buildTrainingSet(rowsOf(request.reviews));
  const used = {
    reviewsUsed: set.reviewsUsed,
    cardsUsed: set.cardsUsed,
    cardsDropped: set.cardsDropped,
  };
  if (set.reviewsUsed < request.minimumReviews) return { type: 'too-little', used };
  const native = loadFsrsNative();
  const { FSRSBinding, computeParameters, evaluateWithTimeSeriesSplits } = native;
  const items = set.items.map((item) => toBindingItem(native, item));
  const progress =
    (stage: 'fitting' | 'evaluating') =>
    (done: number, total: number): void =>
      transport.send({ type: 'progress', stage, share: total > 0 ? Math.min(1, done / total) : 0 });
  const weights = await computeParameters(items, {
    enableShortTerm: true,
    progress: progress('fitting'),
  });
  // The fitted weights' figures come from a time-series split: each part is predicted by weights
  // fitted only on the reviews before it. The weights in use were fitted on none of these
  // reviews, so every review is a fair test of them.
  const fitted = await evaluateWithTimeSeriesSplits(items, {
    enableShortTerm: true,
    progress: progress('evaluating'),
  });
  const current = new FSRSBinding([...request.currentWeights]).evaluate(items);
  return {
    type: 'result',
    used,
    weights,
    current: { logLoss: current.logLoss, rmse: current.rmseBins },
    fitted: { logLoss: fitted.logLoss, rmse: fitted.rmseBins },
  };
}

function* rowsOf(columns: ReviewColumns): Generator<LoggedReview> {
  for (let row = 0; row < columns.card.length; row++) {
    const rating = columns.rating[row];
    if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4) {
      throw new Error(`review ${row} has no rating from 1 to 4`);
    }
    yield {
      card: columns.card[row] ?? 0,
      rating,
      day: columns.day[row] ?? 0,
      occurredAt: columns.occurredAt[row] ?? 0,
    };
  }
}

function toBindingItem(native: FsrsNative, item: TrainingItem): FsrsBindingItem {
  return new native.FSRSBindingItem(
    item.reviews.map((review) => new native.FSRSBindingReview(review.rating, review.deltaT)),
  );
}
