/** What a command prints: for people by default, JSON with --json. */
export interface Output {
  json: boolean;
  /** The command's result: `human` for people, `data` as JSON. */
  result(data: unknown, human: string | (() => string)): void;
  /** A remark for people, on stderr so that stdout stays the result. */
  note(text: string): void;
}

export function output(json: boolean): Output {
  return {
    json,
    result(data, human) {
      process.stdout.write((json ? JSON.stringify(data) : typeof human === "function" ? human() : human) + "\n");
    },
    note(text) {
      if (!json) process.stderr.write(text + "\n");
    },
  };
}
