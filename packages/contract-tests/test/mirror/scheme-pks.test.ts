import { describe, expect, it } from "vitest";
import { schemePks } from "../../src/mirror/scheme-pks.js";

describe("scheme pks, which bk-sops' reads never show", () => {
  it.each([
    ["nobody names any: 1..n", 3, [], [1, 2, 3], false],
    ["the parents name as many as there are schemes: in list (pk) order", 2, [42, 17], [17, 42], false],
    ["digit strings count as pks, repeats once", 2, ["8", 8, "9"], [8, 9], false],
    ["fewer named than schemes: a guess from the smallest, said so", 3, [20], [20, 21, 22], true],
    [
      "named pks spread wider than the schemes: kept, the rest after the smallest",
      2,
      [5, 9, 30],
      [5, 9],
      true,
    ],
    ["junk in scheme_id_list is ignored", 1, ["x", -1, 1.5], [1], false],
  ])("%s", (_, count, named, pks, guessed) => {
    expect(schemePks(count, named)).toEqual({ pks, guessed });
  });
});
