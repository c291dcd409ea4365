"""The client's I/O: the API client, the facade, the resources and the runner of request flows.

Written once, async; ``scripts.codegen.unasync_client`` (run by ``make generate``, checked by
``make check-generated``) writes the sync twin of every module here to ``mykaarma/_sync/``: edit these
files, never those.
"""
