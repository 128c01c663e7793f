#!/usr/bin/env bash
# Builds the three images (scripts/docker/build-images.sh) and pushes them to ECR (scripts/ecr-push.sh):
# rake-app to the vendor's registry, nlp-client and prose-app to the customer's. Set the pair of each
# registry these credentials may push to; each side usually pushes its own:
#
#   TAG=0.1.0 ISV_ACCOUNT=222222222222 ISV_ECR_REGION=us-east-1 scripts/aws/build-and-push.sh [--dry-run]
#   TAG=0.1.0 CUSTOMER_ACCOUNT=111111111111 CUSTOMER_ECR_REGION=eu-west-1 scripts/aws/build-and-push.sh [--dry-run]
#
# Environment (the names ecr-push.sh uses):
#   TAG                                    the image tag (default: the package version); the repositories'
#                                          tags are immutable, so a pushed tag cannot be pushed again
#   ISV_ACCOUNT, ISV_ECR_REGION            the vendor's registry: rake-app
#   CUSTOMER_ACCOUNT, CUSTOMER_ECR_REGION  the customer's registry: nlp-client, prose-app (the region of
#                                          the customer's stacks)
#   IMAGE_PREFIX                           the local image names (default nlp-api), as build-images.sh
#   AWS_PROFILE                            the credentials that log in to the registries
#
# --dry-run prints the build step and every aws and docker command of the push (from ecr-push.sh
# --dry-run), one per line, instead of running them. build-images.sh has no dry run of its own, so the
# build is printed as the one command that runs it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

parse_args "$@"

TAG=${TAG:-$(package_version)}
require_tag TAG
# Checked here as ecr-push.sh would, but before a build that takes minutes.
if [[ -z ${ISV_ACCOUNT:-} && -z ${CUSTOMER_ACCOUNT:-} ]]; then
  die "set ISV_ACCOUNT and ISV_ECR_REGION (rake-app), and/or CUSTOMER_ACCOUNT and CUSTOMER_ECR_REGION (nlp-client, prose-app)"
fi
if [[ -n ${ISV_ACCOUNT:-} ]]; then
  require_account ISV_ACCOUNT "the vendor account, whose registry receives rake-app"
  require_region ISV_ECR_REGION "the vendor's rake-app repository"
fi
if [[ -n ${CUSTOMER_ACCOUNT:-} ]]; then
  require_account CUSTOMER_ACCOUNT "the customer account, whose registry receives nlp-client and prose-app"
  require_region CUSTOMER_ECR_REGION "the customer's repositories"
fi
export TAG

run env TAG="$TAG" bash scripts/docker/build-images.sh
push=(bash scripts/ecr-push.sh)
if $DRY_RUN; then
  push+=(--dry-run)
fi
"${push[@]}"
