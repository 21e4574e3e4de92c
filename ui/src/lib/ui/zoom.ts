// Page zoom by keyboard (Ctrl + / Ctrl − / Ctrl 0), in the steps browsers use, remembered across starts.
import { setPageZoom } from '../backend/zoom';

export const ZOOM_LEVELS = [0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;
const STORAGE_KEY = 'zoom';

/** The level one step from `current` in `direction`, or back to 100 %. */
export function nextZoom(current: number, direction: 'in' | 'out' | 'reset'): number {
  if (direction === 'reset') return 1;
  const levels: readonly number[] = ZOOM_LEVELS;
  if (direction === 'in') return levels.find((l) => l > current + 0.001) ?? current;
  return [...levels].reverse().find((l) => l < current - 0.001) ?? current;
}

/** What a key press asks of the zoom, if anything. */
export function zoomKey(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'key'>): 'in' | 'out' | 'reset' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.key === '=' || event.key === '+') return 'in';
  if (event.key === '-' || event.key === '_') return 'out';
  if (event.key === '0') return 'reset';
  return null;
}

/** A stored level, if it is one of ours. */
export function storedZoom(raw: string | null): number {
  const level = Number(raw);
  return (ZOOM_LEVELS as readonly number[]).includes(level) ? level : 1;
}

let level = 1;

async function apply(next: number): Promise<void> {
  await setPageZoom(next);
  // Only a zoom the window took is remembered and shown on the page (tests read it there).
  level = next;
  localStorage.setItem(STORAGE_KEY, String(next));
  document.documentElement.dataset['zoom'] = String(next);
}

/** Restores the remembered zoom and listens for the zoom keys. */
export function installZoom(): void {
  const remembered = storedZoom(localStorage.getItem(STORAGE_KEY));
  if (remembered !== 1) void apply(remembered).catch(() => undefined);
  window.addEventListener('keydown', (event) => {
    const direction = zoomKey(event);
    if (!direction) return;
    event.preventDefault();
    void apply(nextZoom(level, direction)).catch(() => undefined);
  });
}
