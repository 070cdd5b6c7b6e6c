// Request tickets for the embedded database's gate: every HTTP request the server receives gets
// a ticket numbered in arrival order, carried by AsyncLocalStorage through everything the
// request does. The gate serves the oldest ticket first, so requests finish in the order they
// came (first come, first served) instead of each query joining the back of the queue, and its
// depth limit counts requests, not queries. No Next imports; one storage per process (Next
// bundles this module more than once, so it lives on globalThis).
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";

export interface Ticket {
  readonly seq: number;
}

const g = globalThis as unknown as {
  bowtieTickets?: { storage: AsyncLocalStorage<Ticket>; next: number; installed: boolean };
};
const state = (g.bowtieTickets ??= { storage: new AsyncLocalStorage<Ticket>(), next: 1, installed: false });

export function newTicket(): Ticket {
  return { seq: state.next++ };
}

/** The current request's ticket, if the code runs inside one. */
export function currentTicket(): Ticket | undefined {
  return state.storage.getStore();
}

/** Runs fn (and everything it starts) under a new ticket. */
export function withTicket<T>(fn: () => T): T {
  return state.storage.run(newTicket(), fn);
}

/** Gives every request of every HTTP server in this process a ticket (the server calls it at start-up). */
export function ticketEveryRequest() {
  if (state.installed) return;
  state.installed = true;
  const proto = http.Server.prototype as unknown as {
    emit: (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  };
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") return withTicket(() => emit.call(this, event, ...args));
    return emit.call(this, event, ...args);
  };
}
