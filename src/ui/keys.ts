// The one key-command table: every key the lab answers to, where it works, and what it does. The
// help overlay (`?`) is printed from it, and every component matches keys through it, so a key
// cannot do something the help does not say.
import type { Key } from 'ink';

/** Where a key works: everywhere, at the prompt, in any focused pane, or in one pane. */
export type KeyScope = 'global' | 'prompt' | 'pane' | 'pods' | 'services' | 'nat' | 'log';

/** A key command: an id components ask for, the keys as the help shows them, and a matcher. */
export interface KeyCommand {
  id: string;
  keys: string;
  scope: KeyScope;
  description: string;
  match(input: string, key: Key): boolean;
}

const ctrl = (c: string) => (input: string, key: Key): boolean => key.ctrl && input === c;
const plain = (c: string) => (input: string, key: Key): boolean => !key.ctrl && !key.meta && input === c;

/** Every key, in the order the help lists them. */
export const KEY_COMMANDS: KeyCommand[] = [
  { id: 'help', keys: '?', scope: 'pane', description: 'show or hide this list of keys (at an empty prompt too)', match: plain('?') },
  { id: 'quit', keys: 'Ctrl+C', scope: 'global', description: 'abandon the typed line; on an empty prompt press it twice to quit (in a pane: quit)', match: ctrl('c') },
  { id: 'eof', keys: 'Ctrl+D', scope: 'prompt', description: 'at an empty prompt: leave the current shell (ssh/exec), or quit the lab', match: ctrl('d') },
  { id: 'focus-next', keys: 'Tab', scope: 'pane', description: 'focus the next pane (at the prompt Tab completes)', match: (_i, k) => k.tab && !k.shift },
  { id: 'focus-prev', keys: 'Shift+Tab', scope: 'global', description: 'focus the previous pane', match: (_i, k) => k.tab && k.shift },
  { id: 'focus-prompt', keys: 'Esc', scope: 'pane', description: 'back to the prompt (leaves a zoomed pane too)', match: (_i, k) => k.escape },
  { id: 'focus-1', keys: '1', scope: 'pane', description: 'focus the pods pane', match: plain('1') },
  { id: 'focus-2', keys: '2', scope: 'pane', description: 'focus the services pane', match: plain('2') },
  { id: 'focus-3', keys: '3', scope: 'pane', description: 'focus the NAT table pane', match: plain('3') },
  { id: 'focus-4', keys: '4', scope: 'pane', description: 'focus the kube-proxy log pane', match: plain('4') },
  { id: 'focus-5', keys: '5', scope: 'pane', description: 'focus the terminal (scroll its output)', match: plain('5') },
  { id: 'zoom', keys: 'z', scope: 'pane', description: 'zoom the focused pane to the full screen, and back', match: plain('z') },
  { id: 'scroll-up', keys: 'Up', scope: 'pane', description: 'scroll up a line', match: (_i, k) => k.upArrow },
  { id: 'scroll-down', keys: 'Down', scope: 'pane', description: 'scroll down a line', match: (_i, k) => k.downArrow },
  { id: 'page-up', keys: 'PgUp', scope: 'global', description: 'scroll up a page (the terminal\'s output when the prompt has focus)', match: (_i, k) => k.pageUp },
  { id: 'page-down', keys: 'PgDn', scope: 'global', description: 'scroll down a page', match: (_i, k) => k.pageDown },
  { id: 'top', keys: 'Home', scope: 'pane', description: 'go to the top', match: (_i, k) => k.home },
  { id: 'bottom', keys: 'End', scope: 'pane', description: 'go to the bottom (and follow what arrives)', match: (_i, k) => k.end },
  { id: 'pods-system', keys: 's', scope: 'pods', description: 'show or hide kube-system (and the other system namespaces)', match: plain('s') },
  { id: 'pods-namespace', keys: 'n', scope: 'pods', description: 'cycle the namespace filter: all, then each namespace', match: plain('n') },
  { id: 'services-system', keys: 's', scope: 'services', description: 'show or hide kube-system services', match: plain('s') },
  { id: 'nat-node', keys: 'n', scope: 'nat', description: 'show the next node\'s rules', match: plain('n') },
  { id: 'nat-filter', keys: '/', scope: 'nat', description: 'filter rules by text (a service name, a chain); Enter keeps it, Esc clears it', match: plain('/') },
  { id: 'nat-fold', keys: 'f', scope: 'nat', description: 'fold or unfold kube-system\'s rules', match: plain('f') },
  { id: 'log-node', keys: 'n', scope: 'log', description: 'show the next node\'s kube-proxy log, then all nodes at once', match: plain('n') },
  { id: 'history-prev', keys: 'Up', scope: 'prompt', description: 'previous command from the history', match: (_i, k) => k.upArrow },
  { id: 'history-next', keys: 'Down', scope: 'prompt', description: 'next command from the history', match: (_i, k) => k.downArrow },
  { id: 'complete', keys: 'Tab', scope: 'prompt', description: 'complete a command, flag, resource type, object, node or file name', match: (_i, k) => k.tab && !k.shift },
  { id: 'line-start', keys: 'Ctrl+A', scope: 'prompt', description: 'move to the start of the line', match: ctrl('a') },
  { id: 'line-end', keys: 'Ctrl+E', scope: 'prompt', description: 'move to the end of the line', match: ctrl('e') },
  { id: 'kill-line', keys: 'Ctrl+U', scope: 'prompt', description: 'delete from the cursor to the start of the line', match: ctrl('u') },
  { id: 'kill-word', keys: 'Ctrl+W', scope: 'prompt', description: 'delete the word before the cursor', match: ctrl('w') },
  { id: 'kill-to-end', keys: 'Ctrl+K', scope: 'prompt', description: 'delete from the cursor to the end of the line', match: ctrl('k') },
  { id: 'edit-move', keys: 'Left/Right', scope: 'prompt', description: 'move the cursor (Home/End: to the start/end; Backspace/Delete: delete)', match: (_i, k) => k.leftArrow || k.rightArrow },
  { id: 'clear-screen', keys: 'Ctrl+L', scope: 'prompt', description: 'clear the terminal pane', match: ctrl('l') },
  { id: 'submit', keys: 'Enter', scope: 'prompt', description: 'run the line (an open quote or here-document asks for more lines)', match: (_i, k) => k.return },
];

/** The key command with this id (a programming error when it is missing). */
export function keyCommand(id: string): KeyCommand {
  const c = KEY_COMMANDS.find((k) => k.id === id);
  if (!c) throw new Error(`no key command ${id}`);
  return c;
}

/** True when the input is the key command `id`. */
export function isKey(id: string, input: string, key: Key): boolean {
  return keyCommand(id).match(input, key);
}

/** Keys typed quickly can arrive as one chunk (`nn`, `/web`): each character is a key of its own. */
export function keyChars(input: string, key: Pick<Key, 'ctrl' | 'meta'>): string[] {
  return key.ctrl || key.meta || input.length <= 1 ? [input] : [...input];
}

/** The help text's groups, in order, with their titles. */
export const KEY_SCOPE_TITLES: [KeyScope, string][] = [
  ['global', 'Anywhere'],
  ['pane', 'In a focused pane'],
  ['pods', 'Pods pane'],
  ['services', 'Services pane'],
  ['nat', 'NAT table pane'],
  ['log', 'kube-proxy log pane'],
  ['prompt', 'At the prompt'],
];
