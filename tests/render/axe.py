"""Run axe-core in Debian's chromium through Playwright (no ``playwright install``).

axe-core's ``axe.min.js`` comes from the npm registry (``npm pack axe-core@VERSION``) into a
cache folder, once; ``REDOVISA_AXE_JS`` may point at a copy instead. Chromium is
``/usr/bin/chromium`` (``apt-get install chromium``) or ``REDOVISA_CHROMIUM``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

AXE_VERSION = "4.10.2"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "redovisa"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The chromium executable, or None."""
    path = os.environ.get("REDOVISA_CHROMIUM", "/usr/bin/chromium")
    return path if Path(path).is_file() else None


def axe_script() -> tuple[Path | None, str]:
    """axe.min.js (downloaded once with npm) and, when it cannot be had, why."""
    override = os.environ.get("REDOVISA_AXE_JS")
    if override:
        return (Path(override), "") if Path(override).is_file() else (None, f"{override} saknas")
    target = CACHE / f"axe-core-{AXE_VERSION}" / "axe.min.js"
    if target.is_file():
        return target, ""
    npm = shutil.which("npm")
    if npm is None:
        return None, "npm is not installed (needed once to fetch axe-core)"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        out = subprocess.run(
            [npm, "pack", f"axe-core@{AXE_VERSION}", "--pack-destination", str(target.parent)],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    except (subprocess.SubprocessError, OSError) as e:
        return None, f"npm pack axe-core@{AXE_VERSION} failed: {e}"
    tgz = target.parent / out.stdout.strip().splitlines()[-1]
    with tarfile.open(tgz) as tar:
        member = tar.extractfile("package/axe.min.js")
        if member is None:
            return None, "axe-core package has no axe.min.js"
        target.write_bytes(member.read())
    tgz.unlink()
    return target, ""


def audit(html_path: Path, chromium: str, axe_js: Path) -> dict[str, Any]:
    """axe.run() on the page; returns axe's results (violations, passes, ...)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(html_path.resolve().as_uri())
            page.add_script_tag(path=str(axe_js))
            result: dict[str, Any] = page.evaluate(
                "async () => JSON.parse(JSON.stringify(await axe.run(document, "
                "{resultTypes: ['violations', 'incomplete']})))"
            )
        finally:
            browser.close()
    return result


def describe(violations: list[dict[str, Any]]) -> str:
    """Violations as readable text for an assertion message."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {json.dumps(node['target'])}: {node['failureSummary']}")
    return "\n".join(lines)
