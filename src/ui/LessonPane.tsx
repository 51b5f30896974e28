// The lesson column: the lesson's title and idea, the current step's goal, each check's live state
// (with why it fails, in the learner's terms), the hints asked for so far, the explanation of the
// step just done, and the lesson words the prompt understands.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { LessonView } from '../app/lesson-run.js';
import { useTheme } from './theme.js';

/** A line broken between words to fit `width` columns (a word longer than the width keeps a line of its own). */
function wrapWords(line: string, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of line.split(/ +/).filter(Boolean)) {
    if (row && row.length + 1 + word.length > width) {
      rows.push(row);
      row = word;
    } else row = row ? `${row} ${word}` : word;
  }
  return [...rows, row];
}

/**
 * Text written with hard line breaks, reflowed for the pane: the lines of a paragraph join into one,
 * then break between words at `width` (no line starts with the space it broke at); blank lines and
 * indented lines (commands) stay as they are.
 */
export function reflow(text: string, width = Infinity): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const prev = out.at(-1);
    if (prev !== undefined && prev.trim() && line.trim() && !/^\s/.test(line) && !/^\s/.test(prev)) out[out.length - 1] = `${prev} ${line.trim()}`;
    else out.push(line);
  }
  return out.flatMap((l) => (/^\s/.test(l) || !l.trim() || width === Infinity ? [l] : wrapWords(l, width))).join('\n');
}

export function LessonPane(props: { view: LessonView; width: number; height: number; version: number }): ReactNode {
  const theme = useTheme();
  const { lesson, step, done, results, hintsShown, explained } = props.view;
  const s = lesson.steps[Math.min(step, lesson.steps.length - 1)]!;
  const inner = props.width - 4;
  // A strip above the lab (a narrow terminal): the goal and what is still missing, nothing else.
  const compact = props.height < 12;
  if (compact) {
    const failing = results.filter((r) => !r.pass);
    return (
      <Box flexDirection="column" width={props.width} height={props.height} borderStyle="round" paddingX={1} overflow="hidden">
        <Text {...theme.style('heading')} wrap="truncate">{lesson.title} · {done ? 'done' : `step ${step + 1} of ${lesson.steps.length}`}</Text>
        {done ? <Text {...theme.style('ready')} wrap="wrap">{reflow('✓ Lesson complete: next, or lessons for the menu.', inner)}</Text> : <Text {...theme.style('accent')} wrap="wrap">{reflow(s.goal, inner)}</Text>}
        {failing.slice(0, 2).map((r, i) => <Text key={i} {...theme.style('pending')} wrap="truncate">✗ {r.reason}</Text>)}
        <Box flexGrow={1} />
        <Text {...theme.style('muted')} wrap="truncate">{(done ? 'next · lessons' : 'hint · check · solution · undo · reset · lessons').slice(0, inner)}</Text>
      </Box>
    );
  }
  // What the learner needs now (the goal, the checks, the hints) keeps its rows; the introduction
  // and the last step's explanation give up theirs first when the column is short, cut at the bottom.
  const keep = (node: ReactNode): ReactNode => <Box flexShrink={0} flexDirection="column">{node}</Box>;
  const yields = (node: ReactNode): ReactNode => <Box flexShrink={1} flexDirection="column" overflow="hidden">{node}</Box>;
  return (
    <Box flexDirection="column" width={props.width} height={props.height} borderStyle="round" paddingX={1} overflow="hidden">
      {keep(<Text {...theme.style('heading')} wrap="truncate">{lesson.title}</Text>)}
      {keep(<Text {...theme.style('muted')} wrap="truncate">{done ? 'done' : `step ${step + 1} of ${lesson.steps.length}`}</Text>)}
      {step === 0 && !done ? yields(<Text {...theme.style('muted')} wrap="wrap">{reflow(lesson.intro, inner)}</Text>) : null}
      {explained ? yields(<Text {...theme.style('hint')} wrap="wrap">{reflow(`✓ ${explained}`, inner)}</Text>) : null}
      {done ? (
        yields(<Text {...theme.style('ready')} wrap="wrap">{reflow(`✓ Lesson complete. ${lesson.outro}`, inner)}</Text>)
      ) : (
        keep(
          <>
            <Text> </Text>
            <Text {...theme.style('accent')} wrap="wrap">{reflow(s.goal, inner)}</Text>
            {s.checks.map((c, i) => {
              const r = results[i];
              return (
                <Text key={i} {...theme.style(r?.pass ? 'ready' : 'pending')} wrap="wrap">
                  {reflow(`${r?.pass ? '✓' : '✗'} ${r?.pass ? c.check : r?.reason ?? c.check}`, inner)}
                </Text>
              );
            })}
            {s.hints.slice(0, hintsShown).map((h, i) => <Text key={`h${i}`} {...theme.style('hint')} wrap="wrap">{reflow(`hint ${i + 1}: ${h}`, inner)}</Text>)}
          </>,
        )
      )}
      <Box flexGrow={1} />
      {keep(<Text {...theme.style('muted')} wrap="truncate">{(done ? 'next · lessons' : 'hint · check · solution · undo · reset · lessons').slice(0, inner)}</Text>)}
    </Box>
  );
}
