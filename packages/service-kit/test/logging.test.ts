import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOGGING = fileURLToPath(new URL('../src/logging.ts', import.meta.url));

/** Runs `body` in a fresh node with `logger` from createLogger, and collects its stdout lines. */
function runWithLogger(body: string): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  const script = `import { createLogger } from ${JSON.stringify(LOGGING)};\nconst logger = createLogger('log-test', 'info');\n${body}`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines: out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) }));
  });
}

describe('the service logger', () => {
  it('writes every line in order, gathered info lines and immediate errors alike', async () => {
    const { code, lines } = await runWithLogger(`
      for (let i = 0; i < 500; i++) logger.info({ i }, 'request');
      logger.error({ i: 500 }, 'worker died');
      setTimeout(() => process.exit(0), 300);
    `);
    expect(code).toBe(0);
    expect(lines.map((line) => line.i)).toEqual([...Array(501).keys()]);
    expect(lines.at(-1)).toMatchObject({ level: 50, msg: 'worker died', service: 'log-test' });
  });

  it('loses no line written just before the process exits', async () => {
    const { lines } = await runWithLogger(`
      logger.info({ step: 1 }, 'starting');
      logger.info({ step: 2 }, 'stopped');
      process.exit(3);
    `);
    expect(lines.map((line) => line.step)).toEqual([1, 2]);
  });

  it('redacts credentials wherever they appear', async () => {
    const { lines } = await runWithLogger(`logger.info({ authorization: 'Bearer s3cret', headers: { authorization: 'Bearer s3cret' } }, 'oops'); process.exit(0);`);
    expect(JSON.stringify(lines)).not.toContain('s3cret');
    expect(lines[0]).toMatchObject({ authorization: '[redacted]' });
  });
});
