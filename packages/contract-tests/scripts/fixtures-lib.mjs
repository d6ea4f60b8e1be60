// The content of every fixture file, from the demo templates of the reference server.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEMO, DEMO_TEMPLATES_DIR } from "@bksops/server/testing";
import { encodeDat } from "../dist/fixtures/dat.js";
import { FIXTURE_FILES, templateData } from "../dist/fixtures/documented.js";

// A template with subprocess nodes names its children by pk (and pinned versions): an import
// gives them other pks, so it is not shipped. Its examples run mapped onto the run's template.
const hasSubprocess = (tree) => Object.values(tree.activities ?? {}).some((act) => act.type === "SubProcess");

/**
 * The demo templates as documented templates (those without subprocess nodes), with the copy of
 * template 1 in another business.
 */
function documented() {
  const files = readdirSync(DEMO_TEMPLATES_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort();
  const templates = files.map((name) => {
    const file = JSON.parse(readFileSync(join(DEMO_TEMPLATES_DIR, name), "utf8"));
    const schemes = (file.schemes ?? []).map((scheme) => ({ name: scheme.name, nodes: scheme.data }));
    const role = file.source === "common" ? "common" : "project";
    return { id: String(file.template_id), role, name: file.name, tree: file.pipeline_tree, schemes };
  });
  const shipped = templates.filter((t) => !hasSubprocess(t.tree));
  const copy = DEMO.otherBusinessTemplate;
  const original = shipped.find((t) => t.id === String(copy.copyOf));
  shipped.push({ ...original, id: String(copy.templateId), role: "other-business", name: copy.name });
  return shipped;
}

/** [file name, content] of each fixture file. */
export function fixtureFiles() {
  const templates = documented();
  return Object.entries(FIXTURE_FILES).map(([role, name]) => [
    name,
    `${encodeDat(
      templateData(
        role,
        templates.filter((t) => t.role === role),
      ),
    )}\n`,
  ]);
}
