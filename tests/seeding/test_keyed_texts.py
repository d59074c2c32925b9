"""An answer key is scored only against the very text it was keyed on (``keyed_texts``)."""

from __future__ import annotations

import hashlib

import pytest

from sim.seeding.errors import SeedingError
from sim.seeding.keyed_texts import keyed_text, text_hash
from tests.seeding.helpers import benchmark_script
from tests.seeding.test_evaluate import KEY, UNDATED, _benchmark

SHA = hashlib.sha256(UNDATED.encode()).hexdigest()


def _keys_and_texts(tmp_path, sha=SHA, text=UNDATED):
    """A key kept in keys/news/ (as in the repository) and its text in texts/news/ (outside)."""
    (tmp_path / "keys" / "news").mkdir(parents=True)
    (tmp_path / "texts" / "news").mkdir(parents=True)
    key = tmp_path / "keys" / "news" / "wire.gold.yaml"
    key.write_text(f"source: https://example.org/wire\ntext_sha256: {sha}\n" + KEY)
    if text is not None:
        (tmp_path / "texts" / "news" / "wire.txt").write_text(text)
    return key


def test_the_hash_is_sha256_of_the_bytes(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"abc")
    assert text_hash(tmp_path / "a.txt") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"  # FIPS 180-2 example
    )


def test_the_text_is_found_under_the_texts_folder_by_set_and_name(tmp_path):
    key = _keys_and_texts(tmp_path)
    gold = {"text_sha256": SHA}
    assert keyed_text(key, gold, tmp_path / "texts") == tmp_path / "texts" / "news" / "wire.txt"


@pytest.mark.parametrize(
    "sha, text, message",
    [
        (SHA, UNDATED + "An added line.\n", r"wire.gold.yaml: .*wire.txt is not the text that"),
        (SHA, None, r"wire.gold.yaml: its text .*wire.txt is missing; rebuild it from"),
        (SHA.upper(), UNDATED, r"wire.gold.yaml: text_sha256 must be 64 lowercase hex digits"),
        ("abc", UNDATED, r"text_sha256 must be 64 lowercase hex digits .*got 'abc'"),
    ],
    ids=["altered", "missing", "upper-case", "short"],
)
def test_a_text_that_is_not_the_keyed_one_is_refused(tmp_path, sha, text, message):
    key = _keys_and_texts(tmp_path, sha, text)
    with pytest.raises(SeedingError, match=message):
        keyed_text(key, {"text_sha256": sha}, tmp_path / "texts")


def test_a_key_without_a_hash_keeps_its_text_beside_it(tmp_path):
    key = tmp_path / "wire.gold.yaml"
    assert keyed_text(key, {}) == tmp_path / "wire.txt"


def test_the_benchmark_scores_keys_against_texts_kept_elsewhere(tmp_path, capsys):
    _keys_and_texts(tmp_path)
    bench = _benchmark()
    argv = [str(tmp_path / "keys"), "--sets", "news", "--texts", str(tmp_path / "texts")]
    assert bench.main(argv + ["--replicates", "2"]) == 0
    out = capsys.readouterr().out
    assert "actors        precision 1.0  recall 1.0  (tp 2, fp 0, fn 0)" in out


def test_the_benchmark_names_every_refused_text_and_prints_no_figure(tmp_path, capsys):
    key = _keys_and_texts(tmp_path, text=UNDATED + "edited\n")
    (key.parent / "other.gold.yaml").write_text(f"text_sha256: {SHA}\n" + KEY)
    bench = _benchmark()
    argv = [str(tmp_path / "keys"), "--sets", "news", "--texts", str(tmp_path / "texts")]
    assert bench.main(argv) == 2
    out = capsys.readouterr()
    assert "wire.gold.yaml" in out.err and "is not the text that was keyed" in out.err
    assert "other.gold.yaml" in out.err and "other.txt is missing" in out.err
    assert "precision" not in out.out


def _stamp_module():
    return benchmark_script("realnews_stamp")


def test_stamping_writes_the_texts_hash_after_the_source_and_keeps_the_comments(tmp_path):
    key = _keys_and_texts(tmp_path, sha="0" * 64)
    key.write_text("# keyed first\nsource: https://example.org/wire\n" + KEY)
    stamp = _stamp_module()
    assert stamp.main([str(tmp_path / "keys"), str(tmp_path / "texts")]) == 0
    lines = key.read_text().splitlines()
    assert lines[:3] == ["# keyed first", "source: https://example.org/wire", f"text_sha256: {SHA}"]
    assert keyed_text(key, {"text_sha256": SHA}, tmp_path / "texts").name == "wire.txt"
    assert stamp.main([str(tmp_path / "keys"), str(tmp_path / "texts")]) == 0  # idempotent
    assert key.read_text().count("text_sha256") == 1


def test_stamping_refuses_a_key_without_its_text_or_source_and_writes_nothing(tmp_path, capsys):
    key = _keys_and_texts(tmp_path)
    (key.parent / "nosource.gold.yaml").write_text(KEY)
    (tmp_path / "texts" / "news" / "nosource.txt").write_text(UNDATED)
    (key.parent / "notext.gold.yaml").write_text("source: https://example.org/x\n" + KEY)
    before = key.read_text()
    assert _stamp_module().main([str(tmp_path / "keys"), str(tmp_path / "texts")]) == 2
    err = capsys.readouterr().err
    assert "nosource.gold.yaml: no source: line" in err and "notext.gold.yaml: no text at" in err
    assert key.read_text() == before
