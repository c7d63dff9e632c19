// TEST-ONLY child: the optimiser's native code given, unfiltered, a card history with no review at
// a positive interval, which makes fsrs-rs panic and abort the whole process (SIGABRT). Started by
// optimiser-process.test.ts through the same runner the services use.
import { loadFsrsNative } from '../../services/optimiser/binding.ts';

const { FSRSBindingItem, FSRSBindingReview, computeParameters } = loadFsrsNative();

process.once('message', () => {
  const sameDayOnly = new FSRSBindingItem([
    new FSRSBindingReview(3, 0),
    new FSRSBindingReview(3, 0),
  ]);
  void computeParameters([sameDayOnly], { enableShortTerm: true });
});
