"""ready-api: stock levels per SKU."""

__version__ = "1.2.0"
