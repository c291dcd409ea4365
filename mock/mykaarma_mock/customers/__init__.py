"""Customer business rules of the mock: tables and handlers of the six customer operations.

Operations (labels of the facts reference, §2a): createCustomer (C1) and its deprecated PUT alias
createCustomerViaPut (C1', D-CREATE-METHOD), updateCustomer (C2), readCustomer (C3), searchCustomers (C4) and
the legacy read getCustomer (C5). Every rule names the DECISIONS entry (``D-...``) or the facts section
(``facts §...``) it implements. Modules: `schema` (tables, migration), `checks` (what a save request may
carry), `store` (lookups and writes), `views` (read schemas), `search` (D-SEARCH), `handlers` (the registry).

Storage. One row per customer in ``customer_customers`` (``customerId`` is its integer primary key rendered
as a string, D-CREATE-RESPONSE), with its phones, e-mails, addresses and vehicles in child tables. A customer
and a vehicle have columns only for what is matched, searched or joined; every other property sent is kept in
the row's ``document`` and read back through the read schema (`mykaarma_mock.documents`). The columns the
matcher and the search look things up by are normalised on write and indexed per department:

* ``customer_phones (department_uuid, e164)`` -- phones are stored in E.164 (D-PHONE-EMAIL);
* ``customer_emails (department_uuid, email_normalized)`` -- trimmed and lower-cased (D-MATCHING step 1);
* ``customer_vehicles (department_uuid, vin_normalized)`` -- trimmed, upper-cased (D-VIN, D-MATCHING);
* ``customer_customers (department_uuid, customer_key)`` -- UNIQUE for non-null keys (D-CUSTOMER-KEY).

``customer_sequences`` holds monotonic counters: ``change`` orders creations and updates (``created_seq`` /
``updated_seq``, used by D-MATCHING's "most recently updated" and D-SEARCH's order) and ``communication``
numbers phones and e-mails from one id space, so the legacy ``communications`` list of getCustomer never
shows two items with the same id.

Handlers follow the contract of ``mykaarma_mock.app``: they receive a ``RequestContext`` whose body and query
already passed the spec's JSON Schema and x-rules, run inside the request's transaction, append warnings to
``ctx.warnings`` and raise ``ApiError`` for 4xx answers.
"""

from __future__ import annotations

from .checks import clean_emails, clean_phones
from .handlers import HANDLERS, WRITE_OPERATIONS
from .schema import SCHEMA_SQL, STORAGE, TABLES
from .search import search_limits
from .views import customers_with_vehicles

__all__ = [
    "HANDLERS",
    "SCHEMA_SQL",
    "STORAGE",
    "TABLES",
    "WRITE_OPERATIONS",
    "clean_emails",
    "clean_phones",
    "customers_with_vehicles",
    "search_limits",
]
