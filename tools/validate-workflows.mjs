// Validates GitHub Actions workflow files against the workflow schema GitHub documents (SchemaStore's
// github-workflow.json, bundled in @action-validator/core). Usage: node validate-workflows.mjs FILE...
// Prints one line per file and exits 1 when any is invalid.
import { readFileSync } from "node:fs";
import { validateWorkflow } from "@action-validator/core";

let failed = false;
for (const file of process.argv.slice(2)) {
  const { errors } = validateWorkflow(readFileSync(file, "utf8"));
  if (errors.length === 0) {
    console.log(`valid ${file}`);
  } else {
    failed = true;
    console.log(`INVALID ${file}: ${JSON.stringify(errors)}`);
  }
}
process.exit(failed ? 1 : 0);
