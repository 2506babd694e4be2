from fastapi.testclient import TestClient

from tests.conftest import TOKEN, MemoryStore

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_healthz_answers(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_follows_the_database(client: TestClient, store: MemoryStore) -> None:
    assert client.get("/readyz").status_code == 200
    store.up = False
    assert client.get("/readyz").status_code == 503


def test_unknown_sku_is_404(client: TestClient) -> None:
    assert client.get("/stock/NOPE-1").status_code == 404


def test_put_then_get(client: TestClient) -> None:
    assert client.put("/stock/SKU-42", json={"quantity": 7}, headers=AUTH).status_code == 200
    assert client.get("/stock/SKU-42").json() == {"sku": "SKU-42", "quantity": 7}


def test_put_needs_the_token(client: TestClient) -> None:
    assert client.put("/stock/SKU-42", json={"quantity": 7}).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert client.put("/stock/SKU-42", json={"quantity": 7}, headers=wrong).status_code == 401


def test_negative_quantity_is_rejected(client: TestClient) -> None:
    assert client.put("/stock/SKU-42", json={"quantity": -1}, headers=AUTH).status_code == 422


def test_security_headers_on_every_response(client: TestClient) -> None:
    response = client.get("/stock/NOPE-1")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "max-age" in response.headers["Strict-Transport-Security"]
