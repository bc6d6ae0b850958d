"""Publishing: precompressed siblings, cache-busting asset names, the Pages workflow, the Makefile targets."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path

import brotli
import pytest
import yaml

from explainer.config.site import custom_domain
from explainer.backend.postprocess import (
    CompressionCache,
    hash_assets,
    hashed_name,
    precompress,
    text_files,
)

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


# --- precompression ---------------------------------------------------------------------------------


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<p>职业教育</p>" * 200, encoding="utf-8")
    (site / "en" / "index.html").write_text("<p>vocational education</p>" * 200, encoding="utf-8")
    (site / "data.json").write_text('{"a": 1}', encoding="utf-8")  # too small to gain anything
    (site / "logo.png").write_bytes(b"\x89PNG" + bytes(range(256)) * 20)
    return site


def test_precompress_writes_gzip_and_brotli_siblings_that_decode_to_the_file(tmp_path: Path) -> None:
    site = _site(tmp_path)
    stats = precompress(site)
    for name in ("index.html", "en/index.html"):
        original = (site / name).read_bytes()
        assert gzip.decompress((site / f"{name}.gz").read_bytes()) == original
        assert brotli.decompress((site / f"{name}.br").read_bytes()) == original
    assert stats.files == 3 and stats.unique == 3
    assert stats.brotli_bytes < stats.gzip_bytes < stats.original_bytes


def test_precompress_skips_binary_files_and_files_that_would_grow(tmp_path: Path) -> None:
    site = _site(tmp_path)
    precompress(site)
    assert not (site / "logo.png.gz").exists() and not (site / "logo.png.br").exists()
    assert not (site / "data.json.gz").exists() and not (site / "data.json.br").exists()
    assert [path.name for path in text_files(site)] == ["data.json", "index.html", "index.html"]


def test_precompress_is_reproducible_and_uses_the_cache(tmp_path: Path) -> None:
    cache = CompressionCache(tmp_path / "cache")
    first = precompress(_site(tmp_path / "one"), cache)
    second_site = _site(tmp_path / "two")
    second = precompress(second_site, cache)
    assert first.compressed_now == 6  # 3 distinct contents × (gzip, brotli)
    assert second.compressed_now == 0
    assert (tmp_path / "one/site/index.html.gz").read_bytes() == (second_site / "index.html.gz").read_bytes()
    assert (tmp_path / "one/site/index.html.br").read_bytes() == (second_site / "index.html.br").read_bytes()


def test_a_pruned_cache_entry_is_compressed_again(tmp_path: Path) -> None:
    cache = CompressionCache(tmp_path / "cache")
    precompress(_site(tmp_path / "one"), cache)
    cache.prune(max_age=-1)  # everything is older than "now + 1 s"
    assert not list((tmp_path / "cache").glob("*/*"))
    again = precompress(_site(tmp_path / "two"), cache)
    assert again.compressed_now == 6


# --- cache-busting names ----------------------------------------------------------------------------


def test_hashed_name_follows_the_content() -> None:
    assert hashed_name("explainer.css", b"a") == "explainer.ca978112.css"
    assert hashed_name("js/tools.js", b"b") == "js/tools.3e23e816.js"
    assert hashed_name("explainer.css", b"a") != hashed_name("explainer.css", b"a ")


def test_hash_assets_renames_every_language_copy_and_rewrites_references(tmp_path: Path) -> None:
    assets = tmp_path / "docs-assets"
    assets.mkdir()
    (assets / "explainer.css").write_text("body{}", encoding="utf-8")
    (assets / "tools.js").write_text("let a=1", encoding="utf-8")
    (assets / "qr.svg").write_text("<svg/>", encoding="utf-8")
    site = tmp_path / "site"
    for prefix in ("", "en/", "zh-Hant/"):
        for name in ("explainer.css", "tools.js", "qr.svg"):
            target = site / prefix / "assets" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes((assets / name).read_bytes())
    (site / "en" / "articles").mkdir(parents=True)
    page = site / "en" / "articles" / "index.html"
    page.write_text(
        '<link rel="stylesheet" href="../../assets/explainer.css">'
        '<script src="/en/assets/tools.js?v=1" defer></script>'
        '<div data-module="../assets/tools.js"></div>'
        '<a href="myassets/explainer.css">not ours</a>'
        '<a href="../../assets/explainer.css.map">a map</a>'
        '<img src="../../assets/qr.svg">',
        encoding="utf-8",
    )
    (site / "assets" / "loader.js").write_text("import('./x.js'); fetch('assets/tools.js')", encoding="utf-8")

    names = hash_assets(site, assets)

    css, js = names["explainer.css"], names["tools.js"]
    assert names == {"explainer.css": css, "tools.js": js}  # images keep their names
    for prefix in ("", "en/", "zh-Hant/"):
        assert (site / prefix / "assets" / css).read_text(encoding="utf-8") == "body{}"
        assert (site / prefix / "assets" / js).is_file()
        assert not (site / prefix / "assets" / "explainer.css").exists()
        assert (site / prefix / "assets" / "qr.svg").is_file()
    assert page.read_text(encoding="utf-8") == (
        f'<link rel="stylesheet" href="../../assets/{css}">'
        f'<script src="/en/assets/{js}?v=1" defer></script>'
        f'<div data-module="../assets/{js}"></div>'
        '<a href="myassets/explainer.css">not ours</a>'
        '<a href="../../assets/explainer.css.map">a map</a>'
        '<img src="../../assets/qr.svg">'
    )
    assert (site / "assets" / "loader.js").read_text(encoding="utf-8") == f"import('./x.js'); fetch('assets/{js}')"


# --- the built site ---------------------------------------------------------------------------------

RESOURCE = re.compile(r'<(?:link|script)\b[^>]*?\b(?:href|src)="([^"#?]+\.(?:css|js))(?:[?#][^"]*)?"', re.I)


def test_every_text_file_of_the_site_has_precompressed_siblings(built_site: Path) -> None:
    missing = []
    for path in text_files(built_site):
        data = path.read_bytes()
        for suffix, decode in ((".gz", gzip.decompress), (".br", brotli.decompress)):
            sibling = path.with_name(path.name + suffix)
            if sibling.exists():
                assert decode(sibling.read_bytes()) == data, f"{sibling} does not decode to {path}"
            elif len(data) > 1000:
                missing.append(sibling.relative_to(built_site).as_posix())
    assert not missing, f"text files without precompressed siblings: {missing[:10]}"


def test_our_stylesheets_and_scripts_are_only_published_under_hashed_names(built_site: Path) -> None:
    ours = [path for path in (ROOT / "docs" / "assets").rglob("*") if path.suffix in (".css", ".js")]
    assert ours, "docs/assets has no CSS or JS to check"
    for source in ours:
        relative = source.relative_to(ROOT / "docs" / "assets").as_posix()
        hashed = hashed_name(relative, source.read_bytes())
        for prefix in ("", "en/", "zh-Hant/"):
            assert (built_site / prefix / "assets" / hashed).read_bytes() == source.read_bytes()
            assert not (built_site / prefix / "assets" / relative).exists()


def test_every_stylesheet_and_script_a_page_links_exists(built_site: Path) -> None:
    broken = set()
    pages = list(built_site.rglob("*.html"))
    for page in pages:
        for url in RESOURCE.findall(page.read_text(encoding="utf-8")):
            if url.startswith(("http:", "https:", "//")):
                continue  # test_build checks that nothing comes from another host
            target = built_site / url.lstrip("/") if url.startswith("/") else (page.parent / url)
            if not target.resolve().is_file():
                broken.add(f"{page.relative_to(built_site)} → {url}")
    assert not broken, sorted(broken)[:10]
    linked = "".join(page.read_text(encoding="utf-8") for page in pages[:5])
    assert re.search(r'assets/explainer\.[0-9a-f]{8}\.css"', linked)


# --- publishing configuration -----------------------------------------------------------------------


def test_custom_domain_for_the_cname_file() -> None:
    assert custom_domain("https://policy-explainer.github.io/") == ""
    assert custom_domain("https://someone.github.io/explainer/") == ""
    assert custom_domain("https://policy.example.org/") == "policy.example.org"
    assert custom_domain("") == ""


def test_pages_workflow_tests_then_deploys_site() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step.get("run", "") for step in build["steps"]]
    uses = [step.get("uses", "") for step in build["steps"]]
    assert any(re.search(r"^make test$", run, re.M) for run in runs)
    assert runs.index(next(run for run in runs if "make test" in run)) < runs.index(next(run for run in runs if "make build" in run))
    upload = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert uses.index(upload["uses"]) > runs.index(next(run for run in runs if "make build" in run))
    assert "permissions" not in build  # the job that runs third-party code cannot publish
    assert deploy["needs"] == "build"
    assert deploy["permissions"]["pages"] == "write" and deploy["permissions"]["id-token"] == "write"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert "${{ steps.deployment.outputs.page_url }}" == deploy["environment"]["url"]
    assert deploy["steps"][0]["id"] == "deployment"
    assert "pull_request" in deploy["if"]


def _check_workflow_schema(path: Path) -> subprocess.CompletedProcess[str]:
    # check-jsonschema ships SchemaStore's schema of GitHub workflows: validation needs no network.
    command = [str(Path(sys.executable).with_name("check-jsonschema")), "--builtin-schema", "vendor.github-workflows", str(path)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_pages_workflow_is_valid_for_github_actions(tmp_path: Path) -> None:
    result = _check_workflow_schema(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest", 1), encoding="utf-8")
    result = _check_workflow_schema(broken)
    assert result.returncode == 1 and "runs_on" in result.stdout + result.stderr


def _make_dry_run(target: str) -> str:
    result = subprocess.run(["make", "-n", "-B", target], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_publish_pushes_site_with_ghp_import() -> None:
    commands = _make_dry_run("publish")
    assert "-m explainer build" in commands
    assert re.search(r"ghp-import --no-jekyll --push --force .* site$", commands.replace("\\\n", " "), re.M)


def test_make_build_installs_no_bench_tools_and_make_bench_does() -> None:
    build = _make_dry_run("build")
    assert not re.search(r"\b(npm|nginx|lighthouse|apt-get)\b", build)
    bench = _make_dry_run("bench")
    assert "npm ci" in bench
    assert re.search(r"apt-get install .*\bnginx libnginx-mod-http-brotli-static\b", bench)
    assert "scripts/bench.py" in bench


def test_lighthouse_is_pinned() -> None:
    import json

    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert package["devDependencies"] == {"lighthouse": "12.2.3"}
    assert lock["packages"]["node_modules/lighthouse"]["version"] == "12.2.3"


@pytest.mark.parametrize("ignored", ["bench.json", "node_modules/"])
def test_bench_outputs_are_not_committed(ignored: str) -> None:
    assert ignored in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
