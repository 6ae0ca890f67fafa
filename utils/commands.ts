/** Keyboard commands: the background hands each one to the content script of the active tab. */
import { browser } from 'wxt/browser';
import type { CommandToContent, GlossCommand } from './messages';

export const COMMANDS: readonly GlossCommand[] = ['toggle-page', 'next-finding', 'previous-finding'];

export function forwardCommands(): void {
  browser.commands?.onCommand.addListener(async (command) => {
    if (!(COMMANDS as readonly string[]).includes(command)) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const message: CommandToContent = { type: 'gloss:command', command: command as GlossCommand };
    await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  });
}
