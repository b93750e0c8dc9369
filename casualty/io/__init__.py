"""Reading and writing: documents in, claims in and out (SPEC §3 and §4)."""
