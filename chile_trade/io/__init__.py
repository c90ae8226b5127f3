"""The I/O edge: reading documents, the shipped dataset, reference tables, whole
archives, and atomic output."""
