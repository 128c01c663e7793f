import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yamlParse } from 'yaml-cfn';
import { ROOT } from '../../scripts/lib/processes.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Template {
  Parameters?: Record<string, { Default?: Json; AllowedValues?: Json[]; Type: string }>;
  Conditions?: Record<string, Json>;
  Rules?: Record<string, { Assertions: { Assert: Json }[] }>;
  Resources: Record<string, { Type: string; Condition?: string; Properties?: JsonObject }>;
  Outputs?: Record<string, { Value: Json; Export?: { Name: Json } }>;
}

export function loadTemplate(name: string): Template {
  return yamlParse(readFileSync(join(ROOT, 'cloudformation', name), 'utf8')) as Template;
}

/** Where a stack runs and what it was given: enough to evaluate its intrinsics offline. */
export interface StackContext {
  stackName: string;
  accountId: string;
  region: string;
  parameters?: Record<string, Json>;
  /** Export name -> value, from the stacks created before this one. */
  imports?: Record<string, Json>;
  /** Logical id -> what Ref gives (resources of this stack), for templates that refer to their own resources. */
  refs?: Record<string, Json>;
}

const NO_VALUE = Symbol('AWS::NoValue');

/**
 * A small evaluator of CloudFormation intrinsics (Ref, Fn::Sub, Fn::If, Fn::Join, Fn::ImportValue,
 * Fn::Select, conditions), so tests can read a policy or a task definition as AWS would see it.
 */
export class StackEvaluator {
  private readonly parameters: Record<string, Json>;

  constructor(
    private readonly template: Template,
    private readonly context: StackContext,
  ) {
    this.parameters = {};
    for (const [name, parameter] of Object.entries(template.Parameters ?? {})) {
      const value = context.parameters?.[name] ?? parameter.Default;
      if (value === undefined) continue;
      this.parameters[name] =
        parameter.Type === 'CommaDelimitedList' && typeof value === 'string' ? (value === '' ? [''] : value.split(',')) : value;
    }
  }

  resolve(node: Json): Json {
    const value = this.evaluate(node);
    return value === NO_VALUE ? null : value;
  }

  /** Whether a template Rule's assertions hold for this stack's parameters. */
  rulePasses(name: string): boolean {
    const rule = this.template.Rules?.[name];
    if (!rule) throw new Error(`no rule ${name}`);
    return rule.Assertions.every((assertion) => this.truth(assertion.Assert));
  }

  condition(name: string): boolean {
    const definition = this.template.Conditions?.[name];
    if (definition === undefined) throw new Error(`no condition ${name}`);
    return this.truth(definition);
  }

  private truth(node: Json): boolean {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      const [fn, args] = Object.entries(node)[0] ?? [];
      const list = (args ?? []) as Json[];
      switch (fn) {
        case 'Fn::Equals':
          return JSON.stringify(this.resolve(list[0] ?? null)) === JSON.stringify(this.resolve(list[1] ?? null));
        case 'Fn::Not':
          return !this.truth(list[0] ?? null);
        case 'Fn::And':
          return list.every((item) => this.truth(item));
        case 'Fn::Or':
          return list.some((item) => this.truth(item));
        case 'Fn::Contains':
          return ((this.resolve(list[0] ?? null) as Json[]) ?? []).map(String).includes(String(this.resolve(list[1] ?? null)));
        case 'Condition':
          return this.condition(String(args));
      }
    }
    throw new Error(`not a condition: ${JSON.stringify(node)}`);
  }

  private ref(name: string): Json {
    switch (name) {
      case 'AWS::AccountId':
        return this.context.accountId;
      case 'AWS::Region':
        return this.context.region;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::StackName':
        return this.context.stackName;
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
    }
    if (name in this.parameters) return this.parameters[name] ?? null;
    if (this.context.refs && name in this.context.refs) return this.context.refs[name] ?? null;
    if (name in this.template.Resources) return `${this.context.stackName}/${name}`;
    throw new Error(`${this.context.stackName}: cannot resolve Ref ${name}`);
  }

  /** A resource attribute: the value the test supplied, or a placeholder naming it. */
  private getAtt(path: string): Json {
    const supplied = this.context.refs?.[path];
    if (supplied !== undefined) return supplied;
    const resource = path.split('.')[0] ?? '';
    if (!(resource in this.template.Resources)) throw new Error(`${this.context.stackName}: GetAtt of unknown resource ${path}`);
    return `${this.context.stackName}/${path}`;
  }

  private sub(text: string, vars: Record<string, Json>): string {
    return text.replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
      if (name in vars) return String(vars[name]);
      if (name.includes('.')) return String(this.getAtt(name));
      return String(this.ref(name));
    });
  }

  private evaluate(node: Json): Json | typeof NO_VALUE {
    if (Array.isArray(node)) return node.map((item) => this.evaluate(item)).filter((item): item is Json => item !== NO_VALUE);
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node);
    const [fn, args] = entries[0] ?? [];
    if (entries.length === 1 && fn !== undefined && (fn === 'Ref' || fn.startsWith('Fn::'))) {
      const list = (Array.isArray(args) ? args : [args]) as Json[];
      switch (fn) {
        case 'Ref':
          return args === 'AWS::NoValue' ? NO_VALUE : this.ref(String(args));
        case 'Fn::Sub': {
          if (typeof args === 'string') return this.sub(args, {});
          const vars = Object.fromEntries(Object.entries((list[1] ?? {}) as JsonObject).map(([k, v]) => [k, this.resolve(v)]));
          return this.sub(String(list[0]), vars);
        }
        case 'Fn::If':
          return this.condition(String(list[0])) ? this.evaluate(list[1] ?? null) : this.evaluate(list[2] ?? null);
        case 'Fn::Join':
          return ((this.resolve(list[1] ?? null) as Json[]) ?? []).join(String(list[0]));
        case 'Fn::Select':
          return (this.resolve(list[1] ?? null) as Json[])[Number(this.resolve(list[0] ?? null))] ?? null;
        case 'Fn::ImportValue': {
          const name = String(this.resolve(args ?? null));
          const value = this.context.imports?.[name];
          if (value === undefined) throw new Error(`${this.context.stackName}: no export named ${name}`);
          return value;
        }
        case 'Fn::GetAZs':
          return [`${this.context.region}a`, `${this.context.region}b`];
        case 'Fn::GetAtt':
          return this.getAtt(Array.isArray(args) ? args.join('.') : String(args));
      }
      throw new Error(`unsupported intrinsic ${fn}`);
    }
    const out: JsonObject = {};
    for (const [key, value] of entries) {
      const resolved = this.evaluate(value);
      if (resolved !== NO_VALUE) out[key] = resolved;
    }
    return out;
  }
}

/** Every Fn::ImportValue node in a template, with the name expression it imports. */
export function findImports(node: Json, found: Json[] = []): Json[] {
  if (Array.isArray(node)) for (const item of node) findImports(item, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Fn::ImportValue') found.push(value);
      else findImports(value, found);
    }
  }
  return found;
}

export const VENDOR = { accountId: '222222222222', region: 'us-east-1' };
export const CUSTOMER = { accountId: '111111111111', region: 'eu-west-1' };

export interface PlannedStack {
  stackName: string;
  template: string;
  parameters?: Record<string, Json>;
}

/** The creation order of each account (docs/aws.md, scripts/aws/), with the parameters each stack gets. */
export const CREATION_ORDER: Record<'vendor' | 'customer', { account: typeof VENDOR; stacks: PlannedStack[] }> = {
  vendor: {
    account: VENDOR,
    stacks: [
      { stackName: 'developer-user-group', template: 'developer-user-group.yml' },
      { stackName: 'ecr-rake-app', template: 'ecr-repo-shared.yml', parameters: { CustomerAccountId: CUSTOMER.accountId } },
    ],
  },
  customer: {
    account: CUSTOMER,
    stacks: [
      { stackName: 'developer-user-group', template: 'developer-user-group.yml' },
      { stackName: 'ecr-nlp-client', template: 'ecr-repo-not-shared.yml', parameters: { RepositoryName: 'nlp-client' } },
      { stackName: 'ecr-prose-app', template: 'ecr-repo-not-shared.yml', parameters: { RepositoryName: 'prose-app' } },
      {
        stackName: 'public-vpc',
        template: 'public-vpc.yml',
        parameters: { VendorAccountId: VENDOR.accountId, VendorEcrRegion: VENDOR.region },
      },
      { stackName: 'nlp-api-service', template: 'public-subnet-public-loadbalancer.yml', parameters: { Tag: '1.2.3' } },
    ],
  },
};

export interface DeployedStack extends PlannedStack {
  evaluator: StackEvaluator;
  template_: Template;
  exports: Record<string, Json>;
}

/**
 * "Creates" an account's stacks in order, offline: each stack's imports must already have been
 * exported by an earlier one, exactly as CloudFormation requires.
 */
export function deployOffline(which: 'vendor' | 'customer', overrides: Record<string, Record<string, Json>> = {}): DeployedStack[] {
  const { account, stacks } = CREATION_ORDER[which];
  const exported: Record<string, Json> = {};
  const deployed: DeployedStack[] = [];
  for (const planned of stacks) {
    const template = loadTemplate(planned.template);
    const refs: Record<string, Json> = {
      'DeveloperUser.Arn': `arn:aws:iam::${account.accountId}:user/Developer-01`,
    };
    const evaluator = new StackEvaluator(template, {
      stackName: planned.stackName,
      ...account,
      parameters: { ...planned.parameters, ...overrides[planned.stackName] },
      imports: { ...exported },
      refs,
    });
    // Resolving every resource and output fails if any import is missing.
    for (const resource of Object.values(template.Resources)) {
      if (resource.Condition && !evaluator.condition(resource.Condition)) continue;
      evaluator.resolve(resource.Properties ?? {});
    }
    const exports: Record<string, Json> = {};
    for (const output of Object.values(template.Outputs ?? {})) {
      if (!output.Export) continue;
      const name = String(evaluator.resolve(output.Export.Name));
      if (name in exported) throw new Error(`${planned.stackName}: export ${name} already exists`);
      exports[name] = evaluator.resolve(output.Value);
    }
    Object.assign(exported, exports);
    deployed.push({ ...planned, evaluator, template_: template, exports });
  }
  return deployed;
}
