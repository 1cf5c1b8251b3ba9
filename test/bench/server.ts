// Serves the build with `vite preview` on 127.0.0.1 for the browser benchmark,
// and stops it again (npx and vite both: they share a process group).
import { spawn, type ChildProcess } from 'node:child_process';
import { BASE, PORT, ROOT, sleep } from './settings';

export async function startServer(dist: string): Promise<ChildProcess> {
  // Something already answering there would be measured instead of this build.
  const taken = await fetch(BASE).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`${BASE} is already in use: stop whatever serves it, then run again`);
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', dist], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`);
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  stopServer(server);
  throw new Error(`vite preview did not answer on ${BASE}`);
}

export function stopServer(server: ChildProcess): void {
  if (server.pid === undefined || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM'); // its own process group: npx and vite
  } catch {
    // already gone
  }
}
