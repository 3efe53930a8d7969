import type { JSX } from 'solid-js';
import { Modal } from './modal.tsx';

/** “Are you sure?” before something that cannot be taken back; Cancel, Escape and × leave everything as it was. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  description: JSX.Element;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: JSX.Element;
}) {
  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => !open && props.onCancel()}
      title={props.title}
      description={props.description}
      footer={
        <>
          <button type="button" class="button" onClick={() => props.onCancel()}>
            Cancel
          </button>
          <button
            type="button"
            class="button button-danger"
            disabled={props.busy}
            onClick={() => props.onConfirm()}
          >
            {props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
    </Modal>
  );
}
