import { Component, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
}
interface State {
  readonly error: Error | undefined;
}

/** A screen that throws shows what happened and a way back, never a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="panel error-panel">
        <h2>This screen hit a problem</h2>
        <p>{error.message}</p>
        <p>Your progress is stored separately and is not affected.</p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
