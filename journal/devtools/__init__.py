"""Development tools, never part of the product: the speed harness and the journal generator.

- ``journal.devtools.bench``: ``python -m journal.devtools.bench [--years N] [--quick]``, every
  speed figure of the README side by side;
- ``journal.devtools.benchmarks``: the figures of one area each (analysis, report, importing,
  calendar), run by the harness in processes of their own;
- ``journal.devtools.generate``: a made-up journal of any number of years.

The product (every other ``journal`` package, ``journal.app`` and ``journal.demo``) never imports
this package: an import-linter contract in ``pyproject.toml`` says so, and
``tests/test_architecture.py`` proves it.
"""
