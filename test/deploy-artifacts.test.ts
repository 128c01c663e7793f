import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../scripts/lib/processes.js';

const run = promisify(execFile);
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const hasDockerCli = spawnSync('docker', ['--version']).status === 0;
const STACK_VARS = {
  CUSTOMER_ACCOUNT: '111111111111',
  CUSTOMER_ECR_REGION: 'eu-west-1',
  ISV_ACCOUNT: '222222222222',
  ISV_ECR_REGION: 'us-east-1',
  TAG: '1.2.3',
};

interface StackService {
  image: string;
  environment: Record<string, string>;
  ports?: { target: number; published: number; mode?: string }[];
  secrets: { source: string; target: string }[];
  healthcheck: { test: string[] };
  stop_grace_period: string;
  deploy: {
    mode?: string;
    replicas?: number;
    endpoint_mode?: string;
    update_config: { order: string; failure_action: string };
    restart_policy: { condition: string };
    resources: { limits: { cpus: string; memory: string }; reservations: { cpus: string; memory: string } };
  };
}

async function stackConfig(env: Record<string, string>, ...files: string[]): Promise<{ services: Record<string, StackService> }> {
  const args = ['stack', 'config', ...files.flatMap((f) => ['-c', join(ROOT, f)])];
  const { stdout } = await run('docker', args, { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env } });
  return parse(stdout) as { services: Record<string, StackService> };
}

describe.skipIf(!hasDockerCli)('stack.yml', () => {
  it('validates with the documented variables, giving the seed image names', async () => {
    const { services } = await stackConfig(STACK_VARS, 'stack.yml');
    expect(Object.keys(services).sort()).toEqual(['nlp-client', 'prose-app', 'rake-app']);
    expect(services['nlp-client']?.image).toBe('111111111111.dkr.ecr.eu-west-1.amazonaws.com/nlp-client:1.2.3');
    expect(services['prose-app']?.image).toBe('111111111111.dkr.ecr.eu-west-1.amazonaws.com/prose-app:1.2.3');
    expect(services['rake-app']?.image).toBe('222222222222.dkr.ecr.us-east-1.amazonaws.com/rake-app:1.2.3');
  });

  it('publishes only nlp-client, on 8080, and reaches the backends by service name on 8080', async () => {
    const { services } = await stackConfig(STACK_VARS, 'stack.yml');
    expect(services['nlp-client']?.ports).toEqual([expect.objectContaining({ target: 8080, published: 8080 })]);
    expect(services['rake-app']?.ports).toBeUndefined();
    expect(services['prose-app']?.ports).toBeUndefined();
    expect(services['nlp-client']?.environment).toMatchObject({
      NLP_CLIENT_PORT: '8080',
      RAKE_ENDPOINT: 'http://rake-app:8080',
      PROSE_ENDPOINT: 'http://prose-app:8080',
    });
    expect(services['rake-app']?.environment.RAKE_PORT).toBe('8080');
    expect(services['prose-app']?.environment.PROSE_PORT).toBe('8080');
  });

  it('gives every service the key as a Docker secret through AUTH_KEY_FILE, never as AUTH_KEY', async () => {
    const { services } = await stackConfig(STACK_VARS, 'stack.yml');
    for (const service of Object.values(services)) {
      expect(service.environment.AUTH_KEY).toBeUndefined();
      expect(service.environment.AUTH_KEY_FILE).toBe('/run/secrets/auth_key');
      expect(service.secrets).toEqual([{ source: 'nlp_auth_key', target: 'auth_key' }]);
    }
  });

  it('sets health checks, rolling updates that roll back, restarts, resources and a grace period', async () => {
    const { services } = await stackConfig(STACK_VARS, 'stack.yml');
    for (const service of Object.values(services)) {
      expect(service.healthcheck.test).toEqual(['CMD', 'node', 'dist/healthcheck.js']);
      expect(service.deploy.update_config).toMatchObject({ order: 'start-first', failure_action: 'rollback' });
      expect(service.deploy.restart_policy.condition).toBe('any');
      expect(service.deploy.resources.limits.memory).toBeTruthy();
      expect(service.deploy.resources.reservations.cpus).toBeTruthy();
      expect(service.stop_grace_period).toBe('15s');
    }
    expect(services['rake-app']?.deploy.replicas).toBe(2);
    expect(services['prose-app']?.deploy.replicas).toBe(2);
    expect(services['nlp-client']?.deploy.mode).toBe('global');
  });

  it.each(Object.keys(STACK_VARS))('fails with a clear message when %s is missing', async (missing) => {
    const env = Object.fromEntries(Object.entries(STACK_VARS).filter(([name]) => name !== missing));
    await expect(stackConfig(env, 'stack.yml')).rejects.toThrow(new RegExp(`required variable ${missing} is missing a value: set ${missing}`));
  });

  it('has a CI override that changes only the endpoint mode and the published port mode', async () => {
    const override = parse(read('test/docker/stack.ci.yml')) as { services: Record<string, Record<string, unknown>> };
    for (const [name, service] of Object.entries(override.services)) {
      const deploy = service.deploy as Record<string, unknown>;
      expect(Object.keys(deploy)).toEqual(['endpoint_mode']);
      expect(Object.keys(service).filter((k) => k !== 'deploy')).toEqual(name === 'nlp-client' ? ['ports'] : []);
    }
    const { services } = await stackConfig(STACK_VARS, 'stack.yml', 'test/docker/stack.ci.yml');
    expect(services['nlp-client']?.ports).toEqual([{ mode: 'host', target: 8080, published: 8080, protocol: 'tcp' }]);
    for (const service of Object.values(services)) expect(service.deploy.endpoint_mode).toBe('dnsrr');
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = read('docker/Dockerfile');

  it('passes the Dockerfile linter with no diagnostics', () => {
    expect(validate(dockerfile).map((d) => d.message)).toEqual([]);
  });

  it('builds on node:20-bookworm-slim, runs as non-root, checks health and sets OCI labels', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/^USER 1000:1000$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*CMD \["node", "dist\/healthcheck.js"\]$/m);
    for (const label of ['source', 'version', 'revision']) expect(dockerfile).toContain(`org.opencontainers.image.${label}=`);
  });

  it('installs from the lock file and keeps dev dependencies out of the runtime stage', () => {
    expect(dockerfile).toContain('npm ci --omit=dev --workspace services/${SERVICE}');
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).not.toMatch(/npm (ci|install)/);
    expect(runtime).toContain('COPY --from=deps /src/node_modules node_modules');
    // The runtime stage starts from nothing: only what the rootfs stage assembled, no shell.
    expect(dockerfile).toMatch(/^FROM scratch AS runtime\nCOPY --from=rootfs \/rootfs \/$/m);
    expect(runtime).not.toMatch(/^RUN /m);
  });
});

describe('scripts/ecr-push.sh', () => {
  const push = (env: Record<string, string>) =>
    run('bash', ['scripts/ecr-push.sh', '--dry-run'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });

  it('prints the login, tag and push commands for each account with --dry-run', async () => {
    const { stdout } = await push(STACK_VARS);
    expect(stdout.trim().split('\n')).toEqual([
      'aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 222222222222.dkr.ecr.us-east-1.amazonaws.com',
      'docker tag nlp-api/rake-app:1.2.3 222222222222.dkr.ecr.us-east-1.amazonaws.com/rake-app:1.2.3',
      'docker push 222222222222.dkr.ecr.us-east-1.amazonaws.com/rake-app:1.2.3',
      'aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 111111111111.dkr.ecr.eu-west-1.amazonaws.com',
      'docker tag nlp-api/nlp-client:1.2.3 111111111111.dkr.ecr.eu-west-1.amazonaws.com/nlp-client:1.2.3',
      'docker push 111111111111.dkr.ecr.eu-west-1.amazonaws.com/nlp-client:1.2.3',
      'docker tag nlp-api/prose-app:1.2.3 111111111111.dkr.ecr.eu-west-1.amazonaws.com/prose-app:1.2.3',
      'docker push 111111111111.dkr.ecr.eu-west-1.amazonaws.com/prose-app:1.2.3',
    ]);
  });

  it('refuses to run without an account, or with a malformed one', async () => {
    await expect(push({})).rejects.toThrow(/set ISV_ACCOUNT/);
    await expect(push({ ISV_ACCOUNT: '12345', ISV_ECR_REGION: 'us-east-1' })).rejects.toThrow(/12 digits/);
    await expect(push({ ISV_ACCOUNT: '123456789012', ISV_ECR_REGION: 'mars' })).rejects.toThrow(/not an AWS region/);
  });
});
