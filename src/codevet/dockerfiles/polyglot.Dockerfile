# The polyglot sandboxes' image for the Docker isolation backend: Debian 12's compilers and
# interpreters for every language the polyglot ladder checks (sandboxes/polyglot/
# toolchains.py: the same Debian packages `codevet setup` installs on the host), Python
# with sqlglot for the SQL runner, nothing else. Metapackages and the versioned packages
# that hold the actual tool are pinned (a version change changes verdicts).
# typescript is not in the image: the host's copy (`codevet setup typescript`, npm) is
# bind-mounted read-only, as under bwrap.
# At run time each concurrent example has one warm container (WarmContainers: --network
# none, --read-only, a tmpfs /tmp, limits, user 10001, no capabilities); each ladder is a
# `docker exec` in it, and after each example every process it left is killed and /tmp
# outside the workspace emptied (docker.py: WarmContainers(scrub=True)).
# Build: codevet images build polyglot [--base REF]; BASE as in python.Dockerfile.
ARG BASE=debian:12.11-slim
FROM ${BASE}
COPY dockerfiles/wheels /tmp/wheels
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      gcc=4:12.2.0-3 g++=4:12.2.0-3 gcc-12=12.2.0-14+deb12u1 g++-12=12.2.0-14+deb12u1 libc6-dev=2.36-9+deb12u14 \
      default-jdk-headless=2:1.17-74 openjdk-17-jdk-headless=17.0.21.1+2-1~deb12u1 \
      golang-go=2:1.19~1 golang-1.19-go=1.19.8-2 \
      rustc=1.63.0+dfsg1-2 \
      mono-mcs=6.8.0.105+dfsg-3.3+deb12u1 mono-runtime=6.8.0.105+dfsg-3.3+deb12u1 \
      libmono-system-numerics4.0-cil=6.8.0.105+dfsg-3.3+deb12u1 \
      nodejs=18.20.4+dfsg-1~deb12u3 \
      php-cli=2:8.2+93 php8.2-cli=8.2.36-1~deb12u1 \
      ruby=1:3.1 ruby3.1=3.1.7+really3.1.2-0+deb12u1 \
      shellcheck=0.9.0-1 \
      python3=3.11.2-1+b1 python3-pip=23.0.1+dfsg-1 \
 && pip3 install --no-cache-dir --break-system-packages --no-index --find-links=/tmp/wheels sqlglot==30.30.0 \
 && rm -rf /tmp/wheels \
 && apt-get purge -y python3-pip && apt-get autoremove -y \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --no-create-home --home-dir /tmp sandbox
USER 10001:10001
WORKDIR /tmp
# The warm container only waits; every ladder is `docker exec`ed into it.
CMD ["sleep", "infinity"]
