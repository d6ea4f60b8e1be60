import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeAtomically } from "./files.js";
import { isProblem, type MirrorReader, type Read } from "./reader.js";

/**
 * The mirror's own files live in `<out>/.mirror/` (a folder, so the reference server, which loads
 * the `*.json` files of `<out>` itself, never takes them for templates): `state.json` (what is
 * being mirrored, and whether it finished), `reads/` (every answer read so far, so an interrupted
 * mirror resumes without reading again) and `summary.json`.
 */
export const STATE_DIR = ".mirror";

/** What a mirror is of; a resumed mirror must be of the same. */
export interface MirrorIdentity {
  deployment: string;
  form: string;
  appCode: string;
  bizId: string;
  templateIds: string[] | "all";
  commonTemplateIds: string[];
  allCommon: boolean;
}

export interface MirrorState extends MirrorIdentity {
  tool: "bk-sops-contract mirror";
  startedAt: string;
  finishedAt?: string;
  /** The template files the mirror wrote (so a later mirror removes those it no longer writes). */
  files: string[];
}

/** The out folder holds a mirror of something else, or the state cannot be read. */
export class StateError extends Error {
  override name = "StateError";
}

const statePath = (out: string) => join(out, STATE_DIR, "state.json");
const readsDir = (out: string) => join(out, STATE_DIR, "reads");

export function readState(out: string): MirrorState | undefined {
  if (!existsSync(statePath(out))) return undefined;
  try {
    return JSON.parse(readFileSync(statePath(out), "utf8")) as MirrorState;
  } catch (error) {
    throw new StateError(
      `cannot read ${statePath(out)}: ${(error as Error).message}; remove it or pass --fresh`,
    );
  }
}

export function writeState(out: string, state: MirrorState): void {
  mkdirSync(join(out, STATE_DIR), { recursive: true });
  writeAtomically(join(out, STATE_DIR), "state.json", `${JSON.stringify(state, null, 2)}\n`);
}

const sameIdentity = (a: MirrorIdentity, b: MirrorIdentity) =>
  (Object.keys(b) as Array<keyof MirrorIdentity>).every(
    (key) => JSON.stringify(a[key]) === JSON.stringify(b[key]),
  );

/**
 * Starts or resumes a mirror in `out`: an unfinished mirror of the same deployment, app and scope
 * resumes (its reads are kept); a finished one, or `fresh`, starts over (the reads are dropped,
 * the template files stay until the new mirror replaces them). An unfinished mirror of something
 * else is an error: its reads would be mixed with the new ones.
 */
export function openState(
  out: string,
  identity: MirrorIdentity,
  fresh: boolean,
): { state: MirrorState; resumed: number } {
  mkdirSync(out, { recursive: true });
  const previous = readState(out);
  if (previous && !previous.finishedAt && !fresh && !sameIdentity(previous, identity)) {
    throw new StateError(
      `${out} holds an unfinished mirror of business ${previous.bizId} at ${previous.deployment}: use another --out, or --fresh to start over`,
    );
  }
  const resume = previous !== undefined && !previous.finishedAt && !fresh;
  if (!resume) rmSync(readsDir(out), { recursive: true, force: true });
  mkdirSync(readsDir(out), { recursive: true });
  const state: MirrorState = {
    tool: "bk-sops-contract mirror",
    ...identity,
    startedAt: resume ? (previous?.startedAt ?? new Date().toISOString()) : new Date().toISOString(),
    files: previous?.files ?? [],
  };
  writeState(out, state);
  return { state, resumed: resume ? readdirSync(readsDir(out)).length : 0 };
}

/**
 * A reader that keeps every answer in `<out>/.mirror/reads/` and answers from there when the
 * same read is asked again (a resumed mirror). A read that failed for no stated reason (no
 * answer, a server error) is not kept, so a resumed mirror tries it again. `mask` guards the disk
 * against secrets an answer might echo.
 */
export function cachingReader(
  inner: MirrorReader,
  out: string,
  mask: (text: string) => string,
  onCached: () => void = () => {},
  onFailed: () => void = () => {},
): MirrorReader {
  const wrap =
    <A extends unknown[], T>(name: string, read: (...args: A) => Promise<Read<T>>) =>
    async (...args: A): Promise<Read<T>> => {
      const key = createHash("sha1")
        .update(JSON.stringify([name, ...args]))
        .digest("hex");
      const path = join(readsDir(out), `${key}.json`);
      if (existsSync(path)) {
        onCached();
        return JSON.parse(readFileSync(path, "utf8")) as Read<T>;
      }
      const answer = await read(...args);
      if (!isProblem(answer) || answer.kind !== "failed")
        writeAtomically(readsDir(out), `${key}.json`, mask(JSON.stringify(answer)));
      else onFailed();
      return answer;
    };
  return {
    templateList: wrap("templateList", inner.templateList),
    commonTemplateList: wrap("commonTemplateList", inner.commonTemplateList),
    templateInfo: wrap("templateInfo", inner.templateInfo),
    schemes: wrap("schemes", inner.schemes),
    preview: wrap("preview", inner.preview),
  };
}
