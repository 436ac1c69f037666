# Generated from spec/tiktok_v2.yaml (sha256 85d3de04a2cb92f4). Do not edit.
"""TikTok API v2 User Object: typed models, scopes and API constants.

The User Object contains information about a TikTok user.
"""

from tiktok_v2.api import *  # noqa: F403
from tiktok_v2.api import __all__ as _api_all
from tiktok_v2.i18n import LANGUAGES, describe, describe_model, field_scope
from tiktok_v2.models import *  # noqa: F403
from tiktok_v2.models import __all__ as _models_all
from tiktok_v2.scopes import *  # noqa: F403
from tiktok_v2.scopes import __all__ as _scopes_all

__version__ = "2.0.0"

__all__ = [
    *_api_all,
    *_models_all,
    *_scopes_all,
    "LANGUAGES",
    "__version__",
    "describe",
    "describe_model",
    "field_scope",
]
