// What the server says about itself: events with a shortened room id, counts
// and sizes. Never a map's content, never a full room id (without a secret,
// the id is the key to the room) and never the secret.
export interface Log {
  info(text: string): void;
  event(what: string, room: string, detail?: string | number): void;
  error(text: string): void;
}

export function shortRoom(room: string): string {
  return room.length > 8 ? `${room.slice(0, 6)}…` : room;
}

export function createLog(quiet: boolean, write: (line: string) => void = (line) => console.log(line)): Log {
  const stamp = () => new Date().toISOString().slice(11, 19);
  return {
    info: (text) => {
      if (!quiet) write(text);
    },
    event: (what, room, detail) => {
      if (!quiet) write(`${stamp()} room ${shortRoom(room)} ${what}${detail === undefined ? '' : ` (${detail})`}`);
    },
    error: (text) => console.error(`${stamp()} ${text}`),
  };
}
