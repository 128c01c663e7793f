import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, dockerEnabled, eventually, explainDockerSkip, image } from '../support/docker.js';
import { SEED_ANSWER, postSeed } from '../support/seed.js';


explainDockerSkip('stage 1, the images as containers on a user network');

describe.runIf(process.env.CI && !dockerEnabled)('the Docker stage in CI', () => {
  it('has the engine .ci/run was meant to start', () => {
    throw new Error('CI is set but NLP_DOCKER_TESTS is not: scripts/ci/docker-setup.sh did not run or failed');
  });
});

describe.runIf(dockerEnabled)('stage 1: the three images as containers on a user network', () => {
  const id = randomBytes(4).toString('hex');
  const network = `nlp-ci-${id}`;
  const names = { rake: `rake-${id}`, prose: `prose-${id}`, gateway: `gateway-${id}` };
  const key = randomBytes(16).toString('hex');
  let base = '';

  beforeAll(async () => {
    await docker('network', 'create', network);
    const common = ['run', '-d', '--network', network, '-e', `AUTH_KEY=${key}`];
    await docker(...common, '--name', names.rake, '--network-alias', 'rake-app', '-e', 'RAKE_PORT=8080', image('rake-app'));
    await docker(...common, '--name', names.prose, '--network-alias', 'prose-app', '-e', 'PROSE_PORT=8080', image('prose-app'));
    await docker(
      ...common,
      '--name',
      names.gateway,
      '-p',
      '127.0.0.1::8080',
      '-e',
      'NLP_CLIENT_PORT=8080',
      '-e',
      'RAKE_ENDPOINT=http://rake-app:8080',
      '-e',
      'PROSE_ENDPOINT=http://prose-app:8080',
      image('nlp-client'),
    );
    const mapped = await docker('port', names.gateway, '8080/tcp');
    base = `http://${mapped.split('\n')[0]}`;
    // Each probe is bounded: until the container listens, docker-proxy may hold a connection open.
    await eventually(async () => ((await fetch(`${base}/ready`, { signal: AbortSignal.timeout(2_000) })).ok ? true : undefined), 60_000, 'the gateway to be ready');
  }, 120_000);

  afterAll(async () => {
    await docker('rm', '-f', ...Object.values(names)).catch(() => undefined);
    await docker('network', 'rm', network).catch(() => undefined);
  });

  it('answers the seed text through nlp-client exactly as the 2019 service did', async () => {
    expect(await postSeed(base, key)).toEqual({ status: 200, text: SEED_ANSWER });
  });

  it('reports every container healthy through its own HEALTHCHECK', async () => {
    for (const name of Object.values(names)) {
      await eventually(
        async () => ((await docker('inspect', '-f', '{{.State.Health.Status}}', name)) === 'healthy' ? true : undefined),
        60_000,
        `${name} to be healthy`,
      );
    }
  }, 120_000);

  it('runs as a non-root user, with OCI labels and no TypeScript compiler', async () => {
    for (const service of ['rake-app', 'prose-app', 'nlp-client']) {
      const config = JSON.parse(await docker('image', 'inspect', '-f', '{{json .Config}}', image(service))) as {
        User: string;
        Labels: Record<string, string>;
      };
      expect(config.User).toBe('1000:1000');
      expect(config.Labels).toMatchObject({
        'org.opencontainers.image.version': expect.any(String),
        'org.opencontainers.image.revision': expect.stringMatching(/^[0-9a-f]{40}$|^unknown$/),
        'org.opencontainers.image.source': expect.any(String),
      });
    }
    // No shell, id or ls in the image: node itself reports.
    expect(await docker('exec', names.rake, 'node', '-e', 'console.log(process.getuid())')).toBe('1000');
    const modules = await docker('exec', names.rake, 'node', '-e', "console.log(require('node:fs').readdirSync('/app/node_modules').join('\\n'))");
    expect(modules).toMatch(/^express$/m);
    expect(modules).not.toMatch(/^(typescript|vitest|@types)$/m);
  });

  it('is at most 140 MB, with no shell or package manager and nothing in /usr/local/bin but node', async () => {
    for (const service of ['rake-app', 'prose-app', 'nlp-client']) {
      const bytes = Number(await docker('image', 'inspect', '-f', '{{.Size}}', image(service)));
      expect(bytes, `${service} is ${(bytes / 1e6).toFixed(1)} MB`).toBeLessThanOrEqual(140e6);
      for (const program of ['/bin/sh', '/bin/bash', '/usr/bin/apt-get', '/usr/bin/dpkg', '/usr/local/bin/npm']) {
        await expect(docker('run', '--rm', '--entrypoint', program, image(service), '-c', 'true'), `${service} runs ${program}`).rejects.toThrow(
          /no such file or directory/,
        );
      }
      const listing = await docker(
        'run', '--rm', '--entrypoint', 'node', image(service), '-e',
        "const fs=require('node:fs');console.log(JSON.stringify({bin:fs.readdirSync('/usr/local/bin'),tmp:(fs.statSync('/tmp').mode&0o7777).toString(8),user:require('node:os').userInfo().username}))",
      );
      expect(JSON.parse(listing), service).toEqual({ bin: ['node'], tmp: '1777', user: 'node' });
    }
  }, 120_000);

  it('drains and exits 0 on docker stop', async () => {
    await docker('stop', '-t', '10', names.gateway);
    expect(await docker('inspect', '-f', '{{.State.ExitCode}}', names.gateway)).toBe('0');
  }, 30_000);
});
