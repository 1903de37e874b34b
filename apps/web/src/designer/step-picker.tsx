/**
 * The picker a handle's "+" opens: a searchable list of the kinds of step and the registered
 * activities; the chosen step is added already connected from that handle.
 */
import { useEffect, useMemo, useRef } from "react";
import { create } from "zustand";
import { useAddStep } from "./add-step.ts";
import { SearchList } from "./search-list.tsx";
import { stepChoices } from "./step-choices.ts";

/** The handle a picker adds after, and where on screen its "+" is. */
export interface PickerTarget {
  source: string;
  handle: string;
  /** The handle in words, for the picker's name: "cheap of decision1". */
  name: string;
  at: { x: number; y: number };
}

export const useStepPicker = create<{ target: PickerTarget | null; open(target: PickerTarget): void; close(): void }>()((set) => ({
  target: null,
  open: (target) => set({ target }),
  close: () => set({ target: null }),
}));

/** Width and height the picker may take (styles.css), to keep it on screen. */
const PICKER_SIZE = { width: 300, height: 340 };

export function StepPicker({ activities }: { activities: string[] }) {
  const target = useStepPicker((s) => s.target);
  const close = useStepPicker((s) => s.close);
  const addStep = useAddStep();
  const items = useMemo(() => stepChoices(activities), [activities]);
  const box = useRef<HTMLDivElement>(null);

  // A press anywhere else closes it, as a menu would.
  useEffect(() => {
    if (!target) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as globalThis.Node)) close();
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => document.removeEventListener("pointerdown", onPointerDown, true);
  }, [target, close]);

  if (!target) return null;
  const left = Math.max(8, Math.min(target.at.x, window.innerWidth - PICKER_SIZE.width - 8));
  const below = target.at.y + 6;
  const top = below + PICKER_SIZE.height > window.innerHeight ? Math.max(8, target.at.y - PICKER_SIZE.height - 24) : below;
  return (
    <div ref={box} className="step-picker" role="dialog" aria-label={`Add a step after ${target.name}`} data-testid="step-picker" style={{ left, top }}>
      <SearchList
        key={`${target.source}:${target.handle}`}
        items={items}
        label="Find a step"
        placeholder="Step kind or activity…"
        onChoose={(choice) => {
          close();
          addStep(choice.node(), { type: "after", source: target.source, handle: target.handle });
        }}
        onClose={close}
      />
    </div>
  );
}
