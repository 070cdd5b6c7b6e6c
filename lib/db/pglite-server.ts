// Serves the owning process's PGlite over the PostgreSQL wire protocol on a local socket, so
// the CLI scripts, the Prisma CLI and psql reach the one embedded database while the server
// runs (no second process ever opens the data folder). Modelled on @electric-sql/pglite-socket,
// whose npm release pins exact peer versions of PGlite and eight extensions; this one also
// shares the app's gate (lib/db/pglite-gate.ts), so a socket client's transaction and the
// app's own transactions never interleave: a client keeps its turn from its first message
// until a Query or Sync leaves no transaction open.
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { DatabaseBusyError, type DbGate, type Release } from "./pglite-gate";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

/** A client idle this long inside a transaction is rolled back and disconnected (ms). */
const IDLE_IN_TRANSACTION_MS = Number(process.env.BOWTIE_PGLITE_IDLE_TX_MS) || 60_000;

export type Listen = { path: string } | { host: string; port: number };

export interface PgliteSocketServer {
  close(): Promise<void>;
  /** Where it listens (a socket path, or host and port). */
  addresses: Listen[];
}

export async function servePglite(db: PGlite, gate: DbGate, listens: Listen[]): Promise<PgliteSocketServer> {
  const sockets = new Set<Socket>();
  const servers: Server[] = [];
  const addresses: Listen[] = [];
  for (const listen of listens) {
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      serveConnection(db, gate, socket);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      if ("path" in listen) server.listen(listen.path, () => resolve());
      else server.listen(listen.port, listen.host, () => resolve());
    });
    const address = server.address();
    addresses.push(
      "path" in listen || !address || typeof address === "string" ? listen : { host: listen.host, port: address.port },
    );
    servers.push(server);
  }
  return {
    addresses,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

/** An ErrorResponse message (then the connection is closed). */
function errorMessage(code: string, message: string): Buffer {
  const fields = Buffer.concat([Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0`, "utf8"), Buffer.from([0])]);
  const head = Buffer.alloc(5);
  head.write("E", 0, "latin1");
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

function serveConnection(db: PGlite, gate: DbGate, socket: Socket) {
  socket.setNoDelay(true);
  let buffer = Buffer.alloc(0);
  let startup = true;
  let pumping = false;
  let closed = false;
  let release: Release | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const giveBack = () => {
    clearTimeout(idleTimer);
    release?.();
    release = undefined;
  };

  const endTransaction = async () => {
    if (!release) return;
    try {
      if (db.isInTransaction()) await db.runExclusive(() => db.exec("ROLLBACK"));
    } catch {
      /* the database is closing */
    }
    giveBack();
  };

  const fail = (code: string, message: string) => {
    if (socket.writable) socket.end(errorMessage(code, message));
    socket.destroy();
  };

  socket.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    void pump();
  });
  socket.on("error", () => socket.destroy());
  socket.on("close", () => {
    closed = true;
    void endTransaction();
  });

  /** The next whole message, or undefined when more bytes are needed. */
  function nextMessage(): { type: string; bytes: Buffer } | undefined {
    if (startup) {
      if (buffer.length < 8) return undefined;
      const length = buffer.readInt32BE(0);
      if (buffer.length < length) return undefined;
      const bytes = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      const code = bytes.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) return { type: "no-encryption", bytes };
      if (code === CANCEL_REQUEST) return { type: "cancel", bytes };
      if (code === PROTOCOL_3) return { type: "startup", bytes };
      return { type: "unsupported", bytes };
    }
    if (buffer.length < 5) return undefined;
    const length = 1 + buffer.readInt32BE(1);
    if (buffer.length < length) return undefined;
    const bytes = buffer.subarray(0, length);
    buffer = buffer.subarray(length);
    return { type: String.fromCharCode(bytes[0]), bytes };
  }

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      for (let message = nextMessage(); message && !closed; message = nextMessage()) {
        if (message.type === "no-encryption") {
          socket.write("N");
          continue;
        }
        if (message.type === "cancel" || message.type === "X") {
          socket.end();
          return;
        }
        if (message.type === "unsupported") return fail("08P01", "Unsupported protocol version.");
        if (!release) {
          try {
            release = await gate.acquire();
          } catch (error) {
            if (error instanceof DatabaseBusyError) return fail("53300", error.message);
            throw error;
          }
          if (closed) return giveBack();
        }
        clearTimeout(idleTimer);
        if (message.type === "startup") startup = false;
        await db.runExclusive(() =>
          db.execProtocolRawStream(new Uint8Array(message.bytes), {
            onRawData: (data) => {
              if (socket.writable) socket.write(Buffer.from(data));
            },
          }),
        );
        const endsCycle = message.type === "startup" || message.type === "Q" || message.type === "S";
        if (endsCycle && !db.isInTransaction()) giveBack();
        else {
          idleTimer = setTimeout(() => {
            void endTransaction().then(() => fail("25P03", "Idle in transaction too long: rolled back."));
          }, IDLE_IN_TRANSACTION_MS);
          idleTimer.unref?.();
        }
      }
    } catch (error) {
      console.error("Embedded database socket: a client's message failed", error);
      await endTransaction();
      socket.destroy();
    } finally {
      pumping = false;
    }
  }
}
