#!/usr/bin/env bash
# `npm run stack:deploy` / `npm run stack:rm`: deploy or remove stack.yml as the stack ${STACK_NAME:-nlp}.
#   deploy [--local]   needs TAG, CUSTOMER_ACCOUNT, CUSTOMER_ECR_REGION, ISV_ACCOUNT, ISV_ECR_REGION.
#                      Creates the secret ${AUTH_SECRET_NAME:-nlp_auth_key} from AUTH_KEY if it does not exist.
#                      --local: deploy images built here (npm run docker:build) without any registry: they are
#                      tagged with the names stack.yml expects and deployed with --resolve-image never.
#   rm                 remove the stack (the secret stays).
set -euo pipefail
cd "$(dirname "$0")/../.."
STACK=${STACK_NAME:-nlp}
SECRET=${AUTH_SECRET_NAME:-nlp_auth_key}

deploy() {
  local local_images=false
  [[ ${1:-} == --local ]] && local_images=true
  : "${TAG:?set TAG}" "${CUSTOMER_ACCOUNT:?set CUSTOMER_ACCOUNT}" "${CUSTOMER_ECR_REGION:?set CUSTOMER_ECR_REGION}"
  : "${ISV_ACCOUNT:?set ISV_ACCOUNT}" "${ISV_ECR_REGION:?set ISV_ECR_REGION}"
  if ! docker secret inspect "$SECRET" >/dev/null 2>&1; then
    [[ -n ${AUTH_KEY:-} ]] || { echo "stack: create the secret first: printf '%s' \"\$KEY\" | docker secret create $SECRET -  (or set AUTH_KEY)" >&2; exit 1; }
    printf '%s' "$AUTH_KEY" | docker secret create "$SECRET" - >/dev/null
    echo "stack: created secret $SECRET from AUTH_KEY"
  fi
  local args=(--with-registry-auth)
  if $local_images; then
    local prefix=${IMAGE_PREFIX:-nlp-api}
    docker tag "$prefix/rake-app:$TAG" "$ISV_ACCOUNT.dkr.ecr.$ISV_ECR_REGION.amazonaws.com/rake-app:$TAG"
    for service in nlp-client prose-app; do
      docker tag "$prefix/$service:$TAG" "$CUSTOMER_ACCOUNT.dkr.ecr.$CUSTOMER_ECR_REGION.amazonaws.com/$service:$TAG"
    done
    args=(--resolve-image never)
  fi
  local files=(-c stack.yml)
  [[ -n ${STACK_OVERRIDE:-} ]] && files+=(-c "$STACK_OVERRIDE")
  docker stack deploy "${args[@]}" "${files[@]}" "$STACK"
}

case ${1:-} in
  deploy) shift; deploy "$@" ;;
  rm) docker stack rm "$STACK" ;;
  *) echo "usage: $0 deploy [--local] | rm" >&2; exit 2 ;;
esac
