/** The foot of a list loaded a page at a time: how many show of how many, and a button for the next page. */
export function LoadMore({ shown, total, hasMore, loading, onLoad, noun }: { shown: number; total: number; hasMore: boolean; loading: boolean; onLoad(): void; noun: string }) {
  return (
    <div className="load-more" data-testid="load-more">
      <span className="hint" aria-live="polite">
        {shown} of {total} {noun} shown
      </span>
      {hasMore && (
        <button type="button" disabled={loading} onClick={onLoad}>
          {loading ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}
