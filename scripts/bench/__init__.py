"""`make bench`: every benchmark and the table they print."""
