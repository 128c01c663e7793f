// cfn-lint and the project's cfn-guard rules (cloudformation/guard/*.guard) on every template, and the
// same checks broken on purpose, so that each one is seen to fail.
//
// Templates reach cfn-guard as JSON converted by yaml-cfn, not as YAML: cfn-guard 3.1.1 reads the
// short-form tags itself but loses `!ImportValue` when its argument is a mapping (`!ImportValue` over
// `Fn::Sub: ...` comes out as a bare {"Fn::Sub": ...}); the first guard test below pins that.
// cfn-lint reads the YAML files themselves.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yamlParse } from 'yaml-cfn';
import { ROOT } from '../../scripts/lib/processes.js';

const run = promisify(execFile);

const TEMPLATE_DIR = join(ROOT, 'cloudformation');
const RULES_DIR = join(TEMPLATE_DIR, 'guard');
const GUARD = join(
  ROOT,
  'node_modules/@cdklabs/cdk-validator-cfnguard/bin',
  process.platform === 'darwin' ? 'macos' : 'ubuntu',
  process.arch === 'arm64' ? 'aarch64' : 'x86_64',
  'cfn-guard',
);
const GUARD_FAILED = 19; // cfn-guard: a rule failed (5 would be an error in the rules themselves)
const LINT_ERROR = 2; // cfn-lint's exit code is a bitmask: 2 error, 4 warning, 8 informational
const LINT_WARNING = 4;

const TEMPLATES = readdirSync(TEMPLATE_DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
type TemplateName =
  | 'developer-user-group.yml'
  | 'ecr-repo-shared.yml'
  | 'ecr-repo-not-shared.yml'
  | 'public-vpc.yml'
  | 'public-subnet-public-loadbalancer.yml';

// A pyenv shim is on PATH even where the active Python lacks cfn-lint: ask it for its version.
const cfnLintProbe = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
const hasCfnLint = cfnLintProbe.status === 0;
const inCi = Boolean(process.env.CI);
if (!hasCfnLint && !inCi) {
  const bar = '*'.repeat(90);
  console.warn(
    [
      '',
      bar,
      '*** cfn-lint is NOT on PATH: the cfn-lint tests in lint-and-guard.test.ts are SKIPPED.',
      '*** Install it (pip install cfn-lint==1.51.0) to lint the CloudFormation templates.',
      '*** In CI (CI set) these tests fail instead.',
      bar,
      '',
    ].join('\n'),
  );
}

// ---------------------------------------------------------------------------------------------------
// Running the tools

interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command and returns its exit code and output; rejects only when it could not be started. */
async function runTool(command: string, args: string[]): Promise<ToolRun> {
  try {
    const { stdout, stderr } = await run(command, args, { maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

interface GuardRun extends ToolRun {
  /** The rules listed as FAIL in the summary, as rule names (without the .guard file). */
  failedRules: string[];
}

async function guard(data: string, rules = RULES_DIR): Promise<GuardRun> {
  const result = await runTool(GUARD, ['validate', '--rules', rules, '--data', data, '--show-summary', 'fail']);
  const failedRules = [...result.stdout.matchAll(/^\S+\.guard\/(\S+)\s+FAIL$/gm)].map((m) => m[1] ?? '');
  return { ...result, failedRules: [...new Set(failedRules)].sort() };
}

interface LintFinding {
  Filename: string;
  Level: 'Error' | 'Warning' | 'Informational';
  Message: string;
  Rule: { Id: string };
  Location: { Start: { LineNumber: number } };
}

interface LintRun extends ToolRun {
  findings: LintFinding[];
}

async function cfnLint(files: string[]): Promise<LintRun> {
  const result = await runTool('cfn-lint', ['--format', 'json', '--', ...files]);
  const findings = result.stdout.trim() === '' ? [] : (JSON.parse(result.stdout) as LintFinding[]);
  return { ...result, findings };
}

const summarize = (findings: LintFinding[]): string[] =>
  findings.map((f) => `${basename(f.Filename)}:${f.Location.Start.LineNumber} ${f.Rule.Id} ${f.Message}`);

// ---------------------------------------------------------------------------------------------------
// Templates and mutations

type JsonObject = Record<string, unknown>;
interface Template {
  Parameters?: Record<string, JsonObject>;
  Resources: Record<string, { Type: string; Properties: JsonObject }>;
}
interface Statement {
  Sid?: string;
  Effect: string;
  Principal: unknown;
  Action: unknown;
  Condition?: unknown;
}
interface ContainerDefinition {
  Name: string;
  Environment?: { Name: unknown; Value?: unknown }[];
  Secrets?: { Name: string; ValueFrom: unknown }[];
  LogConfiguration?: { LogDriver: string; Options?: JsonObject };
}

const readTemplate = (name: TemplateName): string => readFileSync(join(TEMPLATE_DIR, name), 'utf8');
const parseTemplate = (yamlText: string): Template => yamlParse(yamlText) as Template;

function properties(template: Template, logicalId: string): JsonObject {
  const resource = template.Resources[logicalId];
  if (!resource) throw new Error(`no resource ${logicalId}`);
  return resource.Properties;
}

function policy(template: Template): { Version: string; Statement: Statement[] } {
  return properties(template, 'Repository').RepositoryPolicyText as { Version: string; Statement: Statement[] };
}

function statement(template: Template, sid: string): Statement {
  const found = policy(template).Statement.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
}

function container(template: Template, name: string): ContainerDefinition {
  const found = (properties(template, 'TaskDefinition').ContainerDefinitions as ContainerDefinition[]).find(
    (c) => c.Name === name,
  );
  if (!found) throw new Error(`no container ${name}`);
  return found;
}

/** Replaces the one occurrence of needle; throws if there is none or more than one. */
function replaceOnce(text: string, needle: string, replacement: string): string {
  const at = text.indexOf(needle);
  if (at < 0 || text.includes(needle, at + 1)) throw new Error(`expected exactly one ${JSON.stringify(needle)}`);
  return text.slice(0, at) + replacement + text.slice(at + needle.length);
}

const LISTENER_PROTOCOL = '      LoadBalancerArn: !Ref LoadBalancer\n      Protocol: TCP\n';
const httpListenerYaml = (): string =>
  replaceOnce(readTemplate('public-vpc.yml'), LISTENER_PROTOCOL, LISTENER_PROTOCOL.replace('TCP', 'HTTP'));

let workDir = '';
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'nlp-api-lint-and-guard-'));
});
afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Writes a template where cfn-guard reads it: as JSON, in a fresh directory of its own. */
function writeGuardData(name: string, template: Template): string {
  const dir = mkdtempSync(join(workDir, 'guard-'));
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(template, null, 2));
  return file;
}

/** The project rules: every `rule NAME when ...` in the .guard files (not the parameterised helpers). */
const PROJECT_RULES = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.guard'))
  .flatMap((f) => [...readFileSync(join(RULES_DIR, f), 'utf8').matchAll(/^rule\s+(\w+)\s+when\b/gm)].map((m) => m[1] ?? ''))
  .sort();

// ---------------------------------------------------------------------------------------------------

describe('cfn-guard project rules', () => {
  it('reads !ImportValue over a Fn::Sub mapping wrongly in YAML, so templates are given to it as yaml-cfn JSON', async () => {
    const yamlText = [
      'Resources:',
      '  Thing:',
      '    Type: AWS::SSM::Parameter',
      '    Properties:',
      '      Value: !ImportValue',
      '        Fn::Sub: ${NetworkStackName}-VpcId',
      '',
    ].join('\n');
    const yamlFile = join(workDir, 'import-value.yml');
    writeFileSync(yamlFile, yamlText);
    const jsonFile = writeGuardData('import-value', parseTemplate(yamlText));
    const ruleFile = join(workDir, 'import-value.guard');
    writeFileSync(ruleFile, "rule import_value_is_kept { Resources.Thing.Properties.Value['Fn::ImportValue'] exists }\n");

    expect(parseTemplate(yamlText).Resources.Thing?.Properties.Value).toEqual({
      'Fn::ImportValue': { 'Fn::Sub': '${NetworkStackName}-VpcId' },
    });
    expect((await guard(jsonFile, ruleFile)).code).toBe(0);
    const fromYaml = await guard(yamlFile, ruleFile);
    expect(fromYaml.code).toBe(GUARD_FAILED);
    expect(fromYaml.stdout).toContain('Could not find key Fn::ImportValue');
  });

  it('passes every template in cloudformation/, and each rule really applies to at least one of them', async () => {
    expect(TEMPLATES).toEqual(
      expect.arrayContaining([
        'developer-user-group.yml',
        'ecr-repo-not-shared.yml',
        'ecr-repo-shared.yml',
        'public-subnet-public-loadbalancer.yml',
        'public-vpc.yml',
      ]),
    );
    expect(PROJECT_RULES).toHaveLength(7);
    const dataDir = mkdtempSync(join(workDir, 'real-'));
    for (const name of TEMPLATES) {
      const template = parseTemplate(readFileSync(join(TEMPLATE_DIR, name), 'utf8'));
      writeFileSync(join(dataDir, `${basename(name, '.yml')}.json`), JSON.stringify(template));
    }
    // One run over all templates, in guard's structured JSON report (one entry per data file).
    const result = await runTool(GUARD, [
      'validate', '--rules', RULES_DIR, '--data', dataDir, '--show-summary', 'none', '--structured', '--output-format', 'json',
    ]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    const reports = JSON.parse(result.stdout) as { name: string; status: string; compliant: string[]; not_compliant: unknown[] }[];

    expect(reports).toHaveLength(TEMPLATES.length);
    for (const { name, status, not_compliant } of reports) {
      expect({ name, status, failures: not_compliant.length }).toEqual({ name, status: expect.stringMatching(/^(PASS|SKIP)$/), failures: 0 });
    }
    // A rule that finds no resource of its type SKIPs (the developer template has none at all), but no
    // rule may skip everywhere: each passes on at least one real template.
    expect(reports.find((r) => r.name.endsWith('/developer-user-group.json'))?.status).toBe('SKIP');
    expect([...new Set(reports.flatMap((r) => r.compliant))].sort()).toEqual(PROJECT_RULES);
  });

  interface BrokenCase {
    name: string;
    template: TemplateName;
    mutate: (template: Template) => void;
    rule: string;
    message: string;
  }

  const broken: BrokenCase[] = [
    {
      name: 'an HTTP listener on the Network Load Balancer',
      template: 'public-vpc.yml',
      mutate: (t) => void (properties(t, 'Listener').Protocol = 'HTTP'),
      rule: 'nlb_listener_protocol_is_tcp_or_tls',
      message: 'Listener Protocol must be TCP or TLS',
    },
    {
      name: 'a listener whose Protocol is a parameter, which cannot be checked',
      template: 'public-vpc.yml',
      mutate: (t) => {
        t.Parameters = { ...t.Parameters, ListenerProtocol: { Type: 'String', Default: 'TCP' } };
        properties(t, 'Listener').Protocol = { Ref: 'ListenerProtocol' };
      },
      rule: 'nlb_listener_protocol_is_tcp_or_tls',
      message: 'Listener Protocol must be a literal TCP or TLS',
    },
    {
      name: 'Principal "*" in the shared repository policy',
      template: 'ecr-repo-shared.yml',
      mutate: (t) => void (statement(t, 'AllowPull').Principal = '*'),
      rule: 'ecr_repository_policy_has_no_wildcard_principal',
      message: 'must not grant to the wildcard principal "*"',
    },
    {
      name: 'Principal {AWS: "*"} in the private repository policy',
      template: 'ecr-repo-not-shared.yml',
      mutate: (t) => void (statement(t, 'AllowPushPull').Principal = { AWS: '*' }),
      rule: 'ecr_repository_policy_has_no_wildcard_principal',
      message: 'must not grant to the wildcard principal "*"',
    },
    {
      name: 'a principal list that contains "*"',
      template: 'ecr-repo-shared.yml',
      mutate: (t) => void (statement(t, 'AllowPull').Principal = { AWS: ['arn:aws:iam::111111111111:root', '*'] }),
      rule: 'ecr_repository_policy_has_no_wildcard_principal',
      message: 'must not list the wildcard principal "*"',
    },
    {
      name: 'an Fn::If that picks "*" as the principal',
      template: 'ecr-repo-shared.yml',
      mutate: (t) =>
        void (statement(t, 'AllowPull').Principal = { AWS: { 'Fn::If': ['HasPrincipalList', { Ref: 'CustomerPrincipalArns' }, '*'] } }),
      rule: 'ecr_repository_policy_has_no_wildcard_principal',
      message: 'must not grant "*" in an Fn::If branch',
    },
    {
      name: 'a single Statement object (not a list) granting to {AWS: "*"}',
      template: 'ecr-repo-not-shared.yml',
      mutate: (t) => {
        const only = statement(t, 'AllowPushPull');
        only.Principal = { AWS: '*' };
        (properties(t, 'Repository').RepositoryPolicyText as JsonObject).Statement = only;
      },
      rule: 'ecr_repository_policy_has_no_wildcard_principal',
      message: 'must not grant to the wildcard principal "*"',
    },
    {
      name: 'a repository policy written as a JSON string, which the rule cannot read',
      template: 'ecr-repo-not-shared.yml',
      mutate: (t) => {
        const props = properties(t, 'Repository');
        props.RepositoryPolicyText = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }] });
      },
      rule: 'ecr_repository_policy_has_no_wildcard_principal',
      message: 'Write RepositoryPolicyText as a YAML mapping',
    },
    {
      name: 'ScanOnPush false',
      template: 'ecr-repo-not-shared.yml',
      mutate: (t) => void (properties(t, 'Repository').ImageScanningConfiguration = { ScanOnPush: false }),
      rule: 'ecr_repository_scans_on_push',
      message: 'ImageScanningConfiguration.ScanOnPush to true',
    },
    {
      name: 'a repository without ImageScanningConfiguration',
      template: 'ecr-repo-shared.yml',
      mutate: (t) => void delete properties(t, 'Repository').ImageScanningConfiguration,
      rule: 'ecr_repository_scans_on_push',
      message: 'ImageScanningConfiguration.ScanOnPush to true',
    },
    {
      name: 'NetworkMode bridge',
      template: 'public-subnet-public-loadbalancer.yml',
      mutate: (t) => void (properties(t, 'TaskDefinition').NetworkMode = 'bridge'),
      rule: 'ecs_task_definition_is_fargate_awsvpc',
      message: 'NetworkMode must be awsvpc',
    },
    {
      name: 'RequiresCompatibilities EC2 instead of FARGATE',
      template: 'public-subnet-public-loadbalancer.yml',
      mutate: (t) => void (properties(t, 'TaskDefinition').RequiresCompatibilities = ['EC2']),
      rule: 'ecs_task_definition_is_fargate_awsvpc',
      message: 'RequiresCompatibilities must contain FARGATE',
    },
    {
      name: 'AUTH_KEY as a plaintext Environment entry',
      template: 'public-subnet-public-loadbalancer.yml',
      mutate: (t) => void container(t, 'rake-app').Environment?.push({ Name: 'AUTH_KEY', Value: 'plaintext-key' }),
      rule: 'ecs_no_secret_in_plaintext_environment',
      message: 'Secret-like name in a container',
    },
    {
      name: 'AUTH_KEY_FILE in Environment',
      template: 'public-subnet-public-loadbalancer.yml',
      mutate: (t) => void container(t, 'prose-app').Environment?.push({ Name: 'AUTH_KEY_FILE', Value: '/run/secrets/auth_key' }),
      rule: 'ecs_no_secret_in_plaintext_environment',
      message: 'Secret-like name in a container',
    },
    {
      name: 'a lower-case db_password in Environment',
      template: 'public-subnet-public-loadbalancer.yml',
      mutate: (t) => void container(t, 'nlp-client').Environment?.push({ Name: 'db_password', Value: 'hunter2' }),
      rule: 'ecs_no_secret_in_plaintext_environment',
      message: 'Secret-like name in a container',
    },
    {
      name: 'a container without Secrets',
      template: 'public-subnet-public-loadbalancer.yml',
      mutate: (t) => void delete container(t, 'nlp-client').Secrets,
      rule: 'ecs_auth_key_comes_from_secrets',
      message: 'Each container must have Secrets with an AUTH_KEY entry',
    },
    {
      name: 'a container whose secret is not named AUTH_KEY',
      template: 'public-subnet-public-loadbalancer.yml',
      mutate: (t) => {
        const secret = container(t, 'prose-app').Secrets?.[0];
        if (secret) secret.Name = 'API_KEY';
      },
      rule: 'ecs_auth_key_comes_from_secrets',
      message: 'Each container must get AUTH_KEY from Secrets',
    },
    {
      name: 'a container without LogConfiguration',
      template: 'public-subnet-public-loadbalancer.yml',
      mutate: (t) => void delete container(t, 'prose-app').LogConfiguration,
      rule: 'ecs_containers_log_to_awslogs',
      message: 'Each container must have a LogConfiguration (awslogs)',
    },
    {
      name: 'a container logging through another driver',
      template: 'public-subnet-public-loadbalancer.yml',
      mutate: (t) => void (container(t, 'rake-app').LogConfiguration = { LogDriver: 'json-file' }),
      rule: 'ecs_containers_log_to_awslogs',
      message: 'LogDriver must be awslogs',
    },
  ];

  it('has a broken-on-purpose case for every project rule', () => {
    expect([...new Set(broken.map((c) => c.rule))].sort()).toEqual(PROJECT_RULES);
  });

  describe('broken on purpose', () => {
    for (const { name, template, mutate, rule, message } of broken) it(`rejects ${name}, naming ${rule}`, async () => {
      const parsed = parseTemplate(readTemplate(template));
      mutate(parsed);
      const result = await guard(writeGuardData(name.replace(/\W+/g, '-'), parsed));
      expect(result.code, result.stdout + result.stderr).toBe(GUARD_FAILED);
      expect(result.failedRules).toEqual([rule]);
      expect(result.stdout).toContain(message);
    });

    const allowed: { name: string; template: TemplateName; mutate: (template: Template) => void }[] = [
      {
        name: 'a Deny statement to "*" (it takes access away)',
        template: 'ecr-repo-shared.yml',
        mutate: (t) =>
          void policy(t).Statement.push({ Sid: 'DenyDelete', Effect: 'Deny', Principal: '*', Action: 'ecr:DeleteRepository' }),
      },
      {
        name: 'a TLS listener',
        template: 'public-vpc.yml',
        mutate: (t) => void (properties(t, 'Listener').Protocol = 'TLS'),
      },
    ];

    for (const { name, template, mutate } of allowed) it(`still accepts ${name}`, async () => {
      const parsed = parseTemplate(readTemplate(template));
      mutate(parsed);
      const result = await guard(writeGuardData(name.replace(/\W+/g, '-'), parsed));
      expect({ code: result.code, failed: result.failedRules }).toEqual({ code: 0, failed: [] });
    });
  });
});

// ---------------------------------------------------------------------------------------------------

describe.skipIf(!hasCfnLint && !inCi)('cfn-lint', () => {
  interface LintCase {
    name: string;
    file: string;
    yaml: () => string;
    rule: string;
    message: string;
  }

  const lintBroken: LintCase[] = [
    {
      name: 'a Fargate task of Cpu 256 with Memory 8192',
      file: 'cpu-memory.yml',
      yaml: () =>
        replaceOnce(
          replaceOnce(readTemplate('public-subnet-public-loadbalancer.yml'), '      Cpu: !Ref TaskCpu\n', '      Cpu: "256"\n'),
          '      Memory: !Ref TaskMemory\n',
          '      Memory: "8192"\n',
        ),
      rule: 'E3047',
      message: "Cpu '256' is not compatible with memory '8192'",
    },
    {
      name: 'a misspelt property name (NetworkMod)',
      file: 'property-name.yml',
      yaml: () => replaceOnce(readTemplate('public-subnet-public-loadbalancer.yml'), '      NetworkMode: awsvpc\n', '      NetworkMod: awsvpc\n'),
      rule: 'E3002',
      message: "'NetworkMod' was unexpected",
    },
    {
      name: 'a !GetAtt of an attribute the resource does not have',
      file: 'getatt-attribute.yml',
      yaml: () =>
        replaceOnce(
          readTemplate('public-subnet-public-loadbalancer.yml'),
          '      TaskDefinition: !Ref TaskDefinition\n',
          '      TaskDefinition: !GetAtt TaskDefinition.Arn\n',
        ),
      rule: 'E1010',
      message: "'Arn' is not one of ['TaskDefinitionArn']",
    },
    {
      name: 'a !GetAtt of a resource that does not exist',
      file: 'getatt-resource.yml',
      yaml: () => replaceOnce(readTemplate('developer-user-group.yml'), '!GetAtt DeveloperUser.Arn', '!GetAtt DeveloperUsr.Arn'),
      rule: 'E6101',
      message: "'DeveloperUsr' is not one of",
    },
    {
      name: 'an unused parameter (a warning, which fails the lint test too)',
      file: 'unused-parameter.yml',
      yaml: () =>
        replaceOnce(readTemplate('ecr-repo-shared.yml'), 'Parameters:\n', 'Parameters:\n  NeverUsed:\n    Type: String\n    Default: ""\n'),
      rule: 'W2001',
      message: 'Parameter NeverUsed not used',
    },
  ];

  // The three cfn-lint runs (~2-3 s each) start together; each test awaits the one it needs.
  let realRun: Promise<LintRun>;
  let brokenRun: Promise<LintRun>;
  let httpRun: Promise<LintRun>;
  beforeAll(() => {
    if (!hasCfnLint) {
      // Only reached in CI: every cfn-lint test fails, with this message.
      const missing = Promise.reject(
        new Error(
          `cfn-lint is not on PATH (cfn-lint --version: ${cfnLintProbe.error?.message ?? cfnLintProbe.stderr.trim()}). ` +
            'CI must have it: pip install cfn-lint==1.51.0',
        ),
      );
      missing.catch(() => undefined);
      realRun = brokenRun = httpRun = missing;
      return;
    }
    const dir = mkdtempSync(join(workDir, 'lint-'));
    const write = (file: string, text: string): string => {
      writeFileSync(join(dir, file), text);
      return join(dir, file);
    };
    realRun = cfnLint(TEMPLATES.map((t) => join(TEMPLATE_DIR, t)));
    brokenRun = cfnLint(lintBroken.map((c) => write(c.file, c.yaml())));
    httpRun = cfnLint([write('http-listener.yml', httpListenerYaml())]);
    // Keep a rejection from surfacing as unhandled before a test awaits it.
    for (const p of [realRun, brokenRun, httpRun]) p.catch(() => undefined);
  });

  it('finds no error, warning or informational issue in any template in cloudformation/ (exit 0)', async () => {
    const result = await realRun;
    expect({ code: result.code, findings: summarize(result.findings), stderr: result.stderr }).toEqual({ code: 0, findings: [], stderr: '' });
  });

  describe('broken on purpose', () => {
    it('exits with the error and warning bits set for the broken templates', async () => {
      const result = await brokenRun;
      expect(result.code & LINT_ERROR, summarize(result.findings).join('\n')).toBe(LINT_ERROR);
      expect(result.code & LINT_WARNING, summarize(result.findings).join('\n')).toBe(LINT_WARNING);
    });

    for (const { name, file, rule, message } of lintBroken) it(`rejects ${name} with ${rule}`, async () => {
      const result = await brokenRun;
      const forFile = result.findings.filter((f) => basename(f.Filename) === file);
      expect(forFile.map((f) => f.Rule.Id), summarize(forFile).join('\n')).toEqual([rule]);
      expect(forFile[0]?.Message).toContain(message);
    });

    it('lets an HTTP listener on the Network Load Balancer through, which the guard rule then catches', async () => {
      const lint = await httpRun;
      expect({ code: lint.code, findings: summarize(lint.findings) }).toEqual({ code: 0, findings: [] });

      const result = await guard(writeGuardData('http-listener', parseTemplate(httpListenerYaml())));
      expect(result.code).toBe(GUARD_FAILED);
      expect(result.failedRules).toEqual(['nlb_listener_protocol_is_tcp_or_tls']);
    });
  });
});
