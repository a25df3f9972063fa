# The OoT sandbox's image for the Docker isolation backend: the MIPS cross compiler and
# binutils from Debian 12 (pinned to the versions codevet is tested with) and the header
# set shipped with codevet. Each worker keeps one warm container of this image (--network
# none, --read-only, a tmpfs /tmp, limits, user 10001, no capabilities) and each compile
# is a `docker exec` in it; the translation unit comes in through a bind-mounted workspace.
# Build: codevet images build oot [--base REF]; BASE as in python.Dockerfile.
ARG BASE=debian:12.11-slim
FROM ${BASE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      gcc-mips-linux-gnu=4:12.2.0-4 cpp-mips-linux-gnu=4:12.2.0-4 gcc-12-mips-linux-gnu=12.2.0-14cross5 \
      binutils-mips-linux-gnu=2.40-2cross2 libc6-dev-mips-cross=2.36-8cross2 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --no-create-home --home-dir /tmp sandbox
COPY sandboxes/oot/include /opt/codevet/oot/include
USER 10001:10001
WORKDIR /tmp
# The warm container only waits; compiles are `docker exec`ed into it.
CMD ["sleep", "infinity"]
