import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { ExpressionError, ExpressionLimitError } from "@flowcraft/engine";
import { ExpressionSandbox, SandboxUnavailableError } from "./expression-sandbox.ts";

/**
 * Sorts a million numbers: JSONata's merge sort awaits every comparison, so this runs for a long
 * time and fills gigabytes of heap between two steps of the evaluation, where none of the engine's
 * counted budgets looks. In the deciding process it took 45 s and then aborted the process.
 */
const SLOW_AND_HUNGRY = "$count($sort([1..1000000]))";

const sandboxes: ExpressionSandbox[] = [];
function sandbox(options?: ConstructorParameters<typeof ExpressionSandbox>[0]) {
  const made = new ExpressionSandbox(options);
  sandboxes.push(made);
  return made;
}
afterEach(() => {
  for (const made of sandboxes.splice(0)) made.close();
});

/** The longest the event loop of this process went without running a timer while `work` ran. */
async function longestStall<T>(work: Promise<T>): Promise<{ result: PromiseSettledResult<T>; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  const [result] = await Promise.allSettled([work]);
  clearInterval(ticker);
  return { result, stallMs };
}

describe("the expression sandbox", () => {
  it("stops an evaluation that overruns its deadline, from outside, while this process goes on", async () => {
    const box = sandbox({ timeLimitMs: 500 });
    const { result, stallMs } = await longestStall(box.evaluate(SLOW_AND_HUNGRY, {}));
    expect(result.status).toBe("rejected");
    const error = (result as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(ExpressionLimitError);
    expect(error.message).toBe(`${SLOW_AND_HUNGRY}: exceeded the time limit of 500 ms, and its sandbox process was stopped`);
    expect(stallMs).toBeLessThan(400);
  });

  it("stops an evaluation that fills its heap, and names the memory limit", async () => {
    const box = sandbox({ memoryLimitMb: 48, timeLimitMs: 60_000 });
    const error = await box.evaluate(SLOW_AND_HUNGRY, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpressionLimitError);
    expect((error as Error).message).toBe(`${SLOW_AND_HUNGRY}: exceeded the memory limit of 48 MB, and its sandbox process was stopped`);
  });

  it("evaluates the next expressions after a process was stopped, and others alongside one that overruns", async () => {
    const box = sandbox({ timeLimitMs: 500, processes: 2 });
    const [stopped, meanwhile] = await Promise.allSettled([box.evaluate(SLOW_AND_HUNGRY, {}), box.evaluate("$sum(input)", { input: [1, 2, 3] })]);
    expect(stopped.status).toBe("rejected");
    expect(meanwhile).toEqual({ status: "fulfilled", value: 6 });
    expect(await box.evaluate("$uppercase(input)", { input: "after" })).toBe("AFTER");
  });

  it("answers an ordinary failure as the step failure it is", async () => {
    const box = sandbox();
    const error = await box.evaluate("$pad('x', 400000000)", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as Error).message).toBe("$pad('x', 400000000): exceeded the size budget of 5000000 characters in one string");
  });

  it("sends an evaluation only the part of the context it can reach", async () => {
    // Forty megabytes of earlier output would not even fit the sandbox's heap once parsed.
    const box = sandbox({ memoryLimitMb: 48 });
    const context = { input: null, steps: { big: "x".repeat(40_000_000), small: [1, 2, 3] }, item: { id: 7 } };
    expect(await box.evaluate("$string(item.id)", context)).toBe("7");
    expect(await box.evaluate("$sum(steps.small)", context)).toBe(6);
  });

  it("evaluates plain lookups in this process and everything else in the sandbox", async () => {
    const box = sandbox();
    box.close();
    const context = { input: { order: { id: 7, lines: [{ sku: "a" }, { sku: "b" }] } }, steps: {} };
    expect(await box.evaluate("input.order.lines[1].sku", context)).toBe("b");
    expect(await box.evaluate("{'id': input.order.id, 'n': [1..3]}", context)).toEqual({ id: 7, n: [1, 2, 3] });
    await expect(box.evaluate("$count(input.order.lines)", context)).rejects.toThrow(SandboxUnavailableError);
    await expect(box.evaluate("input.order.lines[sku = 'a']", context)).rejects.toThrow(SandboxUnavailableError);
  });

  it("refuses as its own failure, never the expression's, a process that cannot start", async () => {
    const box = sandbox({ execPath: "/nonexistent/node" });
    const error = await box.evaluate("$sum(input)", { input: [1] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxUnavailableError);
    expect((error as Error).message).toMatch(/^the expression sandbox process did not start: .*ENOENT/);
    // Refused at once for a while, not spawned again for every evaluation.
    await expect(box.evaluate("$sum(input)", { input: [1] })).rejects.toThrow(SandboxUnavailableError);
  });

  it("refuses the evaluations it runs when it is closed, as its own failure", async () => {
    const box = sandbox({ timeLimitMs: 60_000, memoryLimitMb: 2048 });
    await box.evaluate("$sum(input)", { input: [1] });
    const running = box.evaluate(SLOW_AND_HUNGRY, {}).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 300));
    box.close();
    expect(await running).toBeInstanceOf(SandboxUnavailableError);
  });

  it("runs again, in a new process, an evaluation whose process was killed from outside", async () => {
    const box = sandbox({ processes: 1 });
    await box.evaluate("$sum(input)", { input: [1] });
    const expression = "$count($map([1..20000], function($v){ $v }))";
    const result = box.evaluate(expression, {});
    for (const pid of box.processIds()) process.kill(pid, "SIGKILL");
    expect(await result).toBe(20_000);
  });

  it("never keeps a program alive that forgot to close it", async () => {
    const program = `
      import { ExpressionSandbox } from ${JSON.stringify(new URL("./expression-sandbox.ts", import.meta.url).pathname)};
      console.log(await new ExpressionSandbox().evaluate("$sum(input)", { input: [1, 2] }));
    `;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", program], {
      cwd: new URL("../..", import.meta.url).pathname,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 20_000);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    if (exited === null) child.kill("SIGKILL");
    expect(exited).toBe(0);
    expect(output.trim()).toBe("3");
  });
});
