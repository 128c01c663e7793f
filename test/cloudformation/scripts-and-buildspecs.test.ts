// The deployment scripts (scripts/aws/) and the CodeBuild buildspecs (buildspecs/), checked offline
// against the CloudFormation templates they drive.
//
// - Every script runs with --dry-run under a PATH whose `aws` and `docker` only write to a marker file
//   and fail, so a dry run that called either would be caught; the printed commands are split into
//   words by bash itself, which also proves each line is valid shell.
// - The printed `aws cloudformation deploy` lines are checked against the templates they name:
//   parameters, constraints, capabilities, and the order in which exports exist for the imports.
// - Then the same scripts run for real against a fake `aws` that records its arguments, which must be
//   exactly the lines the dry run printed.
// - The buildspecs' commands run in bash against a fake `aws` and `docker`.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlParse } from 'yaml-cfn';
import { ROOT } from '../../scripts/lib/processes.js';

const CUSTOMER = { id: '111111111111', region: 'eu-west-1' };
const VENDOR = { id: '222222222222', region: 'us-east-1' };
const TAG = '1.2.3';
const VENDOR_ENV = { CUSTOMER_ACCOUNT_ID: CUSTOMER.id, VENDOR_REGION: VENDOR.region };
const CUSTOMER_ENV = {
  VENDOR_ACCOUNT_ID: VENDOR.id,
  VENDOR_ECR_REGION: VENDOR.region,
  CUSTOMER_ACCOUNT_ID: CUSTOMER.id,
  CUSTOMER_REGION: CUSTOMER.region,
  TAG,
};
const SERVICES = ['rake-app', 'nlp-client', 'prose-app'] as const;
type Service = (typeof SERVICES)[number];

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

// ---------------------------------------------------------------------------------------------------
// The expected command sequences, exactly as the scripts print them.

const DEPLOY_TAIL = '--no-fail-on-empty-changeset --tags project=nlp-api';
const VENDOR_DRY_RUN = [
  'aws sts get-caller-identity --query Account --output text --region us-east-1',
  `aws cloudformation deploy --stack-name developer-user-group --template-file cloudformation/developer-user-group.yml --capabilities CAPABILITY_NAMED_IAM ${DEPLOY_TAIL} --region us-east-1`,
  `aws cloudformation deploy --stack-name ecr-rake-app --template-file cloudformation/ecr-repo-shared.yml --parameter-overrides RepositoryName=rake-app DeveloperStackName=developer-user-group CustomerAccountId=111111111111 CustomerOrganizationId= CustomerPrincipalArns= ${DEPLOY_TAIL} --region us-east-1`,
];
const CUSTOMER_INFRA_DRY_RUN = [
  `aws cloudformation deploy --stack-name developer-user-group --template-file cloudformation/developer-user-group.yml --capabilities CAPABILITY_NAMED_IAM ${DEPLOY_TAIL} --region eu-west-1`,
  `aws cloudformation deploy --stack-name ecr-nlp-client --template-file cloudformation/ecr-repo-not-shared.yml --parameter-overrides RepositoryName=nlp-client DeveloperStackName=developer-user-group ${DEPLOY_TAIL} --region eu-west-1`,
  `aws cloudformation deploy --stack-name ecr-prose-app --template-file cloudformation/ecr-repo-not-shared.yml --parameter-overrides RepositoryName=prose-app DeveloperStackName=developer-user-group ${DEPLOY_TAIL} --region eu-west-1`,
  `aws cloudformation deploy --stack-name public-vpc --template-file cloudformation/public-vpc.yml --parameter-overrides VendorAccountId=222222222222 VendorEcrRegion=us-east-1 AllowedClientCidr=0.0.0.0/0 CertificateArn= --capabilities CAPABILITY_IAM ${DEPLOY_TAIL} --region eu-west-1`,
];
const CUSTOMER_SERVICE_DRY_RUN = [
  `aws ecr describe-images --repository-name nlp-client --image-ids imageTag=1.2.3 --query 'imageDetails[0].imageDigest' --output text --region eu-west-1`,
  `aws ecr describe-images --repository-name prose-app --image-ids imageTag=1.2.3 --query 'imageDetails[0].imageDigest' --output text --region eu-west-1`,
  `aws ecr batch-get-image --registry-id 222222222222 --repository-name rake-app --image-ids imageTag=1.2.3 --query 'images[0].imageId.imageTag' --output text --region us-east-1`,
  `aws cloudformation deploy --stack-name nlp-api-service --template-file cloudformation/public-subnet-public-loadbalancer.yml --parameter-overrides NetworkStackName=public-vpc Tag=1.2.3 ${DEPLOY_TAIL} --region eu-west-1`,
  `aws cloudformation describe-stacks --stack-name public-vpc --query "Stacks[0].Outputs[?OutputKey=='TryIt'].OutputValue" --output text --region eu-west-1`,
];
const CUSTOMER_WHOAMI = 'aws sts get-caller-identity --query Account --output text --region eu-west-1';
const CUSTOMER_DRY_RUN = [CUSTOMER_WHOAMI, ...CUSTOMER_INFRA_DRY_RUN, ...CUSTOMER_SERVICE_DRY_RUN];

// ---------------------------------------------------------------------------------------------------
// Fake tools, and running the scripts

let tmp = '';
let markerBin = ''; // aws and docker that only leave a mark and fail
let fakeBin = ''; // aws and docker that record their arguments and answer like the real ones
let marker = '';
let fakeLog = '';

const FAKE_AWS = `#!/usr/bin/env bash
{ printf '%s\\037' aws "$@"; printf '\\036'; } >> "$FAKE_LOG"
case "$1 $2" in
  'sts get-caller-identity') printf '%s\\n' "$FAKE_ACCOUNT" ;;
  'ecr get-login-password') printf 'fake-password\\n' ;;
  'ecr describe-images')
    if [[ -n \${FAKE_MISSING_IMAGE:-} && " $* " == *" --repository-name $FAKE_MISSING_IMAGE "* ]]; then
      echo 'An error occurred (ImageNotFoundException) when calling the DescribeImages operation: no such image' >&2
      exit 254
    fi
    echo sha256:0123 ;;
  'ecr batch-get-image')
    for arg; do [[ $arg == imageTag=* ]] && printf '%s\\n' "\${arg#imageTag=}"; done ;;
  'ecr delete-repository')
    if [[ -n \${FAKE_REPOSITORY_GONE:-} ]]; then
      echo 'An error occurred (RepositoryNotFoundException) when calling the DeleteRepository operation: gone' >&2
      exit 254
    fi ;;
  'cloudformation describe-stacks') echo 'curl -s http://nlb.example/keywords' ;;
esac
exit 0
`;
// docker login reads its password before writing its record: the whole of aws's output, so aws (which
// logs first) has finished, and the two records of the pipe come in a fixed order, whole.
const FAKE_DOCKER = `#!/usr/bin/env bash
stdin=()
if [[ $1 == login ]]; then stdin=("stdin=$(cat)"); fi
record=$(printf '%s\\037' docker "$@" "\${stdin[@]}")
printf '%s\\036' "$record" >> "$FAKE_LOG"
`;

function writeExecutable(path: string, text: string): void {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'nlp-aws-scripts-'));
  markerBin = join(tmp, 'marker-bin');
  fakeBin = join(tmp, 'fake-bin');
  marker = join(tmp, 'called');
  fakeLog = join(tmp, 'fake.log');
  for (const dir of [markerBin, fakeBin]) mkdirSync(dir);
  for (const tool of ['aws', 'docker']) {
    writeExecutable(join(markerBin, tool), `#!/bin/sh\necho "${tool} $*" >> '${marker}'\nexit 1\n`);
  }
  writeExecutable(join(fakeBin, 'aws'), FAKE_AWS);
  writeExecutable(join(fakeBin, 'docker'), FAKE_DOCKER);
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

afterEach(() => {
  rmSync(fakeLog, { force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
}

/** Runs scripts/aws/<script> from a directory that is not the repository, with only the given environment. */
function runScript(script: string, args: string[], env: Record<string, string>, bin = markerBin): Run {
  const result = spawnSync('bash', [join(ROOT, 'scripts/aws', script), ...args], {
    cwd: tmp,
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: tmp, FAKE_LOG: fakeLog, ...env },
    encoding: 'utf8',
  });
  const stdout = result.stdout;
  return { status: result.status, stdout, stderr: result.stderr, lines: stdout.split('\n').filter((l) => l !== '') };
}

/** A dry run: must succeed and must not have called aws or docker. */
function dryRun(script: string, args: string[], env: Record<string, string>): string[] {
  const run = runScript(script, [...args, '--dry-run'], env);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expectNoAwsOrDocker();
  return run.lines;
}

const vendorDryRun = (): string[] => dryRun('deploy-vendor.sh', [], VENDOR_ENV);
const customerDryRun = (): string[] => dryRun('deploy-customer.sh', [], CUSTOMER_ENV);

function expectNoAwsOrDocker(): void {
  expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('');
}

function splitRecords(text: string): string[][] {
  return text
    .split('\x1e')
    .filter((record) => record !== '')
    .map((record) => record.split('\x1f').slice(0, -1));
}

/** The words of each printed line, as bash splits them (which also proves each line is valid shell). */
function words(lines: string[]): string[][] {
  for (const line of lines) expect(line).not.toMatch(/[|;&<>]|\$\(/);
  const script = lines.map((line) => `printf '%s\\037' ${line}; printf '\\036'`).join('\n');
  const result = spawnSync('bash', ['-c', script], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  expect(result.status).toBe(0);
  const split = splitRecords(result.stdout);
  expect(split).toHaveLength(lines.length);
  return split;
}

function fakeCalls(): string[][] {
  return existsSync(fakeLog) ? splitRecords(readFileSync(fakeLog, 'utf8')) : [];
}

// ---------------------------------------------------------------------------------------------------
// Reading aws command lines and templates

interface AwsCall {
  service: string;
  operation: string;
  positional: string[];
  options: Map<string, string[]>;
}

function parseAws(argv: string[]): AwsCall {
  const [aws, service = '', operation = '', ...rest] = argv;
  expect(aws).toBe('aws');
  const options = new Map<string, string[]>();
  const positional: string[] = [];
  let current: string[] | undefined;
  for (const arg of rest) {
    if (arg.startsWith('--')) {
      current = [];
      expect(options.has(arg.slice(2)), `${arg} given twice in ${argv.join(' ')}`).toBe(false);
      options.set(arg.slice(2), current);
    } else if (current) {
      current.push(arg);
    } else {
      positional.push(arg);
    }
  }
  return { service, operation, positional, options };
}

function option(call: AwsCall, name: string): string | undefined {
  const values = call.options.get(name);
  if (values === undefined) return undefined;
  expect(values, `--${name} takes one value`).toHaveLength(1);
  return values[0];
}

interface CfnParameter {
  Type: string;
  Default?: string | number;
  AllowedPattern?: string;
  AllowedValues?: (string | number)[];
  MinValue?: number;
  MaxValue?: number;
}
interface CfnTemplate {
  Parameters?: Record<string, CfnParameter>;
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
}

const loadTemplate = (path: string): CfnTemplate => yamlParse(read(path)) as CfnTemplate;

interface Deploy {
  stack: string;
  templateFile: string;
  template: CfnTemplate;
  overrides: Map<string, string>;
  capabilities: string[];
  region: string | undefined;
}

function parseDeploy(argv: string[]): Deploy {
  const call = parseAws(argv);
  expect([call.service, call.operation]).toEqual(['cloudformation', 'deploy']);
  const stack = option(call, 'stack-name') ?? '';
  const templateFile = option(call, 'template-file') ?? '';
  expect(existsSync(join(ROOT, templateFile)), `${templateFile} exists`).toBe(true);
  const overrides = new Map<string, string>();
  for (const pair of call.options.get('parameter-overrides') ?? []) {
    const at = pair.indexOf('=');
    expect(at, `override ${pair} is Key=Value`).toBeGreaterThan(0);
    overrides.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return {
    stack,
    templateFile,
    template: loadTemplate(templateFile),
    overrides,
    capabilities: call.options.get('capabilities') ?? [],
    region: option(call, 'region'),
  };
}

function deploysOf(lines: string[]): Deploy[] {
  return words(lines)
    .filter((argv) => argv[1] === 'cloudformation' && argv[2] === 'deploy')
    .map(parseDeploy);
}

/** The value a stack gets for each parameter: the override, else the default. */
function parameterValues(deploy: Deploy): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, parameter] of Object.entries(deploy.template.Parameters ?? {})) {
    const value = deploy.overrides.get(name) ?? (parameter.Default === undefined ? undefined : String(parameter.Default));
    if (value !== undefined) values.set(name, value);
  }
  return values;
}

/** What CloudFormation would reject before creating anything: unknown, missing or out-of-bounds parameters. */
function parameterProblems(deploy: Deploy): string[] {
  const problems: string[] = [];
  const declared = deploy.template.Parameters ?? {};
  for (const name of deploy.overrides.keys()) {
    if (!(name in declared)) problems.push(`${deploy.templateFile} declares no parameter ${name}`);
  }
  const values = parameterValues(deploy);
  for (const [name, parameter] of Object.entries(declared)) {
    const value = values.get(name);
    if (value === undefined) {
      problems.push(`${deploy.stack}: ${name} has no default and is not given`);
      continue;
    }
    const items = parameter.Type === 'CommaDelimitedList' ? value.split(',') : [value];
    for (const item of items) {
      if (parameter.AllowedPattern !== undefined && !new RegExp(parameter.AllowedPattern).test(item)) {
        problems.push(`${deploy.stack}: ${name}=${item} does not match ${parameter.AllowedPattern}`);
      }
      if (parameter.AllowedValues !== undefined && !parameter.AllowedValues.map(String).includes(item)) {
        problems.push(`${deploy.stack}: ${name}=${item} is not one of ${parameter.AllowedValues.join(', ')}`);
      }
      if (parameter.Type === 'Number') {
        const n = Number(item);
        if (item === '' || Number.isNaN(n)) problems.push(`${deploy.stack}: ${name}=${item} is not a number`);
        if (parameter.MinValue !== undefined && n < parameter.MinValue) problems.push(`${deploy.stack}: ${name} below ${parameter.MinValue}`);
        if (parameter.MaxValue !== undefined && n > parameter.MaxValue) problems.push(`${deploy.stack}: ${name} above ${parameter.MaxValue}`);
      }
    }
  }
  return problems;
}

const NAMED_IAM_PROPERTY: Record<string, string> = {
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
};

/** The capability CloudFormation demands for the template's IAM resources, if any. */
function neededCapabilities(template: CfnTemplate): string[] {
  const resources = Object.values(template.Resources);
  const named = resources.some((r) => {
    const property = NAMED_IAM_PROPERTY[r.Type];
    return property !== undefined && r.Properties?.[property] !== undefined;
  });
  if (named) return ['CAPABILITY_NAMED_IAM'];
  return resources.some((r) => r.Type.startsWith('AWS::IAM::')) ? ['CAPABILITY_IAM'] : [];
}

function substitute(text: string, values: Map<string, string>, where: string): string {
  return text.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
    const value = values.get(name);
    if (value === undefined) throw new Error(`${where}: nothing to substitute for \${${name}}`);
    return value;
  });
}

/** The names a node imports, with the stack's parameter values substituted. */
function importsOf(node: unknown, values: Map<string, string>, where: string, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) importsOf(item, values, where, found);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Fn::ImportValue') {
        if (typeof value === 'string') found.push(value);
        else if (value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)['Fn::Sub'] === 'string') {
          found.push(substitute((value as Record<string, string>)['Fn::Sub'] ?? '', values, where));
        } else throw new Error(`${where}: an import this test cannot read: ${JSON.stringify(value)}`);
      } else importsOf(value, values, where, found);
    }
  }
  return found;
}

function exportsOf(deploy: Deploy): string[] {
  const values = new Map([['AWS::StackName', deploy.stack]]);
  return Object.values(deploy.template.Outputs ?? {}).flatMap((output) => {
    const name = output.Export?.Name;
    if (name === undefined) return [];
    if (typeof name === 'string') return [name];
    const sub = (name as Record<string, unknown>)['Fn::Sub'];
    if (typeof sub !== 'string') throw new Error(`${deploy.templateFile}: an export name this test cannot read`);
    return [substitute(sub, values, deploy.templateFile)];
  });
}

/** The repository a deploy creates, if its template creates one. */
function repositoryOf(deploy: Deploy): string | undefined {
  const hasRepository = Object.values(deploy.template.Resources).some((r) => r.Type === 'AWS::ECR::Repository');
  return hasRepository ? parameterValues(deploy).get('RepositoryName') : undefined;
}

// ---------------------------------------------------------------------------------------------------

describe('deploy-vendor.sh and deploy-customer.sh --dry-run', () => {
  it('vendor: prints the account check, the developer stack, then the shared rake-app repository', () => {
    expect(dryRun('deploy-vendor.sh', [], VENDOR_ENV)).toEqual(VENDOR_DRY_RUN);
  });

  it('customer: prints the developer stack, the two repositories, the network, the image check, the service and the TryIt output', () => {
    expect(dryRun('deploy-customer.sh', [], CUSTOMER_ENV)).toEqual(CUSTOMER_DRY_RUN);
  });

  it('customer: --stage infra stops before the images are needed; --stage service starts there', () => {
    expect(dryRun('deploy-customer.sh', ['--stage', 'infra'], CUSTOMER_ENV)).toEqual([CUSTOMER_WHOAMI, ...CUSTOMER_INFRA_DRY_RUN]);
    expect(dryRun('deploy-customer.sh', ['--stage=service'], CUSTOMER_ENV)).toEqual([CUSTOMER_WHOAMI, ...CUSTOMER_SERVICE_DRY_RUN]);
    const skipped = dryRun('deploy-customer.sh', ['--stage', 'service', '--skip-image-check'], CUSTOMER_ENV);
    expect(skipped).toEqual([CUSTOMER_WHOAMI, ...CUSTOMER_SERVICE_DRY_RUN.slice(3)]);
  });

  it('every deploy names an existing template, only parameters it declares, all it requires, and values its constraints accept', () => {
    const deploys = [...deploysOf(vendorDryRun()), ...deploysOf(customerDryRun())];
    expect(deploys.map((d) => d.templateFile)).toEqual([
      'cloudformation/developer-user-group.yml',
      'cloudformation/ecr-repo-shared.yml',
      'cloudformation/developer-user-group.yml',
      'cloudformation/ecr-repo-not-shared.yml',
      'cloudformation/ecr-repo-not-shared.yml',
      'cloudformation/public-vpc.yml',
      'cloudformation/public-subnet-public-loadbalancer.yml',
    ]);
    expect(deploys.flatMap(parameterProblems)).toEqual([]);
  });

  it('every deploy acknowledges exactly the capability its IAM resources need', () => {
    for (const deploy of [...deploysOf(vendorDryRun()), ...deploysOf(customerDryRun())]) {
      expect(deploy.capabilities, deploy.stack).toEqual(neededCapabilities(deploy.template));
    }
    // The check itself: the templates need each kind once at least.
    expect(neededCapabilities(loadTemplate('cloudformation/developer-user-group.yml'))).toEqual(['CAPABILITY_NAMED_IAM']);
    expect(neededCapabilities(loadTemplate('cloudformation/public-vpc.yml'))).toEqual(['CAPABILITY_IAM']);
  });

  it("every stack's imports are exported by a stack deployed before it, in the same account and region", () => {
    for (const lines of [vendorDryRun(), customerDryRun()]) {
      const deploys = deploysOf(lines);
      expect(new Set(deploys.map((d) => d.region)).size).toBe(1);
      const exported = new Set<string>();
      let imports = 0;
      for (const deploy of deploys) {
        for (const name of importsOf(deploy.template.Resources, parameterValues(deploy), deploy.stack)) {
          expect(exported.has(name), `${deploy.stack} imports ${name}`).toBe(true);
          imports += 1;
        }
        for (const name of exportsOf(deploy)) exported.add(name);
      }
      expect(imports).toBeGreaterThan(0);
    }
  });

  it('the two sides agree: rake-app is shared with the customer account, which pulls it from the vendor account and region', () => {
    const [vendorRepository] = deploysOf(vendorDryRun()).filter((d) => d.templateFile.endsWith('ecr-repo-shared.yml'));
    const [network] = deploysOf(customerDryRun()).filter((d) => d.templateFile.endsWith('public-vpc.yml'));
    expect(vendorRepository?.overrides.get('CustomerAccountId')).toBe(CUSTOMER.id);
    expect(vendorRepository?.region).toBe(VENDOR.region);
    expect(network?.overrides.get('VendorAccountId')).toBe(VENDOR.id);
    expect(network?.overrides.get('VendorEcrRegion')).toBe(VENDOR.region);
    expect(network?.region).toBe(CUSTOMER.region);
    // The task definition pulls rake-app by exactly the name the vendor's stack gives its repository.
    expect(read('cloudformation/public-subnet-public-loadbalancer.yml')).toContain(
      `\${VendorAccountId}.dkr.ecr.\${VendorEcrRegion}.amazonaws.com/${vendorRepository ? repositoryOf(vendorRepository) : '?'}:\${Tag}`,
    );
  });

  it('the optional inputs reach their parameters, and the defaults the scripts pass are the templates\'', () => {
    const arn = `arn:aws:iam::${CUSTOMER.id}:role/nlp-api-task-execution`;
    const vendor = deploysOf(
      dryRun('deploy-vendor.sh', [], { ...VENDOR_ENV, CUSTOMER_ORG_ID: 'o-a1b2c3d4e5', CUSTOMER_PRINCIPAL_ARNS: arn }),
    );
    expect(vendor[1]?.overrides.get('CustomerOrganizationId')).toBe('o-a1b2c3d4e5');
    expect(vendor[1]?.overrides.get('CustomerPrincipalArns')).toBe(arn);
    expect(vendor.flatMap(parameterProblems)).toEqual([]);

    const customer = deploysOf(dryRun('deploy-customer.sh', ['--stage', 'infra'], { ...CUSTOMER_ENV, ALLOWED_CLIENT_CIDR: '203.0.113.0/24' }));
    expect(customer[3]?.overrides.get('AllowedClientCidr')).toBe('203.0.113.0/24');

    const publicVpc = loadTemplate('cloudformation/public-vpc.yml');
    expect(deploysOf(customerDryRun())[3]?.overrides.get('AllowedClientCidr')).toBe(publicVpc.Parameters?.AllowedClientCidr?.Default);
    const shared = loadTemplate('cloudformation/ecr-repo-shared.yml');
    expect(deploysOf(vendorDryRun())[1]?.overrides.get('CustomerOrganizationId')).toBe(shared.Parameters?.CustomerOrganizationId?.Default);
    expect(deploysOf(vendorDryRun())[1]?.overrides.get('CustomerPrincipalArns')).toBe(shared.Parameters?.CustomerPrincipalArns?.Default);
  });

  it('every aws command names the region, and the profile when AWS_PROFILE is set; VENDOR_ECR_REGION falls back to VENDOR_REGION', () => {
    const lines = dryRun('deploy-customer.sh', [], {
      ...CUSTOMER_ENV,
      VENDOR_ECR_REGION: '',
      VENDOR_REGION: VENDOR.region,
      AWS_PROFILE: 'customer-admin',
    });
    for (const argv of words(lines)) {
      const call = parseAws(argv);
      expect(option(call, 'profile')).toBe('customer-admin');
      const region = call.service === 'ecr' && call.operation === 'batch-get-image' ? VENDOR.region : CUSTOMER.region;
      expect(option(call, 'region')).toBe(region);
    }
    expect(lines.map((l) => l.replace(' --profile customer-admin', ''))).toEqual(customerDryRun());
    // AWS_REGION stands in for VENDOR_REGION.
    expect(dryRun('deploy-vendor.sh', [], { CUSTOMER_ACCOUNT_ID: CUSTOMER.id, AWS_REGION: VENDOR.region })).toEqual(vendorDryRun());
  });
});

describe('teardown.sh --dry-run', () => {
  for (const side of ['vendor', 'customer'] as const) {
    it(`${side}: deletes the repositories it created first, then its stacks in reverse creation order, waiting for each`, () => {
      const deployed = side === 'vendor' ? deploysOf(vendorDryRun()) : deploysOf(customerDryRun());
      const env: Record<string, string> =
        side === 'vendor'
          ? { VENDOR_ACCOUNT_ID: VENDOR.id, VENDOR_REGION: VENDOR.region }
          : { CUSTOMER_ACCOUNT_ID: CUSTOMER.id, CUSTOMER_REGION: CUSTOMER.region };
      const region = side === 'vendor' ? VENDOR.region : CUSTOMER.region;
      const lines = dryRun('teardown.sh', ['--account', side], env);
      const calls = words(lines).map(parseAws);

      expect(lines[0]).toBe(`aws sts get-caller-identity --query Account --output text --region ${region}`);
      for (const call of calls) expect(option(call, 'region')).toBe(region);

      const repositories = deployed.map(repositoryOf).filter((r): r is string => r !== undefined);
      expect(repositories).toEqual(side === 'vendor' ? ['rake-app'] : ['nlp-client', 'prose-app']);
      const imageDeletes = calls.slice(1, 1 + repositories.length);
      expect(imageDeletes.map((c) => [c.service, c.operation, option(c, 'repository-name'), c.options.get('force')])).toEqual(
        repositories.map((r) => ['ecr', 'delete-repository', r, []]),
      );

      const stackCalls = calls.slice(1 + repositories.length);
      const reversed = deployed.map((d) => d.stack).reverse();
      expect(stackCalls).toHaveLength(2 * reversed.length);
      reversed.forEach((stack, i) => {
        const [remove, wait] = [stackCalls[2 * i], stackCalls[2 * i + 1]];
        expect([remove?.operation, remove && option(remove, 'stack-name')]).toEqual(['delete-stack', stack]);
        expect([wait?.operation, wait?.positional, wait && option(wait, 'stack-name')]).toEqual(['wait', ['stack-delete-complete'], stack]);
      });
    });
  }
});

describe('build-and-push.sh --dry-run', () => {
  const registry = (a: { id: string; region: string }): string => `${a.id}.dkr.ecr.${a.region}.amazonaws.com`;

  it('builds with TAG, then prints the login, tag and push of each image to its own registry', () => {
    const lines = dryRun('build-and-push.sh', [], {
      TAG,
      ISV_ACCOUNT: VENDOR.id,
      ISV_ECR_REGION: VENDOR.region,
      CUSTOMER_ACCOUNT: CUSTOMER.id,
      CUSTOMER_ECR_REGION: CUSTOMER.region,
    });
    const v = registry(VENDOR);
    const c = registry(CUSTOMER);
    expect(lines).toEqual([
      'env TAG=1.2.3 bash scripts/docker/build-images.sh',
      `aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${v}`,
      `docker tag nlp-api/rake-app:1.2.3 ${v}/rake-app:1.2.3`,
      `docker push ${v}/rake-app:1.2.3`,
      `aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin ${c}`,
      `docker tag nlp-api/nlp-client:1.2.3 ${c}/nlp-client:1.2.3`,
      `docker push ${c}/nlp-client:1.2.3`,
      `docker tag nlp-api/prose-app:1.2.3 ${c}/prose-app:1.2.3`,
      `docker push ${c}/prose-app:1.2.3`,
    ]);
  });

  it('pushes only to the registries it is given', () => {
    const lines = dryRun('build-and-push.sh', [], { TAG, CUSTOMER_ACCOUNT: CUSTOMER.id, CUSTOMER_ECR_REGION: CUSTOMER.region });
    expect(lines.filter((l) => l.startsWith('docker push'))).toEqual([
      `docker push ${registry(CUSTOMER)}/nlp-client:1.2.3`,
      `docker push ${registry(CUSTOMER)}/prose-app:1.2.3`,
    ]);
  });
});

describe('bad input: a clear message, a non-zero exit, and no aws or docker call', () => {
  const cases: { name: string; script: string; args: string[]; env: Record<string, string>; status: number; message: RegExp }[] = [
    { name: 'vendor without the customer account', script: 'deploy-vendor.sh', args: [], env: { VENDOR_REGION: VENDOR.region }, status: 1, message: /set CUSTOMER_ACCOUNT_ID to the 12-digit id of the customer account/ },
    { name: 'vendor with a short account id', script: 'deploy-vendor.sh', args: [], env: { ...VENDOR_ENV, CUSTOMER_ACCOUNT_ID: '11111111111' }, status: 1, message: /CUSTOMER_ACCOUNT_ID must be a 12-digit AWS account id .*got '11111111111'/ },
    { name: 'vendor with a dashed account id', script: 'deploy-vendor.sh', args: [], env: { ...VENDOR_ENV, CUSTOMER_ACCOUNT_ID: '1111-1111-1111' }, status: 1, message: /must be a 12-digit AWS account id .*got '1111-1111-1111'/ },
    { name: 'vendor without a region', script: 'deploy-vendor.sh', args: [], env: { CUSTOMER_ACCOUNT_ID: CUSTOMER.id }, status: 1, message: /set VENDOR_REGION \(or AWS_REGION\)/ },
    { name: 'vendor with a bad region', script: 'deploy-vendor.sh', args: [], env: { ...VENDOR_ENV, VENDOR_REGION: 'Virginia' }, status: 1, message: /VENDOR_REGION must be an AWS region name like us-east-1 .*got 'Virginia'/ },
    { name: 'vendor with a bad organization id', script: 'deploy-vendor.sh', args: [], env: { ...VENDOR_ENV, CUSTOMER_ORG_ID: 'org-1' }, status: 1, message: /CUSTOMER_ORG_ID must be an AWS Organization id/ },
    { name: 'vendor with a role of another account', script: 'deploy-vendor.sh', args: [], env: { ...VENDOR_ENV, CUSTOMER_PRINCIPAL_ARNS: `arn:aws:iam::${VENDOR.id}:role/x` }, status: 1, message: /is not in the customer account 111111111111/ },
    { name: 'customer without the vendor account', script: 'deploy-customer.sh', args: [], env: { ...CUSTOMER_ENV, VENDOR_ACCOUNT_ID: '' }, status: 1, message: /set VENDOR_ACCOUNT_ID to the 12-digit id of the vendor account/ },
    { name: 'customer with a letter in the vendor account', script: 'deploy-customer.sh', args: [], env: { ...CUSTOMER_ENV, VENDOR_ACCOUNT_ID: '22222222222x' }, status: 1, message: /VENDOR_ACCOUNT_ID must be a 12-digit AWS account id/ },
    { name: 'customer without the vendor region', script: 'deploy-customer.sh', args: [], env: { ...CUSTOMER_ENV, VENDOR_ECR_REGION: '' }, status: 1, message: /set VENDOR_ECR_REGION to the AWS region/ },
    { name: 'customer with a bad tag', script: 'deploy-customer.sh', args: [], env: { ...CUSTOMER_ENV, TAG: 'v1:latest' }, status: 1, message: /TAG must be an image tag/ },
    { name: 'customer with a bad CIDR', script: 'deploy-customer.sh', args: [], env: { ...CUSTOMER_ENV, ALLOWED_CLIENT_CIDR: 'everyone' }, status: 1, message: /ALLOWED_CLIENT_CIDR must be an IPv4 CIDR block/ },
    { name: 'customer with an unknown stage', script: 'deploy-customer.sh', args: ['--stage', 'network'], env: CUSTOMER_ENV, status: 2, message: /--stage must be one of: infra service all \(got 'network'\)/ },
    { name: 'customer with --stage and no value', script: 'deploy-customer.sh', args: ['--stage'], env: CUSTOMER_ENV, status: 2, message: /--stage needs a value/ },
    { name: 'an unknown option', script: 'deploy-vendor.sh', args: ['--force'], env: VENDOR_ENV, status: 2, message: /unknown option --force/ },
    { name: 'teardown without --account', script: 'teardown.sh', args: [], env: VENDOR_ENV, status: 2, message: /--account vendor\|customer is required/ },
    { name: 'teardown of a vendor without its account id', script: 'teardown.sh', args: ['--account', 'vendor'], env: { VENDOR_REGION: VENDOR.region }, status: 1, message: /set VENDOR_ACCOUNT_ID/ },
    { name: 'teardown of a customer with a bad account id', script: 'teardown.sh', args: ['--account', 'customer'], env: { CUSTOMER_REGION: CUSTOMER.region, CUSTOMER_ACCOUNT_ID: '123' }, status: 1, message: /CUSTOMER_ACCOUNT_ID must be a 12-digit AWS account id/ },
    { name: 'build-and-push with no registry', script: 'build-and-push.sh', args: [], env: { TAG }, status: 1, message: /set ISV_ACCOUNT and ISV_ECR_REGION .*and\/or CUSTOMER_ACCOUNT/ },
    { name: 'build-and-push with a vendor account but no region', script: 'build-and-push.sh', args: [], env: { TAG, ISV_ACCOUNT: VENDOR.id }, status: 1, message: /set ISV_ECR_REGION/ },
    { name: 'build-and-push with a bad customer account', script: 'build-and-push.sh', args: [], env: { TAG, CUSTOMER_ACCOUNT: 'acme', CUSTOMER_ECR_REGION: CUSTOMER.region }, status: 1, message: /CUSTOMER_ACCOUNT must be a 12-digit AWS account id/ },
  ];

  it.each(cases)('$name', ({ script, args, env, status, message }) => {
    for (const dry of [['--dry-run'], []]) {
      const run = runScript(script, [...args, ...dry], env);
      expect(run.status).toBe(status);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
      expectNoAwsOrDocker();
    }
  });

  it('teardown deletes nothing without --yes', () => {
    const run = runScript('teardown.sh', ['--account', 'customer'], { CUSTOMER_ACCOUNT_ID: CUSTOMER.id, CUSTOMER_REGION: CUSTOMER.region });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/this deletes the stacks .* rerun with --yes/);
    expectNoAwsOrDocker();
  });

  it('--help prints the header of each script and exits 0', () => {
    for (const script of ['deploy-vendor.sh', 'deploy-customer.sh', 'build-and-push.sh', 'teardown.sh']) {
      const run = runScript(script, ['--help'], {});
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/--dry-run/);
      expect(run.stdout.split('\n')[0]).not.toMatch(/^#|^!/);
      expectNoAwsOrDocker();
    }
  });

  it('the scripts share lib.sh and copy none of it', () => {
    const lib = read('scripts/aws/lib.sh');
    for (const script of ['deploy-vendor.sh', 'deploy-customer.sh', 'build-and-push.sh', 'teardown.sh']) {
      const text = read(`scripts/aws/${script}`);
      expect(text).toContain('set -euo pipefail\nsource "$(dirname "$0")/lib.sh"');
      for (const fn of lib.matchAll(/^([a-z_]+)\(\) \{/gm)) expect(text, `${script} defines ${fn[1]}`).not.toContain(`${fn[1]}() {`);
    }
  });
});

describe('real runs against a fake aws', () => {
  const fake = (account: string, extra: Record<string, string> = {}): Record<string, string> => ({ FAKE_ACCOUNT: account, ...extra });

  it('deploy-vendor and deploy-customer run exactly the commands their dry runs print, and the customer ends with the TryIt line', () => {
    const vendorLines = words(vendorDryRun());
    const customerLines = words(customerDryRun());
    const vendor = runScript('deploy-vendor.sh', [], { ...VENDOR_ENV, ...fake(VENDOR.id) }, fakeBin);
    expect(vendor.status, vendor.stderr).toBe(0);
    expect(fakeCalls()).toEqual(vendorLines);
    rmSync(fakeLog);

    const customer = runScript('deploy-customer.sh', [], { ...CUSTOMER_ENV, ...fake(CUSTOMER.id) }, fakeBin);
    expect(customer.status, customer.stderr).toBe(0);
    expect(fakeCalls()).toEqual(customerLines);
    expect(customer.stdout).toBe('curl -s http://nlb.example/keywords\n');
  });

  it('teardown --yes runs exactly what its dry run prints, and a repository already gone is no error', () => {
    const env = { CUSTOMER_ACCOUNT_ID: CUSTOMER.id, CUSTOMER_REGION: CUSTOMER.region };
    const expected = words(dryRun('teardown.sh', ['--account', 'customer'], env));
    const run = runScript('teardown.sh', ['--account', 'customer', '--yes'], { ...env, ...fake(CUSTOMER.id, { FAKE_REPOSITORY_GONE: '1' }) }, fakeBin);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/already gone \(RepositoryNotFoundException\)/);
    expect(fakeCalls()).toEqual(expected);
  });

  it('the vendor deploy stops before any stack when the credentials belong to the customer account', () => {
    const run = runScript('deploy-vendor.sh', [], { ...VENDOR_ENV, ...fake(CUSTOMER.id) }, fakeBin);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/credentials belong to account 111111111111, the other side/);
    expect(fakeCalls().map((c) => c.slice(0, 3))).toEqual([['aws', 'sts', 'get-caller-identity']]);
  });

  it('teardown stops before deleting anything when the credentials belong to another account', () => {
    const env = { VENDOR_ACCOUNT_ID: VENDOR.id, VENDOR_REGION: VENDOR.region };
    const run = runScript('teardown.sh', ['--account', 'vendor', '--yes'], { ...env, ...fake('333333333333') }, fakeBin);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/credentials belong to account 333333333333, not 222222222222/);
    expect(fakeCalls()).toHaveLength(1);
  });

  it('the service stage stops before the service stack when an image is missing', () => {
    const run = runScript('deploy-customer.sh', ['--stage', 'service'], { ...CUSTOMER_ENV, ...fake(CUSTOMER.id, { FAKE_MISSING_IMAGE: 'prose-app' }) }, fakeBin);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/prose-app:1\.2\.3 is not in this account's prose-app repository; push it first/);
    expect(fakeCalls().some((c) => c[2] === 'deploy')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------

interface Buildspec {
  version: number;
  env?: { shell?: string; variables?: Record<string, string> };
  phases: Record<string, { commands?: unknown[]; 'runtime-versions'?: Record<string, unknown> }>;
}

const buildspec = (service: Service): Buildspec => parse(read(`buildspecs/${service}.yml`)) as Buildspec;

/** The port each service listens on, as the task definition and build-images.sh give it. */
function servicePort(service: Service): string {
  const template = loadTemplate('cloudformation/public-subnet-public-loadbalancer.yml');
  const definitions = template.Resources.TaskDefinition?.Properties?.ContainerDefinitions as
    | { Name: string; Environment: { Name: string; Value: unknown }[] }[]
    | undefined;
  const container = definitions?.find((d) => d.Name === service);
  const fromTask = container?.Environment.find((e) => e.Name.endsWith('_PORT'))?.Value;
  const fromBuildImages = new RegExp(`\\[${service}\\]=(\\d+)`).exec(read('scripts/docker/build-images.sh'))?.[1];
  expect(fromTask, `${service}: the task definition's port`).toBeDefined();
  expect(String(fromTask)).toBe(fromBuildImages);
  return String(fromTask);
}

/** Runs the buildspec's commands in bash as CodeBuild would, against the fake aws and docker. */
function runBuildspec(service: Service, env: Record<string, string>): { status: number | null; stderr: string; calls: string[][] } {
  const spec = buildspec(service);
  const commands = ['pre_build', 'build', 'post_build'].flatMap((phase) => (spec.phases[phase]?.commands ?? []) as string[]);
  const result = spawnSync(spec.env?.shell ?? 'sh', ['-c', ['set -e', ...commands].join('\n')], {
    cwd: ROOT,
    env: {
      PATH: `${fakeBin}:${process.env.PATH ?? ''}`,
      HOME: tmp,
      FAKE_LOG: fakeLog,
      FAKE_ACCOUNT: '333333333333',
      AWS_DEFAULT_REGION: 'eu-central-1',
      CODEBUILD_RESOLVED_SOURCE_VERSION: 'abcdef0123456789abcdef0123456789abcdef01',
      CODEBUILD_SOURCE_REPO_URL: 'https://example.com/nlp-api.git',
      ...spec.env?.variables, // the buildspec's variables, which the project's and the build's override
      ...env,
    },
    encoding: 'utf8',
  });
  const calls = fakeCalls();
  rmSync(fakeLog, { force: true });
  return { status: result.status, stderr: result.stderr, calls };
}

function buildArgs(build: string[]): Map<string, string> {
  const args = new Map<string, string>();
  build.forEach((arg, i) => {
    if (arg === '--build-arg') {
      const pair = build[i + 1] ?? '';
      args.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
  });
  return args;
}

describe('buildspecs', () => {
  const dockerfile = read('docker/Dockerfile');
  const dockerfileArgs = new Set([...dockerfile.matchAll(/^ARG\s+(\w+)/gm)].map((m) => m[1]));
  const version = (JSON.parse(read('package.json')) as { version: string }).version;

  it('are CodeBuild version 0.2, in bash, with Node 20, and every command a plain string', () => {
    for (const service of SERVICES) {
      const spec = buildspec(service);
      expect(spec.version).toBe(0.2);
      expect(spec.env?.shell).toBe('bash');
      expect(spec.phases.install?.['runtime-versions']).toEqual({ nodejs: 20 });
      const commands = Object.values(spec.phases).flatMap((p) => p.commands ?? []);
      expect(commands.length).toBeGreaterThan(0);
      for (const command of commands) expect(typeof command).toBe('string');
    }
  });

  it('differ only in the service name and its port', () => {
    const normalised = SERVICES.map((service) =>
      read(`buildspecs/${service}.yml`)
        .replaceAll(service, 'SERVICE')
        .replaceAll(`PORT=${servicePort(service)}`, 'PORT=N')
        .replace(/\((the vendor account|the customer account)\)/, '(ACCOUNT)'),
    );
    expect(normalised[1]).toBe(normalised[0]);
    expect(normalised[2]).toBe(normalised[0]);
  });

  for (const service of SERVICES) {
    it(`${service}: logs in to the build account's registry, builds SERVICE=${service} with its port, and pushes to ${service} there`, () => {
      const registry = '333333333333.dkr.ecr.eu-central-1.amazonaws.com';
      const image = `${registry}/${service}:abcdef0`;
      const { status, stderr, calls } = runBuildspec(service, {});
      expect(status, stderr).toBe(0);
      expect(calls.map((c) => c.slice(0, 3))).toEqual([
        ['aws', 'sts', 'get-caller-identity'],
        ['aws', 'ecr', 'get-login-password'],
        ['docker', 'login', '--username'],
        ['docker', 'build', '-f'],
        ['docker', 'push', image],
      ]);
      const [, login, dockerLogin, build = []] = calls;
      expect(login).toEqual(['aws', 'ecr', 'get-login-password', '--region', 'eu-central-1']);
      expect(dockerLogin).toEqual(['docker', 'login', '--username', 'AWS', '--password-stdin', registry, 'stdin=fake-password']);
      expect(build.slice(0, 4)).toEqual(['docker', 'build', '-f', 'docker/Dockerfile']);
      expect(build.slice(-3)).toEqual(['-t', image, '.']);
      const args = buildArgs(build);
      expect(Object.fromEntries(args)).toEqual({
        NODE_IMAGE: 'node:20-bookworm-slim',
        SERVICE: service,
        PORT: servicePort(service),
        VERSION: version,
        REVISION: 'abcdef0123456789abcdef0123456789abcdef01',
        SOURCE: 'https://example.com/nlp-api.git',
      });
      for (const name of args.keys()) expect(dockerfileArgs.has(name), `the Dockerfile declares ARG ${name}`).toBe(true);
      expect(dockerfile).toMatch(new RegExp(`^ARG NODE_IMAGE=${args.get('NODE_IMAGE')}$`, 'm'));
    });
  }

  it('take the account, the tag and the base image from the project when it sets them, and refuse to push without a tag', () => {
    const { status, calls } = runBuildspec('rake-app', {
      AWS_ACCOUNT_ID: '444444444444',
      IMAGE_TAG: 'release-7',
      NODE_IMAGE: 'public.ecr.aws/docker/library/node:20-bookworm-slim',
    });
    expect(status).toBe(0);
    expect(calls.some((c) => c[1] === 'sts')).toBe(false);
    expect(calls.at(-1)).toEqual(['docker', 'push', '444444444444.dkr.ecr.eu-central-1.amazonaws.com/rake-app:release-7']);
    expect(buildArgs(calls.find((c) => c[1] === 'build') ?? []).get('NODE_IMAGE')).toBe('public.ecr.aws/docker/library/node:20-bookworm-slim');

    const untagged = runBuildspec('rake-app', { CODEBUILD_RESOLVED_SOURCE_VERSION: '' });
    expect(untagged.status).not.toBe(0);
    expect(untagged.stderr).toMatch(/set IMAGE_TAG/);
    expect(untagged.calls.some((c) => c[0] === 'docker')).toBe(false);
  });

  it('push only to repositories the templates create, each in the account that builds it', () => {
    const shared = loadTemplate('cloudformation/ecr-repo-shared.yml').Parameters?.RepositoryName;
    const notShared = loadTemplate('cloudformation/ecr-repo-not-shared.yml').Parameters?.RepositoryName;
    const vendorRepositories = [String(shared?.Default)];
    const customerRepositories = (notShared?.AllowedValues ?? []).map(String);
    const pushed = SERVICES.map((service) => {
      const push = runBuildspec(service, {}).calls.at(-1) ?? [];
      return /\/([^/:]+):[^:]+$/.exec(push[2] ?? '')?.[1];
    });
    expect(pushed).toEqual([...SERVICES]);
    expect(new Set([...vendorRepositories, ...customerRepositories])).toEqual(new Set(SERVICES));
    expect(vendorRepositories).toEqual(['rake-app']);
    expect(read('buildspecs/rake-app.yml')).toMatch(/\(the vendor account\)/);
    for (const repository of customerRepositories) expect(read(`buildspecs/${repository}.yml`)).toMatch(/\(the customer account\)/);
  });
});
