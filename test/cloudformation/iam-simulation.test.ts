import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { describe, expect, it } from 'vitest';
import { CUSTOMER, VENDOR, deployOffline, type Json, type JsonObject } from '../support/cloudformation.js';

const THIRD_ACCOUNT = '333333333333';
const RAKE_REPOSITORY = `arn:aws:ecr:${VENDOR.region}:${VENDOR.accountId}:repository/rake-app`;
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];
const PUSH = ['ecr:PutImage', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload'];
type Policy = Simulation['resourcePolicy'];

/** An administrator's identity policy: the most a principal of another account could hold. */
const ADMIN = { name: 'admin', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };

function vendorRepositoryPolicy(parameters: Record<string, Json> = {}): Policy {
  const stacks = deployOffline('vendor', { 'ecr-rake-app': parameters });
  const repo = stacks.find((s) => s.stackName === 'ecr-rake-app')!;
  const properties = repo.evaluator.resolve(repo.template_.Resources.Repository!.Properties!) as JsonObject;
  return properties.RepositoryPolicyText as unknown as Policy;
}

function identityPolicy(account: 'vendor' | 'customer', stackName: string, resource: string): Simulation['identityPolicies'] {
  const stack = deployOffline(account).find((s) => s.stackName === stackName)!;
  const properties = stack.evaluator.resolve(stack.template_.Resources[resource]!.Properties!) as JsonObject;
  const documents = properties.PolicyDocument
    ? [properties.PolicyDocument]
    : (properties.Policies as JsonObject[]).map((p) => p.PolicyDocument);
  return documents.map((policy, i) => ({ name: `${resource}-${i}`, policy: policy as unknown as Policy }));
}

async function decide(
  principal: string,
  action: string,
  identityPolicies: Simulation['identityPolicies'],
  resourcePolicy: Policy | undefined,
  contextVariables: Record<string, string> = {},
  resource = RAKE_REPOSITORY,
): Promise<string> {
  const response = await runSimulation(
    {
      request: {
        principal,
        action,
        resource: { resource, accountId: resource === '*' ? principal.split(':')[4]! : VENDOR.accountId },
        contextVariables,
      },
      identityPolicies,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(resourcePolicy ? { resourcePolicy } : {}),
    },
    {},
  );
  if (response.resultType === 'error') throw new Error(JSON.stringify(response.errors));
  return response.overallResult;
}

describe('the rake-app repository policy, simulated', () => {
  const policy = vendorRepositoryPolicy();
  const customerRole = `arn:aws:iam::${CUSTOMER.accountId}:role/public-vpc-TaskExecutionRole`;
  const executionRole = identityPolicy('customer', 'public-vpc', 'TaskExecutionRole');

  it.each(PULL)("lets the customer's task execution role %s the vendor's image", async (action) => {
    expect(await decide(customerRole, action, executionRole, policy)).toBe('Allowed');
  });

  it.each(PUSH)('never lets the customer account %s, even as an administrator', async (action) => {
    expect(await decide(`arn:aws:iam::${CUSTOMER.accountId}:role/Admin`, action, [ADMIN], policy)).toBe('ImplicitlyDenied');
  });

  it.each([...PULL, ...PUSH])('lets a third account do nothing: %s', async (action) => {
    expect(await decide(`arn:aws:iam::${THIRD_ACCOUNT}:role/Admin`, action, [ADMIN], policy)).toBe('ImplicitlyDenied');
  });

  it('needs the grant on both sides: without the repository policy the customer cannot pull', async () => {
    expect(await decide(customerRole, 'ecr:BatchGetImage', executionRole, undefined)).toBe('ImplicitlyDenied');
  });

  it.each([...PULL, ...PUSH])("lets the vendor's developer %s", async (action) => {
    const developer = `arn:aws:iam::${VENDOR.accountId}:user/Developer-01`;
    const identity = identityPolicy('vendor', 'developer-user-group', 'EcrPushPullPolicy');
    expect(await decide(developer, action, identity, policy)).toBe('Allowed');
    // The repository policy alone grants it too, so a developer policy change cannot lock the vendor out.
    expect(await decide(developer, action, [], policy)).toBe('Allowed');
  });

  it('lets CodeBuild push for the vendor account, not for another (confused deputy)', async () => {
    expect(await decide('codebuild.amazonaws.com', 'ecr:PutImage', [], policy, { 'aws:SourceAccount': VENDOR.accountId })).toBe(
      'Allowed',
    );
    expect(await decide('codebuild.amazonaws.com', 'ecr:PutImage', [], policy, { 'aws:SourceAccount': THIRD_ACCOUNT })).toBe(
      'ImplicitlyDenied',
    );
  });

  it('grants ecr:GetAuthorizationToken in identity policies, and not in the repository policy', async () => {
    const statements = (policy as unknown as { Statement: { Action: string[] }[] }).Statement;
    expect(statements.flatMap((s) => s.Action)).not.toContain('ecr:GetAuthorizationToken');
    const developer = `arn:aws:iam::${VENDOR.accountId}:user/Developer-01`;
    const identity = identityPolicy('vendor', 'developer-user-group', 'EcrPushPullPolicy');
    expect(await decide(developer, 'ecr:GetAuthorizationToken', identity, undefined, {}, '*')).toBe('Allowed');
    expect(await decide(customerRole, 'ecr:GetAuthorizationToken', executionRole, undefined, {}, '*')).toBe('Allowed');
  });
});

describe('the rake-app repository policy narrowed to an organisation', () => {
  const policy = vendorRepositoryPolicy({ CustomerOrganizationId: 'o-abcdefghij' });
  const customerRole = `arn:aws:iam::${CUSTOMER.accountId}:role/public-vpc-TaskExecutionRole`;
  const executionRole = identityPolicy('customer', 'public-vpc', 'TaskExecutionRole');

  it('lets the customer pull only as a member of that organisation', async () => {
    expect(await decide(customerRole, 'ecr:BatchGetImage', executionRole, policy, { 'aws:PrincipalOrgID': 'o-abcdefghij' })).toBe(
      'Allowed',
    );
    expect(await decide(customerRole, 'ecr:BatchGetImage', executionRole, policy, { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' })).toBe(
      'ImplicitlyDenied',
    );
  });
});

describe('the rake-app repository policy narrowed to named roles', () => {
  const allowed = `arn:aws:iam::${CUSTOMER.accountId}:role/public-vpc-TaskExecutionRole`;
  const policy = vendorRepositoryPolicy({ CustomerPrincipalArns: allowed });
  const executionRole = identityPolicy('customer', 'public-vpc', 'TaskExecutionRole');

  it('lets that role pull and another role of the same account not', async () => {
    expect(await decide(allowed, 'ecr:BatchGetImage', executionRole, policy)).toBe('Allowed');
    expect(await decide(`arn:aws:iam::${CUSTOMER.accountId}:role/Other`, 'ecr:BatchGetImage', [ADMIN], policy)).toBe('ImplicitlyDenied');
  });
});
