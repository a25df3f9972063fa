"""Where candidates come from: dataset and file readers (one small adapter per format)
and, later, LLM-driven generators. Nothing here runs code."""
