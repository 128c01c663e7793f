#!/usr/bin/env bash
# `npm run docker:build`: builds the three images from docker/Dockerfile, tagged
#   ${IMAGE_PREFIX:-nlp-api}/<service>:${TAG}
# and, when the account variables of stack.yml are set, also with the ECR names stack.yml uses:
#   ${CUSTOMER_ACCOUNT}.dkr.ecr.${CUSTOMER_ECR_REGION}.amazonaws.com/{nlp-client,prose-app}:${TAG}
#   ${ISV_ACCOUNT}.dkr.ecr.${ISV_ECR_REGION}.amazonaws.com/rake-app:${TAG}
# TAG defaults to the package version. Extra arguments go to every `docker build`.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=$(node -p 'require("./package.json").version')
TAG=${TAG:-$VERSION}
PREFIX=${IMAGE_PREFIX:-nlp-api}
REVISION=$(git rev-parse HEAD 2>/dev/null || echo unknown)
SOURCE=${IMAGE_SOURCE:-$(git config --get remote.origin.url 2>/dev/null || echo unknown)}
declare -A PORTS=([rake-app]=8081 [prose-app]=8082 [nlp-client]=8080)

ecr_name() {
  local service=$1
  if [[ $service == rake-app ]]; then
    [[ -n ${ISV_ACCOUNT:-} && -n ${ISV_ECR_REGION:-} ]] && echo "$ISV_ACCOUNT.dkr.ecr.$ISV_ECR_REGION.amazonaws.com/$service:$TAG"
  else
    [[ -n ${CUSTOMER_ACCOUNT:-} && -n ${CUSTOMER_ECR_REGION:-} ]] && echo "$CUSTOMER_ACCOUNT.dkr.ecr.$CUSTOMER_ECR_REGION.amazonaws.com/$service:$TAG"
  fi
  return 0
}

for service in rake-app prose-app nlp-client; do
  tags=(-t "$PREFIX/$service:$TAG")
  ecr=$(ecr_name "$service")
  [[ -n $ecr ]] && tags+=(-t "$ecr")
  echo "building $service -> ${tags[*]//-t /}"
  docker build -f docker/Dockerfile \
    --build-arg SERVICE="$service" --build-arg PORT="${PORTS[$service]}" \
    --build-arg VERSION="$VERSION" --build-arg REVISION="$REVISION" --build-arg SOURCE="$SOURCE" \
    "${tags[@]}" "$@" .
done
docker image ls --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' | grep -E "/(rake-app|prose-app|nlp-client):$TAG\b" | sort
