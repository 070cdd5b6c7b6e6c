// One embedded PGlite database runs one statement at a time. Every user of it in the owning
// process – the app's Prisma client and the clients served over the local socket
// (lib/db/pglite-server.ts) – takes turns through this gate. First come, first served by
// request: a statement carries its HTTP request's ticket (lib/db/request-scope.ts; elsewhere a
// fresh one), the oldest ticket goes first, and a transaction keeps its turn until it ends.
// Past a bounded depth (requests waiting) or wait, a caller is refused at once with
// DatabaseBusyError (the API answers 503 with Retry-After).
// No Next imports: the CLI and tests use it too.
import { currentTicket, newTicket, type Ticket } from "./request-scope";

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
  /** Requests allowed to wait at once; the next new one is refused (BOWTIE_DB_QUEUE_DEPTH, default 200). */
  maxDepth?: number;
  /** Longest wait for a turn in ms before refusing (BOWTIE_DB_QUEUE_TIMEOUT_MS, default 30,000). */
  maxWaitMs?: number;
}

export type Release = () => void;

interface Waiter {
  ticket: Ticket;
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
  /** Tickets that have had a turn (their later statements are never refused for depth). */
  private readonly admitted = new WeakSet<Ticket>();

  constructor(options: GateOptions = {}) {
    this.maxDepth = options.maxDepth ?? envInt("BOWTIE_DB_QUEUE_DEPTH", 200);
    this.maxWaitMs = options.maxWaitMs ?? envInt("BOWTIE_DB_QUEUE_TIMEOUT_MS", 30_000);
  }

  /** Requests (distinct tickets) waiting for a turn, not counting the one holding it. */
  get depth(): number {
    return new Set(this.waiters.map((w) => w.ticket)).size;
  }

  get held(): boolean {
    return this.busy;
  }

  /** Waits for this caller's turn; call the returned function exactly once to pass it on. */
  acquire(ticket: Ticket = currentTicket() ?? newTicket()): Promise<Release> {
    if (!this.busy) {
      this.busy = true;
      this.admitted.add(ticket);
      return Promise.resolve(this.releaser());
    }
    // A request already under way is never turned away half-done; new ones are, past the depth.
    if (!this.admitted.has(ticket) && !this.waiters.some((w) => w.ticket === ticket)) {
      const depth = this.depth;
      if (depth >= this.maxDepth) {
        return Promise.reject(
          new DatabaseBusyError(
            `The embedded database has ${depth} requests waiting (limit ${this.maxDepth}). Retry shortly.`,
          ),
        );
      }
    }
    return new Promise<Release>((grant, refuse) => {
      const waiter: Waiter = { ticket, grant, refuse };
      waiter.timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i < 0) return;
        this.waiters.splice(i, 1);
        refuse(new DatabaseBusyError(`Waited ${this.maxWaitMs / 1000} s for the embedded database. Retry shortly.`));
      }, this.maxWaitMs);
      waiter.timer.unref?.();
      // Oldest ticket first; the same ticket in arrival order.
      let i = this.waiters.length;
      while (i > 0 && this.waiters[i - 1].ticket.seq > ticket.seq) i--;
      this.waiters.splice(i, 0, waiter);
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
      // Hand over on the next turn of the event loop, not in this microtask chain: a chain of
      // queries resolving each other's promises would keep Node from reading sockets, so
      // requests that arrived meanwhile would only join the queue – in no particular order –
      // once it ran dry. That is what starved some requests for 20 s under load.
      const release = this.releaser();
      this.admitted.add(next.ticket);
      setImmediate(() => next.grant(release));
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

/**
 * Whether a thrown value is the gate's refusal. Matched by name: Next bundles this module more
 * than once, so `instanceof` can miss, and Prisma passes the adapter's error through.
 */
export function isDatabaseBusy(error: unknown): error is DatabaseBusyError {
  return error instanceof Error && error.name === "DatabaseBusyError";
}
