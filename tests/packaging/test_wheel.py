"""A built wheel carries everything the app needs: templates, pictograms, content, catalogs.

The wheel is built from this checkout, unpacked into an empty folder, and the
app is started from there (outside the checkout), so nothing can be found by
accident in the source tree.
"""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import falc_wizard, sys
from pathlib import Path
assert Path(falc_wizard.__file__).parent.parent == Path(sys.argv[1]), falc_wizard.__file__
app = falc_wizard.create_app({"SECRET_KEY": "wheel", "TESTING": True})
client = app.test_client()
home = client.get("/")
assert home.status_code == 200, home.status_code
page = home.get_data(as_text=True)
journeys = app.extensions["falc_journeys"]
for journey in journeys.values():
    assert f'/parcours/{journey.id}"' in page, journey.id
    assert client.get(f"/parcours/{journey.id}").status_code == 200
assert client.get("/static/style.css").status_code == 200
picto = next(iter(journeys.values())).pictogram
assert client.get(f"/pictogrammes/{picto}.svg").status_code == 200
english = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
assert '<html lang="en"' in english and "I choose what I want to do" in english, english[:300]
assert client.get("/pictogrammes").status_code == 200
print("ok", len(journeys))
"""


def test_the_wheel_runs_the_app(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path / "dist"), str(ROOT)],
        check=True,
    )
    wheel = next((tmp_path / "dist").glob("falc_wizard-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "falc_wizard/templates/base.html" in names
    assert any(n.startswith("falc_wizard/pictograms/") and n.endswith(".svg") for n in names)
    assert any(n.startswith("falc_wizard/steps/") and n.endswith(".toml") for n in names)
    # The compiled catalogs ship: an installed wheel cannot compile them.
    assert "falc_wizard/translations/en/LC_MESSAGES/messages.mo" in names
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(target)],
        cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
