// Keeps one Prism running behind the mock's front: starts it, and starts it again whenever it dies.
// Prism 5.16 exits on some inputs (a body nested ~5,000 levels deep, after answering it); the front
// refuses those, and this covers whatever else may kill it.
import { startPrism } from "./prism.mjs";

/** Restarts in a row that may fail to start before the supervisor gives up. */
const FAILED_STARTS_ALLOWED = 3;
/** A Prism that ran this long before dying is restarted at once; sooner, after a growing pause. */
const HEALTHY_RUN_MS = 10_000;
const MAX_PAUSE_MS = 5_000;
/** How long a Prism that dropped a connection is given to be seen dead, before it is used again. */
const GONE_WAIT_MS = 1_000;

/**
 * @param {import("./prism.d.mts").StartPrismOptions & {
 *   onEvent?: (message: string) => void,
 * }} options Prism's options; `port` is only the first choice (a taken port is swapped for a free one)
 */
export function supervisePrism(options) {
  const { onEvent = () => {}, ...prismOptions } = options;
  /** @type {import("./prism.d.mts").PrismServer | undefined} */
  let current;
  let stopping = false;
  let restarts = 0;
  /** Deaths in a row, each soon after its start: a crash loop is slowed down, never given up on. */
  let quickDeaths = 0;
  let port = prismOptions.port;
  /** Settles with the running Prism; replaced while one is being started. */
  let running;
  let resolveGaveUp;
  const gaveUp = new Promise((resolve) => {
    resolveGaveUp = resolve;
  });

  async function launch() {
    for (let failures = 0; ; failures += 1) {
      try {
        // A restart asks for the port Prism had; startPrism picks another when it is taken.
        const prism = await startPrism({ ...prismOptions, port }).catch((error) =>
          port !== undefined && /EADDRINUSE/.test(String(error?.output))
            ? startPrism({ ...prismOptions, port: undefined })
            : Promise.reject(error),
        );
        port = prism.port;
        return prism;
      } catch (error) {
        if (stopping || failures + 1 >= FAILED_STARTS_ALLOWED) throw error;
        onEvent(`Prism failed to start (${String(error?.message).split("\n")[0]}); trying again`);
      }
    }
  }

  function watch(prism) {
    const startedAt = Date.now();
    prism.exited.then(async ({ code, signal }) => {
      if (stopping) return;
      current = undefined;
      restarts += 1;
      quickDeaths = Date.now() - startedAt < HEALTHY_RUN_MS ? quickDeaths + 1 : 0;
      const pause = quickDeaths === 0 ? 0 : Math.min(MAX_PAUSE_MS, 250 * 2 ** (quickDeaths - 1));
      onEvent(`Prism exited (${signal ?? `code ${code}`}); restarting${pause ? ` in ${pause} ms` : ""}`);
      running = (async () => {
        if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
        if (stopping) return undefined;
        const next = await launch();
        if (stopping) {
          await next.stop();
          return undefined;
        }
        current = next;
        watch(next);
        onEvent(`Prism is back on ${next.url} (restart ${restarts})`);
        return next;
      })();
      running.catch((error) => {
        if (stopping) return;
        onEvent(`Prism could not be restarted: ${String(error?.message).split("\n")[0]}`);
        resolveGaveUp(error);
      });
    });
  }

  return {
    /** Starts the first Prism; rejects (PrismStartError) when it cannot start. */
    async start() {
      running = launch();
      current = await running;
      watch(current);
      return current;
    },
    /** The Prism answering now; undefined while it is being restarted. */
    get current() {
      return current;
    },
    /** How many times Prism has died and been started again. */
    get restarts() {
      return restarts;
    },
    /** Settles (with the last start error) when Prism died and could not be started again. */
    gaveUp,
    /**
     * A running Prism, waiting up to `timeoutMs` for a restart to finish; undefined if none came.
     * @param {number} timeoutMs
     * @param {import("./prism.d.mts").PrismServer} [gone] a Prism that dropped a connection: if it
     *   is dying, wait for its successor rather than hand it out again
     */
    async ready(timeoutMs, gone) {
      let timer;
      const timeout = new Promise((resolve) => {
        timer = setTimeout(resolve, timeoutMs, undefined);
      });
      try {
        // A Prism that refused or reset a connection has usually just died, its exit milliseconds
        // from being seen; one that merely closed an idle kept-alive socket lives on.
        if (gone && current === gone) {
          await Promise.race([gone.exited, new Promise((resolve) => setTimeout(resolve, GONE_WAIT_MS))]);
        }
        if (current) return current;
        if (stopping || !running) return undefined;
        return await Promise.race([running.catch(() => undefined), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async stop() {
      stopping = true;
      await current?.stop();
      const pending = await running?.catch(() => undefined);
      await pending?.stop();
    },
  };
}
