/**
 * `id_in`, a comma-separated list, read as bk-sops' ORM reads each piece: Python's `int()` of the
 * text (spaces around it and `_` between digits allowed, a sign allowed).
 */
export type IdList = { ok: true; ids: number[] } | { ok: false; bad: string };

const PY_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

export function parseIdList(text: string): IdList {
  const ids: number[] = [];
  for (const piece of text.split(",")) {
    if (!PY_INT.test(piece)) return { ok: false, bad: piece };
    const id = Number(piece.replace(/[\s_]/g, ""));
    // An id past 2^53 cannot be a template's; it matches nothing, as in bk-sops.
    if (Number.isSafeInteger(id)) ids.push(id);
  }
  return { ok: true, ids };
}
