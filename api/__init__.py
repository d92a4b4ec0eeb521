"""The onceonly HTTP API (FastAPI): ``api.main.create_app(settings)``; served by ``onceonly serve``."""
