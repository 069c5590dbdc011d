"""Integrations with other systems (Spark); each needs its optional extra, imported on use."""
