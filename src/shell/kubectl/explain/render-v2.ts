// kubectl explain -o plaintext-openapiv2 (k8s.io/kubectl pkg/explain: field_lookup.go, model_printer.go,
// fields_printer.go, recursive_fields_printer.go, typename.go) over the schemas read as OpenAPI v2 models
// (kube-openapi pkg/util/proto): Kind, Array, Map, Primitive, Reference and Arbitrary. No enums in this view.
import { isTruthy, mapValues, resolveRef, schemaForKind, type GroupVersionKind, type OpenApiSchema } from './openapi.js';
import { Formatter } from './formatter.js';
import type { Rendered } from './render.js';

/** A schema as proto.ParseSchema classifies it. */
type Model =
  | { is: 'kind'; desc: string; fields: Record<string, OpenApiSchema>; required: string[] }
  | { is: 'array' | 'map'; desc: string; sub: Model }
  | { is: 'primitive'; desc: string; type: string }
  | { is: 'ref'; desc: string; ref: string }
  | { is: 'arbitrary'; desc: string };

/** Component schemas whose v2 form differs: v3 gives IntOrString and Quantity oneOf types, v2 plain strings. */
const V2_PRIMITIVES: Record<string, string> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'string',
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'string',
};
/** Objects without properties, which v2 reads as a map of arbitrary values. */
const V2_OPEN_OBJECTS = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1']);

/** proto.ParseSchema over a v3 schema (an allOf wrapping one ref is v2's ref with a description). */
function model(s: OpenApiSchema, name = ''): Model {
  const desc = s.description ?? '';
  const ref = s.$ref ?? (s.allOf?.length === 1 ? s.allOf[0]!.$ref : undefined);
  if (ref) return { is: 'ref', desc, ref };
  if (isTruthy(s.items)) return { is: 'array', desc, sub: model(s.items) };
  const values = mapValues(s);
  if (values) return { is: 'map', desc, sub: model(values) };
  if (isTruthy(s.properties)) return { is: 'kind', desc, fields: s.properties, required: s.required ?? [] };
  if (V2_OPEN_OBJECTS.has(name)) return { is: 'map', desc, sub: { is: 'arbitrary', desc } };
  const type = s.type ?? V2_PRIMITIVES[name];
  return type ? { is: 'primitive', desc, type } : { is: 'arbitrary', desc };
}

/** Ref.SubSchema: the referenced definition as a model. */
function deref(ref: string): Model {
  return model(resolveRef(ref) ?? {}, ref);
}

/** typename.go GetTypeName: `Object`, `[]Object`, `map[string]string`, `string`; '' for arbitrary values. */
function typeName(m: Model): string {
  switch (m.is) {
    case 'kind': return 'Object';
    case 'array': return `[]${typeName(m.sub)}`;
    case 'map': return `map[string]${typeName(m.sub)}`;
    case 'primitive': return m.type;
    case 'ref': return typeName(deref(m.ref));
    case 'arbitrary': return '';
    default: {
      const never: never = m;
      return never;
    }
  }
}

/** field_lookup.go: follows the path; a primitive or arbitrary value ends it even with names left over. */
function lookup(m: Model, path: readonly string[]): Model | string {
  if (m.is === 'primitive' || m.is === 'arbitrary') return m;
  if (path.length === 0) return m;
  if (m.is === 'ref') return lookup(deref(m.ref), path);
  if (m.is !== 'kind') return lookup(m.sub, path);
  const field = Object.hasOwn(m.fields, path[0]!) ? m.fields[path[0]!] : undefined;
  if (!field) return `field ${JSON.stringify(path[0])} does not exist`;
  return lookup(model(field), path.slice(1));
}

/** fields_printer.go and recursive_fields_printer.go: every field of a kind, then (recursively) of its parts. */
function printFields(w: Formatter, m: Model, recursive: boolean, seen: ReadonlySet<string>): void {
  if (m.is === 'array' || m.is === 'map') return printFields(w, m.sub, recursive, seen);
  if (m.is === 'ref') {
    if (recursive && seen.has(m.ref)) return;
    return printFields(w, deref(m.ref), recursive, new Set(seen).add(m.ref));
  }
  if (m.is !== 'kind') return;
  for (const key of Object.keys(m.fields).sort()) {
    const field = model(m.fields[key]!);
    if (recursive) {
      w.write(`${key}\t<${typeName(field)}>`);
      printFields(w.indent(3), field, true, seen);
      continue;
    }
    w.write(`${key}\t<${typeName(field)}>${m.required.includes(key) ? ' -required-' : ''}`);
    w.indent(2).writeWrapped(field.desc);
    w.write('');
  }
}

/** modelPrinter.PrintDescription: the gathered descriptions a blank line apart (counting empty ones), or <empty>. */
function printDescription(w: Formatter, descriptions: string[]): void {
  w.write('DESCRIPTION:');
  descriptions.forEach((desc, i) => {
    if (desc === '') return;
    if (i !== 0) w.write('');
    w.indent(5).writeWrapped(desc);
  });
  if (descriptions.every((d) => d === '')) w.indent(5).writeWrapped('<empty>');
}

/** model_printer.go: KIND/VERSION, RESOURCE: or FIELD:, the descriptions gathered on the way, then FIELDS:. */
function printModel(w: Formatter, gvk: GroupVersionKind, name: string, m: Model, recursive: boolean): void {
  const descriptions: string[] = [];
  let type = '';
  for (;;) {
    if (m.is === 'ref') {
      descriptions.push(m.desc);
      m = deref(m.ref);
    } else if (m.is === 'array' || m.is === 'map') {
      descriptions.push(m.desc);
      type ||= typeName(m);
      m = m.sub;
    } else break;
  }
  w.write(`KIND:     ${gvk.kind}`);
  w.write(`VERSION:  ${gvk.group ? `${gvk.group}/` : ''}${gvk.version}\n`);
  descriptions.push(m.desc);
  if (m.is === 'arbitrary') return printDescription(w, descriptions);
  type ||= typeName(m);
  if (m.is === 'primitive') {
    w.write(`FIELD:    ${name} <${type}>\n`);
    return printDescription(w, descriptions);
  }
  if (name !== '') w.write(`RESOURCE: ${name} <${type}>\n`);
  printDescription(w, descriptions);
  w.write('\nFIELDS:');
  printFields(w.indent(3), m, recursive, new Set());
}

/** explain.PrintModelDescription for a kind: the model found by its GVK, the field path followed, the model printed. */
export function renderExplainV2(gvk: GroupVersionKind, path: readonly string[], recursive: boolean): Rendered {
  const schema = schemaForKind(gvk);
  const v2String = `${gvk.group}/${gvk.version}, Kind=${gvk.kind}`;
  if (!schema) return { stdout: '', error: `couldn't find resource for ${JSON.stringify(v2String)}` };
  const found = lookup(model(schema), path);
  if (typeof found === 'string') return { stdout: '', error: found };
  const out: string[] = [];
  printModel(new Formatter(out), gvk, path.length ? path[path.length - 1]! : '', found, recursive);
  return { stdout: out.join('') };
}
