/**
 * Where the command finds its server and token: FLOWCRAFT_URL and FLOWCRAFT_TOKEN, else what
 * `flowcraft login` saved in the user's config directory (readable by the user alone).
 */
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { CliError } from "./failure.ts";

export interface Saved {
  url: string;
  token: string;
}

export function configFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(base, "flowcraft", "config.json");
}

async function readSaved(file: string): Promise<Partial<Saved>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const saved = JSON.parse(text) as Partial<Saved>;
    return { ...(typeof saved.url === "string" ? { url: saved.url } : {}), ...(typeof saved.token === "string" ? { token: saved.token } : {}) };
  } catch {
    throw new CliError(`${file} is not valid JSON; run flowcraft login again`);
  }
}

/** The server and token to use; the environment overrides the saved config. */
export async function connection(env: NodeJS.ProcessEnv = process.env): Promise<Saved> {
  const saved = await readSaved(configFile(env));
  const url = env.FLOWCRAFT_URL || saved.url;
  const token = env.FLOWCRAFT_TOKEN || saved.token;
  if (!url || !token) throw new CliError("no server to talk to: run flowcraft login --url URL --token TOKEN, or set FLOWCRAFT_URL and FLOWCRAFT_TOKEN");
  return { url, token };
}

/** Saves the server and token, for the user's eyes only (0600 in a 0700 directory). */
export async function save(saved: Saved, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const file = configFile(env);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify(saved, null, 2) + "\n", { mode: 0o600 });
  // writeFile keeps the mode of a file that exists already.
  await chmod(file, 0o600);
  return file;
}
