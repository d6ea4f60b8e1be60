import type { Socket } from "node:net";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.js";
import { HttpError } from "../errors.js";

/** The connection a request arrived on, when the app is served by @hono/node-server. */
function socketOf(c: Context<AppEnv>, fault: string): Socket {
  const socket = c.env?.incoming?.socket;
  if (!socket) {
    // `app.request()` and other in-process callers have no connection to cut.
    throw new HttpError(500, `fault ${fault} needs a connection: serve the app over HTTP to play it`);
  }
  return socket;
}

/**
 * Faults played on the connection itself, and the requests held unanswered, so that a stopping
 * server can let them go instead of waiting for clients that will never give up.
 */
export class ConnectionFaults {
  private readonly held = new Set<Socket>();

  /** Resets the connection (TCP RST): the client sees ECONNRESET and no answer. */
  reset(c: Context<AppEnv>): void {
    socketOf(c, "reset").resetAndDestroy();
  }

  /** Never answers: resolves once the client has closed the connection (or `releaseAll`). */
  hold(c: Context<AppEnv>): Promise<void> {
    const socket = socketOf(c, "no_answer");
    return new Promise((resolve) => {
      if (socket.destroyed) return resolve();
      this.held.add(socket);
      socket.once("close", () => {
        this.held.delete(socket);
        resolve();
      });
    });
  }

  /** Closes every held connection (the server is stopping). */
  releaseAll(): void {
    for (const socket of this.held) socket.destroy();
  }
}
