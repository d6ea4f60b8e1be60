import type { PipelineTree } from "@bksops/domain";

/**
 * The outputs every plugin has (bamboo's default outputs), named as bk-sops names them in its
 * default language. A simulated plugin declares no other output.
 */
const DEFAULT_OUTPUTS: ReadonlyArray<[key: string, name: string]> = [
  ["_result", "执行结果"],
  ["_loop", "循环次数"],
  ["_inner_loop", "当前流程循环次数"],
];

type Row = Record<string, unknown>;

/**
 * bk-sops' `_format_outputs`: with a component code, the plugin's declared outputs first (preset)
 * then any other; without one, every output as it is. An output that a `component_outputs`
 * constant takes from this node is shown under the constant's name.
 */
export function outputsTable(
  outputs: Record<string, unknown>,
  componentCode: string | undefined,
  tree: PipelineTree,
  nodeId: string,
): Row[] {
  let table: Row[];
  if (componentCode) {
    const preset = new Set(DEFAULT_OUTPUTS.map(([key]) => key));
    table = [
      ...DEFAULT_OUTPUTS.map(([key, name]) => ({ name, key, value: outputs[key] ?? "", preset: true })),
      ...Object.entries(outputs)
        .filter(([key]) => !preset.has(key))
        .map(([key, value]) => ({ name: key, key, value, preset: false })),
    ];
  } else {
    table = Object.entries(outputs).map(([key, value]) => ({ key, value, preset: false }));
  }
  const renamed = new Map<string, string>();
  for (const [key, constant] of Object.entries(tree.constants)) {
    if (constant.source_type !== "component_outputs") continue;
    const source = constant.source_info?.[nodeId]?.[0];
    if (source !== undefined) renamed.set(source, key.slice(2, -1));
  }
  for (const row of table) {
    const to = renamed.get(row.key as string);
    if (to !== undefined) row.key = to;
  }
  return table;
}
