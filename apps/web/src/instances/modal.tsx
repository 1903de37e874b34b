/**
 * A modal dialog on the browser's own <dialog>: it traps focus, puts the rest of the page out of
 * reach of screen readers and the keyboard, and closes on Escape.
 */
import { useEffect, useId, useRef, type ReactNode } from "react";
import "./instances.css";

export function Modal({ title, onClose, children, testId }: { title: string; onClose(): void; children: ReactNode; testId?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current!;
    element.showModal();
    return () => element.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="modal"
      aria-labelledby={titleId}
      data-testid={testId}
      // Escape: the parent decides whether to close (the 'close' event would also fire on unmount).
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

/** The Cancel and confirm buttons at the bottom of a dialog, with the error of the last attempt. */
export function ModalActions({
  confirmLabel,
  onConfirm,
  onCancel,
  disabled,
  busy,
  error,
  danger,
}: {
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  disabled?: boolean;
  busy: boolean;
  error: string | null;
  danger?: boolean;
}) {
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className={danger ? "danger" : "primary"} data-testid="confirm-action" disabled={disabled || busy} onClick={onConfirm}>
          {busy ? "Working…" : confirmLabel}
        </button>
      </div>
    </>
  );
}
