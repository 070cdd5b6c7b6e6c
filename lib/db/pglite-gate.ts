// One embedded PGlite database runs one statement at a time. Every user of it in the owning
// process – the app's Prisma client and the clients served over the local socket
// (lib/db/pglite-server.ts) – takes turns through this gate: first come, first served, a
// transaction keeps its turn until it ends, and past a bounded depth or wait a caller is
// refused at once with DatabaseBusyError (the API answers 503 with Retry-After).
// No Next imports: the CLI and tests use it too.

/** Thrown when the embedded database's queue is full or a caller waited too long. */
export class DatabaseBusyError extends Error {
  constructor(
    message: string,
    /** How long a client should wait before trying again. */
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
    this.name = "DatabaseBusyError";
  }
}

export interface GateOptions {
  /** Callers allowed to wait at once; the next one is refused (BOWTIE_DB_QUEUE_DEPTH, default 200). */
  maxDepth?: number;
  /** Longest wait for a turn in ms before refusing (BOWTIE_DB_QUEUE_TIMEOUT_MS, default 30,000). */
  maxWaitMs?: number;
}

export type Release = () => void;

interface Waiter {
  grant: (release: Release) => void;
  refuse: (error: Error) => void;
  timer?: ReturnType<typeof setTimeout>;
}

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export class DbGate {
  readonly maxDepth: number;
  readonly maxWaitMs: number;
  private busy = false;
  private readonly waiters: Waiter[] = [];

  constructor(options: GateOptions = {}) {
    this.maxDepth = options.maxDepth ?? envInt("BOWTIE_DB_QUEUE_DEPTH", 200);
    this.maxWaitMs = options.maxWaitMs ?? envInt("BOWTIE_DB_QUEUE_TIMEOUT_MS", 30_000);
  }

  /** Callers waiting for a turn (not counting the one holding it). */
  get depth(): number {
    return this.waiters.length;
  }

  get held(): boolean {
    return this.busy;
  }

  /** Waits for this caller's turn; call the returned function exactly once to pass it on. */
  acquire(): Promise<Release> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve(this.releaser());
    }
    if (this.waiters.length >= this.maxDepth) {
      return Promise.reject(
        new DatabaseBusyError(`The embedded database has ${this.waiters.length} requests waiting (limit ${this.maxDepth}). Retry shortly.`),
      );
    }
    return new Promise<Release>((grant, refuse) => {
      const waiter: Waiter = { grant, refuse };
      waiter.timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i < 0) return;
        this.waiters.splice(i, 1);
        refuse(new DatabaseBusyError(`Waited ${this.maxWaitMs} ms for the embedded database. Retry shortly.`));
      }, this.maxWaitMs);
      waiter.timer.unref?.();
      this.waiters.push(waiter);
    });
  }

  /** Runs fn in its own turn. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  private releaser(): Release {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiters.shift();
      if (!next) {
        this.busy = false;
        return;
      }
      clearTimeout(next.timer);
      next.grant(this.releaser());
    };
  }
}

const gates = new WeakMap<object, DbGate>();

/** The one gate of an embedded database instance (shared by its adapter and its socket server). */
export function gateFor(db: object): DbGate {
  let gate = gates.get(db);
  if (!gate) {
    gate = new DbGate();
    gates.set(db, gate);
  }
  return gate;
}
