import type { ScreeningAction } from '../../cinema/screening-action';

/**
 * Draws a screening's one action on its button: the red primary look only for what a tap does now;
 * `quiet` for what is coming or done; `none` turns it into plain words (disabled, out of the tab order).
 * `enabled` says whether a tap does anything here (the picker cannot act on "开抢" before the release).
 */
export function drawAction(button: HTMLButtonElement, action: ScreeningAction, enabled: boolean): void {
  // Redrawn four times a second: touch the text only when it changes, so screen readers are not re-told.
  if (button.textContent !== action.label) button.textContent = action.label;
  button.dataset.action = action.kind;
  button.classList.toggle('quiet', action.look === 'quiet');
  button.classList.toggle('plain', action.look === 'none');
  button.disabled = !enabled || action.look === 'none';
}
