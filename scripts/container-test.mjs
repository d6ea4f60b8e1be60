#!/usr/bin/env node
// The container check of `npm test` (a step of scripts/test-all.mjs): builds the image from the
// Dockerfile and runs compose.yaml with Podman and podman-compose, then checks what a user of the
// container relies on. Where no registry is reachable the image is built on a local base made from
// Debian's packages (container/local-base.sh); NODE_IMAGE=node:20-bookworm-slim uses the official one.
//
// Exit status: 0 passed, 1 failed, 77 skipped (the tools are missing and CI is not set: under CI a
// missing tool is a failure; .ci/run installs them).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const LOCAL_BASE = "localhost/node20-debian:bookworm";
const TOOLCHAIN = "localhost/bk-sops-server:toolchain";
const SKIPPED = 77;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

const run = (cmd, args, options = {}) =>
  spawnSync(cmd, args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, ...options });
const has = (tool) => run("sh", ["-c", `command -v ${tool}`]).status === 0;

/** A failed check, reported already. */
class CheckFailed extends Error {}

function fail(message, output = "") {
  const tail = output.trim().split("\n").slice(-40).join("\n");
  console.error(`✖ ${message}${tail ? `\n--- output (tail) ---\n${tail}` : ""}`);
  throw new CheckFailed(message);
}

const missing = ["podman", "podman-compose"].filter((tool) => !has(tool));
if (!process.env.NODE_IMAGE && !has("mmdebstrap")) missing.push("mmdebstrap");
if (missing.length > 0) {
  const message = `container check: ${missing.join(", ")} not installed (apt-get install podman podman-compose mmdebstrap runc)`;
  if (process.env.CI) {
    console.error(`✖ ${message}`);
    process.exit(1);
  }
  console.log(`○ SKIPPED ${message}`);
  process.exit(SKIPPED);
}

async function freePort() {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A containers.conf for Podman on this machine: explicit rlimits no higher than this process's
 * own (Podman's defaults for root are higher, which a process without CAP_SYS_RESOURCE cannot
 * set), and runc where crun cannot run containers (crun refuses hybrid cgroup v1/v2 hosts).
 */
function podmanConfig(dir, image) {
  const hard = (flag) => Number(run("sh", ["-c", `ulimit -H${flag}`]).stdout.trim()) || 4096;
  const nofile = Math.min(hard("n"), 65_536);
  const nproc = Math.min(hard("u"), 4096);
  const write = (runtime) => {
    const file = join(dir, `containers-${runtime ?? "default"}.conf`);
    writeFileSync(
      file,
      `[containers]\ndefault_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]\n` +
        (runtime ? `[engine]\nruntime = "${runtime}"\n` : ""),
    );
    return file;
  };
  for (const runtime of [undefined, ...(has("runc") ? ["runc"] : [])]) {
    const file = write(runtime);
    const probe = run("podman", ["run", "--rm", image, "node", "--version"], {
      env: { ...process.env, CONTAINERS_CONF: file },
    });
    if (probe.status === 0) return { file, runtime: runtime ?? "default" };
  }
  return fail(`podman cannot run ${image} here`, run("podman", ["run", "--rm", image, "true"]).stderr);
}

async function waitForHealth(base, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return await response.json();
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error?.cause?.code ?? error?.message ?? error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return fail(`the server did not answer /healthz within ${timeoutMs / 1000} s (${last})`);
}

async function createTask(base, templateId, name) {
  const response = await fetch(`${base}/api/c/compapi/v2/sops/create_task/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      bk_app_code: "esb_test",
      bk_app_secret: "xxx",
      bk_token: "xxx",
      bk_biz_id: "2",
      template_id: templateId,
      name,
    }),
  });
  return /** @type {{ result: boolean, data?: { task_id: number, task_url: string }, message?: string }} */ (
    await response.json()
  );
}

function check(condition, what, detail = "") {
  if (!condition) fail(`${what}${detail ? `: ${detail}` : ""}`);
  console.log(`✓ ${what}`);
}

const work = mkdtempSync(join(tmpdir(), "bksops-container-"));
const project = `bksops-test-${process.pid}`;
const image = `localhost/bk-sops-server:test-${process.pid}`;
let env = process.env;
const compose = (...args) => run("podman-compose", ["-f", "compose.yaml", "-p", project, ...args], { env });
let containerName = "";

try {
  // 1. The base image.
  let nodeImage = process.env.NODE_IMAGE;
  if (!nodeImage) {
    nodeImage = LOCAL_BASE;
    console.log(`• local base ${LOCAL_BASE} (container/local-base.sh; built once, ~2 min) [${elapsed()}]`);
    const base = run("flock", ["/tmp/bksops-local-base.lock", "container/local-base.sh", LOCAL_BASE]);
    if (base.status !== 0) fail("container/local-base.sh failed", base.stdout + base.stderr);
  }
  const podman = podmanConfig(work, nodeImage);
  console.log(`• podman: runtime ${podman.runtime}, rlimits from ${podman.file} [${elapsed()}]`);

  // 2. A template of our own for TEMPLATES_DIR: the demo's template 1, as template 42.
  const templates = join(work, "templates");
  const demo = JSON.parse(
    readFileSync(join(root, "apps/server/demo/templates/1-documented-example.json"), "utf8"),
  );
  run("mkdir", ["-p", templates]);
  writeFileSync(
    join(templates, "42-container-check.json"),
    JSON.stringify({ ...demo, template_id: 42, name: "container check" }),
  );

  // 3. Build and start compose.yaml's service.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  env = {
    ...process.env,
    CONTAINERS_CONF: podman.file,
    // Podman's default image format (OCI) has no HEALTHCHECK; the Docker format keeps it.
    BUILDAH_FORMAT: "docker",
    NODE_IMAGE: nodeImage,
    BK_SOPS_IMAGE: image,
    BK_SOPS_PORT: String(port),
    BK_SOPS_TEMPLATES: templates,
  };
  // The toolchain stage, tagged so that the cleanup below keeps it as the build cache.
  console.log(`• toolchain stage (${TOOLCHAIN}) [${elapsed()}]`);
  const toolchain = run(
    "podman",
    ["build", "--target", "toolchain", "--build-arg", `NODE_IMAGE=${nodeImage}`, "-t", TOOLCHAIN, "."],
    { env },
  );
  if (toolchain.status !== 0)
    fail("podman build --target toolchain failed", toolchain.stdout + toolchain.stderr);
  console.log(`• podman-compose up -d --build (image ${image}, port ${port}) [${elapsed()}]`);
  const up = compose("up", "-d", "--build");
  if (up.status !== 0) fail("podman-compose up failed", up.stdout + up.stderr);
  containerName = run("podman", [
    "ps",
    "-a",
    "--filter",
    `label=io.podman.compose.project=${project}`,
    "--format",
    "{{.Names}}",
  ]).stdout.trim();
  // podman-compose exits 0 even when the build or the run failed: no container says so.
  if (!containerName) fail("podman-compose up created no container", up.stdout + up.stderr);
  console.log(`• built and started ${containerName} [${elapsed()}]`);

  // 4. What users rely on.
  const health = await waitForHealth(base, 60_000);
  check(health.status === "ok", "/healthz answers through the published port (HOST=0.0.0.0 inside)");
  const healthcheck = run("podman", ["healthcheck", "run", containerName], { env });
  check(healthcheck.status === 0, "the image's HEALTHCHECK passes", healthcheck.stdout + healthcheck.stderr);
  const uid = run("podman", ["exec", containerName, "id", "-u"], { env }).stdout.trim();
  check(uid === "1000", "the server runs as the unprivileged node user (uid 1000), not root", `uid ${uid}`);
  const first = await createTask(base, "1", "container check");
  check(
    first.result === true && first.data?.task_url.startsWith(`${base}/`) === true,
    "the documented create_task request creates a task; task_url uses BK_SOPS_HOST",
    JSON.stringify(first).slice(0, 300),
  );
  const own = await createTask(base, "42", "from TEMPLATES_DIR");
  check(
    own.result === true,
    "a template from the TEMPLATES_DIR volume is served",
    JSON.stringify(own).slice(0, 300),
  );
  const dataFiles = run("podman", ["exec", containerName, "ls", "/data"], { env }).stdout;
  check(/bk-sops\.sqlite/.test(dataFiles), "the database is in the /data volume (DATABASE_PATH)", dataFiles);
  const control = await fetch(`${base}/_bksops/journal`);
  check(
    control.status === 404,
    "the scenario control API is off (the server listens on 0.0.0.0 in the container)",
    `HTTP ${control.status}`,
  );
  const docs = await fetch(`${base}/docs`);
  check(
    docs.status === 200 && /text\/html/.test(docs.headers.get("content-type") ?? ""),
    "the docs page is built into the image",
  );

  // 5. A clean stop, and the tasks survive a new container on the same volume.
  const stop = run("podman", ["stop", "--time", "15", containerName], { env });
  const exitCode = run("podman", ["inspect", containerName, "--format", "{{.State.ExitCode}}"]).stdout.trim();
  const logs = run("podman", ["logs", containerName]);
  check(
    stop.status === 0 && exitCode === "0" && /stopped cleanly/.test(logs.stdout + logs.stderr),
    "SIGTERM stops the server cleanly (exit 0, database closed)",
    `exit ${exitCode}`,
  );
  const down = compose("down");
  if (down.status !== 0) fail("podman-compose down failed", down.stdout + down.stderr);
  const again = compose("up", "-d", "--no-build");
  if (again.status !== 0) fail("podman-compose up (again) failed", again.stdout + again.stderr);
  const after = await waitForHealth(base, 60_000);
  check(after.tasks === 2, "a new container on the same volume keeps the tasks", `tasks ${after.tasks}`);
  const third = await createTask(base, "1", "after the restart");
  check(
    (third.data?.task_id ?? 0) > (own.data?.task_id ?? Number.POSITIVE_INFINITY),
    "task ids go on increasing after it",
    JSON.stringify(third.data?.task_id),
  );
  console.log(`container check passed in ${elapsed()}`);
} catch (error) {
  process.exitCode = 1;
  if (!(error instanceof CheckFailed)) console.error("✖ container check:", error);
} finally {
  compose("down", "-v");
  run("podman", ["network", "rm", "-f", `${project}_default`], { env });
  run("podman", ["rmi", "-f", image], { env });
  // This run's intermediate images (each source change makes new ones; Podman removes their
  // untagged parents with them); the tagged toolchain stage stays as the build cache.
  for (const stage of ["build", "runtime"]) {
    run("podman", ["image", "prune", "-f", "--filter", `label=io.bksops.stage=${stage}`], { env });
  }
  rmSync(work, { recursive: true, force: true });
}
