import { installTestScopes } from '../support/test-scope.ts';

// Every test file: temporary folders and services a test registers are removed when it ends.
installTestScopes();
