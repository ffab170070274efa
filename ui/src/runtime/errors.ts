// Errors shown in the dev overlay: callback failures pushed by the shell and refused IPC
// messages. Kept outside React so the transport can report before anything renders.

export interface ShownError {
  source: string;
  inputs: string[];
  message: string;
  at: number;
}

type Listener = () => void;

class ErrorLog {
  private list: ShownError[] = [];
  private listeners = new Set<Listener>();

  push(e: Omit<ShownError, "at">): void {
    this.list = [...this.list.slice(-49), { ...e, at: Date.now() }];
    this.listeners.forEach((l) => l());
  }

  clear(): void {
    this.list = [];
    this.listeners.forEach((l) => l());
  }

  all(): ShownError[] {
    return this.list;
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

export const errorLog = new ErrorLog();
