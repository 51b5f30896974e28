// The kubectl verbs that read the cluster.
import type { KubectlVerb } from './verb.js';
import { GET_VERB } from './get/get.js';
import { EXPLAIN_VERB } from './explain/explain.js';
import { DESCRIBE_VERB } from './describe/describe.js';
import { INFO_VERBS } from './info.js';

/** kubectl verbs of this group. */
export const READ_VERBS: KubectlVerb[] = [GET_VERB, DESCRIBE_VERB, EXPLAIN_VERB, ...INFO_VERBS];
