import { describe, expect, it } from 'vitest';
import { ZoomSteps, nextZoom, storedZoom, zoomKey } from './zoom';

describe('page zoom', () => {
  it('steps through the levels browsers use and stops at the ends', () => {
    expect(nextZoom(1, 'in')).toBe(1.1);
    expect(nextZoom(1.1, 'in')).toBe(1.25);
    expect(nextZoom(1.25, 'in')).toBe(1.5);
    expect(nextZoom(2, 'in')).toBe(2);
    expect(nextZoom(1, 'out')).toBe(0.9);
    expect(nextZoom(0.67, 'out')).toBe(0.67);
    expect(nextZoom(1.5, 'reset')).toBe(1);
  });

  it('reads Ctrl with =, +, -, 0 and nothing else', () => {
    const key = (k: string, extra: Partial<KeyboardEvent> = {}) =>
      zoomKey({ ctrlKey: true, metaKey: false, altKey: false, key: k, ...extra });
    expect(key('=')).toBe('in');
    expect(key('+')).toBe('in');
    expect(key('-')).toBe('out');
    expect(key('0')).toBe('reset');
    expect(key('a')).toBeNull();
    expect(key('=', { altKey: true })).toBeNull();
    expect(zoomKey({ ctrlKey: false, metaKey: false, altKey: false, key: '=' })).toBeNull();
  });

  it('forgets a stored level that is not one of its own', () => {
    expect(storedZoom('1.25')).toBe(1.25);
    expect(storedZoom('3')).toBe(1);
    expect(storedZoom(null)).toBe(1);
    expect(storedZoom('big')).toBe(1);
  });

  it('steps on from the last press, not from what the window has taken yet', async () => {
    const shown: number[] = [];
    // The window takes each level a moment later, as it does over IPC.
    const set = () => new Promise<void>((done) => setTimeout(done, 5));
    const steps = new ZoomSteps(1, set, (level) => shown.push(level));
    await Promise.all([steps.press('in'), steps.press('in')]);
    expect(shown).toEqual([1.25]);
    await steps.press('in');
    expect(shown).toEqual([1.25, 1.5]);
  });

  it('steps from the level the window kept when it refused one', async () => {
    const shown: number[] = [];
    let refuse = true;
    const set = async () => {
      if (refuse) throw new Error('no zoom');
    };
    const steps = new ZoomSteps(1, set, (level) => shown.push(level));
    await steps.press('in');
    refuse = false;
    await steps.press('in');
    expect(shown).toEqual([1.1]);
  });
});
