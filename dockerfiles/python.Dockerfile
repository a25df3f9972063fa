# The Python sandbox's image for the Docker isolation backend: the interpreter, pytest and
# codevet's in-sandbox code (the zygote and its support module) and nothing else. At run
# time (see sandboxes/isolation/docker.py) each warm worker is one long-lived container:
# --network none, --read-only with a tmpfs /tmp, memory/pids/cpu limits, user 10001,
# --cap-drop ALL, no-new-privileges, --init, --rm. Build: codevet images build python
# (the build context is the repository root). Pin the base by digest where your registry
# policy asks for it: FROM python:3.11.7-slim-bookworm@sha256:...
FROM python:3.11.7-slim-bookworm
RUN pip install --no-cache-dir pytest==9.2.0 \
 && useradd --uid 10001 --no-create-home --home-dir /tmp sandbox
COPY sandboxes/python/zygote.py /opt/codevet/python/zygote.py
COPY sandboxes/python/support /opt/codevet/python/support
USER 10001:10001
WORKDIR /tmp
CMD ["python", "-I", "/opt/codevet/python/zygote.py"]
