/**
 * Regular expressions of workflow expressions, matched by RE2 (re2js) in time linear in the
 * input: JavaScript's backtracking engine takes exponential time on patterns like /(a+)+$/, and
 * one such match would hold a worker for minutes. RE2 has no backreferences or lookaround, so a
 * pattern that needs them is refused when the definition is checked, not when it runs.
 */
import { RE2JS } from "re2js";

/**
 * What JSONata asks of its `RegexEngine` option: built from the RegExp its parser made, matched
 * from `lastIndex`, which the match then moves past (JSONata's regexes are global).
 */
export class LinearRegExp {
  lastIndex = 0;
  private readonly pattern: RE2JS;

  constructor(regexp: RegExp) {
    this.pattern = compileLinear(regexp);
  }

  exec(input: string): RegExpExecArray | null {
    const matcher = this.pattern.matcher(input);
    if (this.lastIndex > input.length || !matcher.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    const groups: Array<string | undefined> = [];
    for (let i = 0; i <= matcher.groupCount(); i++) groups.push(matcher.group(i) ?? undefined);
    const match = Object.assign(groups, { index: matcher.start(), input }) as unknown as RegExpExecArray;
    this.lastIndex = matcher.end();
    return match;
  }
}

function compileLinear(regexp: RegExp): RE2JS {
  let flags = 0;
  if (regexp.ignoreCase) flags |= RE2JS.CASE_INSENSITIVE;
  if (regexp.multiline) flags |= RE2JS.MULTILINE;
  if (regexp.dotAll) flags |= RE2JS.DOTALL;
  return RE2JS.compile(RE2JS.translateRegExp(regexp.source), flags);
}

/** Why this pattern cannot be matched in linear time (a backreference, lookaround), or null when it can. */
export function linearRegexProblem(regexp: RegExp): string | null {
  try {
    compileLinear(regexp);
    return null;
  } catch (error) {
    return `the regular expression /${regexp.source}/ is not supported: ${(error as Error).message} (workflow expressions match with RE2, which has no backreferences or lookaround, so that every match runs in linear time)`;
  }
}
