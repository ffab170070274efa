declare module "plotly.js-strict-dist-min" {
  interface PlotlyElement extends HTMLDivElement {
    on(event: string, handler: (data: unknown) => void): void;
    removeAllListeners?(event: string): void;
  }
  const Plotly: {
    react(el: HTMLElement, data: unknown[], layout: Record<string, unknown>, config: Record<string, unknown>): Promise<PlotlyElement>;
    purge(el: HTMLElement): void;
    Plots: { resize(el: HTMLElement): void };
  };
  export default Plotly;
  export type { PlotlyElement };
}
