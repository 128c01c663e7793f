#!/usr/bin/env bash
# Deploys the vendor (ISV) side into the vendor account: the developer user and group, then the
# rake-app repository, shared with the customer account for pull only. Idempotent: a rerun updates.
#
#   CUSTOMER_ACCOUNT_ID=111111111111 VENDOR_REGION=us-east-1 scripts/aws/deploy-vendor.sh [--dry-run]
#
# Environment:
#   VENDOR_REGION (or AWS_REGION)   the region of the stacks and of the rake-app repository
#   CUSTOMER_ACCOUNT_ID             the customer account, allowed to pull rake-app
#   CUSTOMER_ORG_ID                 optional: only principals of this AWS Organization (o-...) may pull
#   CUSTOMER_PRINCIPAL_ARNS         optional: only these customer roles may pull (comma-separated ARNs;
#                                   the roles must exist first, e.g. the customer's task execution role)
#   VENDOR_ACCOUNT_ID               optional: the deploy stops unless the credentials are this account's
#   AWS_PROFILE                     optional: the vendor account's profile, passed to every aws command
#
# --dry-run prints every aws command, one per line, instead of running it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

parse_args "$@"

REGION=$(first_set VENDOR_REGION AWS_REGION)
[[ -n $REGION ]] || die "set VENDOR_REGION (or AWS_REGION) to the vendor account's region (e.g. us-east-1)"
VENDOR_REGION=$REGION
require_region VENDOR_REGION "the vendor account's stacks and rake-app repository"
require_account CUSTOMER_ACCOUNT_ID "the customer account, which may pull rake-app"
optional_account VENDOR_ACCOUNT_ID "the vendor account, where these stacks go"
optional_match CUSTOMER_ORG_ID "$ORG_ID_PATTERN" "an AWS Organization id like o-a1b2c3d4e5"
CUSTOMER_PRINCIPAL_ARNS=${CUSTOMER_PRINCIPAL_ARNS:-}
if [[ -n $CUSTOMER_PRINCIPAL_ARNS ]]; then
  IFS=, read -ra arns <<<"$CUSTOMER_PRINCIPAL_ARNS"
  for arn in "${arns[@]}"; do
    [[ $arn =~ $ROLE_ARN_PATTERN ]] || die "CUSTOMER_PRINCIPAL_ARNS: '$arn' is not an IAM role ARN"
    [[ $arn == *":iam::$CUSTOMER_ACCOUNT_ID:"* ]] || die "CUSTOMER_PRINCIPAL_ARNS: '$arn' is not in the customer account $CUSTOMER_ACCOUNT_ID"
  done
fi

check_caller_account "$REGION" "${VENDOR_ACCOUNT_ID:-}" "$CUSTOMER_ACCOUNT_ID"

# Named IAM user and group: CAPABILITY_NAMED_IAM.
deploy_stack "$REGION" "$DEVELOPER_STACK" developer-user-group CAPABILITY_NAMED_IAM

# The optional parameters are always passed, empty when unset: `deploy` would otherwise keep the values
# of the previous run, and unsetting CUSTOMER_ORG_ID would not widen the policy again.
deploy_stack "$REGION" "$(repository_stack rake-app)" ecr-repo-shared none \
  RepositoryName=rake-app \
  DeveloperStackName="$DEVELOPER_STACK" \
  CustomerAccountId="$CUSTOMER_ACCOUNT_ID" \
  CustomerOrganizationId="${CUSTOMER_ORG_ID:-}" \
  CustomerPrincipalArns="$CUSTOMER_PRINCIPAL_ARNS"

if ! $DRY_RUN; then
  note "done: $REGION, rake-app shared with $CUSTOMER_ACCOUNT_ID"
  note "next: push rake-app (ISV_ACCOUNT=<this account> ISV_ECR_REGION=$REGION scripts/aws/build-and-push.sh)"
fi
