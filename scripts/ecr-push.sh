#!/usr/bin/env bash
# Tags the locally built images (npm run docker:build) with their ECR names and pushes them.
#   scripts/ecr-push.sh [--dry-run]
# rake-app goes to the vendor's registry, nlp-client and prose-app to the customer's:
#   ISV_ACCOUNT, ISV_ECR_REGION             -> rake-app
#   CUSTOMER_ACCOUNT, CUSTOMER_ECR_REGION   -> nlp-client, prose-app
# Set either pair or both; TAG defaults to the package version, IMAGE_PREFIX to nlp-api.
# --dry-run prints every command instead of running it.
set -euo pipefail
cd "$(dirname "$0")/.."
DRY_RUN=false
for arg in "$@"; do
  case $arg in
    --dry-run) DRY_RUN=true ;;
    *) echo "usage: $0 [--dry-run]" >&2; exit 2 ;;
  esac
done
TAG=${TAG:-$(node -p 'require("./package.json").version')}
PREFIX=${IMAGE_PREFIX:-nlp-api}

run() {
  if $DRY_RUN; then printf '%s\n' "$*"; else eval "$@"; fi
}

push_to() {
  local account=$1 region=$2
  shift 2
  [[ $account =~ ^[0-9]{12}$ ]] || { echo "ecr-push: account id must be 12 digits, got '$account'" >&2; exit 1; }
  [[ $region =~ ^[a-z]{2}(-[a-z]+)+-[0-9]$ ]] || { echo "ecr-push: '$region' is not an AWS region name" >&2; exit 1; }
  local registry="$account.dkr.ecr.$region.amazonaws.com"
  run "aws ecr get-login-password --region $region | docker login --username AWS --password-stdin $registry"
  for service in "$@"; do
    run "docker tag $PREFIX/$service:$TAG $registry/$service:$TAG"
    run "docker push $registry/$service:$TAG"
  done
}

pushed=false
if [[ -n ${ISV_ACCOUNT:-} ]]; then
  push_to "$ISV_ACCOUNT" "${ISV_ECR_REGION:?set ISV_ECR_REGION}" rake-app
  pushed=true
fi
if [[ -n ${CUSTOMER_ACCOUNT:-} ]]; then
  push_to "$CUSTOMER_ACCOUNT" "${CUSTOMER_ECR_REGION:?set CUSTOMER_ECR_REGION}" nlp-client prose-app
  pushed=true
fi
$pushed || { echo "ecr-push: set ISV_ACCOUNT/ISV_ECR_REGION and/or CUSTOMER_ACCOUNT/CUSTOMER_ECR_REGION" >&2; exit 1; }
