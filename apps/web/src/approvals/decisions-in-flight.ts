/**
 * Decisions sent and not yet answered. The inbox drops a decided row at once, so nothing on the
 * screen shows that a decision is still on its way; closing or reloading the tab then would drop
 * it without a word. While any is in flight, leaving the page asks first. (Moving within the app
 * cancels no request, so only the page's unload is guarded.)
 */
let inFlight = 0;

const askBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();

/** Call as a decision is sent; call the returned function once it is answered, either way. */
export function decisionSent(): () => void {
  if (inFlight++ === 0) window.addEventListener("beforeunload", askBeforeUnload);
  let answered = false;
  return () => {
    if (answered) return;
    answered = true;
    if (--inFlight === 0) window.removeEventListener("beforeunload", askBeforeUnload);
  };
}
