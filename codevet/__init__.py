"""codevet: keep only the code examples that really run.

The public surface is deliberately small: the data model, the run configuration, and
`verify`, which runs candidates through their sandboxes. Everything else is internal.
"""
from codevet.harness.config import RunConfig, SandboxOptions
from codevet.harness.model import Candidate, Check, Status, TestCase, TestResult, TestSpec, Verdict

__version__ = "0.1.0"

__all__ = [
    "Candidate", "Check", "RunConfig", "SandboxOptions", "Status", "TestCase", "TestResult",
    "TestSpec", "Verdict", "__version__",
]
