// Checks Terraform files offline, without terraform or the network: parses every .tf under the given directory
// with @cdktf/hcl2json (HashiCorp's HCL parser compiled to WebAssembly), then checks each resource's and data
// source's attributes and nested blocks against the AWS provider's schema as @cdktf/provider-aws generated it
// (the attribute names its classes write, and which ones its config interfaces require), and each call of a local
// module against that module's variables. Prints {"problems": [...], "files": {path: parsed}} as JSON.
import { parse } from '@cdktf/hcl2json';
import fs from 'node:fs';
import path from 'node:path';

const PROVIDER = path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules/@cdktf/provider-aws/lib');
const META = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory()
    ? walk(path.join(dir, e.name)) : e.name.endsWith('.tf') ? [path.join(dir, e.name)] : []);
}

// The schema of one resource type: its attributes (snake_case) with, for nested blocks, their own schema.
const schemas = new Map();
function schemaOf(kind, type) {
  const key = kind + ':' + type;
  if (!schemas.has(key)) {
    const dir = path.join(PROVIDER, (kind === 'data' ? 'data-' : '') + type.replace(/_/g, '-').replace(/^aws-/, kind === 'data' ? 'aws-' : ''));
    if (!fs.existsSync(path.join(dir, 'index.js'))) {
      schemas.set(key, null);
    } else {
      const js = fs.readFileSync(path.join(dir, 'index.js'), 'utf8');
      const dts = fs.readFileSync(path.join(dir, 'index.d.ts'), 'utf8');
      if (!js.includes(`tfResourceType = "${type}"`)) {
        schemas.set(key, null);
      } else {
        const body = js.slice(js.indexOf('synthesizeAttributes() {'));
        const top = attributes(body.slice(0, body.indexOf('\n    }\n')), 'this._');
        const config = dts.match(/export interface (\w+Config) extends cdktf\.TerraformMetaArguments/)[1];
        schemas.set(key, withRequired(top, config, js, dts));
      }
    }
  }
  return schemas.get(key);
}

// snake_case name -> {camel, nested: function name or null} from the lines `name: mapper(prefix camel)`.
function attributes(text, prefix) {
  const out = new Map();
  const re = new RegExp(`^\\s+(\\w+): (.*?)\\(?${prefix.replace('.', '\\.')}(\\w+)`, 'gm');
  for (const m of text.matchAll(re)) {
    const nested = m[2].match(/(\w+ToTerraform)\b/);
    out.set(m[1], { camel: m[3], nested: nested && !nested[1].startsWith('cdktf') && !/^(string|number|boolean|any)ToTerraform$/.test(nested[1]) ? nested[1] : null });
  }
  return out;
}

function withRequired(attrs, iface, js, dts) {
  const block = dts.match(new RegExp(`export interface ${iface}\\b[^{]*\\{([\\s\\S]*?)\\n\\}`));
  const required = new Set(block ? [...block[1].matchAll(/readonly (\w+): /g)].map(m => m[1]) : []);
  const schema = { attrs: new Map(), required: [] };
  for (const [snake, a] of attrs) {
    let nested = null;
    if (a.nested) {
      const fn = js.slice(js.indexOf(`function ${a.nested}(struct)`));
      const inner = attributes(fn.slice(0, fn.indexOf('\n}\n')), 'struct.');
      const name = a.nested.replace(/ToTerraform$/, '');
      nested = withRequired(inner, name[0].toUpperCase() + name.slice(1), js, dts);
    }
    schema.attrs.set(snake, nested);
    if (required.has(a.camel)) schema.required.push(snake);
  }
  return schema;
}

function check(where, body, schema, problems) {
  for (const [name, value] of Object.entries(body)) {
    if (META.has(name) || name === 'dynamic') continue;
    if (!schema.attrs.has(name)) {
      problems.push(`${where}: "${name}" is not an attribute or block of it in the AWS provider's schema`);
      continue;
    }
    const nested = schema.attrs.get(name);
    if (nested && Array.isArray(value)) {
      value.forEach((b, i) => check(`${where}.${name}[${i}]`, b, nested, problems));
    }
  }
  for (const name of schema.required) {
    if (!(name in body)) problems.push(`${where}: the required "${name}" is missing`);
  }
}

const root = process.argv[2];
const problems = [];
const files = {};
for (const file of walk(root).sort()) {
  files[file] = await parse(file, fs.readFileSync(file, 'utf8'));
}
const variablesOf = dir => Object.entries(files).filter(([f]) => path.dirname(f) === dir)
  .flatMap(([, j]) => Object.entries(j.variable ?? {}).map(([n, v]) => [n, 'default' in v[0]]));
for (const [file, json] of Object.entries(files)) {
  for (const kind of ['resource', 'data']) {
    for (const [type, byName] of Object.entries(json[kind] ?? {})) {
      const schema = schemaOf(kind, type);
      if (!schema) {
        problems.push(`${file}: ${kind} "${type}" is not one the AWS provider has`);
        continue;
      }
      for (const [name, bodies] of Object.entries(byName)) {
        bodies.forEach(b => check(`${file}: ${kind === 'data' ? 'data.' : ''}${type}.${name}`, b, schema, problems));
      }
    }
  }
  for (const [name, calls] of Object.entries(json.module ?? {})) {
    for (const call of calls) {
      const dir = path.normalize(path.join(path.dirname(file), call.source));
      const declared = variablesOf(dir);
      if (declared.length === 0) {
        problems.push(`${file}: module.${name}: no variables found in ${dir}`);
        continue;
      }
      for (const arg of Object.keys(call)) {
        if (!MODULE_META.has(arg) && !declared.some(([n]) => n === arg)) {
          problems.push(`${file}: module.${name}: "${arg}" is not a variable of ${dir}`);
        }
      }
      for (const [v, hasDefault] of declared) {
        if (!hasDefault && !(v in call)) problems.push(`${file}: module.${name}: the required variable "${v}" is missing`);
      }
    }
  }
}
console.log(JSON.stringify({ problems, files }));
