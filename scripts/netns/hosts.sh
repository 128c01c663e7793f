#!/usr/bin/env bash
# A four-"host" network for the NLP API, built from Linux network namespaces (root + iproute2, no
# container engine, no netem). Used by test/netns/multi-host.test.ts; usable by hand.
#
#   PFX=nlpnet-demo bash scripts/netns/hosts.sh up           # build it (clears leftovers of the same PFX first)
#   PFX=nlpnet-demo bash scripts/netns/hosts.sh cut prose     # partition: unplug prose from the switch
#   PFX=nlpnet-demo bash scripts/netns/hosts.sh heal prose    # plug it back in
#   PFX=nlpnet-demo bash scripts/netns/hosts.sh down          # end what runs inside, delete everything
#   PFX=nlpnet-demo bash scripts/netns/hosts.sh check         # exit 1 if anything with PFX is left
#
# Layout: namespace $PFX-sw holds only a bridge (the switch); hosts $PFX-{gateway,rake,prose,client}
# each have one veth leg (eth0) on $NET.0/24 plugged into it as port p-<host>. Names resolve like the
# Swarm stack's service DNS (nlp-client, rake-app, prose-app) through /etc/netns/<ns>/hosts, which
# `ip netns exec` bind-mounts over /etc/hosts. Run servers and clients with `ip netns exec $PFX-<host>`.
#
# The root namespace gets no leg on $NET.0/24 and must never send to it: such packets would follow
# the root namespace's default route off the machine. Each run picks its own PFX, so parallel runs
# coexist (the /24 is private to each run's switch and may be the same for all of them).
set -euo pipefail

PFX=${PFX:?set PFX to this run\'s namespace prefix, e.g. PFX=nlpnet-\$RANDOM}
[[ $PFX =~ ^[a-z0-9][a-z0-9-]{2,23}$ ]] || { echo "hosts.sh: PFX must be 3-24 of [a-z0-9-], got '$PFX'" >&2; exit 2; }
NET=${NET:-10.213.9}
[[ $NET =~ ^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]] || { echo "hosts.sh: NET must be the first three octets, got '$NET'" >&2; exit 2; }
SW="$PFX-sw"
HOSTS=(gateway rake prose client)
declare -A IP=([gateway]=$NET.11 [rake]=$NET.12 [prose]=$NET.13 [client]=$NET.14)
declare -A NAMES=([gateway]="nlp-client gateway" [rake]="rake-app rake" [prose]="prose-app prose" [client]="client")

# Namespaces of this PFX that exist now (the switch included).
ours() { ip netns list | awk '{print $1}' | grep -E "^${PFX}-" || true; }

down() {
  local ns pids pid i
  local all; all=$(ours)
  # End whatever still runs inside our namespaces, by PID, TERM first and KILL after 5 s. Only this
  # run's processes can be in them: the namespaces were created by this run under its unique prefix.
  for ns in $all; do
    pids=$(ip netns pids "$ns" 2>/dev/null || true)
    for pid in $pids; do kill -TERM "$pid" 2>/dev/null || true; done
  done
  for i in $(seq 1 50); do
    pids=""; for ns in $all; do pids+=$(ip netns pids "$ns" 2>/dev/null || true); done
    [[ -z $pids ]] && break
    sleep 0.1
  done
  for ns in $all; do
    for pid in $(ip netns pids "$ns" 2>/dev/null || true); do kill -KILL "$pid" 2>/dev/null || true; done
  done
  # Deleting a namespace deletes its veth end, and with it the peer in the switch.
  for ns in $all; do ip netns del "$ns" 2>/dev/null || true; done
  for h in "${HOSTS[@]}"; do rm -rf "/etc/netns/$PFX-$h"; done
  rmdir /etc/netns 2>/dev/null || true   # only if no one else uses it
}

check() {
  local left; left=$(ours)
  local dirs; dirs=$(ls -d /etc/netns/"$PFX"-* 2>/dev/null || true)
  if [[ -n $left || -n $dirs ]]; then echo "hosts.sh: left behind for $PFX: ${left//$'\n'/ } ${dirs//$'\n'/ }" >&2; return 1; fi
}

up() {
  down   # idempotent: clear leftovers of an earlier run with the same prefix
  if ip -o -4 addr show | grep -q " inet ${NET//./\\.}\."; then
    echo "hosts.sh: the root namespace has an address on $NET.0/24; choose another NET" >&2; exit 1
  fi
  trap 'echo "hosts.sh: up failed, tearing down" >&2; down' ERR
  ip netns add "$SW"
  ip -n "$SW" link add br0 type bridge
  ip -n "$SW" link set br0 up
  ip -n "$SW" link set lo up
  local h ns o
  for h in "${HOSTS[@]}"; do
    ns="$PFX-$h"
    ip netns add "$ns"
    # The veth pair is created straight between the two namespaces: nothing appears in the root one.
    ip link add "v-$h" netns "$ns" type veth peer name "p-$h" netns "$SW"
    ip -n "$SW" link set "p-$h" master br0 up
    ip -n "$ns" link set "v-$h" name eth0
    ip -n "$ns" addr add "${IP[$h]}/24" dev eth0
    ip -n "$ns" link set eth0 up
    ip -n "$ns" link set lo up
    mkdir -p "/etc/netns/$ns"
    { echo "127.0.0.1 localhost"; for o in "${HOSTS[@]}"; do echo "${IP[$o]} ${NAMES[$o]}"; done; } > "/etc/netns/$ns/hosts"
  done
  trap - ERR
  # A host's leg must be up before anything is sent through it: wait (bounded) for carrier.
  for h in "${HOSTS[@]}"; do
    for i in $(seq 1 50); do
      ip -n "$PFX-$h" -o link show eth0 | grep -q 'state UP' && break
      sleep 0.1
    done
  done
  echo "up: $PFX on $NET.0/24 (${HOSTS[*]})"
}

link() {  # link up|down HOST: plug a host into the switch or unplug it
  local h=${2:?which host: ${HOSTS[*]}}
  [[ -n ${IP[$h]:-} ]] || { echo "hosts.sh: unknown host '$h' (${HOSTS[*]})" >&2; exit 2; }
  ip -n "$SW" link set "p-$h" "$1"
}

case ${1:-} in
  up) up ;;
  down) down; check ;;
  check) check ;;
  cut) link down "${2:-}" ;;
  heal) link up "${2:-}" ;;
  *) echo "usage: PFX=<prefix> [NET=10.213.9] $0 up|down|check|cut <host>|heal <host>" >&2; exit 2 ;;
esac
