import { Toast, toaster } from '@kobalte/core/toast';
import { Portal } from 'solid-js/web';

export type ToastTone = 'success' | 'error' | 'info';

/** The live region, fixed to the lower-left corner (where the merchant expects confirmations). */
export function ToastRegion() {
  return (
    <Portal>
      <Toast.Region class="toast-region" aria-label="Notifications (alt+T)" duration={6000} limit={5}>
        {/* Divs, not Kobalte's ol/li: each toast is a role="status" live region, which a list may not hold. */}
        <Toast.List as="div" class="toast-list" />
      </Toast.Region>
    </Portal>
  );
}

/** Shows a confirmation or failure message; failures stay until dismissed so the reason can be read. */
export function notify(tone: ToastTone, title: string, description?: string): number {
  return toaster.show((props) => (
    <Toast
      as="div"
      toastId={props.toastId}
      class={`toast toast-${tone}`}
      priority={tone === 'error' ? 'high' : 'low'}
      persistent={tone === 'error'}
      data-tone={tone}
    >
      <div class="toast-body">
        <Toast.Title class="toast-title">{title}</Toast.Title>
        {description && <Toast.Description class="toast-description">{description}</Toast.Description>}
      </div>
      <Toast.CloseButton class="toast-close" aria-label="Dismiss notification">
        ×
      </Toast.CloseButton>
    </Toast>
  ));
}
