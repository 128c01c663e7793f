import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/processes.js';

/**
 * The Docker tests need the engine `.ci/run` starts (scripts/ci/docker-setup.sh). In CI they must run;
 * on a developer machine without that engine they are skipped, loudly.
 */
export const dockerEnabled = process.env.NLP_DOCKER_TESTS === '1';

export function explainDockerSkip(stage: string): void {
  if (!dockerEnabled && !process.env.CI) {
    console.warn(
      `\n*** SKIPPED: ${stage} needs the project's Docker engine and images. ` +
        'Run `bash scripts/ci/docker-setup.sh` as root and then `NLP_DOCKER_TESTS=1 DOCKER_HOST=... npm run test:stages`. ***\n',
    );
  }
}

export interface DockerOptions {
  /** Extra environment for this call, e.g. the variables stack.yml interpolates. */
  env?: Record<string, string>;
  /** Written to docker's standard input, e.g. a secret's value. */
  input?: string;
}

export function dockerWith(options: DockerOptions, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'docker',
      args,
      { env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`docker ${args.join(' ')} failed: ${stderr.trim() || error.message}`)) : resolve(stdout.trim()),
    );
    // docker may exit (or not read stdin at all) before the write lands: an EPIPE then is no error.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

export const docker = (...args: string[]): Promise<string> => dockerWith({}, ...args);

/** The tag `npm run docker:build` gave the images (the package version unless TAG was set). */
export const imageTag: string = process.env.TAG ?? (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const image = (service: string): string => `${process.env.IMAGE_PREFIX ?? 'nlp-api'}/${service}:${imageTag}`;

export async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns a value (not undefined), or fails naming what it waited for. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await sleep(500);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}
