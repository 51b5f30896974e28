// The kubectl verbs that change the cluster (kubectl pkg/cmd: apply, create, delete, expose, run,
// scale, label, annotate, patch, set, rollout, wait, logs, exec, edit, replace), each in write/.
import type { KubectlVerb } from './verb.js';
import { APPLY_VERB } from './write/apply.js';
import { DELETE_VERB } from './write/delete.js';
import { CREATE_VERB } from './write/create.js';
import { ANNOTATE_VERB, LABEL_VERB } from './write/label.js';
import { PATCH_VERB, SCALE_VERB } from './write/scale.js';
import { EXPOSE_VERB } from './write/expose.js';
import { RUN_VERB } from './write/run.js';
import { EXEC_VERB } from './write/exec.js';
import { ROLLOUT_VERB } from './write/rollout.js';
import { SET_VERB } from './write/set-image.js';
import { WAIT_VERB } from './write/wait.js';
import { LOGS_VERB } from './write/logs.js';
import { EDIT_VERB, REPLACE_VERB } from './write/replace.js';

/** kubectl verbs of this group. */
export const WRITE_VERBS: KubectlVerb[] = [CREATE_VERB, APPLY_VERB, DELETE_VERB, SCALE_VERB, LABEL_VERB, ANNOTATE_VERB, PATCH_VERB, EXPOSE_VERB, RUN_VERB, EXEC_VERB, ROLLOUT_VERB, SET_VERB, WAIT_VERB, LOGS_VERB, EDIT_VERB, REPLACE_VERB];
