/** The instance view's feed (see `instance-feed.ts`), as React state for as long as the view shows. */
import { useEffect, useState } from "react";
import { EMPTY_FEED, takeInstanceFeedWatch, type InstanceFeed } from "./instance-feed.ts";

export function useInstanceFeed(id: string): InstanceFeed {
  const [feed, setFeed] = useState<InstanceFeed>(EMPTY_FEED);
  useEffect(() => {
    const watch = takeInstanceFeedWatch(id);
    setFeed(watch.current());
    const stop = watch.listen(setFeed);
    return () => {
      stop();
      watch.close();
    };
  }, [id]);
  return feed;
}
