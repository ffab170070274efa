// What the window shows about things going wrong, kept outside React so the transport can
// report before anything renders: errors for the dev overlay (callback failures, refused IPC
// messages) and notices for the user in every build (a store not saved, a database set aside, an update
// installed or refused).

export interface ShownError {
  source: string;
  inputs: string[];
  message: string;
  at: number;
}

export interface Notice {
  title: string;
  message: string;
  /** "info" is news (an update installed); "warning" is something that went wrong. */
  tone: "info" | "warning";
  at: number;
}

type Listener = () => void;

/** The last 50 entries, newest last, for `useSyncExternalStore`. */
class Log<T extends { at: number }> {
  private list: T[] = [];
  private listeners = new Set<Listener>();

  push(e: Omit<T, "at">): void {
    this.list = [...this.list.slice(-49), { ...e, at: Date.now() } as T];
    this.listeners.forEach((l) => l());
  }

  clear(): void {
    this.list = [];
    this.listeners.forEach((l) => l());
  }

  dismiss(entry: T): void {
    this.list = this.list.filter((e) => e !== entry);
    this.listeners.forEach((l) => l());
  }

  all(): T[] {
    return this.list;
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

export const errorLog = new Log<ShownError>();
export const noticeLog = new Log<Notice>();
