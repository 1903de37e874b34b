/** The instance view's feed (see `instance-feed.ts`), as React state for as long as the view shows. */
import { useEffect, useState } from "react";
import { sessionEnded } from "../auth/session.ts";
import { EMPTY_FEED, takeInstanceFeedWatch, type InstanceFeed } from "./instance-feed.ts";

export function useInstanceFeed(id: string): InstanceFeed {
  const [feed, setFeed] = useState<InstanceFeed>(EMPTY_FEED);
  useEffect(() => {
    const watch = takeInstanceFeedWatch(id);
    const show = (next: InstanceFeed) => {
      if (next.signedOut) sessionEnded();
      setFeed(next);
    };
    show(watch.current());
    const stop = watch.listen(show);
    return () => {
      stop();
      watch.close();
    };
  }, [id]);
  return feed;
}
