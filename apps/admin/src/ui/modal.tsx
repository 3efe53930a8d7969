import { Dialog } from '@kobalte/core/dialog';
import type { JSX } from 'solid-js';

/** A modal dialog: focus trapped inside, Escape and the close button dismiss it, focus returns on close. */
export function Modal(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: JSX.Element;
  children: JSX.Element;
  footer?: JSX.Element;
  size?: 'normal' | 'wide';
}) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Dialog.Content class={`dialog ${props.size === 'wide' ? 'dialog-wide' : ''}`}>
            <header class="dialog-header">
              <Dialog.Title class="dialog-title">{props.title}</Dialog.Title>
              <Dialog.CloseButton class="icon-button" aria-label="Close">
                ×
              </Dialog.CloseButton>
            </header>
            {props.description && (
              <Dialog.Description class="dialog-description">{props.description}</Dialog.Description>
            )}
            <div class="dialog-body">{props.children}</div>
            {props.footer && <footer class="dialog-footer">{props.footer}</footer>}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
