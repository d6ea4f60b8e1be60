import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Http2Bindings, type HttpBindings, serve } from "@hono/node-server";

export interface RunningServer {
  server: Server;
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  url: string;
  /** Stops accepting, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

/** Limits that keep slow or stalled clients from pinning the server. */
export const TIMEOUTS = {
  /** The whole header block must arrive within this. */
  headersMs: 10_000,
  /** The whole request (headers and body) must arrive within this. */
  requestMs: 30_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: 5_000,
  /** How often Node looks for requests past those limits (its default is 30 s). */
  checkEveryMs: 1_000,
};

/** The port is taken: said in one line that names the variable to change. */
export class PortInUseError extends Error {
  override name = "PortInUseError";
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`port ${port} on ${host} is already in use: set PORT to a free port (PORT=0 picks one)`);
  }
}

/**
 * Serves `fetch` (a Hono app's; it also gets the Node request and response as its `env`) on
 * host:port with the timeouts above. Rejects with PortInUseError when the port is taken.
 */
export function startServer(
  fetch: (request: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>,
  options: { port: number; host: string; timeouts?: Partial<typeof TIMEOUTS> },
): Promise<RunningServer> {
  const timeouts = { ...TIMEOUTS, ...options.timeouts };
  return new Promise((resolve, reject) => {
    const serverOptions = {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    };
    const server = serve(
      { fetch, port: options.port, hostname: options.host, serverOptions },
      (info: AddressInfo) => {
        const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
        resolve({
          server,
          url: `http://${host}:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              server.closeIdleConnections();
            }),
        });
      },
    ) as Server;
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new PortInUseError(options.host, options.port) : error);
    });
  });
}
