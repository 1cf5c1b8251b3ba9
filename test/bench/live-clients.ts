// Clients of the live benchmark: real Hocuspocus providers in this Node
// process (ws as the WebSocket), each with a LiveMap, the binding the app uses.
import * as Y from 'yjs';
import { moveStakeholders } from '../../src/domain';
import { LiveMap } from '../../src/live';
import { connectClient, until, type Client } from '../server/helpers';

export interface Person {
  readonly client: Client;
  readonly live: LiveMap;
  /** Called on every change that came from elsewhere, with the time it was seen. */
  onRemote: (live: LiveMap, at: number) => void;
  leave(): void;
}

export function join(url: string, room: string): Person {
  const client = connectClient(url, room);
  const person: Person = {
    client,
    live: undefined as unknown as LiveMap,
    onRemote: () => {},
    leave: () => {
      person.live.destroy();
      client.destroy();
    },
  };
  (person as { live: LiveMap }).live = new LiveMap(client.doc, (change) => {
    if (!change.local) person.onRemote(person.live, performance.now());
  });
  return person;
}

export async function joinAll(url: string, room: string, count: number): Promise<Person[]> {
  const people = Array.from({ length: count }, () => join(url, room));
  await Promise.all(people.map((p) => p.client.synced()));
  return people;
}

/**
 * One edit by `editor` (a stakeholder moved to x = `mark`), and the time until
 * each of `others` reads it in its map, in ms.
 */
export async function editAndWait(editor: Person, others: readonly Person[], mark: number): Promise<number[]> {
  const arrivals = new Map<Person, number>();
  const target = editor.live.map.stakeholders[0]!;
  for (const other of others)
    other.onRemote = (live, at) => {
      if (!arrivals.has(other) && live.map.stakeholders.find((s) => s.id === target.id)?.position?.x === mark) arrivals.set(other, at);
    };
  const t0 = performance.now();
  editor.live.edit(moveStakeholders(editor.live.map, [{ id: target.id, position: { x: mark, y: 0 } }]));
  await until(() => arrivals.size === others.length, `edit ${mark} to reach ${others.length} clients`, 20_000);
  return others.map((o) => arrivals.get(o)! - t0);
}

export function encodedSize(doc: Y.Doc): number {
  return Y.encodeStateAsUpdate(doc).byteLength;
}
