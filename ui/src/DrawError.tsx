// Keeps one component's failure to draw (a Mantine part outside its parent, props Mantine
// cannot take) to that component: it shows what failed in its place, the error goes to the
// overlay's log, and the rest of the window keeps working.

import { Component, type ReactNode } from "react";
import { errorLog } from "./runtime/errors";

interface Props {
  kind: string;
  id: string | null;
  children: ReactNode;
}

export class DrawError extends Component<Props, { failed: string | null }> {
  state = { failed: null as string | null };

  static getDerivedStateFromError(e: unknown) {
    return { failed: e instanceof Error ? e.message : String(e) };
  }

  componentDidCatch(e: unknown) {
    const who = this.props.id ? `${this.props.kind}#${this.props.id}` : this.props.kind;
    errorLog.push({ source: `drawing ${who}`, inputs: [], message: e instanceof Error ? e.message : String(e) });
  }

  render() {
    if (this.state.failed === null) return this.props.children;
    return (
      <div className="dd-draw-error" role="alert">
        {this.props.kind} could not be drawn: {this.state.failed}
      </div>
    );
  }
}
