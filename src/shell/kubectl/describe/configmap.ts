// kubectl describe configmap (kubectl pkg/describe/describe.go ConfigMapDescriber): metadata, each
// data key under a `----` rule with its value as written, the binary keys with their sizes, events.
import type { SimState } from '../../../sim/state.js';
import type { ConfigMap } from '../../../sim/types.js';
import { annotationLines, finish, labelLines } from './common.js';

/** binaryData holds base64 text; kubectl counts the decoded bytes. */
function decodedLength(base64: string): number {
  const text = base64.replace(/\s/g, '');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

/** The describe text of a ConfigMap (keys in byte order; a value's own newlines print as they are). */
export function describeConfigMap(state: SimState, cm: ConfigMap): string {
  const lines = [`Name:\t${cm.metadata.name}`, `Namespace:\t${cm.metadata.namespace}`, ...labelLines('Labels', cm.metadata.labels), ...annotationLines(cm.metadata.annotations)];
  lines.push('', 'Data', '====');
  const data = cm.data ?? {};
  for (const k of Object.keys(data).sort()) lines.push(`${k}:`, '----', data[k]!, '');
  lines.push('', 'BinaryData', '====');
  const binary = (cm['binaryData'] ?? {}) as Record<string, string>;
  for (const k of Object.keys(binary).sort()) lines.push(`${k}: ${decodedLength(binary[k]!)} bytes`);
  lines.push('');
  return finish(state, cm, lines);
}
