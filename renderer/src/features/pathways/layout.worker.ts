// ELK's worker build: in a worker scope it answers elk-api's messages on `self` by itself.
// Only a learner pack without layout.json ever starts this worker (see compute-layout.ts).
import 'elkjs/lib/elk-worker.min.js';
