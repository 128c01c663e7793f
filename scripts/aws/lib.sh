# shellcheck shell=bash
# Sourced by the scripts in scripts/aws/, never run: argument parsing, input validation, and `run`,
# which runs a command or, under --dry-run, prints it instead: one line, quoted for the shell, exactly
# as it would run from the repository root. Everything else the scripts say goes to stderr, so the
# output of --dry-run is nothing but commands.
#
# Needs bash 4.4 or later (macOS: brew install bash).

# Every command runs, and every path is printed, relative to the repository root.
NLP_REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$NLP_REPO_ROOT"

SCRIPT_NAME=$(basename "$0" .sh)
DRY_RUN=false
# Options a script takes besides --dry-run and --help: "name" for a flag (sets NAME=true), "name:" for
# an option with a value (sets NAME). Set before calling parse_args.
OPTIONS=()

# The stacks, by account, in creation order; teardown.sh deletes them in reverse. The repository
# and network stack names are the templates' DeveloperStackName and NetworkStackName defaults, and the
# scripts pass them explicitly as well.
DEVELOPER_STACK=developer-user-group
NETWORK_STACK=public-vpc
SERVICE_STACK=nlp-api-service
VENDOR_REPOSITORIES=(rake-app)
CUSTOMER_REPOSITORIES=(nlp-client prose-app)
repository_stack() { printf 'ecr-%s' "$1"; }
VENDOR_STACKS=("$DEVELOPER_STACK" "$(repository_stack rake-app)")
CUSTOMER_STACKS=("$DEVELOPER_STACK" "$(repository_stack nlp-client)" "$(repository_stack prose-app)" "$NETWORK_STACK" "$SERVICE_STACK")
# Every stack carries this tag, and CloudFormation passes it on to the resources: cost allocation.
STACK_TAG=project=nlp-api

# --- messages ----------------------------------------------------------------------------------------

note() { printf '%s: %s\n' "$SCRIPT_NAME" "$*" >&2; }
die() { printf '%s: %s\n' "$SCRIPT_NAME" "$*" >&2; exit 1; }

# The header comment of the running script, from the line after the shebang to the first line that is
# not a comment.
usage() {
  sed -n '2,${/^#/!q;s/^# \{0,1\}//p;}' "$0"
}

usage_error() {
  printf '%s: %s\n' "$SCRIPT_NAME" "$*" >&2
  printf "run '%s --help' for usage\n" "$0" >&2
  exit 2
}

# --- arguments -------------------------------------------------------------------------------------

parse_args() {
  local arg name value has_value spec option var
  while (($#)); do
    arg=$1
    shift
    case $arg in
      --dry-run) DRY_RUN=true; continue ;;
      -h | --help) usage; exit 0 ;;
      --?*) ;;
      *) usage_error "unexpected argument '$arg'" ;;
    esac
    name=${arg#--}
    has_value=false
    value=
    if [[ $name == *=* ]]; then
      value=${name#*=}
      name=${name%%=*}
      has_value=true
    fi
    spec=
    for option in "${OPTIONS[@]}"; do
      [[ ${option%:} == "$name" ]] && spec=$option
    done
    [[ -n $spec ]] || usage_error "unknown option --$name"
    var=${name//-/_}
    var=${var^^}
    if [[ $spec == *: ]]; then
      if ! $has_value; then
        [[ $# -gt 0 && $1 != --* ]] || usage_error "--$name needs a value"
        value=$1
        shift
      fi
      printf -v "$var" '%s' "$value"
    else
      $has_value && usage_error "--$name takes no value"
      printf -v "$var" '%s' true
    fi
  done
}

# one_of NAME VALUE ALLOWED...: VALUE must be one of ALLOWED (a usage error otherwise).
one_of() {
  local name=$1 value=$2 allowed
  shift 2
  for allowed in "$@"; do
    [[ $value == "$allowed" ]] && return 0
  done
  usage_error "--$name must be one of: $* (got '$value')"
}

# --- validation --------------------------------------------------------------------------------------
# Each takes the NAME of an environment variable and what it is for, and stops with a message that
# names both when the value is missing or malformed.

ACCOUNT_ID_PATTERN='^[0-9]{12}$'
REGION_PATTERN='^[a-z]{2}(-[a-z]+)+-[0-9]$'
ORG_ID_PATTERN='^o-[a-z0-9]{10,32}$'
TAG_PATTERN='^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$'
CIDR_PATTERN='^([0-9]{1,3}\.){3}[0-9]{1,3}/[0-9]{1,2}$'
ROLE_ARN_PATTERN='^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$'

require_account() {
  local name=$1 what=$2 value=${!1:-}
  [[ -n $value ]] || die "set $name to the 12-digit id of $what"
  [[ $value =~ $ACCOUNT_ID_PATTERN ]] || die "$name must be a 12-digit AWS account id ($what), got '$value'"
}

optional_account() {
  [[ -z ${!1:-} ]] || require_account "$@"
}

require_region() {
  local name=$1 what=$2 value=${!1:-}
  [[ -n $value ]] || die "set $name to the AWS region of $what (e.g. us-east-1)"
  [[ $value =~ $REGION_PATTERN ]] || die "$name must be an AWS region name like us-east-1 ($what), got '$value'"
}

require_tag() {
  local name=$1 value=${!1:-}
  [[ $value =~ $TAG_PATTERN ]] || die "$name must be an image tag (letters, digits, _ . -; at most 128), got '$value'"
}

optional_match() { # NAME PATTERN DESCRIPTION
  local name=$1 pattern=$2 description=$3 value=${!1:-}
  [[ -z $value || $value =~ $pattern ]] || die "$name must be $description, got '$value'"
}

# The first of the named variables that is set, e.g. first_set VENDOR_REGION AWS_REGION.
first_set() {
  local name
  for name in "$@"; do
    if [[ -n ${!name:-} ]]; then
      printf '%s' "${!name}"
      return 0
    fi
  done
}

# The package version, the default image tag of every script (as of build-images.sh and ecr-push.sh).
package_version() { node -p 'require("./package.json").version'; }

# --- running -----------------------------------------------------------------------------------------

# A word as the shell needs it: bare when safe, otherwise in single quotes, or in double quotes when it
# holds a single quote and nothing double quotes would expand.
quote_word() {
  local word=$1
  if [[ $word =~ ^[A-Za-z0-9_./:=@,+%-]+$ ]]; then
    printf '%s' "$word"
  elif [[ $word != *"'"* ]]; then
    printf "'%s'" "$word"
  elif [[ $word != *[\"\$\`\\!]* ]]; then
    printf '"%s"' "$word"
  else
    printf "'%s'" "${word//\'/\'\\\'\'}"
  fi
}

print_command() {
  local line= word
  for word in "$@"; do
    line+="${line:+ }$(quote_word "$word")"
  done
  printf '%s\n' "$line"
}

# run COMMAND...: runs it, or under --dry-run prints it.
run() {
  if $DRY_RUN; then
    print_command "$@"
  else
    "$@"
  fi
}

# capture VAR COMMAND...: VAR=$(COMMAND), or under --dry-run prints the command and sets VAR to "".
# Returns the command's status.
capture() {
  local -n capture_into=$1
  shift
  if $DRY_RUN; then
    print_command "$@"
    capture_into=
  else
    capture_into=$("$@")
  fi
}

# run_unless_gone PATTERN COMMAND...: like run, but an error whose message contains PATTERN (e.g. the
# thing to delete is already gone) is reported and passes.
run_unless_gone() {
  local pattern=$1 errors status=0
  shift
  if $DRY_RUN; then
    print_command "$@"
    return 0
  fi
  errors=$("$@" 2>&1 >/dev/null) || status=$?
  ((status == 0)) && return 0
  if [[ $errors == *"$pattern"* ]]; then
    note "already gone ($pattern): $(print_command "$@")"
    return 0
  fi
  printf '%s\n' "$errors" >&2
  return "$status"
}

# aws_argv REGION ARGS...: sets AWS_ARGV to the aws command line in REGION, with the profile of
# AWS_PROFILE when it is set (the CLI would read AWS_PROFILE anyway; naming it makes a printed line
# complete).
aws_argv() {
  local region=$1
  shift
  AWS_ARGV=(aws "$@" --region "$region")
  if [[ -n ${AWS_PROFILE:-} ]]; then
    AWS_ARGV+=(--profile "$AWS_PROFILE")
  fi
}

aws_run() {
  aws_argv "$@"
  run "${AWS_ARGV[@]}"
}

aws_capture() { # VAR REGION ARGS...
  local var=$1
  shift
  aws_argv "$@"
  capture "$var" "${AWS_ARGV[@]}"
}

# check_caller_account REGION EXPECTED FORBIDDEN: the credentials in use must belong to EXPECTED when
# it is set, and otherwise not to FORBIDDEN (the other side of the deployment) when that is set.
check_caller_account() {
  local region=$1 expected=$2 forbidden=$3 actual
  aws_capture actual "$region" sts get-caller-identity --query Account --output text ||
    die "cannot tell which account these credentials belong to (aws sts get-caller-identity failed)"
  $DRY_RUN && return 0
  if [[ -n $expected && $actual != "$expected" ]]; then
    die "these credentials belong to account $actual, not $expected${AWS_PROFILE:+ (AWS_PROFILE=$AWS_PROFILE)}"
  fi
  if [[ -z $expected && -n $forbidden && $actual == "$forbidden" ]]; then
    die "these credentials belong to account $actual, the other side of the deployment; use the right profile, or set the expected account id to deploy both sides in one account on purpose"
  fi
  note "using account $actual in $region"
}

# deploy_stack REGION STACK TEMPLATE CAPABILITY [Key=Value...]: creates or updates the stack from
# cloudformation/TEMPLATE.yml and waits for it. CAPABILITY is CAPABILITY_IAM, CAPABILITY_NAMED_IAM or
# "none", whatever the template's IAM resources need and no more.
deploy_stack() {
  local region=$1 stack=$2 template=cloudformation/$3.yml capability=$4
  shift 4
  [[ -f $template ]] || die "no template $template"
  local args=(cloudformation deploy --stack-name "$stack" --template-file "$template")
  if (($#)); then
    args+=(--parameter-overrides "$@")
  fi
  if [[ $capability != none ]]; then
    args+=(--capabilities "$capability")
  fi
  args+=(--no-fail-on-empty-changeset --tags "$STACK_TAG")
  $DRY_RUN || note "deploying stack $stack ($template)"
  aws_run "$region" "${args[@]}" ||
    die "stack $stack failed; see: aws cloudformation describe-stack-events --stack-name $stack --region $region"
}

# delete_stack REGION STACK: deletes the stack and waits until it is gone (a stack that does not exist
# counts as deleted).
delete_stack() {
  local region=$1 stack=$2
  $DRY_RUN || note "deleting stack $stack"
  aws_run "$region" cloudformation delete-stack --stack-name "$stack"
  aws_run "$region" cloudformation wait stack-delete-complete --stack-name "$stack" ||
    die "stack $stack did not delete; see: aws cloudformation describe-stack-events --stack-name $stack --region $region"
}
