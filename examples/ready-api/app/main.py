"""HTTP API. Run with: uvicorn --factory app.main:create_app"""

import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel, Field

from app import __version__
from app.observability import instrument, limit_requests
from app.settings import Settings, load_settings
from app.store import PostgresStore, Store

log = logging.getLogger("ready_api")

SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}


class Quantity(BaseModel):
    quantity: int = Field(ge=0)


class StockLevel(Quantity):
    sku: str


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    config = settings or load_settings()
    logging.basicConfig(
        level=config.log_level.upper(),
        format='{"time":"%(asctime)s","level":"%(levelname)s","message":"%(message)s"}',
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = store if store is not None else PostgresStore(config.database_url)
        log.info("ready-api %s started", __version__)
        yield
        app.state.store.close()

    app = FastAPI(title="ready-api", version=__version__, lifespan=lifespan)
    instrument(app, config)
    limit_requests(app, config)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(config.allowed_origins),
        allow_methods=["GET", "PUT"],
        allow_headers=["Authorization", "Content-Type"],
    )

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    def current_store(request: Request) -> Store:
        found: Store = request.app.state.store
        return found

    def require_token(authorization: Annotated[str, Header()] = "") -> None:
        expected = f"Bearer {config.api_token}"
        if not secrets.compare_digest(authorization.encode(), expected.encode()):
            raise HTTPException(status_code=401, detail="missing or wrong bearer token")

    StoreDep = Annotated[Store, Depends(current_store)]

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz(db: StoreDep) -> dict[str, str]:
        if not db.ping():
            raise HTTPException(status_code=503, detail="database unreachable")
        return {"status": "ready"}

    @app.get("/stock/{sku}")
    def get_stock(sku: str, db: StoreDep) -> StockLevel:
        quantity = db.get(sku)
        if quantity is None:
            raise HTTPException(status_code=404, detail="unknown sku")
        return StockLevel(sku=sku, quantity=quantity)

    @app.put("/stock/{sku}", dependencies=[Depends(require_token)])
    def put_stock(sku: str, body: Quantity, db: StoreDep) -> StockLevel:
        db.set(sku, body.quantity)
        log.info("stock of %s set to %d", sku, body.quantity)
        return StockLevel(sku=sku, quantity=body.quantity)

    return app
