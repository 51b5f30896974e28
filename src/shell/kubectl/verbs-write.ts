// Placeholder until the verbs land.
import type { KubectlVerb } from './verb.js';

/** kubectl verbs of this group. */
export const WRITE_VERBS: KubectlVerb[] = [];
