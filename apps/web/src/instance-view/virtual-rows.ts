/**
 * Renders only the rows in view of a scrolled list of fixed-height rows: lists of ten thousand
 * history events or map iterations stay as fast as lists of ten.
 */
import { useLayoutEffect, useRef, useState, type UIEvent } from "react";

/** Rows drawn beyond each edge, so fast scrolling shows no gaps. */
const OVERSCAN = 8;

export function useVirtualRows(count: number, rowHeight: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [size, setSize] = useState({ width: 800, height: 300 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + size.height) / rowHeight) + OVERSCAN);
  return {
    ref,
    onScroll: (event: UIEvent<HTMLElement>) => setScrollTop(event.currentTarget.scrollTop),
    first,
    last,
    width: size.width,
    totalHeight: count * rowHeight,
  };
}
