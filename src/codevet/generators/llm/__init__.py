"""LLM-driven generators (the Anthropic SDK). They write candidates and repair them from
evidence they are given; they know nothing of sandboxes (harness/generate.py joins them)."""
