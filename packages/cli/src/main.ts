import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FORMATTERS } from './format.js';

const USAGE = `usage: nlp <${Object.keys(FORMATTERS).join('|')}> [text] [--algorithm NAME] [--url URL] [--key KEY] [--json]

  text         the text to analyse; read from standard input when absent or "-"
  --algorithm  keywords only: positionrank (short texts: abstracts, paragraphs; recommended),
               multipartiterank (long documents, news), rake (the default) or yake
  --url        the gateway (default: $NLP_URL, else http://localhost:8080)
  --key        the API key or JWT (default: $NLP_API_KEY, else $AUTH_KEY)
  --json       print the API's JSON instead of a table`;

interface Writable {
  write(chunk: string): unknown;
}

/** Runs the CLI; returns the exit code (0 ok, 1 the API said no, 2 bad usage or unreachable). */
export async function main(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  stdout: Writable,
  stderr: Writable,
  readStdin: () => string = () => readFileSync(0, 'utf8'),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        algorithm: { type: 'string' },
        url: { type: 'string' },
        key: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    stderr.write(`nlp: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...words] = positionals;
  if (values.help || command === undefined) {
    (values.help ? stdout : stderr).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const format = Object.hasOwn(FORMATTERS, command) ? FORMATTERS[command as keyof typeof FORMATTERS] : undefined;
  if (!format) {
    stderr.write(`nlp: unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  if (values.algorithm !== undefined && command !== 'keywords') {
    stderr.write(`nlp: --algorithm applies only to keywords\n${USAGE}\n`);
    return 2;
  }
  const key = values.key ?? env.NLP_API_KEY ?? env.AUTH_KEY;
  if (!key) {
    stderr.write('nlp: no API key; pass --key or set NLP_API_KEY\n');
    return 2;
  }
  const text = words.length === 0 || (words.length === 1 && words[0] === '-') ? readStdin() : words.join(' ');
  const base = (values.url ?? env.NLP_URL ?? 'http://localhost:8080').replace(/\/+$/, '');

  let res: Response;
  try {
    res = await fetch(`${base}/${command}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      // The gateway checks the algorithm's name and its options, and says which field is wrong.
      body: JSON.stringify({ text, algorithm: values.algorithm }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    stderr.write(`nlp: cannot reach ${base}: ${cause}\n`);
    return 2;
  }
  const raw = await res.text();
  if (!res.ok) {
    let message = raw;
    try {
      const body = JSON.parse(raw) as { message?: string; code?: string };
      message = `${body.message ?? raw}${body.code ? ` (${body.code})` : ''}`;
    } catch {
      // not JSON: show it as it came
    }
    stderr.write(`nlp: ${res.status} ${message}\n`);
    return 1;
  }
  stdout.write(values.json ? `${raw}\n` : `${format(JSON.parse(raw))}\n`);
  return 0;
}
