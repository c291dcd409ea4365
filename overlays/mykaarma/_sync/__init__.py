"""The client's I/O: the API client, the facade, the resources and the runner of request flows.

Generated from ``mykaarma/_async/__init__.py`` by ``scripts.codegen.unasync_client``: edit that file.
"""
