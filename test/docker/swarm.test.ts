import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, dockerEnabled, eventually, explainDockerSkip, imageTag } from '../support/docker.js';
import { ROOT } from '../../scripts/lib/processes.js';
import { SEED, SEED_ANSWER } from '../support/seed.js';


const run = promisify(execFile);

explainDockerSkip('stage 2, the Swarm stack');

const STACK = 'nlp';
const BASE = 'http://127.0.0.1:8080';
// Stand-in registry coordinates: nothing is pulled, the local images get these names.
const ACCOUNTS = { CUSTOMER_ACCOUNT: '111111111111', CUSTOMER_ECR_REGION: 'eu-west-1', ISV_ACCOUNT: '222222222222', ISV_ECR_REGION: 'us-east-1' };

function advertiseAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  throw new Error('no non-loopback IPv4 address to advertise the swarm on');
}

async function call(path: string, key: string | undefined, body?: unknown): Promise<Response> {
  return fetch(`${BASE}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: key ? { Authorization: `Bearer ${key}` } : {},
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
}

interface TaskRow {
  id: string;
  service: string;
  state: string;
  desired: string;
}

async function runningTasks(): Promise<TaskRow[]> {
  const out = await docker('stack', 'ps', STACK, '--no-trunc', '--format', '{{.ID}} {{.Name}} {{.DesiredState}} {{.CurrentState}}');
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id = '', name = '', desired = '', state = ''] = line.split(' ');
      return { id, service: name.replace(/^nlp_/, '').replace(/\..*$/, ''), desired, state };
    })
    .filter((task) => task.desired === 'Running' && task.state === 'Running');
}

/** Every replica running and every container healthy: 1 gateway (global, one node), 2 + 2 backends. */
async function allHealthy(): Promise<true | undefined> {
  const tasks = await runningTasks();
  const count = (service: string) => tasks.filter((t) => t.service === service).length;
  if (count('nlp-client') !== 1 || count('rake-app') !== 2 || count('prose-app') !== 2) return undefined;
  const healthy = await docker('ps', '--filter', `label=com.docker.stack.namespace=${STACK}`, '--filter', 'health=healthy', '-q');
  return healthy.split('\n').filter(Boolean).length === 5 ? true : undefined;
}

describe.runIf(dockerEnabled)('stage 2: docker stack deploy of stack.yml on a swarm', () => {
  const key = randomBytes(16).toString('hex');

  beforeAll(async () => {
    await docker('swarm', 'init', '--advertise-addr', advertiseAddress(), '--default-addr-pool', '10.215.0.0/16');
    const started = Date.now();
    // The documented path for locally built images: it creates the secret from AUTH_KEY, tags the
    // images with the names stack.yml expects and deploys with --resolve-image never.
    await run('bash', [join(ROOT, 'scripts/docker/stack.sh'), 'deploy', '--local'], {
      env: { ...process.env, ...ACCOUNTS, TAG: imageTag, AUTH_KEY: key, STACK_NAME: STACK, STACK_OVERRIDE: 'test/docker/stack.ci.yml' },
    });
    console.log(`swarm: stack deployed in ${Date.now() - started} ms`);
    await eventually(allHealthy, 150_000, 'every replica to run and be healthy');
    console.log(`swarm: 5 replicas running and healthy after ${Date.now() - started} ms`);
    await eventually(async () => ((await call('/ready', undefined)).ok ? true : undefined), 30_000, 'the gateway to be ready');
  }, 240_000);

  afterAll(async () => {
    await run('bash', [join(ROOT, 'scripts/docker/stack.sh'), 'rm'], { env: { ...process.env, STACK_NAME: STACK } }).catch(() => undefined);
    // The stack's network goes last; a swarm left with it can't be left cleanly.
    await eventually(
      async () => ((await docker('network', 'ls', '-q', '--filter', `label=com.docker.stack.namespace=${STACK}`)) === '' ? true : undefined),
      60_000,
      'the stack network to be removed',
    ).catch(() => undefined);
    await docker('secret', 'rm', 'nlp_auth_key').catch(() => undefined);
    await docker('swarm', 'leave', '--force').catch(() => undefined);
  }, 120_000);

  it('serves /keywords, /tokens and /entities through the published port', async () => {
    const keywords = await call('/keywords', key, { text: SEED });
    expect(keywords.status).toBe(200);
    expect(await keywords.text()).toBe(SEED_ANSWER);

    const tokens = await call('/tokens', key, { text: 'Barack Obama visited Paris.' });
    expect(tokens.status).toBe(200);
    expect(((await tokens.json()) as { tag: string; label: string }[]).slice(0, 2)).toMatchObject([
      { tag: 'NNP', label: 'B-PERSON' },
      { tag: 'NNP', label: 'I-PERSON' },
    ]);

    const entities = await call('/entities', key, { text: 'Angela Merkel visited Berlin.' });
    expect(entities.status).toBe(200);
    expect(await entities.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: 'Angela Merkel', label: 'PERSON' })]),
    );
  });

  it('answers 401 without the key from the Docker secret', async () => {
    expect((await call('/keywords', undefined, { text: SEED })).status).toBe(401);
    expect((await call('/keywords', 'not-the-secret', { text: SEED })).status).toBe(401);
  });

  it('replaces a killed rake-app task and the API recovers', async () => {
    const before = (await runningTasks()).filter((t) => t.service === 'rake-app').map((t) => t.id);
    const victim = (await docker('ps', '-q', '--filter', `label=com.docker.swarm.service.name=${STACK}_rake-app`)).split('\n')[0];
    expect(victim).toBeTruthy();
    await docker('kill', victim!);
    const killed = Date.now();

    const replaced = await eventually(
      async () => {
        const now = (await runningTasks()).filter((t) => t.service === 'rake-app').map((t) => t.id);
        return now.length === 2 && now.some((id) => !before.includes(id)) ? now : undefined;
      },
      90_000,
      'swarm to start a replacement rake-app task',
    );
    expect(replaced).toHaveLength(2);
    console.log(`swarm: killed rake-app task replaced after ${Date.now() - killed} ms`);

    // Recovered means: ten answers in a row, all correct.
    await eventually(
      async () => {
        for (let i = 0; i < 10; i++) {
          const res = await call('/keywords', key, { text: SEED });
          if (res.status !== 200 || (await res.text()) !== SEED_ANSWER) return undefined;
        }
        return true;
      },
      60_000,
      'ten correct /keywords answers in a row',
    );
    console.log(`swarm: API answering correctly again ${Date.now() - killed} ms after the kill`);
  }, 180_000);
});
