"""`make conformance [TARGET=url]`: does a server keep the spec's promises, judged by tools nobody here wrote.

* `stock_run`: stock schemathesis (no project hooks or configuration), every check, phases examples and
  coverage; every refused schema-valid request (ST202) must be explained by a rule the spec documents as
  beyond JSON Schema (`explain`); any other failure fails the run.
* `proxy_tour`: the project's scenario tour and the vendor's example requests, sent through Prism as a
  validating proxy; every request or response Prism finds in breach of the spec fails the run.
* `run`: the command itself (the mock by default; a sandbox read-only).
"""
