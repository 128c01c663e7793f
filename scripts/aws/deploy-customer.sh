#!/usr/bin/env bash
# Deploys the customer side into the customer account, in two stages with the image push between them:
#   infra     the developer user and group, the nlp-client and prose-app repositories, and the network
#             (VPC, public subnets, cluster, Network Load Balancer, task execution role, API key secret)
#   service   checks that the three images of TAG are pushed, deploys the Fargate service, and prints
#             the stack's TryIt curl line
#   all       both (the default); the service stage stops at the image check if the push is missing
# Idempotent: a rerun updates.
#
#   VENDOR_ACCOUNT_ID=222222222222 VENDOR_ECR_REGION=us-east-1 CUSTOMER_REGION=eu-west-1 \
#     scripts/aws/deploy-customer.sh --stage infra [--dry-run]
#   scripts/aws/build-and-push.sh ...                    # push the images
#   TAG=0.1.0 ... scripts/aws/deploy-customer.sh --stage service [--dry-run]
#
# Environment:
#   CUSTOMER_REGION (or AWS_REGION)         the region of the stacks and the customer's repositories
#   VENDOR_ACCOUNT_ID                       the vendor account that holds rake-app
#   VENDOR_ECR_REGION (or VENDOR_REGION)    the region of the vendor's rake-app repository
#   TAG                                     service stage: the image tag (default: the package version)
#   ALLOWED_CLIENT_CIDR                     who may reach the API on port 80 (default 0.0.0.0/0)
#   CERTIFICATE_ARN                         optional: an ACM certificate for a TLS listener on 443
#   CUSTOMER_ACCOUNT_ID                     optional: the deploy stops unless the credentials are this
#                                           account's
#   AWS_PROFILE                             optional: the customer account's profile
#
# Options: --stage infra|service|all, --skip-image-check (service stage: deploy without looking for
# the images first), --dry-run (print every aws command, one per line, instead of running it).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

STAGE=all
SKIP_IMAGE_CHECK=false
OPTIONS=(stage: skip-image-check)
parse_args "$@"
one_of stage "$STAGE" infra service all

REGION=$(first_set CUSTOMER_REGION AWS_REGION)
[[ -n $REGION ]] || die "set CUSTOMER_REGION (or AWS_REGION) to the customer account's region (e.g. eu-west-1)"
CUSTOMER_REGION=$REGION
VENDOR_ECR_REGION=$(first_set VENDOR_ECR_REGION VENDOR_REGION)
ALLOWED_CLIENT_CIDR=${ALLOWED_CLIENT_CIDR:-0.0.0.0/0}
require_region CUSTOMER_REGION "the customer account's stacks and repositories"
require_account VENDOR_ACCOUNT_ID "the vendor account, which holds rake-app"
require_region VENDOR_ECR_REGION "the vendor's rake-app repository (VENDOR_ECR_REGION or VENDOR_REGION)"
optional_account CUSTOMER_ACCOUNT_ID "the customer account, where these stacks go"
optional_match ALLOWED_CLIENT_CIDR "$CIDR_PATTERN" "an IPv4 CIDR block like 203.0.113.0/24"
CERTIFICATE_ARN=${CERTIFICATE_ARN:-}
optional_match CERTIFICATE_ARN '^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[A-Za-z0-9-]+$' "an ACM certificate ARN"
if [[ $STAGE != infra ]]; then
  TAG=${TAG:-$(package_version)}
  require_tag TAG
fi

deploy_infra() {
  deploy_stack "$REGION" "$DEVELOPER_STACK" developer-user-group CAPABILITY_NAMED_IAM
  local repository
  for repository in "${CUSTOMER_REPOSITORIES[@]}"; do
    deploy_stack "$REGION" "$(repository_stack "$repository")" ecr-repo-not-shared none \
      RepositoryName="$repository" \
      DeveloperStackName="$DEVELOPER_STACK"
  done
  # An IAM role without a fixed name: CAPABILITY_IAM is enough.
  deploy_stack "$REGION" "$NETWORK_STACK" public-vpc CAPABILITY_IAM \
    VendorAccountId="$VENDOR_ACCOUNT_ID" \
    VendorEcrRegion="$VENDOR_ECR_REGION" \
    AllowedClientCidr="$ALLOWED_CLIENT_CIDR" \
    CertificateArn="$CERTIFICATE_ARN"
}

# A service whose images cannot be pulled fails only after ECS has given up on several tasks, and a
# first create then rolls back to a stack that must be deleted by hand. So look before deploying.
check_images() {
  local repository found
  for repository in "${CUSTOMER_REPOSITORIES[@]}"; do
    aws_capture found "$REGION" ecr describe-images --repository-name "$repository" \
      --image-ids imageTag="$TAG" --query 'imageDetails[0].imageDigest' --output text ||
      die "$repository:$TAG is not in this account's $repository repository; push it first (scripts/aws/build-and-push.sh)"
  done
  # Pulling across accounts is allowed by the vendor's repository policy; describe-images is not, so
  # ask for the image itself. batch-get-image reports a missing image as a failure in its answer.
  aws_capture found "$VENDOR_ECR_REGION" ecr batch-get-image --registry-id "$VENDOR_ACCOUNT_ID" \
    --repository-name rake-app --image-ids imageTag="$TAG" --query 'images[0].imageId.imageTag' --output text ||
    die "cannot read rake-app:$TAG from the vendor's registry $VENDOR_ACCOUNT_ID ($VENDOR_ECR_REGION): does its repository policy name this account (and these credentials)?"
  if ! $DRY_RUN && [[ $found != "$TAG" ]]; then
    die "rake-app:$TAG is not in the vendor's registry $VENDOR_ACCOUNT_ID ($VENDOR_ECR_REGION); the vendor must push it first"
  fi
}

deploy_service() {
  $SKIP_IMAGE_CHECK || check_images
  deploy_stack "$REGION" "$SERVICE_STACK" public-subnet-public-loadbalancer none \
    NetworkStackName="$NETWORK_STACK" \
    Tag="$TAG"
  local try_it
  aws_capture try_it "$REGION" cloudformation describe-stacks --stack-name "$NETWORK_STACK" \
    --query "Stacks[0].Outputs[?OutputKey=='TryIt'].OutputValue" --output text
  if ! $DRY_RUN; then
    note "the API answers on port 80 of the load balancer; the key comes from Secrets Manager in $REGION"
    note "try it (with AWS_REGION=$REGION${AWS_PROFILE:+ AWS_PROFILE=$AWS_PROFILE} in your environment):"
    printf '%s\n' "$try_it"
  fi
}

check_caller_account "$REGION" "${CUSTOMER_ACCOUNT_ID:-}" "$VENDOR_ACCOUNT_ID"
case $STAGE in
  infra)
    deploy_infra
    if ! $DRY_RUN; then
      note "infrastructure done; next: push the images (CUSTOMER_ACCOUNT=<this account> CUSTOMER_ECR_REGION=$REGION scripts/aws/build-and-push.sh),"
      note "have the vendor push rake-app, then run: scripts/aws/deploy-customer.sh --stage service"
    fi
    ;;
  service) deploy_service ;;
  all)
    deploy_infra
    deploy_service
    ;;
esac
