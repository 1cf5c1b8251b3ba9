// Serves the build with `vite preview` on 127.0.0.1 for the browser benchmark,
// and stops it again (npx and vite both: they share a process group).
import { spawn, type ChildProcess } from 'node:child_process';
import { PORT, ROOT, sleep } from './settings';

export async function startServer(dist: string, port = PORT): Promise<ChildProcess> {
  const base = `http://127.0.0.1:${port}`;
  // Something already answering there would be measured instead of this build.
  const taken = await fetch(base).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`${base} is already in use: stop whatever serves it, then run again`);
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`);
    try {
      if ((await fetch(base)).ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  stopServer(server);
  throw new Error(`vite preview did not answer on ${base}`);
}

export function stopServer(server: ChildProcess): void {
  if (server.pid === undefined || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM'); // its own process group: npx and vite
  } catch {
    // already gone
  }
}
