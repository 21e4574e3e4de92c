// Keyboard focus that is never lost: a panel that opens takes focus at its heading, and when the
// focused control goes away (a screen changes, a panel closes) focus moves to the heading that
// says where the admin now is, instead of falling back to the page's start.

/** Headings focus may move to; they take focus without joining the Tab order. */
const HEADING = '[data-focus-heading]';

/** A Svelte action for a panel's heading: focus moves to it when the panel opens (at once, in
 *  the same update that shows the panel, so no keystroke meant for a field lands here). */
export function takeFocus(node: HTMLElement): void {
  node.tabIndex = -1;
  node.dataset['focusHeading'] = '';
  node.focus();
}

/** A Svelte action for a screen's title: where focus goes when nothing nearer is left. */
export function focusHome(node: HTMLElement): void {
  node.tabIndex = -1;
  node.dataset['focusHeading'] = '';
}

/** Still somewhere focus could stay: on the page, shown, enabled, not in a closed dialog. */
function usable(control: Element): boolean {
  return (
    control.isConnected &&
    !control.matches(':disabled') &&
    control.getClientRects().length > 0 &&
    !control.closest('dialog:not([open])')
  );
}

function isLost(): boolean {
  const now = document.activeElement;
  return !now || now === document.body || now === document.documentElement;
}

/** Watches for a focused control that leaves the page, is hidden or disabled, and moves focus to
 *  an open dialog, else the nearest heading: the last panel heading on the page, else the
 *  screen's title. */
export function keepFocus(): () => void {
  let last: Element | null = null;
  const rescue = () => {
    // Still usable: the admin clicked elsewhere or left the window.
    if (!last || !isLost() || usable(last)) return;
    last = null;
    // Behind an open modal dialog the page is inert: focus goes into the dialog instead.
    const modal = document.querySelector<HTMLElement>('dialog[open]');
    if (modal) {
      modal.focus();
      return;
    }
    const headings = [...document.querySelectorAll<HTMLElement>(HEADING)];
    headings.at(-1)?.focus();
  };
  const onFocusIn = (event: FocusEvent) => {
    last = event.target instanceof Element ? event.target : null;
  };
  // A control disabled while focused loses focus a moment later, with no change to the page.
  const onFocusOut = (event: FocusEvent) => {
    if (event.relatedTarget === null) requestAnimationFrame(rescue);
  };
  const observer = new MutationObserver(rescue);
  document.addEventListener('focusin', onFocusIn);
  document.addEventListener('focusout', onFocusOut);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  return () => {
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('focusout', onFocusOut);
    observer.disconnect();
  };
}
