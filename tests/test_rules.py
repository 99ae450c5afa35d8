"""The rule catalogue cannot drift from the builders: every rule id they use or emit is described,
every description has an example, and every example makes its rule fire."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from newsfacts.articles import Article, article_from_text, read_inputs
from newsfacts.builders import extract
from newsfacts.cli import app
from newsfacts.rules import Rule, RuleCatalogueError, builders_folder, catalogue, read_catalogue, rule_files
from tests.conftest import ROOT, SHARED

RULE_ID = re.compile(r"\b(?:actors|meetings|statements|figures)\.[a-z_]+\.v[0-9]+\b")
RULES = list(catalogue().values())
runner = CliRunner()


def ids_in_builders() -> set[str]:
    """Rule ids written anywhere in the builders' code and data, the catalogue itself left out."""
    found: set[str] = set()
    for path in builders_folder().rglob("*.py"):
        found |= set(RULE_ID.findall(path.read_text(encoding="utf-8")))
    for path in rule_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if k != "rules"}
        found |= set(RULE_ID.findall(json.dumps(data, default=str)))
    return found


def test_every_rule_id_of_the_builders_is_in_the_catalogue_and_no_other() -> None:
    used = ids_in_builders()
    assert used, "no rule id found in the builders"
    assert sorted(used - set(catalogue())) == []
    assert sorted(set(catalogue()) - used) == []


def test_every_entry_has_a_one_line_description_and_example() -> None:
    for rule in RULES:
        assert rule.description and "\n" not in rule.description, rule.id
        assert rule.example and "\n" not in rule.example, rule.id
        assert rule.table in ("actors", "meetings", "statements", "figures")
        assert rule.source.startswith("newsfacts/builders/") and rule.source.endswith(".yaml")


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_example_fires(rule: Rule) -> None:
    rows = extract(article_from_text(rule.example, dt.date(2024, 3, 19)))
    table = getattr(rows, rule.table)
    emitted = [r.rule_id for r in table]
    if rule.in_rows:
        assert rule.id in emitted
        return
    assert rule.id not in emitted
    assert rule.check is not None
    kind, value = rule.check
    if kind == "alias":
        assert any(value in a.aliases for a in rows.actors), [(a.actor_id, a.aliases) for a in rows.actors]
    elif kind == "participant":
        assert any(value in m.participants for m in rows.meetings), [m.participants for m in rows.meetings]
    else:
        assert kind == "no_actor"
        assert not any(value in a.name or value in a.aliases for a in rows.actors)


def emitted_rule_ids(folders: list[Path]) -> set[str]:
    """Every rule_id the builders write for the articles of the folders."""
    found: set[str] = set()
    for loaded in read_inputs(folders):
        if isinstance(loaded, Article):
            rows = extract(loaded)
            found |= {r.rule_id for t in ("actors", "meetings", "statements", "figures")
                      for r in getattr(rows, t)}
    return found


def test_every_rule_id_emitted_on_the_corpora_is_described() -> None:
    optional = [SHARED / "corpus" / "dev" / "articles", ROOT / ".cache" / "real-dev" / "articles"]
    folders = [ROOT / "seeds"] + [f for f in optional if f.is_dir()]
    emitted = emitted_rule_ids(folders)
    in_rows = {r.id for r in RULES if r.in_rows}
    assert len(emitted) > 20
    assert sorted(emitted - in_rows) == []


def test_catalogue_reads_yaml_at_any_depth_and_names_bad_entries(tmp_path: Path) -> None:
    deep = tmp_path / "pkg" / "builders" / "figures" / "data"
    deep.mkdir(parents=True)
    (deep / "figures.yaml").write_text("words: [a, b]\nrules:\n  figures.x.v1: {description: X., example: 'x 1.'}\n")
    found = read_catalogue(tmp_path / "pkg" / "builders")
    assert list(found) == ["figures.x.v1"]
    assert found["figures.x.v1"].source == "pkg/builders/figures/data/figures.yaml"
    (deep / "more.yaml").write_text("rules:\n  figures.y.v1: {description: Y.}\n")
    with pytest.raises(RuleCatalogueError, match=r"more.yaml: rule figures.y.v1: no example"):
        read_catalogue(tmp_path / "pkg" / "builders")
    (deep / "more.yaml").write_text("rules:\n  figures.x.v1: {description: Y., example: 'y 2.'}\n")
    with pytest.raises(RuleCatalogueError, match="already described"):
        read_catalogue(tmp_path / "pkg" / "builders")


def test_cli_rules_lists_every_rule() -> None:
    result = runner.invoke(app, ["rules"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    for rule in RULES:
        assert rule.id in result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines())


def test_cli_rules_json_and_prefix() -> None:
    result = runner.invoke(app, ["rules", "figures", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["id"] for d in data] == [r.id for r in RULES if r.table == "figures"]
    assert set(data[0]) == {"id", "table", "description", "example", "source", "in_rows", "check"}
    assert runner.invoke(app, ["rules", "nosuch"]).exit_code == 2
