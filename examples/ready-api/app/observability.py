"""What the on-call engineer reads: metrics, traces, error reports and request ids, plus the
per-client rate limit that keeps one scanner from starving the others."""

import sentry_sdk
from asgi_correlation_id import CorrelationIdMiddleware
from fastapi import FastAPI
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from prometheus_client import make_asgi_app
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.middleware import SlowAPIMiddleware
from slowapi.util import get_remote_address

from app import __version__
from app.settings import Settings


def instrument(app: FastAPI, config: Settings) -> None:
    """Prometheus metrics on /metrics, OpenTelemetry spans (exported as the OTEL_* variables
    say), Sentry error reports, and an X-Request-ID on every request and log line."""
    if config.sentry_dsn:
        sentry_sdk.init(dsn=config.sentry_dsn, release=f"ready-api@{__version__}")
    app.add_middleware(CorrelationIdMiddleware, header_name="X-Request-ID")
    FastAPIInstrumentor.instrument_app(app, excluded_urls="healthz,readyz,metrics")
    app.mount("/metrics", make_asgi_app())


def limit_requests(app: FastAPI, config: Settings) -> None:
    """Requests per client address, e.g. "100/minute"; over the limit the API answers 429."""
    limiter = Limiter(key_func=get_remote_address, default_limits=[config.rate_limit])
    app.state.limiter = limiter
    app.add_exception_handler(
        RateLimitExceeded,
        _rate_limit_exceeded_handler,  # type: ignore[arg-type]
    )
    app.add_middleware(SlowAPIMiddleware)
