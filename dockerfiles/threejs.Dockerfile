# The three.js sandbox's image (designed; `--isolation docker` is not implemented for
# three.js yet and says so): Debian's Chromium with SwiftShader and three.js from npm,
# pinned by the sandbox's own package.json and lockfile. The intended run: one warm
# container per worker with --network none, --read-only, a tmpfs /tmp, limits, user
# 10001, no capabilities, Chromium started with --remote-debugging-pipe (its fds 3/4
# mapped onto the container's stdin/stdout below) and driven over CDP from the host
# through `docker run -i` (no network at all: every page request is answered by the
# host's router, as today). Build: codevet images build threejs
FROM debian:12.11-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      chromium=156.0.8078.79-1~deb12u1 nodejs=18.20.4+dfsg-1~deb12u3 npm=9.2.0~ds1-1 \
      fonts-dejavu-core=2.37-6 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --no-create-home --home-dir /tmp sandbox
COPY sandboxes/threejs/web/package.json sandboxes/threejs/web/package-lock.json /opt/codevet/threejs/web/
RUN npm ci --prefix /opt/codevet/threejs/web --no-audit --no-fund --omit=dev
USER 10001:10001
WORKDIR /tmp
ENTRYPOINT ["/bin/sh", "-c", "exec chromium --headless --no-sandbox --disable-gpu --use-angle=swiftshader --enable-unsafe-swiftshader --remote-debugging-pipe 3<&0 4>&1 </dev/null >&2"]
