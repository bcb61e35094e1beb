// Validates Kubernetes manifests (multi-document YAML, e.g. `helm template` output) against the Kubernetes and
// Prometheus Operator schemas bundled in kubernetes-models. Usage: node validate-manifests.mjs manifests.yaml
// Prints one line per document and exits 1 when any is invalid or of an unknown kind.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const modules = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

let failed = false;
for (const document of parseAllDocuments(readFileSync(process.argv[2], "utf8"))) {
  const manifest = document.toJS();
  if (!manifest) continue;
  const where = `${manifest.apiVersion}/${manifest.kind} ${manifest.metadata?.name}`;
  const module = modules[manifest.apiVersion];
  try {
    if (!module) throw new Error(`no schema known for apiVersion ${manifest.apiVersion}`);
    const Model = (await import(module))[manifest.kind];
    if (!Model) throw new Error(`no schema known for kind ${manifest.kind}`);
    new Model(manifest).validate();
    console.log(`valid ${where}`);
  } catch (e) {
    failed = true;
    console.log(`INVALID ${where}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
