"""What client, mock and CLI know about the myKaarma API beyond the generated code, written once.

Pure and free of I/O: no HTTP, no database, no files (the caller passes the spec's schemas in).

- `rules`: blank, missing and JSON type names as JSON Schema reads them; the spec's ``x-rules`` evaluator.
- `schema_check`: a request body against the spec's component schemas and ``x-rules``, every problem with
  its field path (the same verdict in client pre-flight and mock).
- `contacts`: why a phone or e-mail entry is dropped (D-PHONE-EMAIL).
- `matching`: phone, e-mail, VIN and name normalisers and the create-or-update matching (D-MATCHING).
- `openapi`: the operations of a spec document and its local ``$ref``s, read one way by every reader.
- `problems`: one problem of a request (field path, message, rule id, error code).
- `times`: the time formats of D-TIME and the end-time rule of D-END-TIME.
"""
