from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings

TOKEN = "test-token"


class MemoryStore:
    def __init__(self) -> None:
        self.levels: dict[str, int] = {}
        self.up = True

    def ping(self) -> bool:
        return self.up

    def get(self, sku: str) -> int | None:
        return self.levels.get(sku)

    def set(self, sku: str, quantity: int) -> None:
        self.levels[sku] = quantity

    def close(self) -> None:
        pass


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def client(store: MemoryStore) -> Iterator[TestClient]:
    settings = Settings(
        database_url="unused", api_token=TOKEN, allowed_origins=("https://shop.example.com",)
    )
    with TestClient(create_app(settings, store)) as test_client:
        yield test_client
