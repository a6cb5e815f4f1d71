# Docker steps of .ci/run (sourced, not run). No registry can be reached from CI, so every
# image is built here: a debootstrap Debian base, stand-ins for the upstream images
# (.ci/images/), then the real Dockerfile on them. Everything the engine needs lives under
# $DOCKER_WORK, and docker_cleanup leaves the machine as it was.
#   docker_start          start dockerd on the default socket; sets DOCKER_UP=true if it answers
#   docker_build_images   base, stand-ins, the app image ($APP_IMAGE), the GPU variant's build stage
#   compose_end_to_end    the compose stack: health, classify, PostgreSQL, Prometheus, graceful stop
#   docker_cleanup        compose down, stop dockerd, remove docker0 and docker's iptables rules

APP_IMAGE=modelport:ci
COMPOSE_PROJECT=modelport-ci
DOCKER_UP=false
DOCKERD_PID=""
COMPOSE_STARTED=false
IP_FORWARD_BEFORE=""

# Seconds since the script started, for the step durations in the log.
elapsed() { echo "$((SECONDS - ${1:-0}))s"; }

docker_start() {
  if docker info >/dev/null 2>&1; then
    echo "Docker engine already running: using it (and leaving it running)"
    DOCKER_UP=true
    return
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    echo "no dockerd: the container tests will skip"
    return
  fi
  IP_FORWARD_BEFORE=$(cat /proc/sys/net/ipv4/ip_forward 2>/dev/null || true)
  mkdir -p "$DOCKER_WORK"
  dockerd --data-root="$DOCKER_WORK/data" --pidfile="$DOCKER_WORK/dockerd.pid" >"$DOCKER_WORK/dockerd.log" 2>&1 &
  DOCKERD_PID=$!
  if timeout 60 sh -c "until docker info >/dev/null 2>&1; do kill -0 $DOCKERD_PID 2>/dev/null || exit 1; sleep 1; done"; then
    DOCKER_UP=true
    docker version --format 'Docker engine {{.Server.Version}} (API {{.Server.APIVersion}})'
  else
    echo "dockerd did not come up: the container tests will skip" >&2
    tail -n 20 "$DOCKER_WORK/dockerd.log" >&2 || true
  fi
}

# docker build with its output in a log, shown only when it fails.
build_image() {
  local tag=$1 log
  shift
  log="$DOCKER_WORK/build-${tag//[\/:]/_}.log"
  local start=$SECONDS
  if ! docker build -t "$tag" "$@" >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "docker build of $tag failed" >&2
    return 1
  fi
  echo "built $tag in $(elapsed "$start")"
}

# The image a compose service names, so a stand-in can be tagged with it.
compose_image() {
  sed -n "s|^ *image: *\($1:[^ ]*\)\$|\1|p" docker-compose.yml | head -n 1
}

docker_build_images() {
  local start=$SECONDS
  debootstrap --variant=minbase --include=curl,ca-certificates bookworm "$DOCKER_WORK/rootfs" \
    http://deb.debian.org/debian >"$DOCKER_WORK/debootstrap.log" 2>&1 \
    || { tail -n 20 "$DOCKER_WORK/debootstrap.log" >&2; return 1; }
  tar -C "$DOCKER_WORK/rootfs" -c . | docker import - local/debian:bookworm >/dev/null
  rm -rf "$DOCKER_WORK/rootfs"
  echo "built local/debian:bookworm (debootstrap + import) in $(elapsed "$start")"
  build_image local/jre:17 .ci/images/jre
  # The build stage downloads from Maven Central: it trusts the CAs this host added locally.
  cp -r .ci/images/jdk "$DOCKER_WORK/jdk"
  mkdir -p "$DOCKER_WORK/jdk/ca-certificates"
  find /usr/local/share/ca-certificates -maxdepth 1 -name '*.crt' -exec cp {} "$DOCKER_WORK/jdk/ca-certificates/" \;
  build_image local/jdk:17 "$DOCKER_WORK/jdk"
  build_image "$(compose_image prom/prometheus)" .ci/images/prometheus
  build_image "$(compose_image postgres)" .ci/images/postgres
  build_image "$APP_IMAGE" --build-arg BUILD_IMAGE=local/jdk:17 --build-arg BASE_IMAGE=local/jre:17 .
  # The GPU variant cannot be built here (no CUDA image, no torch wheel); its build stage
  # can: the jar without the CPU libtorch. Building it also parses the whole Dockerfile.
  build_image modelport-gpu-build:ci -f Dockerfile.gpu --target build --build-arg BUILD_IMAGE=local/jdk:17 .
  docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | sort
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Polls a command until it succeeds, at most $1 seconds.
wait_for() {
  local limit=$1 start=$SECONDS
  shift
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS - start > limit)); then
      echo "gave up after ${limit}s: $*" >&2
      return 1
    fi
    sleep 2
  done
}

# curl's body must contain a string (no grep -q in a pipe: with pipefail its early exit fails curl).
body_contains() {
  local body
  body=$(curl -fsS "${@:2}") && [[ $body == *"$1"* ]]
}

prometheus_has() {
  body_contains '"result":[{' -G "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/query" --data-urlencode "query=$1"
}

container_healthy() {
  [ "$(docker inspect -f '{{.State.Health.Status}}' "$1")" = healthy ]
}

compose_end_to_end() {
  local start=$SECONDS id
  export MODELPORT_IMAGE=$APP_IMAGE MODELPORT_PORT PROMETHEUS_PORT
  MODELPORT_PORT=$(free_port)
  PROMETHEUS_PORT=$(free_port)
  local compose=(docker-compose -p "$COMPOSE_PROJECT" -f docker-compose.yml)
  local base="http://127.0.0.1:$MODELPORT_PORT"
  # Grafana has no image here; the other services run from the images built above.
  COMPOSE_STARTED=true
  "${compose[@]}" up -d --no-build modelport postgres prometheus
  id=$("${compose[@]}" ps -q modelport)
  if ! wait_for 240 curl -fsS "$base/actuator/health/readiness"; then
    "${compose[@]}" logs --tail=80 modelport >&2
    return 1
  fi
  echo "compose: ready on 127.0.0.1:$MODELPORT_PORT after $(elapsed "$start")"
  wait_for 60 container_healthy "$id"
  body_contains '"predictions":[{"label":"Trouser"' \
    -F image=@service/src/test/resources/images/fashion-mnist/trouser.png "$base/api/v1/models/fashion-mnist/classify"
  echo "compose: classified trouser.png as Trouser"
  # The job store is the compose PostgreSQL, migrated by Flyway.
  body_contains '"database":"PostgreSQL"' "$base/actuator/health"
  test "$("${compose[@]}" exec -T postgres psql -U modelport -d modelport -tAc \
    'select count(*) from flyway_schema_history where success')" -ge 1
  echo "compose: job store on PostgreSQL, Flyway migrations applied"
  wait_for 90 prometheus_has 'modelport_inference_seconds_count{model="fashion-mnist",outcome="success"} >= 1'
  prometheus_has 'up{job="modelport"} == 1'
  body_contains '"name":"ModelportDown"' "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/rules"
  echo "compose: Prometheus scraped the classification and loaded the alert rules"
  "${compose[@]}" stop modelport
  test "$(docker inspect -f '{{.State.ExitCode}}' "$id")" = 143
  docker logs "$id" 2>&1 | grep -c "Graceful shutdown complete" >/dev/null
  echo "compose: modelport stopped gracefully (exit 143 on SIGTERM)"
  "${compose[@]}" down -v
  COMPOSE_STARTED=false
  echo "compose end to end: passed in $(elapsed "$start")"
}

docker_cleanup() {
  if [ "$COMPOSE_STARTED" = true ]; then
    docker-compose -p "$COMPOSE_PROJECT" -f docker-compose.yml down -v >/dev/null 2>&1 || true
  fi
  [ -n "$DOCKERD_PID" ] || return 0
  kill "$DOCKERD_PID" 2>/dev/null || true
  timeout 60 sh -c "while kill -0 $DOCKERD_PID 2>/dev/null; do sleep 1; done" || kill -9 "$DOCKERD_PID" 2>/dev/null || true
  ip link delete docker0 2>/dev/null || true
  # Only docker's rules: the jumps into its chains and its masquerade, then its chains.
  local table rule chain
  for table in filter nat; do
    iptables -t "$table" -S 2>/dev/null | grep '^-A' | grep -v '^-A DOCKER' | grep -i docker | sed 's/^-A /-D /' \
      | while read -r rule; do eval "iptables -t $table $rule" 2>/dev/null || true; done
    for chain in $(iptables -t "$table" -S 2>/dev/null | sed -n 's/^-N \(DOCKER[^ ]*\)$/\1/p'); do
      iptables -t "$table" -F "$chain" 2>/dev/null || true
    done
    for chain in $(iptables -t "$table" -S 2>/dev/null | sed -n 's/^-N \(DOCKER[^ ]*\)$/\1/p'); do
      iptables -t "$table" -X "$chain" 2>/dev/null || true
    done
  done
  if [ -n "$IP_FORWARD_BEFORE" ]; then
    echo "$IP_FORWARD_BEFORE" >/proc/sys/net/ipv4/ip_forward 2>/dev/null || true
  fi
  # The data root is removed only once nothing of it is mounted any more.
  if ! grep -q " $DOCKER_WORK/" /proc/mounts; then
    rm -rf "$DOCKER_WORK"
  fi
}
