/** The small server-rendered pages an approval link opens: no script, so they work in any mail client's browser. */

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Flowcraft</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1d2733}
h1{font-size:1.4rem}button{font:inherit;padding:.5rem 1.2rem;border-radius:6px;border:1px solid #2e7d32;background:#2e7d32;color:#fff;cursor:pointer}
button.reject{background:#fff;color:#b3261e;border-color:#b3261e}.muted{color:#5b6b7b}</style>
</head><body><main data-testid="approval-link-page">${body}</main></body></html>`;
}

export function confirmPage(opts: { decision: "approved" | "rejected"; summary: string; instanceId: string; approver: string; expiresAt: string; action: string }): string {
  const verb = opts.decision === "approved" ? "Approve" : "Reject";
  return page(
    `${verb}?`,
    `<h1>${verb}: ${escape(opts.summary)}</h1>
<p>Instance <code>${escape(opts.instanceId)}</code>. You decide as <strong>${escape(opts.approver)}</strong>; this link works until ${escape(opts.expiresAt)}.</p>
<form method="post" action="${escape(opts.action)}"><button type="submit" data-testid="confirm-decision"${opts.decision === "rejected" ? ' class="reject"' : ""}>${verb}</button></form>`,
  );
}

export function outcomePage(title: string, text: string): string {
  return page(title, `<h1 data-testid="approval-link-title">${escape(title)}</h1><p data-testid="approval-link-text">${escape(text)}</p>`);
}
