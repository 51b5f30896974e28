// `kubectl create namespace` and `kubectl create configmap` (kubectl pkg/cmd/create/
// create_namespace.go, create_configmap.go): --from-literal and --from-file (files of the lab);
// both return the API server's error unwrapped for namespaces, wrapped for config maps.
import type { ConfigMap, Namespace } from '../../../sim/types.js';
import { list } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { readSource } from '../manifest-source.js';
import { fail } from './common.js';
import { nameArg, submitGenerated } from './submit.js';
import { helpFor, WRITE_FLAGS } from './verb-base.js';

function runCreateNamespace(k: KubectlContext): number {
  const name = nameArg(k);
  if (typeof name === 'number') return name;
  const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null, name }, spec: {}, status: {} } as unknown as Namespace;
  return submitGenerated(k, ns);
}

/** Adds the --from-literal and --from-file keys; an error text on a bad source or duplicate key. */
function fillData(k: KubectlContext, name: string, data: Record<string, string>): string | undefined {
  const add = (key: string, value: string): string | undefined => {
    if (key in data) return `cannot add key ${key}, another key by that name already exists in Data for ConfigMap "${name}"`;
    data[key] = value;
    return undefined;
  };
  for (const lit of list(k.flags, 'from-literal')) {
    const eq = lit.indexOf('=');
    if (eq <= 0) return `invalid literal source ${lit}, expected key=value`;
    const err = add(lit.slice(0, eq), lit.slice(eq + 1));
    if (err) return err;
  }
  for (const src of list(k.flags, 'from-file').flatMap((s) => s.split(','))) {
    const eq = src.indexOf('=');
    const path = eq >= 0 ? src.slice(eq + 1) : src;
    const entry = readSource(k, path);
    if (entry.type !== 'file') return `error reading ${path}: no such file or directory`;
    const err = add(eq >= 0 ? src.slice(0, eq) : path.split('/').pop()!, entry.text);
    if (err) return err;
  }
  return undefined;
}

function runCreateConfigMap(k: KubectlContext): number {
  const name = nameArg(k);
  if (typeof name === 'number') return name;
  const data: Record<string, string> = {};
  const err = fillData(k, name, data);
  if (err) return fail(k, err);
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { creationTimestamp: null, name }, ...(Object.keys(data).length ? { data } : {}) } as unknown as ConfigMap;
  return submitGenerated(k, cm, { wrap: 'configmap' });
}

const SAVE_CONFIG = { long: 'save-config', type: 'bool', help: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' } as const;

/** `kubectl create namespace`. */
export const CREATE_NAMESPACE_VERB: KubectlVerb = { ...helpFor('create namespace'), aliases: ['ns'], flags: [SAVE_CONFIG, ...WRITE_FLAGS], run: runCreateNamespace };

/** `kubectl create configmap`. */
export const CREATE_CONFIGMAP_VERB: KubectlVerb = {
  ...helpFor('create configmap'),
  aliases: ['cm'],
  flags: [
    { long: 'from-literal', type: 'stringArray', help: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
    { long: 'from-file', type: 'stringArray', help: 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.' },
    SAVE_CONFIG, ...WRITE_FLAGS,
  ],
  run: runCreateConfigMap,
};
