// Short-lived confirmations ("Saved", "Copied") shown in a corner and announced politely; a failure
// stays until dismissed, since it says what to do next and that takes longer than 4 s to read.

export interface Toast {
  id: number;
  tone: 'ok' | 'danger' | 'info';
  text: string;
}

const TOAST_MS = 4000;
let next = 1;

export const toasts = $state<Toast[]>([]);

export function toast(text: string, tone: Toast['tone'] = 'ok'): void {
  const id = next++;
  toasts.push({ id, tone, text });
  if (tone !== 'danger') setTimeout(() => dismiss(id), TOAST_MS);
}

export function dismiss(id: number): void {
  const index = toasts.findIndex((t) => t.id === id);
  if (index >= 0) toasts.splice(index, 1);
}
