// ClusterIP and NodePort allocation as v1.34's apiserver does it: random picks from the dynamic
// (upper) band, explicit picks honoured, collisions and out-of-range picks refused with the real
// messages, addresses released on delete and on type changes.
//
// Addressing plan: service CIDR 10.96.0.0/12 (static band 10.96.0.1-10.96.1.0, dynamic above),
// NodePort range 30000-32767 (static band 30000-30085, dynamic 30086-32767).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newState } from '../../src/sim/cluster.js';
import { apiCreate, apiUpdate } from '../../src/sim/api-server/registry.js';
import { apiDelete } from '../../src/sim/api-server/delete.js';
import { fieldErrorText, isApiError, type ApiError } from '../../src/sim/api-server/errors.js';
import { clusterIPStaticBand } from '../../src/sim/api-server/ipallocator.js';
import { nodePortStaticBand } from '../../src/sim/api-server/portallocator.js';
import { ipToInt, parseCidr } from '../../src/sim/net.js';
import type { SimState } from '../../src/sim/state.js';
import type { Service } from '../../src/sim/types.js';

function lab(partial = {}): SimState {
  const state = newState(partial);
  for (const ns of ['default', 'dev']) apiCreate(state, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  return state;
}

function makeService(name: string, mutate: (s: Service) => void = () => undefined): Service {
  const s: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 80 }] } };
  mutate(s);
  return s;
}

function created(state: SimState, svc: Service): Service {
  const r = apiCreate(state, svc);
  if (isApiError(r)) assert.fail(r.message);
  return r;
}

function failed(r: Service | ApiError): ApiError {
  assert.ok(isApiError(r), 'expected an API error');
  return r;
}

test('the static bands: 256 addresses of a /12, 86 ports of 30000-32767', () => {
  assert.equal(clusterIPStaticBand(parseCidr('10.96.0.0/12')!), 256);
  assert.equal(clusterIPStaticBand(parseCidr('10.0.0.0/24')!), 16);
  assert.equal(clusterIPStaticBand(parseCidr('10.0.0.0/28')!), 0);
  assert.equal(nodePortStaticBand(2768), 86);
  assert.equal(nodePortStaticBand(100), 16);
  assert.equal(nodePortStaticBand(10), 0);
});

test('random ClusterIPs come from the dynamic band and are all different', () => {
  const state = lab();
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const ip = created(state, makeService(`s${i}`)).spec.clusterIP!;
    assert.ok(ipToInt(ip) >= ipToInt('10.96.1.1') && ipToInt(ip) <= ipToInt('10.111.255.254'), ip);
    seen.add(ip);
  }
  assert.equal(seen.size, 200);
});

test('a small service CIDR fills the dynamic band first, then the static band, then is full', () => {
  const state = lab({ serviceCIDR: '10.0.0.0/27' }); // 30 usable: static .1-.16, dynamic .17-.30
  const ips = Array.from({ length: 30 }, (_, i) => created(state, makeService(`s${i}`)).spec.clusterIP!);
  assert.deepEqual(ips.slice(0, 14).map((ip) => ipToInt(ip) - ipToInt('10.0.0.0')).sort((a, b) => a - b), Array.from({ length: 14 }, (_, i) => 17 + i));
  const err = failed(apiCreate(state, makeService('one-too-many')));
  assert.equal(err.reason, 'InternalError');
  assert.equal(err.message, 'Internal error occurred: failed to allocate a serviceIP: range is full');
});

const clusterIPErrors: [string, string, string][] = [
  ['already allocated', '10.96.0.10', 'spec.clusterIPs: Invalid value: ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated'],
  ['outside the range', '10.0.0.50', 'spec.clusterIPs: Invalid value: ["10.0.0.50"]: failed to allocate IP 10.0.0.50: the provided network does not match the current range'],
];
for (const [name, ip, cause] of clusterIPErrors) {
  test(`explicit clusterIP ${name}`, () => {
    const state = lab();
    created(state, makeService('kube-dns', (s) => { s.spec.clusterIP = '10.96.0.10'; }));
    const err = failed(apiCreate(state, makeService('web', (s) => { s.spec.clusterIP = ip; })));
    assert.equal(err.reason, 'Invalid');
    assert.deepEqual(err.details?.causes?.map(fieldErrorText), [cause]);
    assert.equal(err.message, `Service "web" is invalid: ${cause}`);
  });
}

test('an explicit clusterIP is honoured, also inside the static band', () => {
  const state = lab();
  assert.equal(created(state, makeService('web', (s) => { s.spec.clusterIP = '10.96.0.50'; })).spec.clusterIP, '10.96.0.50');
  assert.deepEqual(created(state, makeService('api', (s) => { s.spec.clusterIPs = ['10.100.0.7']; })).spec.clusterIPs, ['10.100.0.7']);
});

test('headless and ExternalName Services get no ClusterIP', () => {
  const state = lab();
  const headless = created(state, makeService('db', (s) => { s.spec.clusterIP = 'None'; }));
  assert.deepEqual([headless.spec.clusterIP, headless.spec.clusterIPs], ['None', ['None']]);
  const ext = created(state, makeService('ext', (s) => { s.spec = { type: 'ExternalName', externalName: 'db.example.com' }; }));
  assert.equal(ext.spec.clusterIP, undefined);
  assert.deepEqual(state.alloc.serviceIPs, {});
});

test('NodePorts: random from 30086-32767, explicit honoured, one per port, shared by 53/TCP and 53/UDP', () => {
  const state = lab();
  const web = created(state, makeService('web', (s) => { s.spec.type = 'NodePort'; }));
  assert.ok(web.spec.ports![0]!.nodePort! >= 30086 && web.spec.ports![0]!.nodePort! <= 32767);
  const fixed = created(state, makeService('nginx', (s) => { s.spec.type = 'NodePort'; s.spec.ports![0]!.nodePort = 31110; }));
  assert.equal(fixed.spec.ports![0]!.nodePort, 31110);
  const dns = created(state, makeService('dns', (s) => {
    s.spec.type = 'NodePort';
    s.spec.ports = [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }];
  }));
  assert.equal(dns.spec.ports![0]!.nodePort, dns.spec.ports![1]!.nodePort);
  const lb = created(state, makeService('lb', (s) => { s.spec.type = 'LoadBalancer'; }));
  assert.ok(lb.spec.ports![0]!.nodePort, 'a LoadBalancer Service is also a NodePort Service');
});

const nodePortErrors: [string, number, string][] = [
  ['outside the range', 80, 'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'],
  ['already allocated', 31110, 'spec.ports[0].nodePort: Invalid value: 31110: provided port is already allocated'],
];
for (const [name, port, cause] of nodePortErrors) {
  test(`explicit nodePort ${name}`, () => {
    const state = lab();
    created(state, makeService('nginx', (s) => { s.spec.type = 'NodePort'; s.spec.ports![0]!.nodePort = 31110; }));
    const before = structuredClone(state.alloc);
    const err = failed(apiCreate(state, makeService('web', (s) => { s.spec.type = 'NodePort'; s.spec.ports![0]!.nodePort = port; })));
    assert.deepEqual(err.details?.causes?.map(fieldErrorText), [cause]);
    assert.deepEqual(state.alloc, before, 'a refused Service leaves the allocators as they were');
  });
}

test('delete releases the ClusterIP and the NodePorts', () => {
  const state = lab();
  const web = created(state, makeService('web', (s) => { s.spec.type = 'NodePort'; s.spec.ports![0]!.nodePort = 31110; }));
  assert.equal(state.alloc.serviceIPs[web.spec.clusterIP!], 'default/web');
  assert.ok(!isApiError(apiDelete(state, 'Service', 'default', 'web')));
  assert.deepEqual(state.alloc, { serviceIPs: {}, nodePorts: {} });
  created(state, makeService('again', (s) => { s.spec.type = 'NodePort'; s.spec.ports![0]!.nodePort = 31110; }));
});

test('type changes: NodePort to ClusterIP releases the port, ClusterIP to ExternalName releases the IP', () => {
  const state = lab();
  const web = created(state, makeService('web', (s) => { s.spec.type = 'NodePort'; }));
  const port = web.spec.ports![0]!.nodePort!;
  const asClusterIP = apiUpdate(state, { ...web, spec: { ...web.spec, type: 'ClusterIP' } }) as Service;
  assert.ok(!isApiError(asClusterIP), JSON.stringify(asClusterIP));
  assert.equal(asClusterIP.spec.ports![0]!.nodePort, undefined);
  assert.equal(state.alloc.nodePorts[port], undefined);
  assert.equal(asClusterIP.spec.clusterIP, web.spec.clusterIP, 'the ClusterIP stays');
  const asExternal = apiUpdate(state, { ...asClusterIP, spec: { ...asClusterIP.spec, type: 'ExternalName', externalName: 'web.example.com' } }) as Service;
  assert.ok(!isApiError(asExternal), JSON.stringify(asExternal));
  assert.equal(asExternal.spec.clusterIP, undefined);
  assert.deepEqual(state.alloc, { serviceIPs: {}, nodePorts: {} });
  const back = apiUpdate(state, { ...asExternal, spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80 }] } }) as Service;
  assert.ok(!isApiError(back), JSON.stringify(back));
  assert.match(back.spec.clusterIP ?? '', /^10\./, 'a new ClusterIP is allocated');
  assert.equal(state.alloc.serviceIPs[back.spec.clusterIP!], 'default/web');
});

test('an update that leaves clusterIP and nodePort unset keeps them', () => {
  const state = lab();
  const web = created(state, makeService('web', (s) => { s.spec.type = 'NodePort'; }));
  const { clusterIP: _a, clusterIPs: _b, ...spec } = web.spec;
  const updated = apiUpdate(state, { ...web, spec: { ...spec, ports: [{ port: 80, targetPort: 8080 }] } }) as Service;
  assert.ok(!isApiError(updated), JSON.stringify(updated));
  assert.equal(updated.spec.clusterIP, web.spec.clusterIP);
  assert.equal(updated.spec.ports![0]!.nodePort, web.spec.ports![0]!.nodePort);
  assert.equal(updated.spec.ports![0]!.targetPort, 8080);
});

test('allocation is deterministic for a seed', () => {
  const ips = (seed: number): string[] => {
    const state = lab({ seed });
    return ['a', 'b', 'c'].map((n) => created(state, makeService(n, (s) => { s.spec.type = 'NodePort'; })))
      .map((s) => `${s.spec.clusterIP}:${s.spec.ports![0]!.nodePort}`);
  };
  assert.deepEqual(ips(5), ips(5));
  assert.notDeepEqual(ips(5), ips(6));
});
