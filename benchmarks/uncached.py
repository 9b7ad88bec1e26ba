"""The app as in production (falc_wizard.wsgi), without its page cache: what a step page costs drawn each time."""

from falc_wizard import accesslog, create_app

app = accesslog.wrap(create_app({"PAGE_CACHE_SIZE": 0}))
