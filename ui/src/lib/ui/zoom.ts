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

/** The zoom the window has taken and the one last asked for. A press that comes before the
 *  window has taken the one before steps on from what was asked, not from what was taken: two
 *  quick Ctrl + are 125 %, not 110 % twice. */
export class ZoomSteps {
  private asked: number;

  constructor(
    private taken: number,
    private readonly set: (level: number) => Promise<void>,
    private readonly onTaken: (level: number) => void,
  ) {
    this.asked = taken;
  }

  async press(direction: 'in' | 'out' | 'reset'): Promise<void> {
    await this.ask(nextZoom(this.asked, direction));
  }

  async ask(level: number): Promise<void> {
    this.asked = level;
    try {
      await this.set(level);
    } catch {
      // The window kept its zoom: the next press steps from there.
      if (this.asked === level) this.asked = this.taken;
      return;
    }
    // An earlier ask answered late is not what the window shows now.
    if (this.asked !== level) return;
    this.taken = level;
    this.onTaken(level);
  }
}

/** Restores the remembered zoom and listens for the zoom keys. */
export function installZoom(): void {
  const steps = new ZoomSteps(1, setPageZoom, (level) => {
    // Only a zoom the window took is remembered and shown on the page (tests read it there).
    localStorage.setItem(STORAGE_KEY, String(level));
    document.documentElement.dataset['zoom'] = String(level);
  });
  const remembered = storedZoom(localStorage.getItem(STORAGE_KEY));
  if (remembered !== 1) void steps.ask(remembered);
  window.addEventListener('keydown', (event) => {
    const direction = zoomKey(event);
    if (!direction) return;
    event.preventDefault();
    void steps.press(direction);
  });
}
