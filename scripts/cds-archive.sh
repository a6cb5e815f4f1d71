#!/usr/bin/env bash
# Writes a class-data sharing (AppCDS) archive for Modelport's packaged jar, so that the
# JVM maps the ~20,000 classes a start loads (Spring, Tomcat, Jackson, DJL, gRPC, H2)
# from one file instead of finding, reading and verifying them in the jar each time
# (docs/benchmarks.md, "Cold start"). A JDK 17+ is enough: no AOT cache, no agent.
#
#   scripts/cds-archive.sh [JAR] [DESTINATION] [STORE]
#   java -XX:SharedArchiveFile=DESTINATION/modelport.jsa -jar DESTINATION/modelport.jar
#
# JAR (service/target/modelport.jar) is extracted into DESTINATION (service/target/cds):
# DESTINATION/modelport.jar plus DESTINATION/lib/ (a JAR that is already
# DESTINATION/modelport.jar, as in the Dockerfile, is used as it is), because the JVM can only share classes
# it loads from plain jars on the class path, not from jars nested in the Spring Boot jar.
# Then one training start serves STORE (model-store) until readiness is UP, so the
# archive holds what model loading uses too, and stops; the JVM writes the archive as it
# exits. The archive is only valid for the same JVM and the same jars at the same paths:
# run the script again after every build, and where the jar will run (the Dockerfile
# does it in the runtime image). A JVM given a stale archive says so and runs without it.
set -euo pipefail

jar=${1:-service/target/modelport.jar}
destination=${2:-service/target/cds}
store=${3:-model-store}
java=${JAVA:-java}

if [ "${jar}" != "${destination}/modelport.jar" ]; then
	rm -rf "${destination}"
	"${java}" -Djarmode=tools -jar "${jar}" extract --destination "${destination}" >/dev/null
fi
data=$(mktemp -d)
trap 'rm -rf "${data}"' EXIT
log="${data}/training-run.log"
# Port 0: the log says which port Tomcat took; gRPC takes a free one as well.
"${java}" -XX:ArchiveClassesAtExit="${destination}/modelport.jsa" -Dai.djl.offline=true \
	-jar "${destination}/modelport.jar" --server.port=0 --server.address=127.0.0.1 \
	--modelport.grpc.port=0 --modelport.store.location="${store}" \
	"--spring.datasource.url=jdbc:h2:file:${data}/db/modelport;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
	--modelport.training.work-dir="${data}/jobs" --modelport.datasets.location="${data}/datasets" \
	>"${log}" 2>&1 &
pid=$!
port=""
for _ in $(seq 1 1200); do
	if ! kill -0 "${pid}" 2>/dev/null; then
		echo "the training start exited early:" >&2
		tail -n 30 "${log}" >&2
		exit 1
	fi
	if [ -z "${port}" ]; then
		port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "${log}" | head -n 1)
	fi
	if [ -n "${port}" ] && curl -fs -o /dev/null "http://127.0.0.1:${port}/actuator/health/readiness"; then
		break
	fi
	sleep 0.25
done
if [ -z "${port}" ]; then
	echo "the training start was not ready in 5 minutes" >&2
	kill "${pid}"
	exit 1
fi
# A normal exit (SIGTERM runs the shutdown hooks, then the VM dumps the archive).
kill -TERM "${pid}"
wait "${pid}" || true
test -s "${destination}/modelport.jsa"
echo "wrote ${destination}/modelport.jsa ($(du -h "${destination}/modelport.jsa" | cut -f1))"
