// The kube-proxy addon as `kubeadm init` installs it (cmd/kubeadm/app/phases/addons/proxy):
// the `kube-proxy` ConfigMap holding a KubeProxyConfiguration (mode, clusterCIDR, logging
// verbosity) and the DaemonSet that runs kube-proxy with --config on every node.
import type { ClusterConfig } from '../config.js';
import type { ConfigMap, DaemonSet } from '../types.js';
import { CONTROL_PLANE_IMAGES } from './static-pods.js';

/** The config.conf text kubeadm writes (the KubeProxyConfiguration with kubeadm's choices filled in). */
export function kubeProxyConfigText(c: ClusterConfig): string {
  const mode = c.proxyMode === 'iptables' ? '""' : c.proxyMode;
  return [
    'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
    'bindAddress: 0.0.0.0',
    'bindAddressHardFail: false',
    'clientConnection:',
    '  acceptContentTypes: ""',
    '  burst: 0',
    '  contentType: ""',
    '  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf',
    '  qps: 0',
    `clusterCIDR: ${c.podCIDR}`,
    'configSyncPeriod: 0s',
    'conntrack:',
    '  maxPerCore: null',
    '  min: null',
    '  tcpBeLiberal: false',
    '  tcpCloseWaitTimeout: null',
    '  tcpEstablishedTimeout: null',
    '  udpStreamTimeout: 0s',
    '  udpTimeout: 0s',
    'detectLocal:',
    '  bridgeInterface: ""',
    '  interfaceNamePrefix: ""',
    'detectLocalMode: ""',
    'enableProfiling: false',
    'healthzBindAddress: ""',
    'hostnameOverride: ""',
    'iptables:',
    '  localhostNodePorts: null',
    '  masqueradeAll: false',
    '  masqueradeBit: null',
    '  minSyncPeriod: 0s',
    '  syncPeriod: 0s',
    'ipvs:',
    '  excludeCIDRs: null',
    '  minSyncPeriod: 0s',
    '  scheduler: ""',
    '  strictARP: false',
    '  syncPeriod: 0s',
    '  tcpFinTimeout: 0s',
    '  tcpTimeout: 0s',
    '  udpTimeout: 0s',
    'kind: KubeProxyConfiguration',
    'logging:',
    '  flushFrequency: 0',
    '  options:',
    '    json:',
    '      infoBufferSize: "0"',
    '    text:',
    '      infoBufferSize: "0"',
    `  verbosity: ${c.proxyVerbosity}`,
    'metricsBindAddress: ""',
    `mode: ${mode}`,
    'nftables:',
    '  masqueradeAll: false',
    '  masqueradeBit: null',
    '  minSyncPeriod: 0s',
    '  syncPeriod: 0s',
    'nodePortAddresses: null',
    'oomScoreAdj: null',
    'portRange: ""',
    'showHiddenMetricsForPlatform: ""',
    'winkernel:',
    '  enableDSR: false',
    '  forwardHealthCheckVip: false',
    '  networkName: ""',
    '  rootHnsEndpointName: ""',
    '  sourceVip: ""',
    '',
  ].join('\n');
}

/** Reads mode and verbosity back from a kube-proxy ConfigMap's config.conf (what kube-proxy does at start). */
export function readKubeProxyConfig(cm: ConfigMap | undefined): { mode: string; verbosity: number; clusterCIDR: string } {
  const text = cm?.data?.['config.conf'] ?? '';
  const field = (re: RegExp): string => re.exec(text)?.[1]?.trim() ?? '';
  const mode = field(/^mode:(.*)$/m).replace(/^"(.*)"$/, '$1');
  const verbosity = Number(field(/^ {2}verbosity:(.*)$/m) || '0');
  return { mode: mode || 'iptables', verbosity: Number.isFinite(verbosity) ? verbosity : 0, clusterCIDR: field(/^clusterCIDR:(.*)$/m) };
}

/** The kube-proxy ConfigMap in kube-system. */
export function kubeProxyConfigMap(c: ClusterConfig, apiServerIP: string): ConfigMap {
  const kubeconfig = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    '    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt',
    `    server: https://${apiServerIP}:6443`,
    '  name: default',
    'contexts:',
    '- context:',
    '    cluster: default',
    '    namespace: default',
    '    user: default',
    '  name: default',
    'current-context: default',
    'users:',
    '- name: default',
    '  user:',
    '    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token',
    '',
  ].join('\n');
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } },
    data: { 'config.conf': kubeProxyConfigText(c), 'kubeconfig.conf': kubeconfig },
  };
}

/** The kube-proxy DaemonSet: host network, every node, tolerating every taint. */
export function kubeProxyDaemonSet(): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-proxy' } },
        spec: {
          priorityClassName: 'system-node-critical',
          hostNetwork: true,
          serviceAccountName: 'kube-proxy',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ operator: 'Exists' }],
          containers: [{
            name: 'kube-proxy',
            image: CONTROL_PLANE_IMAGES.proxy,
            command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
            env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
            securityContext: { privileged: true },
          }],
        },
      },
    },
  };
}
