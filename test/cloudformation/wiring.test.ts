import { describe, expect, it } from 'vitest';
import { COMMON_SETTINGS } from '@nlp-api/service-kit';
import { GATEWAY_SETTINGS } from '../../services/nlp-client/src/settings.js';
import { PROSE_SETTINGS } from '../../services/prose-app/src/settings.js';
import { RAKE_SETTINGS } from '../../services/rake-app/src/settings.js';
import { isServiceName, settingsReadBy } from '../../scripts/settings/catalogue.js';
import { CUSTOMER, StackEvaluator, VENDOR, deployOffline, findImports, loadTemplate, type Json, type JsonObject } from '../support/cloudformation.js';
import { expectOnlyDeclaredSettings } from '../support/settings.js';

interface Container {
  Name: string;
  Image: string;
  Cpu: number;
  MemoryReservation: number;
  PortMappings?: { ContainerPort: number }[];
  Environment: { Name: string; Value: string }[];
  Secrets: { Name: string; ValueFrom: string }[];
  HealthCheck: { Command: string[] };
  DependsOn?: { ContainerName: string; Condition: string }[];
  StopTimeout: number;
}

const AUTH_KEY = COMMON_SETTINGS.authKey.variable;
const GATEWAY_PORT = GATEWAY_SETTINGS.port.variable;
const RAKE_PORT = RAKE_SETTINGS.port.variable;
const PROSE_PORT = PROSE_SETTINGS.port.variable;
const RAKE_ENDPOINT = GATEWAY_SETTINGS.rakeEndpoint.variable;
const PROSE_ENDPOINT = GATEWAY_SETTINGS.proseEndpoint.variable;

// The CPU/memory pairs Fargate accepts (Linux), from the ECS developer guide.
const FARGATE_PAIRS: Record<number, number[]> = {
  256: [512, 1024, 2048],
  512: [1024, 2048, 3072, 4096],
  1024: [2048, 3072, 4096, 5120, 6144, 7168, 8192],
  2048: [4096, 5120, 6144, 7168, 8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384],
  4096: Array.from({ length: 23 }, (_, i) => 8192 + i * 1024),
};

function serviceStack(parameters: Record<string, Json> = {}) {
  const stacks = deployOffline('customer', { 'nlp-api-service': parameters });
  const service = stacks.find((s) => s.stackName === 'nlp-api-service')!;
  const network = stacks.find((s) => s.stackName === 'public-vpc')!;
  const task = service.evaluator.resolve(service.template_.Resources.TaskDefinition!.Properties!) as JsonObject;
  const containers = task.ContainerDefinitions as unknown as Container[];
  const byName = Object.fromEntries(containers.map((c) => [c.Name, c])) as Record<string, Container>;
  const env = (name: string) => Object.fromEntries(byName[name]!.Environment.map((e) => [e.Name, e.Value]));
  return { stacks, service, network, task, containers, byName, env };
}

describe('stack wiring', () => {
  it.each(['vendor', 'customer'] as const)('imports, in the %s account, only what an earlier stack exported', (account) => {
    const stacks = deployOffline(account);
    const imported = stacks.flatMap((stack) => findImports(stack.template_ as unknown as Json));
    expect(imported.length).toBeGreaterThan(0);
  });

  it('fails the offline deployment when a stack imports a name nobody exported', () => {
    expect(() => deployOffline('customer', { 'nlp-api-service': { NetworkStackName: 'no-such-stack' } })).toThrow(
      /no export named no-such-stack-/,
    );
  });

  it('exports every value the service stack imports from public-vpc', () => {
    const service = loadTemplate('public-subnet-public-loadbalancer.yml');
    const names = findImports(service as unknown as Json).map((node) =>
      String((node as { 'Fn::Sub': string })['Fn::Sub']).replace('${NetworkStackName}-', ''),
    );
    const outputs = Object.keys(loadTemplate('public-vpc.yml').Outputs ?? {});
    for (const name of new Set(names)) expect(outputs).toContain(name);
  });
});

describe('the task definition against the services', () => {
  const { byName, env, task, containers } = serviceStack();

  it('sets only variables the services read, to values they accept, and gives the key through Secrets', () => {
    expect(containers.map((c) => c.Name).filter((name) => !isServiceName(name))).toEqual([]);
    for (const container of containers) {
      if (!isServiceName(container.Name)) continue;
      expectOnlyDeclaredSettings(container.Name, env(container.Name), settingsReadBy(container.Name));
      expect(container.Secrets.map((s) => s.Name)).toEqual([AUTH_KEY]);
      expect(container.Environment.map((e) => e.Name)).not.toContain(AUTH_KEY);
    }
  });

  it('points the gateway at the ports the backends listen on, on localhost', () => {
    const gateway = env('nlp-client');
    expect(new URL(gateway[RAKE_ENDPOINT]!).port).toBe(env('rake-app')[RAKE_PORT]);
    expect(new URL(gateway[PROSE_ENDPOINT]!).port).toBe(env('prose-app')[PROSE_PORT]);
    expect(new URL(gateway[RAKE_ENDPOINT]!).hostname).toBe('localhost');
    expect(new URL(gateway[PROSE_ENDPOINT]!).hostname).toBe('localhost');
  });

  it('gives the three containers distinct ports, as one awsvpc network namespace requires', () => {
    const ports = [env('nlp-client')[GATEWAY_PORT], env('rake-app')[RAKE_PORT], env('prose-app')[PROSE_PORT]];
    expect(new Set(ports).size).toBe(3);
  });

  it('exposes the gateway port to the load balancer, and the target group and security groups agree', () => {
    const gatewayPort = Number(env('nlp-client')[GATEWAY_PORT]);
    expect(byName['nlp-client']!.PortMappings).toEqual([{ ContainerPort: gatewayPort, Protocol: 'tcp' }]);
    expect(byName['rake-app']!.PortMappings).toBeUndefined();
    expect(byName['prose-app']!.PortMappings).toBeUndefined();
    const service = loadTemplate('public-subnet-public-loadbalancer.yml').Resources.Service!.Properties!;
    expect((service.LoadBalancers as JsonObject[])[0]).toMatchObject({ ContainerName: 'nlp-client', ContainerPort: gatewayPort });
    const vpc = loadTemplate('public-vpc.yml').Resources;
    expect(vpc.TargetGroup!.Properties).toMatchObject({ Port: gatewayPort, Protocol: 'TCP', TargetType: 'ip', HealthCheckPath: '/health' });
    expect(vpc.ServiceFromLoadBalancer!.Properties).toMatchObject({ FromPort: gatewayPort, ToPort: gatewayPort });
    expect(vpc.LoadBalancerSecurityGroup!.Properties!.SecurityGroupEgress).toEqual([
      expect.objectContaining({ FromPort: gatewayPort, ToPort: gatewayPort, DestinationSecurityGroupId: { Ref: 'ServiceSecurityGroup' } }),
    ]);
  });

  it('starts the gateway only after both backends are healthy', () => {
    expect(byName['nlp-client']!.DependsOn).toEqual([
      { ContainerName: 'rake-app', Condition: 'HEALTHY' },
      { ContainerName: 'prose-app', Condition: 'HEALTHY' },
    ]);
    for (const container of containers) expect(container.HealthCheck.Command).toEqual(['CMD', 'node', 'dist/healthcheck.js']);
  });

  it('pulls rake-app from the vendor account and the others from the customer account', () => {
    expect(byName['rake-app']!.Image).toBe(`${VENDOR.accountId}.dkr.ecr.${VENDOR.region}.amazonaws.com/rake-app:1.2.3`);
    expect(byName['prose-app']!.Image).toBe(`${CUSTOMER.accountId}.dkr.ecr.${CUSTOMER.region}.amazonaws.com/prose-app:1.2.3`);
    expect(byName['nlp-client']!.Image).toBe(`${CUSTOMER.accountId}.dkr.ecr.${CUSTOMER.region}.amazonaws.com/nlp-client:1.2.3`);
  });

  it('asks for a CPU/memory pair Fargate accepts, covering what the containers reserve', () => {
    const cpu = Number(task.Cpu);
    const memory = Number(task.Memory);
    expect(FARGATE_PAIRS[cpu]).toContain(memory);
    expect(containers.reduce((sum, c) => sum + c.Cpu, 0)).toBeLessThanOrEqual(cpu);
    expect(containers.reduce((sum, c) => sum + c.MemoryReservation, 0)).toBeLessThanOrEqual(memory);
  });

  it('accepts through its Rules exactly the parameter pairs Fargate accepts', () => {
    const template = loadTemplate('public-subnet-public-loadbalancer.yml');
    const parameters = template.Parameters!;
    for (const cpu of parameters.TaskCpu!.AllowedValues!.map(Number)) {
      for (const memory of parameters.TaskMemory!.AllowedValues!.map(Number)) {
        const evaluator = new StackEvaluator(template, {
          stackName: 'rules',
          ...CUSTOMER,
          parameters: { TaskCpu: String(cpu), TaskMemory: String(memory), Tag: 'x' },
        });
        expect(evaluator.rulePasses('FargateCpuMemoryPair'), `${cpu}/${memory}`).toBe(FARGATE_PAIRS[cpu]?.includes(memory) ?? false);
      }
    }
  });

  it('allows only CPU/memory parameter values that form Fargate pairs covering the containers', () => {
    const parameters = loadTemplate('public-subnet-public-loadbalancer.yml').Parameters!;
    const cpus = parameters.TaskCpu!.AllowedValues!.map(Number);
    const memories = parameters.TaskMemory!.AllowedValues!.map(Number);
    const reservedCpu = containers.reduce((sum, c) => sum + c.Cpu, 0);
    const reservedMemory = containers.reduce((sum, c) => sum + c.MemoryReservation, 0);
    for (const cpu of cpus) {
      expect(cpu).toBeGreaterThanOrEqual(reservedCpu);
      for (const memory of memories) {
        if (FARGATE_PAIRS[cpu]?.includes(memory)) expect(memory).toBeGreaterThanOrEqual(reservedMemory);
      }
    }
  });
});
