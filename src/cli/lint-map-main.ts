// The map checker on the command line, as a function of its arguments and its
// input/output so that tests can run it in-process. lint-map.ts wires it to
// the real file system and process.
//
// Exit codes: 0 no warning or error, 1 at least one, 2 the file was refused or
// unreadable, or the arguments were wrong.
import { analyzeMap } from '../domain/analysis';
import { checkMap, DEFINITION_INFO, type Finding, type Severity } from '../domain/check';
import { parseMap } from '../domain/format';
import { DEFINITIONS, definitionOf, type Definition, type StakeMap } from '../domain/model';
import { isDefinition } from '../domain/roles';

export interface CliIO {
  /** The file's bytes; throws (with a Node error code where there is one) when it cannot be read. */
  readFile(path: string): Uint8Array;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const USAGE = `usage: npm run lint-map -- FILE [--definition ${DEFINITIONS.join('|')}] [--json]`;

const HELP = `${USAGE}

Checks a Stakemap file (*.stakemap.json): compares what the team calls each
stakeholder with what the map shows it to be.

  FILE                 the map to check
  --definition ID      judge by this definition of customer instead of the map's own:
${DEFINITIONS.map((d) => `                         ${d.padEnd(7)} ${DEFINITION_INFO[d].name}`).join('\n')}
  --json               print {"findings":[...]} on stdout instead of text
  --help, -h           show this help

Exit status: 0 no warning or error, 1 at least one warning or error,
2 the file was refused or unreadable, or the arguments were wrong.

The file format: docs/FORMAT.md. Every rule, with an example: docs/RULES.md.
`;

interface Args {
  file: string;
  definition: Definition | undefined;
  json: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const files: string[] = [];
  let definition: Definition | undefined;
  let json = false;
  let flagsDone = false;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (flagsDone || !arg.startsWith('-') || arg === '-') {
      files.push(arg);
    } else if (arg === '--') {
      flagsDone = true;
    } else if (arg === '--help' || arg === '-h') {
      return 'help';
    } else if (arg === '--json') {
      json = true;
    } else if (arg === '--definition' || arg.startsWith('--definition=')) {
      const value = arg === '--definition' ? argv[++k] : arg.slice('--definition='.length);
      if (value === undefined) throw new UsageError('--definition needs a value');
      if (!isDefinition(value)) {
        throw new UsageError(`unknown definition ${JSON.stringify(value)}: expected one of ${DEFINITIONS.join(', ')}`);
      }
      definition = value;
    } else {
      throw new UsageError(`unknown option ${JSON.stringify(arg)}`);
    }
  }
  if (files.length === 0) throw new UsageError('no file given');
  if (files.length > 1) throw new UsageError(`one file at a time (got ${files.length})`);
  return { file: files[0]!, definition, json };
}

/** Runs the checker; returns the exit code. */
export function main(argv: readonly string[], io: CliIO): number {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`lint-map: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    io.stdout(HELP);
    return 0;
  }

  const text = readText(args.file, io);
  if (text === null) return 2;
  const parsed = parseMap(text);
  if (!parsed.ok) {
    const n = parsed.problems.length;
    io.stderr(`lint-map: ${shown(args.file)} was refused (${n} problem${n === 1 ? '' : 's'}):\n`);
    // Each message already starts with its place in the file.
    for (const p of parsed.problems) io.stderr(`  ${shown(p.message)}\n`);
    return 2;
  }
  // The rules never read positions: a clamped one is worth a note, not a failure.
  for (const r of parsed.repairs ?? []) io.stderr(`lint-map: note: ${shown(r.message)}\n`);

  const definition = args.definition ?? definitionOf(parsed.map);
  const findings = checkMap(parsed.map, definition);
  if (args.json) io.stdout(toJson(findings));
  else io.stdout(toText(parsed.map, args.file, definition, args.definition !== undefined, findings));
  return findings.some((f) => f.severity !== 'info') ? 1 : 0;
}

function readText(file: string, io: CliIO): string | null {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch (error) {
    io.stderr(`lint-map: cannot read ${shown(file)}: ${readProblem(error)}\n`);
    return null;
  }
  try {
    // The byte-order mark stays in: the parser knows what to do with it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    io.stderr(`lint-map: ${shown(file)} was refused: it is not UTF-8 text\n`);
    return null;
  }
}

function readProblem(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Map text in a terminal is only text: control characters are shown escaped. */
export function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function toJson(findings: readonly Finding[]): string {
  const out = findings.map(({ rule, severity, stakeholder, suggestedLabel, message, why }) => ({
    rule,
    severity,
    stakeholder,
    suggestedLabel,
    message,
    why,
  }));
  // JSON.stringify leaves U+007F–U+009F as they are; escaping them keeps the same JSON value.
  return `${JSON.stringify({ findings: out }, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

const HEADINGS: Readonly<Record<Severity, string>> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };

function toText(map: StakeMap, file: string, definition: Definition, chosen: boolean, findings: readonly Finding[]): string {
  const names = new Map(map.stakeholders.map((s) => [s.id, s.name]));
  const lines: string[] = [
    `${shown(map.title)} (${shown(file)})`,
    `Definition: ${DEFINITION_INFO[definition].name}${chosen ? ' (from --definition)' : ''}.`,
    // Names who it counts, as the findings panel does.
    shown(analyzeMap(map, definition).namedSentence),
  ];
  if (findings.length === 0) {
    lines.push('', 'No findings: the labels match what the map shows.');
    return `${lines.join('\n')}\n`;
  }
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${HEADINGS[severity]} (${group.length})`);
    for (const f of group) {
      const who = f.stakeholder === null ? 'The whole map' : (names.get(f.stakeholder) ?? f.stakeholder);
      lines.push(`  ${severity}  ${shown(who)}  [${f.rule}]`, `    ${shown(f.message)}`, `    Why: ${f.why}`);
      if (f.suggestedLabel !== null) lines.push(`    Suggestion: relabel as ${f.suggestedLabel}.`);
    }
  }
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  lines.push('', `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')}.`);
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
