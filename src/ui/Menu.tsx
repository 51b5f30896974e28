// The lesson menu: every lesson with its state (done, in progress at step n, new, or broken), the
// sandbox, and the selection on where the learner left off. Up/Down choose, Enter opens, q quits.
import { useState, type ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';
import type { LessonEntry } from '../app/lesson-files.js';
import type { LessonProgress } from '../app/progress.js';
import { useTheme } from './theme.js';

/** What the learner picked. */
export type MenuChoice = { kind: 'lesson'; id: string } | { kind: 'sandbox' } | { kind: 'quit' };

/** Where the selection starts: the first lesson in progress, else the first not done, else the sandbox. */
export function startIndex(entries: LessonEntry[], progress: Record<string, LessonProgress>): number {
  const ids = entries.map((e) => (e.parsed.ok ? e.parsed.lesson.id : ''));
  const inProgress = ids.findIndex((id) => id && progress[id] && !progress[id]!.done);
  if (inProgress >= 0) return inProgress;
  const fresh = ids.findIndex((id) => id && !progress[id]?.done);
  return fresh >= 0 ? fresh : entries.length;
}

export function Menu(props: { entries: LessonEntry[]; progress: Record<string, LessonProgress>; notice?: string; width: number; height: number; onChoose(c: MenuChoice): void }): ReactNode {
  const theme = useTheme();
  const { entries, progress } = props;
  const [sel, setSel] = useState(() => startIndex(entries, progress));
  const count = entries.length + 1;
  useInput((input, key) => {
    if (key.upArrow) setSel((s) => (s + count - 1) % count);
    else if (key.downArrow) setSel((s) => (s + 1) % count);
    else if (key.return) {
      if (sel === entries.length) return props.onChoose({ kind: 'sandbox' });
      const e = entries[sel]!;
      if (e.parsed.ok) props.onChoose({ kind: 'lesson', id: e.parsed.lesson.id });
    } else if (input === 's') props.onChoose({ kind: 'sandbox' });
    else if (input === 'q' || (key.ctrl && input === 'c')) props.onChoose({ kind: 'quit' });
  });
  const rows = entries.map((e, i) => {
    if (!e.parsed.ok) return { text: `${String(i + 1).padStart(2)}  !  ${e.file.replace(/^.*\//, '')} is broken (k8s-svc-lab check-lesson shows why)`, token: 'error' as const };
    const l = e.parsed.lesson;
    const p = progress[l.id];
    const mark = p?.done ? '✓' : p ? '…' : ' ';
    const state = p?.done ? 'done' : p ? `step ${p.step + 1}/${l.steps.length}` : '';
    return { text: `${String(i + 1).padStart(2)}  ${mark}  ${l.title}${state ? `  (${state})` : ''}`, token: p?.done ? ('ready' as const) : ('text' as const), summary: l.summary };
  });
  const chosen = sel < entries.length ? rows[sel] : undefined;
  return (
    <Box flexDirection="column" width={props.width} height={props.height} paddingX={1}>
      <Text {...theme.style('heading')}>k8s-svc-lab — how Kubernetes Services really work</Text>
      <Text {...theme.style('muted')}>Up/Down choose · Enter opens · s sandbox · q quits</Text>
      {props.notice ? <Text {...theme.style('warning')} wrap="wrap">{props.notice}</Text> : null}
      <Text> </Text>
      {rows.map((r, i) => (
        <Text key={i} {...theme.style(i === sel ? 'focus' : r.token)} wrap="truncate">{i === sel ? '›' : ' '} {r.text}</Text>
      ))}
      <Text {...theme.style(sel === entries.length ? 'focus' : 'text')}>{sel === entries.length ? '›' : ' '} {String(count).padStart(2)}     Sandbox: the same lab, no lesson</Text>
      <Text> </Text>
      {chosen && 'summary' in chosen ? <Text {...theme.style('muted')} wrap="wrap">{chosen.summary}</Text> : null}
    </Box>
  );
}
