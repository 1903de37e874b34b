/** JSON given on the command line: inline, or @file to read it from a file. */
import { readFile } from "node:fs/promises";
import { CliError } from "./failure.ts";

export async function jsonArgument(option: string, text: string | undefined): Promise<unknown> {
  if (text === undefined) return undefined;
  let source = text;
  if (text.startsWith("@")) {
    try {
      source = await readFile(text.slice(1), "utf8");
    } catch (error) {
      throw new CliError(`${option}: cannot read ${text.slice(1)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new CliError(`${option} is not valid JSON: ${(error as Error).message}`);
  }
}

export function positiveNumber(option: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new CliError(`${option} must be a positive number, not "${text}"`);
  return value;
}
