/** Published versions: who published when, and a line diff between any two of them. */
import { useQuery } from "@tanstack/react-query";
import { diffLines } from "diff";
import { useState } from "react";
import { api } from "../lib/api.ts";
import { fullTime } from "../instances/full-time.ts";

export function VersionsPanel({ name, onClose }: { name: string; onClose(): void }) {
  const versions = useQuery({ queryKey: ["versions", name], queryFn: () => api.workflows.versions.query({ name }), retry: false });
  const [left, setLeft] = useState<number | null>(null);
  const [right, setRight] = useState<number | null>(null);
  const list = versions.data ?? [];

  return (
    <section className="versions" data-testid="versions" aria-label="Versions">
      <header>
        <h2>Versions</h2>
        <button type="button" onClick={onClose} aria-label="Close versions">
          ×
        </button>
      </header>
      {versions.isError && <p className="hint">Not published yet.</p>}
      <table>
        <thead>
          <tr>
            <th>Version</th>
            <th>Published</th>
            <th>By</th>
            <th>Compare</th>
          </tr>
        </thead>
        <tbody>
          {list.map((v) => (
            <tr key={v.version} data-testid={`version-${v.version}`}>
              <td>{v.version}</td>
              <td>{fullTime(v.createdAt)}</td>
              <td>{v.publishedBy ?? "—"}</td>
              <td>
                <input type="radio" name="left" aria-label={`Compare from version ${v.version}`} checked={left === v.version} onChange={() => setLeft(v.version)} />
                <input type="radio" name="right" aria-label={`Compare to version ${v.version}`} checked={right === v.version} onChange={() => setRight(v.version)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {left !== null && right !== null && <VersionDiff name={name} left={left} right={right} />}
    </section>
  );
}

function VersionDiff({ name, left, right }: { name: string; left: number; right: number }) {
  const a = useQuery({ queryKey: ["version", name, left], queryFn: () => api.workflows.get.query({ name, version: left }) });
  const b = useQuery({ queryKey: ["version", name, right], queryFn: () => api.workflows.get.query({ name, version: right }) });
  if (!a.data || !b.data) return <p>Loading…</p>;
  const parts = diffLines(JSON.stringify(a.data.definition, null, 2), JSON.stringify(b.data.definition, null, 2));
  const changed = parts.some((part) => part.added || part.removed);
  return (
    <div className="diff" data-testid="version-diff">
      <h3>
        Version {left} → {right}
      </h3>
      {!changed && <p>The two versions are identical.</p>}
      <pre>
        {parts.map((part, i) => (
          <span key={i} className={part.added ? "added" : part.removed ? "removed" : "same"}>
            {part.value
              .replace(/\n$/, "")
              .split("\n")
              .map((line) => `${part.added ? "+ " : part.removed ? "- " : "  "}${line}`)
              .join("\n")}
            {"\n"}
          </span>
        ))}
      </pre>
    </div>
  );
}
