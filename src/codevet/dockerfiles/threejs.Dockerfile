# The three.js sandbox's image for the Docker isolation backend: Debian's Chromium (with
# SwiftShader) and fonts, nothing else. three.js itself is not in the image: every
# request a page makes is answered by the host's router over CDP, exactly as without
# Docker, so the container needs no network and no files of ours.
# At run time each worker's browser is one warm container (--network none, --read-only, a
# tmpfs /tmp, limits, user 10001, no capabilities, --init, --rm): Playwright on the host
# launches `docker run -i ... IMAGE <chromium flags>` as if it were Chromium, and the
# entrypoint maps Chromium's --remote-debugging-pipe fds 3/4 onto the container's
# stdin/stdout, so CDP flows through the docker client's stdio.
# Build: codevet images build threejs [--base REF]; BASE as in python.Dockerfile.
# Chromium is pinned like every package, but Debian's security archive keeps only its latest
# build: the pin has to move with each Chromium update (156.0.8078.79 stopped building when
# .108 came out), and the build names the missing version when it does.
ARG BASE=debian:12.11-slim
FROM ${BASE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      chromium=156.0.8078.108-1~deb12u1 fonts-dejavu-core=2.37-6 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --no-create-home --home-dir /tmp sandbox
ENV HOME=/tmp XDG_CONFIG_HOME=/tmp/.config XDG_CACHE_HOME=/tmp/.cache
USER 10001:10001
WORKDIR /tmp
ENTRYPOINT ["/bin/sh", "-c", "exec /usr/lib/chromium/chromium \"$@\" 3<&0 4>&1 </dev/null >&2", "chromium"]
