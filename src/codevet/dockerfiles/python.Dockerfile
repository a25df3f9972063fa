# The Python sandbox's image for the Docker isolation backend: Debian 12's Python 3.11,
# pytest, and codevet's in-sandbox code (the zygote and its support module), nothing else.
# At run time (sandboxes/isolation/docker.py) each warm worker is one long-lived container:
# --network none, --read-only with a tmpfs /tmp, memory/pids/cpu limits, user 10001,
# --cap-drop ALL, no-new-privileges, --init, --rm.
# Build: codevet images build python [--base REF] (the build context is the repository
# root). BASE is any Debian 12 image: the default is pulled from Docker Hub; where the
# engine cannot reach it, scripts/docker-base.sh makes one from Debian's mirror. Pin it by
# digest where your registry policy asks for it: --base debian:12.11-slim@sha256:...
# pytest comes from wheels that `codevet images build` downloads on the host first (with
# the host's pip, its index and its certificates) into dockerfiles/wheels/: the build
# itself reaches nothing but Debian's mirror.
ARG BASE=debian:12.11-slim
FROM ${BASE}
COPY dockerfiles/wheels /tmp/wheels
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      python3=3.11.2-1+b1 python3-pip=23.0.1+dfsg-1 \
 && pip3 install --no-cache-dir --break-system-packages --no-index --find-links=/tmp/wheels pytest==9.2.0 \
 && rm -rf /tmp/wheels \
 && apt-get purge -y python3-pip && apt-get autoremove -y \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --no-create-home --home-dir /tmp sandbox
COPY sandboxes/python/zygote.py /opt/codevet/python/zygote.py
COPY sandboxes/python/support /opt/codevet/python/support
USER 10001:10001
WORKDIR /tmp
CMD ["python3", "-I", "/opt/codevet/python/zygote.py"]
