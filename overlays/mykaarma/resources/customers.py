"""``client.customers`` (`Customers`, `AsyncCustomers`): written once in ``mykaarma/_async/customers.py``."""

from .._async.customers import AsyncCustomers
from .._sync.customers import Customers
from .customer_calls import CandidateArg

__all__ = ["AsyncCustomers", "CandidateArg", "Customers"]
