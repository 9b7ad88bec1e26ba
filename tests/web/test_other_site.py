"""A site is a content folder, not code: a second, fictional site (tests/fixtures/autre-site,
« Ma caisse d'allocations ») is served with no code change, through the guide, practice on a
drawn page, the help line, the QR sheets, the booklet, the manifest and the FALC checker; and
no page of it, nor any Python or template file of the app, names the shipped site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from falc_wizard import create_app
from falc_wizard.cli import main
from falc_wizard.lint import lint
from falc_wizard.content.site import load_site
from qrread import decode_svg, svgs
from support import FIXTURES, Visitor

OTHER = FIXTURES / "autre-site"
SHIPPED = load_site()
ROOT = Path(__file__).resolve().parents[2]


def shipped_values(page: str) -> list[str]:
    """The shipped site's name, address, help line and app name, wherever a page shows them."""
    found = [v for v in (SHIPPED.name, SHIPPED.address, SHIPPED.app.name) if v.lower() in page.lower()]
    if re.search(rf"(?<!\d)(?<!\d ){re.escape(SHIPPED.help_line.number)}(?! ?\d)", page):
        found.append(SHIPPED.help_line.number)
    if SHIPPED.brand.bold in page:
        found.append(SHIPPED.brand.bold)
    return found


@pytest.fixture
def app(monkeypatch):
    # The content folder is a setting: FALC_CONTENT, read by create_app with the others.
    monkeypatch.setenv("FALC_CONTENT", str(OTHER))
    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "PUBLIC_URL": "http://falc.test"})


@pytest.fixture
def visitor(app):
    seen = Visitor(app.test_client())
    yield seen
    assert shipped_values(seen.page) == [], seen.url


@pytest.fixture
def site():
    return load_site(OTHER)


def test_the_home_page_names_the_other_site_and_its_journeys(app, visitor, site):
    assert list(app.extensions["falc_journeys"]) == ["attestation", "declarer"]
    visitor.get("/")
    assert f"<title>{site.app.name}</title>" in visitor.page
    assert site.app.lead in visitor.page
    assert f"/pictogrammes/{site.app.pictogram}.svg" in visitor.page
    assert "Je télécharge mon attestation" in visitor.page and "Je déclare mes ressources" in visitor.page


def test_the_help_line_is_the_other_sites(visitor, site):
    visitor.get("/")
    assert f"J'appelle le {site.help_line.number}." in visitor.page
    assert 'href="tel:0800123456"' in visitor.page
    for sentence in (*site.help_line.hours, *site.help_line.cost):
        assert f">{sentence}</p>" in visitor.page


def test_the_guide_sends_to_the_other_sites_address_and_qr_code(app, visitor, site):
    journey = app.extensions["falc_journeys"]["attestation"]
    visitor.start(journey, practice=False)
    assert visitor.url == "/parcours/attestation/aller"
    assert f'<strong lang="fr">{site.address}</strong>' in visitor.page
    assert [decode_svg(svg) for svg in svgs(visitor.page)] == [[site.url]]
    visitor.post()
    assert visitor.url == "/parcours/attestation/attestations"
    assert "Mes attestations" in visitor.page
    visitor.post()
    assert visitor.url == "/parcours/attestation/fin" and "Bravo, j'ai mon attestation." in visitor.page


def test_practice_draws_the_other_sites_page_and_brand(app, visitor, site):
    journey = app.extensions["falc_journeys"]["declarer"]
    visitor.start(journey, practice=True)
    # The guide-only step that names the real address is skipped in practice.
    assert visitor.url == "/parcours/declarer/declarer"
    assert f'lang="fr">{site.brand.plain} <strong>{site.brand.bold}</strong></p>' in visitor.page
    assert site.address not in visitor.page
    visitor.post(data={"element": "paiements", "erreurs": "0"})
    assert visitor.url == "/parcours/declarer/declarer"   # a wrong press stays, with a hint
    assert "Je cherche le bouton Déclarer mes ressources." in visitor.page
    visitor.post(data={"element": "declarer", "erreurs": "1"})
    assert visitor.url.startswith("/parcours/declarer/")
    assert "Sur le vrai site, rien n'a changé." in visitor.page


def test_the_qr_sheets_and_booklet_carry_the_other_site(visitor, site):
    response = visitor.get("/fiches/imprimer?parcours=attestation&parcours=declarer")
    assert response.status_code == 200
    assert f"J'appelle le {site.help_line.number}." in visitor.page
    assert [decode_svg(svg) for svg in svgs(visitor.page)] == [
        ["http://falc.test/p/attestation"], ["http://falc.test/p/declarer"]]
    response = visitor.get("/fiches/livret?parcours=declarer")
    assert response.status_code == 200
    assert f"J'appelle le {site.help_line.number}." in visitor.page
    assert site.help_line.hours[0] in visitor.page and site.help_line.cost[0] in visitor.page
    assert "Déclarer mes ressources" in visitor.page
    assert visitor.get("/fiches/relecture?parcours=attestation").status_code == 200


def test_the_manifest_names_the_app_of_the_content(visitor, site):
    response = visitor.get("/manifest.webmanifest")
    assert response.json["name"] == site.app.name and response.json["short_name"] == site.app.short_name


def test_the_checker_passes_the_other_site_with_its_own_names(app, site):
    """Its address and name are names, not rare words; its own sentences are checked too."""
    assert lint(app.extensions["falc_journeys"].values(), ["fr"], site=site) == []
    assert main(["lint", "--lang", "fr", "--steps", str(OTHER)]) == 0


def test_the_checker_reads_the_site_sentences(app, site, tmp_path):
    """A sentence of site.toml is the person's: the FALC rules hold for it as for a journey's."""
    for path in OTHER.glob("*.toml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    text = (tmp_path / "site.toml").read_text(encoding="utf-8")
    long_hours = "Le 0 800 123 456 répond du lundi au jeudi, de 9 h à 16 h, sauf les jours fériés."
    (tmp_path / "site.toml").write_text(text.replace(site.help_line.hours[0], long_hours), encoding="utf-8")
    findings = lint(app.extensions["falc_journeys"].values(), ["fr"], site=load_site(tmp_path))
    assert [(f.journey, f.rule, f.text) for f in findings] == [("site.toml", "sentence-length", long_hours)]


def test_practice_refuses_a_screen_that_names_the_other_sites_address(tmp_path):
    for path in OTHER.glob("*.toml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    journey = (tmp_path / "declarer.toml").read_text(encoding="utf-8")
    sentence = 'sentences = ["Je clique sur le bouton Déclarer mes ressources."]\n'
    with_help = sentence + 'help = ["Je peux aussi aller sur MaCaisse-Allocations.example."]\n'
    (tmp_path / "declarer.toml").write_text(journey.replace(sentence, with_help, 1), encoding="utf-8")
    with pytest.raises(ValueError, match="step 'declarer': practice shows this screen, so it never names"):
        create_app({"TESTING": True, "SECRET_KEY": "k", "STEPS_DIR": tmp_path})


def test_a_content_folder_without_its_site_table_does_not_start(tmp_path, capsys):
    (tmp_path / "attestation.toml").write_bytes((OTHER / "attestation.toml").read_bytes())
    with pytest.raises(ValueError, match="site.toml: missing: each content folder has a site.toml"):
        create_app({"TESTING": True, "SECRET_KEY": "k", "STEPS_DIR": tmp_path})
    (tmp_path / "site.toml").write_text('[app]\nname = "Pas à pas"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"site.toml: needs a \[site\] table"):
        create_app({"TESTING": True, "SECRET_KEY": "k", "STEPS_DIR": tmp_path})


def test_no_python_or_template_file_names_the_shipped_site():
    """The shipped site lives in falc_wizard/steps/site.toml and its journeys, nowhere else."""
    files = [*(ROOT / "falc_wizard").rglob("*.py"), *(ROOT / "templates").rglob("*.html")]
    named = {str(path.relative_to(ROOT)): found for path in files
             if (found := shipped_values(path.read_text(encoding="utf-8")))}
    assert named == {}
