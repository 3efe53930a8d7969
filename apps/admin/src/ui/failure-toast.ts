import { errorMessage } from '../api/problem.ts';
import { notify } from './toaster.tsx';

/**
 * Runs what the merchant asked for; when it fails, a toast says `failure` and the reason. Resolves to whether
 * it went through, so a dialog knows whether to close.
 */
export async function withFailureToast(failure: string, action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    notify('error', failure, errorMessage(error));
    return false;
  }
}
