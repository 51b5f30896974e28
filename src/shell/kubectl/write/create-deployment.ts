// `kubectl create deployment` (kubectl pkg/cmd/create/create_deployment.go): labels and selector
// app=<name>, one container per --image named after the image (sanitizeAndUniquify), --port,
// --replicas and a command after `--`; errors wrapped as `failed to create deployment: ...`.
import { randString } from '../../../sim/rng.js';
import type { Deployment } from '../../../sim/types.js';
import { int, list } from '../flags.js';
import type { KubectlContext, KubectlVerb } from '../verb.js';
import { fail } from './common.js';
import { nameArg, submitGenerated } from './submit.js';
import { helpFor, WRITE_FLAGS } from './verb-base.js';

/** The container name kubectl derives from an image reference: last path part, no tag or digest. */
export function containerNameFor(k: KubectlContext, image: string): string {
  let name = image.split('/').pop()!.split(':')[0]!.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${randString(k.sim.rng, 5)}`;
  return name;
}

/** The Deployment `kubectl create deployment` sends. */
export function buildDeployment(k: KubectlContext, name: string, images: string[], command: string[]): Deployment {
  const labels = { app: name };
  const containers = images.map((image) => ({ name: containerNameFor(k, image), image, ...(command.length ? { command } : {}), resources: {} }));
  const port = int(k.flags, 'port') ?? -1;
  if (port >= 0 && containers[0]) Object.assign(containers[0], { ports: [{ containerPort: port }] });
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { creationTimestamp: null, labels, name } as unknown as Deployment['metadata'],
    spec: {
      replicas: int(k.flags, 'replicas') ?? 1, selector: { matchLabels: { ...labels } }, strategy: {},
      template: { metadata: { creationTimestamp: null, labels: { ...labels } } as never, spec: { containers } as never },
    } as unknown as Deployment['spec'],
    status: {},
  } as Deployment;
}

function runCreateDeployment(k: KubectlContext): number {
  const name = nameArg(k);
  if (typeof name === 'number') return name;
  const images = list(k.flags, 'image').flatMap((i) => i.split(','));
  if (!k.flags.set.has('image')) return fail(k, 'required flag(s) "image" not set');
  const command = k.flags.dashArgs ?? [];
  if (images.length > 1 && command.length > 0) return fail(k, 'cannot specify multiple --image options and command');
  return submitGenerated(k, buildDeployment(k, name, images, command), { wrap: 'deployment' });
}

/** `kubectl create deployment`. */
export const CREATE_DEPLOYMENT_VERB: KubectlVerb = {
  ...helpFor('create deployment'),
  aliases: ['deploy'],
  flags: [
    { long: 'image', type: 'stringArray', help: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { long: 'port', type: 'int', default: -1, help: 'The containerPort that this deployment exposes.' },
    { long: 'replicas', short: 'r', type: 'int', default: 1, help: 'Number of replicas to create. Default is 1.' },
    { long: 'save-config', type: 'bool', help: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    ...WRITE_FLAGS,
  ],
  run: runCreateDeployment,
};
