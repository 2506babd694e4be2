"""Where stock levels live. The API depends on the Store protocol; production uses Postgres."""

from typing import Protocol

from psycopg_pool import ConnectionPool


class Store(Protocol):
    def ping(self) -> bool: ...
    def get(self, sku: str) -> int | None: ...
    def set(self, sku: str, quantity: int) -> None: ...
    def close(self) -> None: ...


class PostgresStore:
    def __init__(self, url: str) -> None:
        self._pool = ConnectionPool(url, min_size=1, max_size=10, open=True)

    def ping(self) -> bool:
        try:
            with self._pool.connection(timeout=2) as conn:
                conn.execute("SELECT 1")
            return True
        except Exception:
            return False

    def get(self, sku: str) -> int | None:
        with self._pool.connection() as conn:
            row = conn.execute("SELECT quantity FROM stock WHERE sku = %s", (sku,)).fetchone()
        return None if row is None else int(row[0])

    def set(self, sku: str, quantity: int) -> None:
        with self._pool.connection() as conn:
            conn.execute(
                "INSERT INTO stock (sku, quantity) VALUES (%s, %s) "
                "ON CONFLICT (sku) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = now()",
                (sku, quantity),
            )

    def close(self) -> None:
        self._pool.close()
