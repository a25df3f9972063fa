# The Python sandbox's image for the Docker isolation backend: the interpreter, pytest and
# nothing else; the example runs as an unprivileged user with no network (set at run time).
FROM python:3.11.7-slim-bookworm
RUN pip install --no-cache-dir pytest==9.2.0 \
 && useradd --uid 10001 --create-home sandbox
USER sandbox
WORKDIR /tmp/work
