// The four live panes rendered over a lab built by running real commands, and driven with the keys
// a learner presses: pods going from ContainerCreating to Running, the namespace and system
// toggles, endpoints under services, the NAT table's node cycling, filter, fold, scrolling,
// change highlights that fade on the simulated clock, a trace lit up, the no-colour theme's
// markers, and the log following new lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripVTControlCharacters } from 'node:util';
import type { ReactElement } from 'react';
import { render } from 'ink-testing-library';
import { testLab, type TestLab } from '../shell/harness.js';
import { sh } from '../shell/bash-helpers.js';
import { COLOUR_THEME, PLAIN_THEME, ThemeContext, type Theme } from '../../src/ui/theme.js';
import { PodsPane } from '../../src/ui/panes/PodsPane.js';
import { ServicesPane } from '../../src/ui/panes/ServicesPane.js';
import { NatPane } from '../../src/ui/panes/NatPane.js';
import { LogPane } from '../../src/ui/panes/LogPane.js';
import { logView } from '../../src/ui/view/log.js';
import type { TraceMemo } from '../../src/ui/view/nat-highlights.js';
import { webLab } from './fixtures.js';

const KEYS = { down: '\u001B[B', pageDown: '\u001B[6~', end: '\u001B[F', home: '\u001B[H', escape: '\u001B', enter: '\r', backspace: '\u007F' };

type PaneKind = typeof PodsPane | typeof ServicesPane | typeof NatPane | typeof LogPane;

interface Extra { trace?: TraceMemo; onFilterEditing?(editing: boolean): void }

/** Renders a pane over the lab (focused, 100×height) and gives its frame rows, keys and a way to show a new version. */
function mount(lab: TestLab, Pane: PaneKind, height = 14, theme: Theme = COLOUR_THEME, extra: Extra = {}) {
  let version = 1;
  const tree = (): ReactElement => (
    <ThemeContext.Provider value={theme}>
      <Pane width={100} height={height} focused sim={lab.sim} version={version} {...extra} />
    </ThemeContext.Provider>
  );
  const r = render(tree());
  const frame = (): string => stripVTControlCharacters(r.lastFrame() ?? '');
  /** The rows inside the border, trailing spaces cut. */
  const rows = (): string[] => frame().split('\n').slice(1, -1).map((l) => l.slice(1, -1).trimEnd());
  const title = (): string => frame().split('\n')[0]!;
  return {
    frame, rows, title,
    /** The simulation moved on: render the new version. */
    changed(): void {
      version++;
      r.rerender(tree());
    },
    async press(...keys: string[]): Promise<void> {
      for (const k of keys) {
        const before = frame();
        r.stdin.write(k);
        await settle(() => frame() !== before);
      }
    },
  };
}

/** Waits (up to a moment) for the frame to catch up with a key; some keys change nothing, which is fine. */
async function settle(changed: () => boolean): Promise<void> {
  for (let i = 0; i < 20 && !changed(); i++) await new Promise((r) => setTimeout(r, 10));
}

/** Waits until the predicate holds, failing with what was expected. */
async function until(what: string, ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`timed out waiting for ${what}`);
}


test('pods pane: ContainerCreating, then Running once the simulation moved on', async () => {
  const lab = testLab();
  sh(lab, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
  const pane = mount(lab, PodsPane);
  assert.match(pane.title(), /1 Pods .*all namespaces · 2 pods · system hidden/);
  assert.match(pane.rows()[0]!, /^NAME +READY +STATUS +IP +NODE +LABELS$/);
  assert.match(pane.rows()[1]!, /^web-766486c5b6-7b4pf +0\/1 +ContainerCreating +<none> +node01 +app=web/);
  sh(lab, 'sleep 10');
  pane.changed();
  await until('Running', () => pane.rows()[1]!.includes('Running'));
  assert.match(pane.rows()[1]!, /^web-766486c5b6-7b4pf +1\/1 +Running +10\.244\.1\.2 +node01 +app=web/);
});

test('pods pane: s shows the system namespaces, n cycles the namespace filter, PgDn and End scroll', async () => {
  const lab = testLab();
  sh(lab, 'kubectl run solo --image=nginx:1.27');
  const pane = mount(lab, PodsPane, 8);
  assert.match(pane.rows()[1]!, /^solo +0\/1 +ContainerCreating +<none> +node0\d +run=solo$/);
  await pane.press('s');
  await until('the system pods', () => pane.rows().length > 2 && pane.rows()[2]!.startsWith('kube-flannel/kube-flannel-ds-'));
  assert.doesNotMatch(pane.title(), /system hidden/);
  await pane.press(KEYS.end);
  await until('the last pod', () => pane.rows().at(-1)!.startsWith('kube-system/kube-scheduler-controlplane '));
  await pane.press(KEYS.home);
  await until('the top', () => pane.rows()[1]!.startsWith('solo '));
  await pane.press(KEYS.pageDown);
  await until('the second page', () => !pane.rows()[1]!.startsWith('solo '));
  await pane.press('n');
  await until('namespace default', () => pane.title().includes('ns default · 1 pod'));
  assert.match(pane.rows()[1]!, /^solo /);
  await pane.press('n');
  await until('namespace kube-flannel', () => pane.title().includes('ns kube-flannel · 3 pods'));
  assert.match(pane.rows()[1]!, /^kube-flannel-ds-\S+ +1\/1 +Running /);
});

test('services pane: endpoints under each Service, not-ready ones marked, <none> when the selector matches nothing', async () => {
  const lab = webLab();
  const pane = mount(lab, ServicesPane, 14);
  assert.match(pane.title(), /2 Services .*3 services · kube-system hidden/);
  assert.deepEqual(pane.rows().filter((r) => r), [
    'NAME         TYPE        CLUSTER-IP       EXTERNAL-IP   PORT(S)',
    'kubernetes   ClusterIP   10.96.0.1        <none>        443/TCP',
    '  → 192.168.56.10:6443',
    'lonely       ClusterIP   10.109.194.163   <none>        80/TCP',
    '  → <none> (no pod matches app=lonely)',
    'web          ClusterIP   10.111.6.166     <none>        80/TCP',
    '  → 10.244.1.2:80 web-766486c5b6-7b4pf node01',
    '  → 10.244.2.2:80 web-766486c5b6-8mvpw node02',
    '  → 10.244.2.3:80 shy node02 (not ready)',
  ]);
  await pane.press('s');
  await until('kube-dns', () => pane.rows().some((r) => r.startsWith('kube-system/kube-dns ')));
});

test('services pane: the no-colour theme marks the warning line with !', () => {
  const pane = mount(webLab(), ServicesPane, 14, PLAIN_THEME);
  assert.ok(pane.rows().includes('! → <none> (no pod matches app=lonely)'));
});

test('NAT pane: starts on node01, n cycles the nodes, f folds kube-system, End and PgDn scroll', async () => {
  const lab = webLab();
  sh(lab, 'sleep 40');
  const pane = mount(lab, NatPane, 12);
  assert.match(pane.title(), /3 NAT table .*node01 · iptables · \d+ rules/);
  assert.equal(pane.rows()[0], '*nat');
  await pane.press('n');
  await until('node02', () => pane.title().includes('node02 · iptables'));
  await pane.press('n');
  await until('controlplane', () => pane.title().includes('controlplane · iptables'));
  await pane.press('n');
  await until('node01 again', () => pane.title().includes('node01 · iptables'));
  await pane.press(KEYS.end);
  await until('COMMIT at the bottom', () => pane.rows().at(-1) === 'COMMIT');
  await pane.press(KEYS.home);
  await until('the top', () => pane.rows()[0] === '*nat');
  await pane.press(KEYS.pageDown);
  await until('the next page', () => pane.rows()[0] !== '*nat');
  await pane.press('f');
  await until('the fold line', () => /^… \d+ kube-system rules folded \(f\)$/.test(pane.rows()[0]!));
  assert.match(pane.title(), /folded/);
  assert.ok(!pane.frame().includes('kube-system/'));
});

test('NAT pane: / filters as you type, Backspace edits, Enter keeps it, Esc clears it', async () => {
  const lab = webLab();
  sh(lab, 'sleep 40');
  const editing: boolean[] = [];
  const pane = mount(lab, NatPane, 14, COLOUR_THEME, { onFilterEditing: (e) => editing.push(e) });
  await pane.press('/', 'kubernetes:httpsx', KEYS.backspace, KEYS.enter);
  await until('the filter line', () => pane.rows()[0] === '/kubernetes:https');
  assert.deepEqual(pane.rows().slice(1).filter((r) => r).map((r) => r.slice(0, 40)), [
    '*nat',
    ':KUBE-SEP-7J3FZHL6MJULGV6U - [0:0]',
    '-A KUBE-SEP-7J3FZHL6MJULGV6U -s 192.168.',
    '-A KUBE-SEP-7J3FZHL6MJULGV6U -p tcp -m c',
    ':KUBE-SERVICES - [0:0]',
    '-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp ',
    ':KUBE-SVC-NPX46M4PTMTKRN6Y - [0:0]',
    '-A KUBE-SVC-NPX46M4PTMTKRN6Y ! -s 10.244',
    '-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment ',
    'COMMIT',
  ]);
  assert.match(pane.title(), /node01 · iptables · 5\/\d+ rules/);
  await pane.press('n');
  await until('node02 keeps the filter', () => pane.title().includes('node02'));
  assert.equal(pane.rows()[0], '/kubernetes:https');
  await pane.press('/', KEYS.escape);
  await until('the filter cleared', () => pane.rows()[0] === '*nat');
  assert.deepEqual(editing, [false, true, false, true, false]);
});

test('NAT pane: a new Service\'s rules light up (+) and fade after sleep 40; the no-colour theme keeps the markers', async () => {
  for (const theme of [COLOUR_THEME, PLAIN_THEME]) {
    const lab = webLab();
    sh(lab, 'kubectl create deployment db --image=redis:7 --replicas=1');
    sh(lab, 'sleep 40');
    const pane = mount(lab, NatPane, 14, theme);
    await pane.press('/default/db', KEYS.enter);
    sh(lab, 'kubectl expose deployment db --port=6379');
    sh(lab, 'sleep 1');
    pane.changed();
    await until('the added rules', () => pane.rows().filter((r) => r.startsWith('+ -A ')).length === 5);
    assert.ok(pane.rows().includes('+ -A KUBE-SVC-2KHWPRMFJERXUJE3 -m comment --comment "default/db -> 10.244.1.3:6379" -j KUBE-SEP-L…'));
    sh(lab, 'sleep 40');
    pane.changed();
    await until('the highlight gone', () => !pane.rows().some((r) => r.startsWith('+ ')));
    assert.ok(pane.rows().some((r) => r.startsWith('-A KUBE-SVC-2KHWPRMFJERXUJE3 -m comment --comment "default/db -> 10.244.1.3:6379"')), 'plain, without the gutter');
  }
});

test('NAT pane: removed rules stay struck out with - for a while', async () => {
  const lab = webLab();
  const pane = mount(lab, NatPane, 30, PLAIN_THEME);
  await pane.press('/', 'dnat', KEYS.enter);
  sh(lab, 'kubectl delete pod shy');
  sh(lab, 'kubectl scale deployment web --replicas=1');
  sh(lab, 'sleep 2');
  pane.changed();
  await until('a removed DNAT rule', () => pane.rows().some((r) => /^- +-A KUBE-SEP-\S+ -p tcp -m comment --comment "default\/web" -m tcp -j DNAT/.test(r)));
  sh(lab, 'sleep 31');
  pane.changed();
  await until('the removed rule gone', () => !pane.rows().some((r) => r.startsWith('- ')));
});

test('NAT pane: the last trace lights up its rules on the shown node with their hop numbers', async () => {
  const lab = webLab();
  sh(lab, 'ssh node01');
  sh(lab, 'trace 10.96.0.10:53 -u');
  sh(lab, 'exit');
  const pane = mount(lab, NatPane, 12, PLAIN_THEME, { trace: lab.shell.lastTrace! });
  await pane.press('/', '10.96.0.10/32 -p udp', KEYS.enter);
  await until('the traced rules', () => pane.rows().some((r) => r.startsWith('>2 -A KUBE-SERVICES -d 10.96.0.10/32 -p udp')));
  assert.ok(pane.rows().some((r) => r.startsWith('>3 -A KUBE-SVC-TCOU7JCQXEZGVUNU ! -s 10.244.0.0/16 -d 10.96.0.10/32 -p udp')));
});

test('kube-proxy log pane: newest line at the bottom, following what arrives; n cycles to all nodes', async () => {
  const lab = webLab();
  const pane = mount(lab, LogPane, 10);
  const last = (source: string | null): string => logView(lab.sim, source).at(-1)!.text.slice(0, 60);
  assert.match(pane.title(), /4 kube-proxy log .*node01 · \d+ lines/);
  assert.ok(pane.rows().at(-1)!.startsWith(last('node01')));
  sh(lab, 'kubectl create service clusterip extra --tcp=80:80');
  sh(lab, 'sleep 2');
  pane.changed();
  await until('the new last line', () => pane.rows().at(-1)!.startsWith(last('node01')));
  await pane.press('n');
  await until('node02', () => pane.title().includes('node02'));
  await pane.press('nn');
  await until('all nodes', () => pane.title().includes('all nodes'));
  assert.ok(pane.rows().every((r) => /^\[(node01|node02|controlplane)\] [IWE]\d{4} /.test(r)));
  assert.ok(pane.rows().at(-1)!.startsWith(last(null)));
  assert.ok(pane.rows().every((r) => r.length <= 98), 'lines are cut, never wrapped');
});
