// `npm run bench:live`: the live server (a child process, as `npm run live`
// starts it) and real Hocuspocus clients in this process, on 127.0.0.1:
//   - edit → arrival: one client moves a stakeholder; the time until each
//     other client's map (LiveMap, as in the app) shows it; 2, 10, 30 clients
//     in one room, then 100 rooms of 5 clients, each room editing once a
//     second, and all rooms at the same moment
//   - join: a new client of a room holding a 1,000-stakeholder map, until
//     the map is read and checked (room only in SQLite, and room open)
// Prints the table and writes it into the bench:live block of BENCHMARKS.md.
//
//   npx tsx test/bench/live.ts [--no-write] [--quick]
import { availableParallelism, loadavg } from 'node:os';
import { join as joinPath } from 'node:path';
import { generateMap, parseMap, serializeMap } from '../../src/domain';
import { newRoomId, writeMapToDoc } from '../../src/live';
import { connectClient, spawnTs, tempDir, until } from '../server/helpers';
import { mustParse, scenarioFiles } from '../domain/helpers';
import { editAndWait, encodedSize, join, joinAll, type Person } from './live-clients';
import { machine, runStamp, writeBlock } from './report';
import { formatTable, median, ms, percentile, type TableRow } from './stats';

const WRITE = !process.argv.includes('--no-write');
const QUICK = process.argv.includes('--quick');
const PORT = 4315;
const URL = `ws://127.0.0.1:${PORT}/sync`;
const ARRIVAL_BUDGET = 100;
const JOIN_BUDGET = 1_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const brightfoods = () => mustParse(scenarioFiles().find((f) => f.name.startsWith('brightfoods'))!.text);

function arrivalRow(figure: string, samples: number[], budget: number | null, extra = ''): TableRow {
  const p95 = percentile(samples, 95);
  return {
    figure,
    budget: budget === null ? '-' : `p95 < ${budget} ms`,
    result: `p50 ${ms(percentile(samples, 50), 1)}, p95 ${ms(p95, 1)}`,
    verdict: budget === null ? '' : p95 < budget ? 'ok' : 'OVER',
    detail: `worst ${ms(Math.max(...samples), 1)}; n=${samples.length}${extra}`,
  };
}

/** `count` clients in one room; each round the next one edits and everyone else waits for it. */
async function oneRoom(count: number, rounds: number): Promise<TableRow> {
  const room = newRoomId();
  const people = await joinAll(URL, room, count);
  people[0]!.live.edit(brightfoods());
  await until(() => people.every((p) => p.live.map.stakeholders.length > 0), 'the map everywhere');
  const samples: number[] = [];
  for (let r = 1; r <= rounds + 3; r++) {
    const editor = people[r % count]!;
    const times = await editAndWait(editor, people.filter((p) => p !== editor), r);
    if (r > 3) samples.push(...times); // the first rounds warm up the code paths
    await sleep(10);
  }
  people.forEach((p) => p.leave());
  return arrivalRow(`Edit → arrival, ${count} clients in one room`, samples, count === 30 ? ARRIVAL_BUDGET : null);
}

/**
 * `rooms` rooms of `size`: each round one client in every room edits, all at
 * once (`spread` 0) or each at a random moment within `spread` ms.
 */
async function manyRooms(rooms: number, size: number, rounds: number, spread: number): Promise<TableRow> {
  const all: Person[][] = [];
  for (let i = 0; i < rooms; i += 10) {
    const batch = await Promise.all(Array.from({ length: Math.min(10, rooms - i) }, () => joinAll(URL, newRoomId(), size)));
    all.push(...batch);
  }
  for (const people of all) people[0]!.live.edit(brightfoods());
  await until(() => all.every((people) => people.every((p) => p.live.map.stakeholders.length > 0)), 'every room\'s map');
  const samples: number[] = [];
  for (let r = 1; r <= rounds + 1; r++) {
    const edit = async (people: Person[]) => {
      if (spread > 0) await sleep(Math.random() * spread);
      return editAndWait(people[r % size]!, people.filter((_, k) => k !== r % size), r);
    };
    const times = await Promise.all(all.map(edit));
    if (r > 1) samples.push(...times.flat());
    await sleep(50);
  }
  all.flat().forEach((p) => p.leave());
  const how = spread === 0 ? 'all editing at once' : `each editing once within ${spread / 1000} s`;
  return arrivalRow(`Edit → arrival, ${rooms} rooms of ${size} clients, ${how}`, samples, null, `; ${rooms * size} clients`);
}

/** Joining a room with a 1,000-stakeholder map until the map is read and checked. */
async function joinBig(tries: number): Promise<TableRow[]> {
  const room = newRoomId();
  const map = generateMap({ stakeholders: 1_000, relations: 2_000, seed: 1 });
  const seed = connectClient(URL, room);
  await seed.synced();
  writeMapToDoc(seed.doc, map, 'seed');
  await seed.synced();
  const bytes = encodedSize(seed.doc);
  seed.destroy();
  const timeJoin = async (): Promise<number> => {
    const t0 = performance.now();
    const person = join(URL, room);
    await until(() => person.client.provider.isSynced && person.live.map.stakeholders.length === 1_000, 'the big map', 30_000);
    const t = performance.now() - t0;
    person.leave();
    return t;
  };
  const cold: number[] = [];
  for (let i = 0; i < tries; i++) {
    await sleep(300); // the last client left: the server stores the room and unloads it
    cold.push(await timeJoin());
  }
  const holder = join(URL, room);
  await until(() => holder.live.map.stakeholders.length === 1_000, 'the holder');
  const warm: number[] = [];
  for (let i = 0; i < tries; i++) warm.push(await timeJoin());
  holder.leave();
  const text = serializeMap(map);
  const t0 = performance.now();
  parseMap(text);
  const parseTime = performance.now() - t0;
  const row = (figure: string, samples: number[]): TableRow => ({
    figure,
    budget: `< ${JOIN_BUDGET} ms`,
    result: ms(median(samples)),
    verdict: median(samples) < JOIN_BUDGET ? 'ok' : 'OVER',
    detail: `worst ${ms(Math.max(...samples))}; n=${samples.length}; ${(bytes / 1024).toFixed(0)} KB doc (file ${(text.length / 1024).toFixed(0)} KB, parseMap ${ms(parseTime)})`,
  });
  return [row('Join 1,000 stakeholders / 2,000 relations, room from SQLite → map read', cold), row('Join 1,000 / 2,000, room already open → map read', warm)];
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const load = loadavg()[0]!;
  const dir = tempDir();
  const server = await spawnTs('server/main.ts', ['--port', String(PORT), '--db', joinPath(dir.path, 'rooms.sqlite'), '--dist', dir.path, '--quiet'], /Stakemap is running at/);
  const rows: TableRow[] = [];
  try {
    const rounds = QUICK ? 10 : 60;
    for (const count of [2, 10, 30]) {
      rows.push(await oneRoom(count, count === 2 ? rounds * 2 : rounds));
      console.log(rows.at(-1)!.figure, '…', rows.at(-1)!.result);
    }
    for (const spread of [1_000, 0]) {
      rows.push(await manyRooms(100, 5, QUICK ? 3 : 10, spread));
      console.log(rows.at(-1)!.figure, '…', rows.at(-1)!.result);
    }
    rows.push(...(await joinBig(QUICK ? 3 : 7)));
  } finally {
    await server.stop();
    dir.remove();
  }
  const table = formatTable(rows);
  console.log(`\n${table.text}\n`);
  if (!WRITE) return;
  const content = [
    `Last run of \`npm run bench:live\`: ${runStamp(startedAt)} UTC.`,
    '',
    machine({ chromium: false }),
    `- load average (1 min) when the run started: ${load.toFixed(1)}`,
    '',
    ...(load > availableParallelism() ? ['Other work kept the machine busy during this run (load above its core count): the figures read high.', ''] : []),
    'The server runs as its own process; every client is a real `@hocuspocus/provider` with a `LiveMap`, all in one',
    'Node process, so at 30 clients and more the later ones wait for the earlier ones to read the same update.',
    '',
    table.markdown,
  ].join('\n');
  console.log(`written to ${writeBlock('live', content)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
