"""pytest configuration. Its presence puts tests/ on sys.path, so test modules import the
shared `helpers` module.

Hypothesis: no per-example deadline (this suite runs on shared 2-core machines), and in CI
(CI=true) a fixed example sequence, so a landing never depends on a lucky draw; locally each
run explores new examples."""

import os

from hypothesis import settings

settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")
