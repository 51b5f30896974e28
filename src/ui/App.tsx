// The lab's screen: the header, the panes the terminal's size allows, the terminal pane with the
// prompt, the help overlay and the too-small message. It subscribes to the session (re-rendering
// only when the session says something changed), ticks the simulated clock with the real one, and
// routes keys: typing goes to the prompt unless a pane is focused; Tab / Shift+Tab / 1-5 move focus.
import { useCallback, useEffect, useReducer, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Box, Text, useApp, useInput, useWindowSize } from 'ink';
import type { Session } from '../app/session.js';
import { Header, type Activity } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { isKey } from './keys.js';
import { computeLayout, MIN_COLUMNS, MIN_ROWS, PANES, visiblePanes, type Layout, type PaneId, type Rect } from './layout.js';
import { useTheme } from './theme.js';
import { PodsPane } from './panes/PodsPane.js';
import { ServicesPane } from './panes/ServicesPane.js';
import { NatPane } from './panes/NatPane.js';
import { LogPane } from './panes/LogPane.js';
import { TerminalPane } from './prompt/TerminalPane.js';
import { complete } from '../shell/complete.js';

/** Where the keyboard goes: the prompt, or one pane. */
export type Focus = 'prompt' | PaneId;

/** What the App needs besides the session. */
export interface AppProps {
  session: Session;
  activity?: Activity;
  /** Real milliseconds between clock ticks (0: the clock only moves with commands, for tests). */
  tickMs?: number;
  /** Receives the terminal hand-over function, so commands can open an editor. */
  onSuspendReady?(suspend: (run: () => void) => void): void;
  /** A fixed size (tests); otherwise the terminal's. */
  size?: { columns: number; rows: number };
  /** The lesson pane, drawn in a left column of this width. */
  lesson?: { width: number; render(size: Rect): ReactNode };
  /** Where typed lines go (a lesson answers its own words first); the session by default. */
  onSubmit?(line: string): void;
}

const ORDER: Focus[] = ['pods', 'services', 'nat', 'log', 'terminal', 'prompt'];

function nextFocus(f: Focus, step: 1 | -1): Focus {
  const i = ORDER.indexOf(f);
  return ORDER[(i + step + ORDER.length) % ORDER.length]!;
}

/** Focus and zoom, changed only through actions so that keys arriving together each count. */
interface FocusState {
  focus: Focus;
  zoom?: PaneId;
}

type FocusAction = { type: 'step'; step: 1 | -1 } | { type: 'focus'; focus: Focus } | { type: 'prompt' } | { type: 'zoom' };

/** Moving the focus keeps a zoom on the newly focused pane; Esc goes back to the prompt and unzooms. */
export function focusReducer(s: FocusState, a: FocusAction): FocusState {
  const to = (focus: Focus): FocusState => (s.zoom && focus !== 'prompt' ? { focus, zoom: focus as PaneId } : { focus });
  switch (a.type) {
    case 'step': return to(nextFocus(s.focus, a.step));
    case 'focus': return to(a.focus);
    case 'prompt': return { focus: 'prompt' };
    case 'zoom': return s.focus === 'prompt' ? s : s.zoom ? { focus: s.focus } : { focus: s.focus, zoom: s.focus };
  }
}

/** The session's version, re-rendering the component whenever it changes. */
export function useSessionVersion(session: Session): number {
  return useSyncExternalStore(useCallback((fn: () => void) => session.subscribe(fn), [session]), () => session.version);
}

function useClock(session: Session, tickMs: number): void {
  useEffect(() => {
    if (!tickMs) return;
    let last = performance.now();
    const t = setInterval(() => {
      const now = performance.now();
      session.tick(Math.min(1000, now - last));
      last = now;
    }, tickMs);
    return () => clearInterval(t);
  }, [session, tickMs]);
}

function TooSmall(props: { columns: number; rows: number; minRows: number }): ReactNode {
  const theme = useTheme();
  return (
    <Box flexDirection="column" padding={1}>
      <Text {...theme.style('warning')}>k8s-svc-lab needs a terminal of at least {MIN_COLUMNS}×{props.minRows};</Text>
      <Text>this one is {props.columns}×{props.rows}. Enlarge the window (80×24 shows the terminal, pods and services; 120×30 shows every pane).</Text>
      <Text {...theme.style('muted')}>Ctrl+C quits.</Text>
    </Box>
  );
}

export function App(props: AppProps): ReactNode {
  const { session } = props;
  const version = useSessionVersion(session);
  const app = useApp();
  const window = useWindowSize();
  const columns = props.size?.columns ?? window.columns;
  const rows = props.size?.rows ?? window.rows;
  const [{ focus, zoom }, dispatch] = useReducer(focusReducer, { focus: 'prompt' });
  const [help, setHelp] = useState(false);
  // While the NAT pane's filter takes typed text, the pane keys (1-5, z, ?, Tab, Esc) belong to it.
  const [paneTyping, setPaneTyping] = useState(false);
  const quitting = useRef(false);
  const lastEmptyInterrupt = useRef(-Infinity);
  useClock(session, props.tickMs ?? 200);

  const quit = useCallback(() => {
    if (quitting.current) return;
    quitting.current = true;
    app.exit();
  }, [app]);

  useEffect(() => {
    if (session.ended) quit();
  }, [version, session, quit]);

  useEffect(() => {
    props.onSuspendReady?.((run) => {
      void app.suspendTerminal(run);
    });
  }, [app, props]);

  // A lesson takes a column on the left when the lab still has room beside it, else a strip on top.
  const lessonSide = props.lesson && columns - props.lesson.width >= MIN_COLUMNS ? props.lesson.width : undefined;
  const lessonTop = props.lesson && !lessonSide ? Math.min(9, Math.max(5, Math.floor(rows / 3))) : 0;
  const lessonWidth = lessonSide;
  const bodyRows = rows - lessonTop;
  const plain = computeLayout(columns, bodyRows, lessonWidth ? { lessonWidth } : {});
  const shown = visiblePanes(plain);
  // A pane the small layout does not show opens zoomed when focused.
  const effectiveZoom = zoom ?? (focus !== 'prompt' && !shown.includes(focus) ? focus : undefined);
  const layout: Layout = computeLayout(columns, bodyRows, { ...(effectiveZoom ? { zoom: effectiveZoom } : {}), ...(lessonWidth ? { lessonWidth } : {}) });

  useInput((input, key) => {
    if (isKey('focus-prev', input, key)) return dispatch({ type: 'step', step: -1 });
    if (focus === 'prompt' || paneTyping) return;
    if (isKey('quit', input, key)) return quit();
    if (isKey('focus-next', input, key)) return dispatch({ type: 'step', step: 1 });
    if (isKey('focus-prompt', input, key)) return dispatch({ type: 'prompt' });
    if (isKey('help', input, key)) return setHelp(true);
    if (isKey('zoom', input, key)) return dispatch({ type: 'zoom' });
    for (let n = 1; n <= PANES.length; n++) if (isKey(`focus-${n}`, input, key)) return dispatch({ type: 'focus', focus: PANES[n - 1]! });
  }, { isActive: !help });

  if (help) return <HelpOverlay width={columns} height={rows} onClose={() => setHelp(false)} />;
  if (layout.kind === 'too-small') return <TooSmall columns={columns} rows={rows} minRows={MIN_ROWS + lessonTop} />;

  const pane = (id: PaneId, r: Rect): ReactNode => {
    const common = { width: r.width, height: r.height, focused: focus === id, sim: session.sim, version };
    switch (id) {
      case 'pods': return <PodsPane key={id} {...common} />;
      case 'services': return <ServicesPane key={id} {...common} />;
      case 'nat': return <NatPane key={id} {...common} onFilterEditing={setPaneTyping} {...(session.shell.lastTrace ? { trace: session.shell.lastTrace } : {})} />;
      case 'log': return <LogPane key={id} {...common} />;
      case 'terminal':
        return (
          <TerminalPane
            key={id}
            width={r.width}
            height={r.height}
            focused={focus === 'terminal'}
            promptActive={focus === 'prompt' && !help}
            lines={session.lines}
            version={version}
            prompt={session.prompt}
            continuation={session.continuation}
            history={session.shell.history}
            complete={(line, cursor) => complete(session.lab, line, cursor)}
            onSubmit={(line) => (props.onSubmit ? props.onSubmit(line) : session.submit(line))}
            onClear={() => session.clear()}
            onEof={() => session.eof()}
            onInterrupt={(typed) => {
              // As in a shell, Ctrl+C abandons the line; on an empty line a second Ctrl+C within two seconds leaves the lab.
              const now = performance.now();
              if (!typed && !session.continuation && now - lastEmptyInterrupt.current < 2000) return quit();
              lastEmptyInterrupt.current = typed || session.continuation ? -Infinity : now;
              session.interrupt(typed);
              if (!typed) session.notice('(press Ctrl+C again to leave the lab, or Ctrl+D)', 'muted');
            }}
            onHelp={() => setHelp(true)}
          />
        );
    }
  };

  let body: ReactNode;
  switch (layout.kind) {
    case 'zoom':
      body = layout.pane === 'terminal' ? pane('terminal', layout.rect) : (
        <Box flexDirection="column">
          {pane(layout.pane, { width: layout.rect.width, height: layout.rect.height - 3 })}
          {pane('terminal', { width: layout.rect.width, height: 3 })}
        </Box>
      );
      break;
    case 'small':
      body = (
        <Box flexDirection="column">
          <Box>{pane('pods', layout.pods)}{pane('services', layout.services)}</Box>
          {pane('terminal', layout.terminal)}
        </Box>
      );
      break;
    case 'large':
      body = (
        <Box flexDirection="column">
          <Box>
            <Box flexDirection="column">{pane('pods', layout.pods)}{pane('services', layout.services)}</Box>
            <Box flexDirection="column">{pane('nat', layout.nat)}{pane('log', layout.log)}</Box>
          </Box>
          {pane('terminal', layout.terminal)}
        </Box>
      );
      break;
  }

  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Header sim={session.sim} version={version} activity={props.activity ?? { title: 'sandbox' }} width={columns} />
      <ErrorBoundary seed={session.sim.config.seed} commands={() => session.commandLog} onQuit={quit}>
        {props.lesson && lessonTop ? props.lesson.render({ width: columns, height: lessonTop }) : null}
        {layout.lesson && props.lesson ? <Box>{props.lesson.render(layout.lesson)}{body}</Box> : body}
      </ErrorBoundary>
    </Box>
  );
}
