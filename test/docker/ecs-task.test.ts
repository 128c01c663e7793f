import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployOffline, type JsonObject } from '../support/cloudformation.js';
import { docker, dockerEnabled, eventually, explainDockerSkip, image, imageTag } from '../support/docker.js';
import { SEED_ANSWER, postSeed } from '../support/seed.js';


explainDockerSkip('the ECS task simulation');

interface Container {
  Name: string;
  Image: string;
  Cpu: number;
  MemoryReservation: number;
  ReadonlyRootFilesystem: boolean;
  StopTimeout: number;
  PortMappings?: { ContainerPort: number }[];
  Environment: { Name: string; Value: string }[];
  Secrets: { Name: string; ValueFrom: string }[];
  HealthCheck: { Command: string[]; Interval: number; Timeout: number; Retries: number; StartPeriod: number };
  DependsOn?: { ContainerName: string; Condition: string }[];
}

/** The task definition exactly as CloudFormation would create it, with this build's tag. */
function taskDefinition(): Container[] {
  const stacks = deployOffline('customer', { 'nlp-api-service': { Tag: imageTag } });
  const service = stacks.find((s) => s.stackName === 'nlp-api-service')!;
  const task = service.evaluator.resolve(service.template_.Resources.TaskDefinition!.Properties!) as JsonObject;
  return task.ContainerDefinitions as unknown as Container[];
}

/**
 * `docker run` arguments for one container definition, inside the task's shared network namespace.
 * The images have no shell, and `docker run --health-cmd` always means CMD-SHELL; so the task's
 * exec-form command must be the image's own HEALTHCHECK (checked in beforeAll), and only its timings
 * are passed, which the engine merges with the image's command.
 */
function runArguments(container: Container, name: string, namespace: string, key: string): string[] {
  const check = container.HealthCheck;
  return [
    'run', '-d', '--name', name,
    '--network', `container:${namespace}`,
    '--cpu-shares', String(container.Cpu),
    '--memory-reservation', `${container.MemoryReservation}m`,
    ...(container.ReadonlyRootFilesystem ? ['--read-only'] : []),
    ...container.Environment.flatMap((e) => ['-e', `${e.Name}=${e.Value}`]),
    // ECS resolves each secret and hands it to the container as an environment variable.
    ...container.Secrets.flatMap((s) => ['-e', `${s.Name}=${key}`]),
    '--health-interval', `${check.Interval}s`,
    '--health-timeout', `${check.Timeout}s`,
    '--health-retries', String(check.Retries),
    '--health-start-period', `${check.StartPeriod}s`,
    container.Image,
  ];
}

const health = (name: string) => docker('inspect', '-f', '{{.State.Health.Status}}', name);

describe.runIf(dockerEnabled)('the ECS task definition, run as one task on the Docker engine', () => {
  const id = randomBytes(4).toString('hex');
  const containers = taskDefinition();
  const names: Record<string, string> = Object.fromEntries(containers.map((c) => [c.Name, `task-${id}-${c.Name}`]));
  // awsvpc gives a task one network namespace, held by a pause container; the task's containers join it.
  const pause = `task-${id}-pause`;
  const key = randomBytes(24).toString('base64url');
  let base = '';

  beforeAll(async () => {
    for (const container of containers) {
      await docker('tag', image(container.Name), container.Image);
      const own = JSON.parse(await docker('image', 'inspect', '-f', '{{json .Config.Healthcheck.Test}}', container.Image)) as string[];
      expect(container.HealthCheck.Command, `${container.Name}'s health check`).toEqual(own);
    }
    const published = containers.flatMap((c) => c.PortMappings ?? []).flatMap((p) => ['-p', `127.0.0.1::${p.ContainerPort}`]);
    await docker('run', '-d', '--name', pause, ...published, '--entrypoint', 'sleep', 'node:20-bookworm-slim', 'infinity');

    // Start in the order DependsOn demands: a container waits until what it depends on is HEALTHY.
    const started = new Set<string>();
    while (started.size < containers.length) {
      const startable = containers.filter(
        (c) => !started.has(c.Name) && (c.DependsOn ?? []).every((d) => started.has(d.ContainerName)),
      );
      if (startable.length === 0) throw new Error('DependsOn has a cycle');
      for (const container of startable) {
        for (const dependency of container.DependsOn ?? []) {
          expect(dependency.Condition).toBe('HEALTHY');
          await eventually(async () => ((await health(names[dependency.ContainerName]!)) === 'healthy' ? true : undefined), 60_000, `${dependency.ContainerName} to be healthy`);
        }
        await docker(...runArguments(container, names[container.Name]!, pause, key));
      }
      for (const container of startable) started.add(container.Name);
    }
    await eventually(async () => ((await health(names['nlp-client']!)) === 'healthy' ? true : undefined), 60_000, 'nlp-client to be healthy');
    const gatewayPort = containers.find((c) => c.Name === 'nlp-client')!.PortMappings![0]!.ContainerPort;
    base = `http://${(await docker('port', pause, `${gatewayPort}/tcp`)).split('\n')[0]}`;
  }, 180_000);

  afterAll(async () => {
    await docker('rm', '-f', ...Object.values(names), pause).catch(() => undefined);
  });

  it('answers /keywords through the mapped port, with the key the secret delivers', async () => {
    expect(await postSeed(base, key)).toEqual({ status: 200, text: SEED_ANSWER });
    expect((await fetch(`${base}/ready`, { signal: AbortSignal.timeout(5_000) })).status).toBe(200);
  });

  it('keeps the backends unreachable from outside the task', async () => {
    const address = await docker('inspect', '-f', '{{.NetworkSettings.IPAddress}}', pause);
    const probe = (port: number) =>
      docker(
        'run', '--rm', '--entrypoint', 'node', 'node:20-bookworm-slim', '-e',
        `fetch('http://${address}:${port}/health',{signal:AbortSignal.timeout(3000)}).then(r=>console.log(r.status),e=>console.log('refused'))`,
      );
    expect(await probe(8080)).toBe('200');
    expect(await probe(8081)).toBe('refused');
    expect(await probe(8082)).toBe('refused');
  });

  // Exit code 0 means the service drained and exited by itself: a SIGKILL at the timeout gives 137.
  it('stops every container within its StopTimeout, exiting 0', async () => {
    for (const container of [...containers].reverse()) {
      await docker('stop', '-t', String(container.StopTimeout), names[container.Name]!);
      expect(await docker('inspect', '-f', '{{.State.ExitCode}}', names[container.Name]!)).toBe('0');
    }
  }, 90_000);
});
