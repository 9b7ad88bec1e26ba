"""Where the templates and translations are, in a checkout and in an installed wheel.

The design card keeps ``templates/`` and ``translations/`` at the top of the
repository; the wheel copies them inside the package. Both layouts work.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent


def resource_dir(name: str) -> Path:
    packaged = PACKAGE_DIR / name
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent / name
