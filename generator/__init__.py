"""Spec-to-code toolkit: one YAML spec in, Python models, docs, OpenAPI and data out."""

__all__ = ["__version__"]

__version__ = "0.1.0"
