/**
 * A job's status endpoint on loopback for the job-monitor example: each GET answers the next
 * status of a script (a number is an HTTP error status), and POSTs (alerts) are acknowledged.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedStatus = "healthy" | "unhealthy" | number;

export async function startStatusServer(script: ScriptedStatus[]) {
  const answers = [...script];
  const server = createServer((request, response) => {
    const answer = request.method === "GET" ? (answers.shift() ?? "healthy") : "received";
    const status = typeof answer === "number" ? answer : 200;
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ status: answer }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
