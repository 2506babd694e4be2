"""Configuration from the environment. A local .env file is read when present (development);
in production the variables come from the deployment and no file exists."""

import os
from dataclasses import dataclass

from dotenv import load_dotenv


@dataclass(frozen=True)
class Settings:
    database_url: str
    api_token: str
    log_level: str = "info"
    allowed_origins: tuple[str, ...] = ()
    sentry_dsn: str = ""
    rate_limit: str = "100/minute"


def load_settings() -> Settings:
    load_dotenv()
    origins = os.environ.get("ALLOWED_ORIGINS", "")
    return Settings(
        database_url=os.environ["DATABASE_URL"],
        api_token=os.environ["API_TOKEN"],
        log_level=os.environ.get("LOG_LEVEL", "info"),
        allowed_origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
        sentry_dsn=os.environ.get("SENTRY_DSN", ""),
        rate_limit=os.environ.get("RATE_LIMIT", "100/minute"),
    )
