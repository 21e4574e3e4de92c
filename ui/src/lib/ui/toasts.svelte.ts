// Short-lived confirmations ("Saved", "Copied") shown in a corner and announced politely.

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
  setTimeout(() => {
    const index = toasts.findIndex((t) => t.id === id);
    if (index >= 0) toasts.splice(index, 1);
  }, TOAST_MS);
}
