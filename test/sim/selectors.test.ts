// Label and field selectors: what `kubectl get -l` / `--field-selector` select, and the exact text the
// API server answers for a selector it cannot parse (apimachinery v0.34 pkg/labels, pkg/fields).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatLabelSelector, formatLabels, formatSelector, labelSelectorAsSelector, labelSelectorMatches, matchesLabels,
  parseLabelSelector, selectorFromSet, serviceSelectorMatches, type Selector,
} from '../../src/sim/api-server/selectors.js';
import {
  convertFieldSelector, matchesFields, parseFieldSelector, supportedFieldsOf, unsupportedFieldMessage,
} from '../../src/sim/api-server/fields.js';
import type { LabelSelector } from '../../src/sim/types.js';

/** What validation.IsValidLabelValue says about a bad value (note Go's doubled spaces before "or"). */
const VALUE_SHAPE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
/** The qualified-name rule a label key's name part breaks. */
const NAME_SHAPE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

function parsed(text: string): Selector {
  const r = parseLabelSelector(text);
  assert.ok(r.ok, `${text}: ${r.ok ? '' : r.message}`);
  return r.selector;
}

const web = { app: 'web', tier: 'frontend', 'pod-template-hash': '7c5ddbdf54' };

const matching: [selector: string, labels: Record<string, string> | undefined, expect: boolean][] = [
  ['app=web', web, true],
  ['app==web', web, true],
  ['app=website', web, false],
  ['app!=db', web, true],
  ['app!=web', web, false],
  ['missing!=x', web, true], // != matches when the key is absent
  ['app in (db,web)', web, true],
  ['app in (db,cache)', web, false],
  ['missing in (a)', web, false],
  ['app notin (db,cache)', web, true],
  ['app notin (web)', web, false],
  ['missing notin (a)', web, true], // notin matches when the key is absent
  ['app', web, true],
  ['missing', web, false],
  ['!missing', web, true],
  ['!app', web, false],
  ['tier=', { tier: '' }, true], // an empty value is a value
  ['tier=', {}, false],
  ['tier in ()', { tier: '' }, true],
  ['replicas>2', { replicas: '3' }, true],
  ['replicas>2', { replicas: '2' }, false],
  ['replicas<10', { replicas: '9' }, true],
  ['replicas<10', { replicas: '10' }, false],
  ['replicas>2', { replicas: '10' }, true], // numeric, not string, order
  ['replicas>2', { replicas: 'many' }, false],
  ['replicas>2', {}, false],
  ['', web, true],
  ['', undefined, true],
  ['app=web', undefined, false],
  ['!app', undefined, true],
];

test('each operator matches as Requirement.Matches does', () => {
  for (const [selector, labels, expect] of matching) {
    assert.equal(matchesLabels(parsed(selector), labels), expect, `${selector} against ${JSON.stringify(labels)}`);
  }
});

test('comma is AND, and labels the selector does not mention do not matter', () => {
  const selector = parsed('app=web,tier in (frontend,edge),!canary');
  assert.equal(matchesLabels(selector, web), true);
  assert.equal(matchesLabels(selector, { ...web, extra: 'x', another: 'y' }), true);
  assert.equal(matchesLabels(selector, { ...web, canary: 'true' }), false);
  assert.equal(matchesLabels(selector, { app: 'web', tier: 'backend' }), false);
  assert.equal(matchesLabels(selector, { tier: 'frontend' }), false);
});

test('spaces and tabs around keys, operators and values are accepted and dropped', () => {
  const same: [string, string][] = [
    ['app = web', 'app=web'],
    ['  app=web  ', 'app=web'],
    ['app != web', 'app!=web'],
    ['\tapp\n==\r\nweb', 'app==web'],
    ['tier in ( b , a )', 'tier in (a,b)'],
    ['tier notin(a)', 'tier notin (a)'],
    ['app , ! canary', 'app,!canary'], // sorted by key: "canary", not "!canary"
    ['replicas > 2', 'replicas>2'],
  ];
  for (const [input, canonical] of same) assert.equal(formatSelector(parsed(input)), canonical, input);
});

test('a parsed selector prints canonically: sorted by key, values sorted, duplicates gone', () => {
  const canonical: [string, string][] = [
    ['x=a,a=x', 'a=x,x=a'],
    ['tier in (b,a,b)', 'tier in (a,b)'],
    ['k in (,a)', 'k in (,a)'],
    ['k in (a,)', 'k in (,a)'],
    ['k in (a,,b)', 'k in (,a,b)'],
    ['k in (,)', 'k in ()'],
    ['in in (in,notin)', 'in in (in,notin)'], // keywords are plain words where a value or key belongs
    ['notin=in', 'notin=in'],
    ['x=', 'x='],
    ['x=,z= ', 'x=,z='],
    ['x>1,z<5', 'x>1,z<5'],
    ['example.com/tier=web', 'example.com/tier=web'],
    ['', ''],
  ];
  for (const [input, expect] of canonical) assert.equal(formatSelector(parsed(input)), expect, input);
});

const parseErrors: [input: string, message: string][] = [
  [',a', "found ',', expected: !, identifier, or 'end of string'"],
  ['a,,b', "found ',', expected: identifier after ','"],
  ['a,', "found '', expected: identifier after ','"],
  ['!,a', "unable to parse requirement: found ',', expected: identifier"],
  ['a=b=c', "found '=', expected: ',' or 'end of string'"],
  ['x==a==b', "found '==', expected: ',' or 'end of string'"],
  ['!x=a', "found '=', expected: ',' or 'end of string'"],
  ['a=b c', "found 'c', expected: ',' or 'end of string'"],
  ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
  ['a (b)', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
  ['a!b', "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
  ['a in b', "unable to parse requirement: found 'b' expected: '('"],
  ['a in', "unable to parse requirement: found '' expected: '('"],
  ['a in (', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
  ['a in (=', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
  ['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
  ['a in (b c)', "unable to parse requirement: found 'c', expected: ',' or ')'"],
  ['a in (b,', "unable to parse requirement: found '', expected: ',', or identifier"],
  ['a in (b,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
  ['a=(b)', "unable to parse requirement: found '(', expected: identifier"],
  ['app=web$', `unable to parse requirement: values[0][app]: Invalid value: "web$": ${VALUE_SHAPE}`],
  ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${VALUE_SHAPE}`],
  ['app=' + 'w'.repeat(64), `unable to parse requirement: values[0][app]: Invalid value: "${'w'.repeat(64)}": must be no more than 63 characters`],
  // Several errors are bracketed; the index is into the sorted values (b$ < c$ < ok).
  ['a in (ok,c$,b$)', `unable to parse requirement: [values[0][a]: Invalid value: "b$": ${VALUE_SHAPE}, values[1][a]: Invalid value: "c$": ${VALUE_SHAPE}]`],
  ['replicas>many', `unable to parse requirement: values[0]: Invalid value: "many": for 'Gt', 'Lt' operators, the value must be an integer`],
  ['replicas<-1', `unable to parse requirement: values[0][replicas]: Invalid value: "-1": ${VALUE_SHAPE}`],
  ['-ltier=postgres', `unable to parse requirement: <nil>: Invalid value: "-ltier": name part ${NAME_SHAPE}`],
  ['/tier', 'unable to parse requirement: <nil>: Invalid value: "/tier": prefix part must be non-empty'],
  ['tier/', `unable to parse requirement: <nil>: Invalid value: "tier/": name part must be non-empty; name part ${NAME_SHAPE}`],
  [
    'Example.com/tier',
    'unable to parse requirement: <nil>: Invalid value: "Example.com/tier": prefix part a lowercase RFC 1123 subdomain must consist of lower case ' +
      "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is " +
      "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  ],
  [
    'a/b/c',
    `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name ${NAME_SHAPE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
  ],
];

test('every parse error reads exactly as apimachinery words it', () => {
  for (const [input, message] of parseErrors) {
    assert.deepEqual(parseLabelSelector(input), { ok: false, message }, input);
  }
});

test("a Service's selector is equality AND, and an empty or absent selector selects no pods", () => {
  assert.deepEqual(formatSelector(selectorFromSet({ tier: 'frontend', app: 'web' })), 'app=web,tier=frontend');
  assert.equal(serviceSelectorMatches({ app: 'web' }, web), true);
  assert.equal(serviceSelectorMatches({ app: 'web', tier: 'frontend' }, web), true);
  assert.equal(serviceSelectorMatches({ app: 'website' }, web), false);
  assert.equal(serviceSelectorMatches({ app: 'web' }, undefined), false);
  assert.equal(serviceSelectorMatches({}, web), false);
  assert.equal(serviceSelectorMatches(undefined, web), false);
  // labels.SelectorFromSet itself treats an empty set as "everything"; only Services refuse it.
  assert.equal(matchesLabels(selectorFromSet({}), web), true);
});

const workloadSelectors: [name: string, ls: LabelSelector | undefined, column: string, selects: boolean][] = [
  ['matchLabels only', { matchLabels: { app: 'web' } }, 'app=web', true],
  ['with the pod-template-hash', { matchLabels: { 'pod-template-hash': '7c5ddbdf54', app: 'web' } }, 'app=web,pod-template-hash=7c5ddbdf54', true],
  ['In', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'edge'] }] }, 'tier in (edge,frontend)', true],
  ['NotIn', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['frontend'] }] }, 'tier notin (frontend)', false],
  ['Exists', { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, 'app', true],
  ['DoesNotExist', { matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] }, '!canary', true],
  [
    'labels and expressions, sorted by key',
    { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }, { key: 'k', operator: 'DoesNotExist' }] },
    'app=web,!k,tier in (a,b)',
    false,
  ],
  ['empty selects everything', {}, '<none>', true],
  ['absent selects nothing', undefined, '<none>', false],
  ['invalid selects nothing', { matchExpressions: [{ key: 'a', operator: 'Like' }] }, '<error>', false],
];

test('Deployment and ReplicaSet selectors: SELECTOR column and what they select', () => {
  for (const [name, ls, column, selects] of workloadSelectors) {
    assert.equal(formatLabelSelector(ls), column, name);
    assert.equal(labelSelectorMatches(ls, web), selects, name);
  }
});

test('an invalid workload selector fails with LabelSelectorAsSelector error text', () => {
  const invalid: [LabelSelector, string][] = [
    [{ matchExpressions: [{ key: 'a', operator: 'Like' }] }, '"Like" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: 'a', operator: 'In' }] }, "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, 'values: Invalid value: ["x"]: values set must be empty for exists and does not exist'],
    [{ matchLabels: { app: 'web app' } }, `values[0][app]: Invalid value: "web app": ${VALUE_SHAPE}`],
    [{ matchLabels: { 'bad key': 'web' } }, `key: Invalid value: "bad key": name part ${NAME_SHAPE}`],
  ];
  for (const [ls, message] of invalid) assert.deepEqual(labelSelectorAsSelector(ls), { ok: false, message });
});

test('formatLabels is the --show-labels / describe text', () => {
  assert.equal(formatLabels(web), 'app=web,pod-template-hash=7c5ddbdf54,tier=frontend');
  assert.equal(formatLabels({ 'node-role.kubernetes.io/control-plane': '' }), 'node-role.kubernetes.io/control-plane=');
  assert.equal(formatLabels({}), '<none>');
  assert.equal(formatLabels(undefined), '<none>');
});

test('field selectors: =, == and != terms joined by commas, sorted, with escapes', () => {
  assert.deepEqual(parseFieldSelector('status.phase!=Running,spec.nodeName==node01'), {
    ok: true,
    requirements: [
      { field: 'spec.nodeName', op: '=', value: 'node01' },
      { field: 'status.phase', op: '!=', value: 'Running' },
    ],
  });
  assert.deepEqual(parseFieldSelector('metadata.name=a\\,b\\=c\\\\'), { ok: true, requirements: [{ field: 'metadata.name', op: '=', value: 'a,b=c\\' }] });
  assert.deepEqual(parseFieldSelector(''), { ok: true, requirements: [] });
  assert.deepEqual(parseFieldSelector('='), { ok: true, requirements: [] });
  // No trimming inside: the field name keeps its space and is then not a known field.
  assert.deepEqual(parseFieldSelector('status.phase = Running'), { ok: true, requirements: [{ field: 'status.phase ', op: '=', value: ' Running' }] });
});

test('field selector parse errors read exactly as pkg/fields words them', () => {
  const errors: [string, string][] = [
    ['status.phase', "invalid selector: 'status.phase'; can't understand 'status.phase'"],
    ['a=b,zzz', "invalid selector: 'a=b,zzz'; can't understand 'zzz'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a=\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
  ];
  for (const [input, message] of errors) assert.deepEqual(parseFieldSelector(input), { ok: false, message }, input);
});

test('field terms match on the value the object has, "" when it has none', () => {
  const pod: Record<string, string> = { 'metadata.name': 'web-1', 'spec.nodeName': 'node01', 'status.phase': 'Running' };
  const select = (text: string) => {
    const r = parseFieldSelector(text);
    assert.ok(r.ok);
    return matchesFields(r.requirements, (f) => pod[f]);
  };
  assert.equal(select('spec.nodeName=node01'), true);
  assert.equal(select('spec.nodeName=node02'), false);
  assert.equal(select('spec.nodeName=node01,status.phase!=Running'), false);
  assert.equal(select('status.phase!=Pending'), true);
  assert.equal(select('status.podIP='), true);
  assert.equal(select('status.podIP!=10.244.1.2'), true);
});

test('each kind accepts the field selectors its conversion func names, and says so otherwise', () => {
  assert.deepEqual(supportedFieldsOf('Node'), ['metadata.name', 'spec.unschedulable']);
  assert.deepEqual(supportedFieldsOf('Service'), ['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type']);
  assert.ok(supportedFieldsOf('Pod').includes('spec.nodeName') && supportedFieldsOf('Pod').includes('status.phase'));
  assert.ok(supportedFieldsOf('Event').includes('involvedObject.name') && supportedFieldsOf('Event').includes('reason'));
  for (const kind of ['ConfigMap', 'Endpoints', 'EndpointSlice', 'Deployment', 'ReplicaSet', 'DaemonSet'] as const) {
    assert.deepEqual(supportedFieldsOf(kind), ['metadata.name', 'metadata.namespace'], kind);
  }
  assert.equal(unsupportedFieldMessage('Pod', 'status.hostIP'), 'field label not supported: status.hostIP');
  assert.equal(unsupportedFieldMessage('Node', 'metadata.namespace'), 'field label not supported: metadata.namespace');
  assert.equal(unsupportedFieldMessage('Deployment', 'spec.replicas'), '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"');
});

test('the server-side conversion renames spec.host and stops at the first unsupported term', () => {
  const reqs = (text: string) => {
    const r = parseFieldSelector(text);
    assert.ok(r.ok);
    return r.requirements;
  };
  assert.deepEqual(convertFieldSelector('Pod', reqs('spec.host=node01')), { ok: true, requirements: [{ field: 'spec.nodeName', op: '=', value: 'node01' }] });
  assert.deepEqual(convertFieldSelector('Service', reqs('spec.type=NodePort,foo=bar')), { ok: false, message: 'field label not supported: foo' });
  assert.deepEqual(convertFieldSelector('Service', reqs('status.phase = Running')), { ok: false, message: 'field label not supported: status.phase ' });
});
