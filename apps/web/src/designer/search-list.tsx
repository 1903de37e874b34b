/**
 * A searchable list, chosen from with the keyboard (type to filter, arrows, Enter; Escape closes)
 * or the mouse. The step picker of a handle's "+" and the command palette share it.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { matchItems, type SearchItem } from "./search-match.ts";

export interface SearchListProps<T extends SearchItem> {
  items: T[];
  /** The accessible name of the search field. */
  label: string;
  placeholder: string;
  onChoose(item: T): void;
  onClose(): void;
}

export function SearchList<T extends SearchItem>({ items, label, placeholder, onChoose, onClose }: SearchListProps<T>) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const shown = useMemo(() => matchItems(items, query), [items, query]);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const current = shown.length === 0 ? -1 : Math.min(active, shown.length - 1);
  const optionId = (index: number) => `${listId}-${index}`;

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (current >= 0) document.getElementById(optionId(current))?.scrollIntoView({ block: "nearest" });
  }, [current]); // eslint-disable-line react-hooks/exhaustive-deps

  const choose = (item: T | undefined) => {
    if (item && !item.unavailable) onChoose(item);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined && shown.length > 0) {
      event.preventDefault();
      setActive((current + step + shown.length) % shown.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(shown[current]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="search-list">
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        placeholder={placeholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={label}>
        {shown.map((item, index) => (
          <li
            key={item.id}
            id={optionId(index)}
            role="option"
            aria-label={item.label}
            aria-selected={index === current}
            aria-disabled={item.unavailable ? true : undefined}
            title={item.unavailable ?? item.hint}
            // The focus stays in the search field.
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => setActive(index)}
            onClick={() => choose(item)}
          >
            <span className="search-label">{item.label}</span>
            <span className="search-group">{item.unavailable ? "unavailable" : item.group}</span>
          </li>
        ))}
        {shown.length === 0 && <li className="search-empty">Nothing matches “{query}”.</li>}
      </ul>
    </div>
  );
}
