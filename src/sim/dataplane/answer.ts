// What the server of a finished connection says to a request: a pod's container answers as its
// image does (the catalogue's apps), a node's daemons as those daemons do — the kubelet and the
// control plane speak only TLS, so plain HTTP gets their 400 page; sshd sends its banner.
import type { SimState } from '../state.js';
import type { Pod } from '../types.js';
import { getStored } from '../api-server/store.js';
import { NODE_KERNEL_BUILD, type AppAnswer, type AppRequest } from '../node/catalogue.js';
import { answerFor } from '../node/process.js';
import { tlsOnlyAnswer } from '../node/app-answers.js';
import type { ConnectResult } from './types.js';

/** Asks the server that accepted a connection; `refused` when there is none. */
export function serverAnswer(state: SimState, result: ConnectResult, request: { http?: { method: string; path: string; headers: [string, string][] } }): AppAnswer {
  const s = result.server;
  if (result.outcome !== 'connected' || !s) return { kind: 'refused' };
  const from = result.seenFrom ?? result.from;
  const base: Omit<AppRequest, 'image' | 'argv' | 'env'> = {
    protocol: 'TCP', port: s.port, now: state.now, kernelBuild: NODE_KERNEL_BUILD, client: { ip: from.ip, port: from.port },
    pod: { name: s.pod ?? s.node, namespace: s.namespace ?? '', ip: s.ip, node: s.node },
  };
  if (request.http) base.http = request.http;
  const pod = s.pod && s.namespace ? getStored<Pod>(state, 'pods', `${s.namespace}/${s.pod}`) : undefined;
  const container = pod?.spec.containers.find((c) => c.name === s.container);
  if (pod && container) return answerFor(container, { ...base, image: container.image ?? '', argv: [], env: {} });
  return tlsOnlyAnswer({ ...base, image: '', argv: [], env: {} });
}
