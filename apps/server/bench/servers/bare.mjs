// (b) Node's ceiling: a bare node:http server that reads and parses the JSON body and answers
// a fixed body of the same size as the reference server's documented answer. No framework,
// no storage: the most any Node server can do on this machine with this request.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const answer = readFileSync(process.env.BENCH_ANSWER_FILE ?? "");
const headers = { "Content-Type": "application/json", "Content-Length": String(answer.length) };

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    try {
      JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      res.writeHead(400).end();
      return;
    }
    res.writeHead(200, headers).end(answer);
  });
});
server.keepAliveTimeout = 5_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  console.log(`bare node:http listening on http://127.0.0.1:${port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
