// The flags of `kubectl run` (kubectl pkg/cmd/run/run.go addRunFlags), with kubectl's help texts.
import type { FlagSpec } from '../flags.js';
import { DRY_RUN_FLAG, OUTPUT_FLAG } from './common.js';

/** Every flag `kubectl run` registers that the lab honours. */
export const RUN_FLAGS: FlagSpec[] = [
  { long: 'annotations', type: 'stringArray', help: 'Annotations to apply to the pod.' },
  { long: 'image', type: 'string', help: 'The image for the container to run.' },
  { long: 'image-pull-policy', type: 'string', help: 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.' },
  { long: 'rm', type: 'bool', help: 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.' },
  { long: 'env', type: 'stringArray', help: 'Environment variables to set in the container.' },
  { long: 'port', type: 'string', help: 'The port that this container exposes.' },
  { long: 'labels', short: 'l', type: 'string', help: 'Comma separated labels to apply to the pod. Will override previous values.' },
  { long: 'stdin', short: 'i', type: 'bool', help: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
  { long: 'tty', short: 't', type: 'bool', help: 'Allocate a TTY for the container in the pod.' },
  { long: 'attach', type: 'bool', help: 'If true, wait for the Pod to start running, and then attach to the Pod as if \'kubectl attach ...\' were called.  Default false, unless \'-i/--stdin\' is set, in which case the default is true. With \'--restart=Never\' the exit code of the container process is returned.' },
  { long: 'leave-stdin-open', type: 'bool', help: 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.' },
  { long: 'restart', type: 'string', default: 'Always', help: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
  { long: 'command', type: 'bool', help: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
  { long: 'expose', type: 'bool', help: 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.' },
  { long: 'quiet', short: 'q', type: 'bool', help: 'If true, suppress prompt messages.' },
  { long: 'privileged', type: 'bool', help: 'If true, run the container in privileged mode.' },
  DRY_RUN_FLAG, OUTPUT_FLAG,
];
