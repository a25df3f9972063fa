"""codevet: keep only the code examples that really run.

The public surface is deliberately small: the data model, the run configuration, and
`verify`, which runs candidates through their sandboxes. Everything else is internal.
"""
from codevet.core.errors import CodevetError, ConfigError, FormatError, InputError, UnavailableError
from codevet.core.model import Candidate, Check, Status, TestCase, TestResult, TestSpec, Verdict
from codevet.core.options import SandboxOptions

__version__ = "0.1.0"

__all__ = [
    "Candidate", "Check", "CodevetError", "ConfigError", "FormatError", "InputError", "RunConfig",
    "SandboxOptions", "Status", "TestCase", "TestResult", "TestSpec", "UnavailableError", "Verdict",
    "Verifier", "__version__",
]


def __getattr__(name: str):  # RunConfig and Verifier pull in the harness: only when asked for
    if name == "RunConfig":
        from codevet.harness.config import RunConfig
        return RunConfig
    if name == "Verifier":
        from codevet.harness.verifier import Verifier
        return Verifier
    raise AttributeError(name)
