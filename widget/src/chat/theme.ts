/**
 * The merchant's colors as CSS custom properties on the chat's root (chat.css reads them):
 * `headerBackground` becomes `--header-background`, and so on.
 */
import type { WidgetColors } from '@comptoir/core';

export function applyColors(root: HTMLElement, colors: Partial<WidgetColors>) {
  for (const [name, value] of Object.entries(colors)) {
    if (!value) continue;
    root.style.setProperty(`--${name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`, value);
  }
}
