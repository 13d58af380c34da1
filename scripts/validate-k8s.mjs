#!/usr/bin/env node
// Offline schema validation of Kubernetes manifests (every document of the given YAML files), for
// scripts/check-deploy.sh. There is no kubeconform and no raw OpenAPI schema offline here; the npm package
// kubernetes-models (fetched into a cache by scripts/install-deploy-tools.sh) has both halves of it:
//   1. its precompiled ajv validators: types, enums, formats and required fields (`replicas: "2"`, a
//      container without `name`, `containerPort: "80"`);
//   2. its TypeScript declarations: the Kubernetes schemas have no additionalProperties: false, so the
//      validators accept any unknown field (a typo like `imagePullPolice` would be silently dropped by the API
//      server); the fields every object may have are the properties of the declared interface, which the
//      TypeScript checker resolves for us, down every nested object (pod specs, containers, probes, ...).
// CRDs: the kinds of the API groups in CRD_PACKAGES come from their kubernetes-models package (the same
// validators + declarations, generated from the CRDs' OpenAPI schemas): ServiceMonitor and PrometheusRule from
// @kubernetes-models/prometheus-operator (installed next to kubernetes-models by scripts/install-deploy-tools.sh).
// Any other kind kubernetes-models does not know is an error: declare how to check it first.
// Usage: node scripts/validate-k8s.mjs --models <kubernetes-models install dir> <file.yaml>...
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import yaml from 'js-yaml';
import ts from 'typescript';

const argv = process.argv.slice(2);
const at = argv.indexOf('--models');
if (at < 0 || !argv[at + 1]) {
  process.stderr.write('usage: validate-k8s.mjs --models <dir> <file.yaml>...\n');
  process.exit(2);
}
const modelsDir = argv[at + 1];
const files = argv.filter((_, i) => i !== at && i !== at + 1);
const requireModel = createRequire(join(modelsDir, 'package.json'));
// API group -> the package holding its models (the core groups: kubernetes-models).
const CRD_PACKAGES = { 'monitoring.coreos.com': '@kubernetes-models/prometheus-operator' };

const problems = [];
const objects = []; // { where, doc, module }
for (const file of files) {
  let docs;
  try {
    docs = yaml.loadAll(readFileSync(file, 'utf8')).filter(Boolean);
  } catch (e) {
    problems.push(`${file}: ${e.message}`);
    continue;
  }
  for (const doc of docs) {
    const where = `${file}: ${doc.kind}/${doc.metadata?.name}`;
    if (typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string') {
      problems.push(`${where}: no apiVersion/kind`);
      continue;
    }
    const [group, version] = doc.apiVersion.includes('/') ? doc.apiVersion.split('/') : ['', doc.apiVersion];
    const module = CRD_PACKAGES[group]
      ? `${CRD_PACKAGES[group]}/${group}/${version}/${doc.kind}`
      : `kubernetes-models/${group ? `${group}/` : ''}${version}/${doc.kind}`;
    let Model;
    try {
      Model = requireModel(module)[doc.kind];
    } catch {
      problems.push(`${where}: no schema for ${doc.apiVersion} ${doc.kind}`);
      continue;
    }
    try {
      new Model(doc).validate();
    } catch (e) {
      problems.push(`${where}: ${e.message}`);
    }
    if (!doc.metadata?.name) problems.push(`${where}: no metadata.name`);
    objects.push({ where, doc, module });
  }
}

// Unknown fields: one TypeScript program declaring a value of each kind's interface (I<Kind>).
const modules = [...new Set(objects.map((o) => o.module))];
const entry = join(modelsDir, '__validate_k8s__.ts');
const source = modules.map((m, i) => `import type { I${m.split('/').pop()} as T${i} } from ${JSON.stringify(m)};\nexport declare const v${i}: T${i};`).join('\n');
const options = { strict: true, noEmit: true, skipLibCheck: true, types: [], module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 };
const host = ts.createCompilerHost(options);
const getSourceFile = host.getSourceFile.bind(host);
host.getSourceFile = (name, lang) => (name === entry ? ts.createSourceFile(name, source, lang) : getSourceFile(name, lang));
const fileExists = host.fileExists.bind(host);
host.fileExists = (name) => name === entry || fileExists(name);
const program = ts.createProgram([entry], options, host);
const resolveErrors = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === entry);
for (const d of resolveErrors) problems.push(`validate-k8s: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
const checker = program.getTypeChecker();
const declared = new Map();
for (const stmt of program.getSourceFile(entry).statements) {
  if (!ts.isVariableStatement(stmt)) continue;
  const decl = stmt.declarationList.declarations[0];
  declared.set(modules[Number(decl.name.text.slice(1))], checker.getTypeAtLocation(decl));
}

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
// The object-shaped members of a (possibly optional / union) type; none = free-form or primitive.
const objectMembers = (type) =>
  (type.isUnion() ? type.types : [type]).filter((t) => t.flags & ts.TypeFlags.Object && !checker.isArrayType(t));

function unknownFields(value, type, path, where) {
  type = checker.getNonNullableType(type);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
  if (Array.isArray(value)) {
    const array = (type.isUnion() ? type.types : [type]).find((t) => checker.isArrayType(t));
    if (array) value.forEach((item, i) => unknownFields(item, checker.getTypeArguments(array)[0], `${path}[${i}]`, where));
    return;
  }
  if (!isPlainObject(value)) return;
  const members = objectMembers(type);
  const index = members.map((t) => checker.getIndexInfoOfType(t, ts.IndexKind.String)).find(Boolean);
  if (members.length === 0 || (!index && members.every((t) => checker.getPropertiesOfType(t).length === 0))) return;
  for (const [key, child] of Object.entries(value)) {
    const prop = members.map((t) => t.getProperty(key)).find(Boolean);
    const childPath = path ? `${path}.${key}` : key;
    if (prop) unknownFields(child, checker.getTypeOfSymbol(prop), childPath, where);
    else if (index) unknownFields(child, index.type, childPath, where);
    else problems.push(`${where}: unknown field ${childPath}`);
  }
}
for (const { where, doc, module } of objects) if (declared.has(module)) unknownFields(doc, declared.get(module), '', where);

if (problems.length) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`${objects.length} objects valid (${modules.length} kinds; types, required and unknown fields) in ${files.length} files\n`);
