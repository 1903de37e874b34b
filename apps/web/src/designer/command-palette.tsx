/**
 * The command palette (Ctrl/Cmd+K): the designer's commands, the kinds of step and the registered
 * activities, found by name. A step is added after the selection, as a palette click adds it.
 * Escape closes it, and the focus goes back where it was.
 */
import { useEffect, useMemo, useRef } from "react";
import { useRefusal } from "../auth/permissions.ts";
import { useAddStep } from "./add-step.ts";
import type { DesignerCommand } from "./commands.ts";
import { SearchList } from "./search-list.tsx";
import type { SearchItem } from "./search-match.ts";
import { stepChoices } from "./step-choices.ts";

interface PaletteItem extends SearchItem {
  run(): void;
}

export function CommandPalette({ commands, activities, onClose }: { commands: DesignerCommand[]; activities: string[]; onClose(): void }) {
  const addStep = useAddStep();
  const notDesigner = useRefusal("design") ?? undefined;
  // Where the focus was, to give it back on closing.
  const before = useRef(document.activeElement);
  useEffect(() => {
    const previous = before.current;
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  const items = useMemo<PaletteItem[]>(
    () => [
      ...commands.map((command) => ({ id: `command:${command.id}`, label: command.label, group: "Command", hint: command.hint, unavailable: command.unavailable, run: command.run })),
      ...stepChoices(activities).map((choice) => ({
        id: choice.id,
        label: choice.group === "Activity" ? `Add activity ${choice.label}` : `Add ${choice.label}`,
        group: choice.group,
        hint: choice.hint,
        unavailable: notDesigner,
        run: () => addStep(choice.node()),
      })),
    ],
    [commands, activities, addStep, notDesigner],
  );

  return (
    <div className="dialog-backdrop command-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="command-palette" role="dialog" aria-modal="true" aria-label="Command palette" data-testid="command-palette">
        <SearchList
          items={items}
          label="Find a command or step"
          placeholder="Type a command, a kind of step or an activity…"
          onChoose={(item) => {
            onClose();
            item.run();
          }}
          onClose={onClose}
        />
      </div>
    </div>
  );
}
