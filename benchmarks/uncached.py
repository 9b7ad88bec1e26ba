"""The app as in production (falc_wizard.wsgi), without its page cache: what a step page costs drawn each time."""

from falc_wizard import create_app
from falc_wizard.web import accesslog

app = accesslog.wrap(create_app({"PAGE_CACHE_SIZE": 0}))
