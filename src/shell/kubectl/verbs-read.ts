// Placeholder until the verbs land.
import type { KubectlVerb } from './verb.js';

/** kubectl verbs of this group. */
export const READ_VERBS: KubectlVerb[] = [];
