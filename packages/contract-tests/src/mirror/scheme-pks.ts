/**
 * Scheme pks for a template's schemes. bk-sops' reads never show a scheme's pk (get_template_schemes
 * answers its unique id), yet subprocess nodes select a child's schemes by pk (`scheme_id_list`).
 * bk-sops lists a template's schemes in pk order, so the pks the parents name are given to the
 * schemes in that order: exact when the parents name as many pks as there are schemes; otherwise a
 * guess (the named pks, then the ones after the smallest, in order), which the summary reports.
 * Schemes nobody names get pks 1..n.
 */
export function schemePks(count: number, named: readonly unknown[]): { pks: number[]; guessed: boolean } {
  const pks = [...new Set(named.map(Number).filter((pk) => Number.isInteger(pk) && pk > 0))].sort(
    (a, b) => a - b,
  );
  if (pks.length === 0) return { pks: Array.from({ length: count }, (_, i) => i + 1), guessed: false };
  if (pks.length === count) return { pks, guessed: false };
  const all = new Set(pks);
  for (let pk = pks[0] as number; all.size < count; pk += 1) all.add(pk);
  return { pks: [...all].sort((a, b) => a - b).slice(0, count), guessed: true };
}
