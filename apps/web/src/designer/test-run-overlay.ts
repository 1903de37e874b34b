/**
 * The states of a test run's steps, as the canvas shows them over the nodes being edited. Kept
 * apart from the designer's store: the overlay is no part of the document, nor of its undo history.
 */
import type { StepState } from "@flowcraft/engine";
import { create } from "zustand";

export interface TestRunOverlay {
  /** Each step's state by node id; null when no overlay shows. */
  states: ReadonlyMap<string, StepState> | null;
  show(states: ReadonlyMap<string, StepState> | null): void;
}

export const useTestRunOverlay = create<TestRunOverlay>()((set) => ({
  states: null,
  show: (states) => set({ states }),
}));
