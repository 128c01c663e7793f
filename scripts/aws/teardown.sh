#!/usr/bin/env bash
# Deletes everything deploy-vendor.sh or deploy-customer.sh created in one account: first the ECR
# repositories with their images (CloudFormation cannot delete a repository that holds images), then
# the stacks in reverse creation order, waiting for each. Tear the customer down before the vendor:
# running tasks need rake-app to start.
#
#   CUSTOMER_ACCOUNT_ID=111111111111 CUSTOMER_REGION=eu-west-1 scripts/aws/teardown.sh --account customer --yes
#   VENDOR_ACCOUNT_ID=222222222222 VENDOR_REGION=us-east-1 scripts/aws/teardown.sh --account vendor --yes
#
# Environment:
#   VENDOR_ACCOUNT_ID, VENDOR_REGION       --account vendor (AWS_REGION if VENDOR_REGION is unset)
#   CUSTOMER_ACCOUNT_ID, CUSTOMER_REGION   --account customer (AWS_REGION if CUSTOMER_REGION is unset)
#   AWS_PROFILE                            optional: that account's profile
# The credentials must belong to the named account, or nothing is deleted.
#
# Options: --account vendor|customer (required), --yes (required to delete anything), --dry-run
# (print every aws command, one per line, instead of running it).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ACCOUNT=
YES=false
OPTIONS=(account: yes)
parse_args "$@"
[[ -n $ACCOUNT ]] || usage_error "--account vendor|customer is required"
one_of account "$ACCOUNT" vendor customer

if [[ $ACCOUNT == vendor ]]; then
  REGION=$(first_set VENDOR_REGION AWS_REGION)
  [[ -n $REGION ]] || die "set VENDOR_REGION (or AWS_REGION) to the vendor account's region"
  VENDOR_REGION=$REGION
  require_region VENDOR_REGION "the vendor account's stacks"
  require_account VENDOR_ACCOUNT_ID "the vendor account, whose stacks and repository are deleted"
  EXPECTED_ACCOUNT=$VENDOR_ACCOUNT_ID
  REPOSITORIES=("${VENDOR_REPOSITORIES[@]}")
  STACKS=("${VENDOR_STACKS[@]}")
else
  REGION=$(first_set CUSTOMER_REGION AWS_REGION)
  [[ -n $REGION ]] || die "set CUSTOMER_REGION (or AWS_REGION) to the customer account's region"
  CUSTOMER_REGION=$REGION
  require_region CUSTOMER_REGION "the customer account's stacks"
  require_account CUSTOMER_ACCOUNT_ID "the customer account, whose stacks and repositories are deleted"
  EXPECTED_ACCOUNT=$CUSTOMER_ACCOUNT_ID
  REPOSITORIES=("${CUSTOMER_REPOSITORIES[@]}")
  STACKS=("${CUSTOMER_STACKS[@]}")
fi

if ! $DRY_RUN && ! $YES; then
  die "this deletes the stacks ${STACKS[*]} and the repositories ${REPOSITORIES[*]} with all their images in account $EXPECTED_ACCOUNT ($REGION); rerun with --yes (or --dry-run to see the commands)"
fi

check_caller_account "$REGION" "$EXPECTED_ACCOUNT" ""

for repository in "${REPOSITORIES[@]}"; do
  $DRY_RUN || note "deleting repository $repository and its images"
  aws_argv "$REGION" ecr delete-repository --repository-name "$repository" --force
  run_unless_gone RepositoryNotFoundException "${AWS_ARGV[@]}"
done

for ((i = ${#STACKS[@]} - 1; i >= 0; i--)); do
  delete_stack "$REGION" "${STACKS[i]}"
done

if ! $DRY_RUN; then
  note "done: account $EXPECTED_ACCOUNT ($REGION) holds no NLP API stacks or repositories"
fi
