#!/usr/bin/env bash
# Our own Docker engine, with its own folders, started and stopped by PID.
#   scripts/docker/engine.sh up     start dockerd (prints the DOCKER_HOST to use)
#   scripts/docker/engine.sh down   leave any swarm, stop dockerd by PID, and leave the host as it was:
#                                   no mount, network interface or firewall rule of dockerd's is left behind
# NLP_DOCKER_DIR (default /tmp/nlp-api-docker) holds the data root, exec root, socket, pid file and log;
# the host's state before start-up is kept beside it, so that `down` removes exactly what dockerd added.
set -euo pipefail
D=${NLP_DOCKER_DIR:-/tmp/nlp-api-docker}
SOCK=unix://$D/docker.sock
STATE=$D.host-before
export DOCKER_HOST=$SOCK

links() { ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | sort; }
netns() { ip netns list 2>/dev/null | awk '{print $1}' | sort; }

snapshot_host() {
  mkdir -p "$STATE"
  links >"$STATE/links"
  netns >"$STATE/netns"
  if command -v iptables-save >/dev/null; then iptables-save >"$STATE/iptables"; fi
}

# A table that did not exist before start-up is emptied, with the ACCEPT policies of a fresh one.
empty_table() {
  local chains
  case $1 in
    filter) chains="INPUT FORWARD OUTPUT" ;;
    nat) chains="PREROUTING INPUT OUTPUT POSTROUTING" ;;
    mangle) chains="PREROUTING INPUT FORWARD OUTPUT POSTROUTING" ;;
    raw) chains="PREROUTING OUTPUT" ;;
    *) chains="" ;;
  esac
  echo "*$1"
  for chain in $chains; do echo ":$chain ACCEPT [0:0]"; done
  echo "COMMIT"
}

restore_iptables() {
  local table
  {
    cat "$STATE/iptables"
    for table in $(iptables-save | sed -n 's/^\*//p'); do
      grep -q "^\*$table$" "$STATE/iptables" || empty_table "$table"
    done
  } | iptables-restore
}

# dockerd leaves its bridges and firewall rules in place when it stops; put the host back as it was.
restore_host() {
  [[ -d $STATE ]] || return 0
  local link
  for link in $(comm -13 "$STATE/links" <(links)); do ip link delete "$link" 2>/dev/null || true; done
  if [[ -f $STATE/iptables ]]; then restore_iptables; fi
  local problems=()
  [[ -z $(comm -13 "$STATE/links" <(links)) ]] || problems+=("network interfaces: $(comm -13 "$STATE/links" <(links) | tr '\n' ' ')")
  [[ -z $(comm -13 "$STATE/netns" <(netns)) ]] || problems+=("network namespaces: $(comm -13 "$STATE/netns" <(netns) | tr '\n' ' ')")
  if [[ -f $STATE/iptables ]] && iptables-save | grep -qiE 'docker|-i br-|-o br-'; then
    problems+=("firewall rules of dockerd's: $(iptables-save | grep -ciE 'docker|-i br-|-o br-') lines")
  fi
  rm -rf "$STATE"
  if [[ ${#problems[@]} -gt 0 ]]; then
    printf 'engine: left behind: %s\n' "${problems[@]}" >&2
    return 1
  fi
}

up() {
  command -v dockerd >/dev/null || { echo "engine: dockerd is not installed (apt-get install docker.io)" >&2; exit 1; }
  if [[ -f $D/dockerd.pid ]] && kill -0 "$(cat "$D/dockerd.pid")" 2>/dev/null; then
    echo "engine: already running (pid $(cat "$D/dockerd.pid")); DOCKER_HOST=$SOCK"
    return
  fi
  mkdir -p "$D"
  [[ -d $STATE ]] || snapshot_host
  # Offline images: swarm must not try to resolve them in a registry we cannot reach.
  DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1 setsid dockerd \
    --data-root "$D/data" --exec-root "$D/exec" -H "$SOCK" --pidfile "$D/dockerd.pid" \
    >"$D/dockerd.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && { echo "engine: up (pid $(cat "$D/dockerd.pid")); DOCKER_HOST=$SOCK"; return; }
    sleep 0.5
  done
  echo "engine: dockerd did not come up; its log:" >&2
  tail -30 "$D/dockerd.log" >&2
  exit 1
}

down() {
  [[ -f $D/dockerd.pid ]] || { echo "engine: not running"; restore_host; return; }
  local pid
  pid=$(cat "$D/dockerd.pid")
  if kill -0 "$pid" 2>/dev/null; then
    docker swarm leave --force >/dev/null 2>&1 || true
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then echo "engine: dockerd $pid did not stop" >&2; exit 1; fi
  fi
  # dockerd unmounts its own namespaces and layers on a clean stop; anything left is a bug to report.
  local left status=0
  left=$(grep -F " $D/" /proc/self/mounts | awk '{print $2}' || true)
  if [[ -n $left ]]; then
    echo "engine: mounts left behind, unmounting:" >&2
    echo "$left" >&2
    echo "$left" | sort -r | xargs -r -n1 umount -l
    status=1
  fi
  rm -rf "$D"
  restore_host || status=1
  [[ $status == 0 ]] || exit 1
  echo "engine: stopped, nothing left behind"
}

case ${1:-} in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
