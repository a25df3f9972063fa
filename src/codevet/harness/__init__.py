"""The core: data model, pipeline, cache, reports and CLI. Joins generators to sandboxes."""
