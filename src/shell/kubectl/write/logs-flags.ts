// The flags of `kubectl logs` (kubectl pkg/cmd/logs/logs.go AddFlags), with kubectl's help texts.
import type { FlagSpec } from '../flags.js';

/** Every flag `kubectl logs` registers that the lab honours. */
export const LOGS_FLAGS: FlagSpec[] = [
  { long: 'all-containers', type: 'bool', help: "Get all containers' logs in the pod(s)." },
  { long: 'follow', short: 'f', type: 'bool', help: 'Specify if the logs should be streamed.' },
  { long: 'timestamps', type: 'bool', help: 'Include timestamps on each line in the log output' },
  { long: 'previous', short: 'p', type: 'bool', help: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
  { long: 'tail', type: 'int', default: -1, help: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
  { long: 'since', type: 'string', default: '0s', help: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
  { long: 'container', short: 'c', type: 'string', help: 'Print the logs of this container' },
  { long: 'selector', short: 'l', type: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
  { long: 'prefix', type: 'bool', help: 'Prefix each log line with the log source (pod name and container name)' },
];
