"""docs/api.md lists every resource method of the client, and the committed page is what the code gives."""

from __future__ import annotations

import inspect

from mykaarma._sync.appointments import Appointments
from mykaarma._sync.customers import Customers
from scripts.codegen import api_md


def test_every_method_is_listed_with_its_result_type() -> None:
    page = api_md.render()
    for resource, cls in (("customers", Customers), ("appointments", Appointments)):
        for name, method in inspect.getmembers(cls, inspect.isfunction):
            if not name.startswith("_"):
                assert f"### `client.{resource}.{name}`" in page
                assert f") -> {inspect.signature(method).return_annotation}\n" in page


def test_the_committed_page_is_current() -> None:
    assert api_md.OUTPUT.read_text(encoding="utf-8") == api_md.render(), "run `make generate`"
