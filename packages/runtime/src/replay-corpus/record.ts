/**
 * Records the replay corpus (packages/engine/replay-corpus): runs each scenario on a real worker
 * and database, and writes its instance's history as the runtime stored it. Run on purpose only,
 * as `pnpm replay:record [case...]`: tests only read the files, and a change to them is a change
 * to what production writes, to be reviewed like code.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { exampleRegistry } from "../../../../apps/server/src/examples/activities.ts";
import { createTestRuntime } from "../test-helpers.ts";
import { BEHAVIOUR_ACTIVITIES, BEHAVIOUR_SCENARIOS } from "./behaviour-scenarios.ts";
import { caseFileText } from "./case-file.ts";
import { EXAMPLE_NAMES, EXAMPLE_SCENARIOS } from "./example-scenarios.ts";
import { Recorder } from "./recorder.ts";

const CORPUS_DIR = new URL("../../../engine/replay-corpus/", import.meta.url);
const SCENARIOS = [...EXAMPLE_SCENARIOS, ...BEHAVIOUR_SCENARIOS];

const unrecorded = EXAMPLE_NAMES.filter((name) => !EXAMPLE_SCENARIOS.some((scenario) => scenario.example === name));
if (unrecorded.length > 0) throw new Error(`no scenario records the example(s) ${unrecorded.join(", ")}: add one to example-scenarios.ts`);

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
if (unknown.length > 0) throw new Error(`no scenario is called ${unknown.join(", ")}; there are ${SCENARIOS.map((s) => s.name).join(", ")}`);
const chosen = requested.length > 0 ? SCENARIOS.filter((scenario) => requested.includes(scenario.name)) : SCENARIOS;

const runtime = await createTestRuntime();
try {
  const activities = exampleRegistry();
  for (const [name, fn] of Object.entries(BEHAVIOUR_ACTIVITIES)) activities.register(name, fn);
  // The job monitor's status endpoint runs on loopback.
  await runtime.startWorker(activities, { httpAllow: ["127.0.0.1"] });
  const recorder = new Recorder(runtime);
  mkdirSync(CORPUS_DIR, { recursive: true });
  for (const scenario of chosen) {
    for (const [name, definition] of Object.entries(scenario.subworkflows ?? {})) await runtime.workflows.publish(name, definition);
    await runtime.workflows.publish(scenario.name, scenario.definition);
    // As the workers read it: from storage.
    const { definition } = await runtime.workflows.get(scenario.name);
    const instanceId = await scenario.run(recorder);
    const { runtimeStatus } = await recorder.ended(instanceId);
    const events = await recorder.history(instanceId);
    writeFileSync(new URL(`${scenario.name}.json`, CORPUS_DIR), caseFileText(scenario.description, definition, events));
    console.log(`${scenario.name}: ${runtimeStatus}, ${events.length} events, ${events.at(-1)?.generation} generation(s)`);
  }
} finally {
  await runtime.close();
}
