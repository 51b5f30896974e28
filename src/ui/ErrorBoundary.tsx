// A bug while drawing must not end the lab: the boundary shows what broke, the seed and the
// commands so far (what is needed to report or replay it), and Enter draws the lab again.
import { Component, type ReactNode } from 'react';
import { Box, Text, useInput } from 'ink';

interface Props {
  seed: number;
  commands: () => readonly string[];
  onQuit(): void;
  children: ReactNode;
}

function Overview(props: { error: Error; seed: number; commands: readonly string[]; onRetry(): void; onQuit(): void }): ReactNode {
  useInput((input, key) => {
    if (key.return) props.onRetry();
    else if (key.ctrl && input === 'c') props.onQuit();
  });
  const recent = props.commands.slice(-8);
  return (
    <Box flexDirection="column" borderStyle="double" paddingX={1}>
      <Text bold>The lab's display hit a bug: {props.error.message}</Text>
      <Text>Your cluster and your commands are intact. Press Enter to carry on, Ctrl+C to quit.</Text>
      <Text> </Text>
      <Text>To report it: seed {props.seed}; the commands so far (they replay with k8s-svc-lab run --seed {props.seed}):</Text>
      {recent.map((c, i) => <Text key={i} dimColor>  {c.split('\n')[0]}</Text>)}
    </Box>
  );
}

export class ErrorBoundary extends Component<Props, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    if (this.state.error) {
      return <Overview error={this.state.error} seed={this.props.seed} commands={this.props.commands()} onRetry={() => this.setState({ error: undefined })} onQuit={this.props.onQuit} />;
    }
    return this.props.children;
  }
}
