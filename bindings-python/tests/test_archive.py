"""freigabe.archive: core's readers through Python, errors per the caller's choice."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import freigabe
import freigabe.archive

ROOT = Path(__file__).resolve().parents[2]
ARCHIVES = ROOT / "examples" / "archives"
FACEBOOK = (
    ARCHIVES
    / "facebook"
    / "your_facebook_activity"
    / "posts"
    / "your_posts__check_ins__photos_and_videos_1.json"
)
INSTAGRAM = ARCHIVES / "instagram" / "your_instagram_activity" / "content" / "posts_1.json"
X = ARCHIVES / "x" / "data" / "tweets.js"
MASTODON = ARCHIVES / "mastodon" / "outbox.json"


@pytest.mark.parametrize(
    ("path", "fmt", "posts", "platform"),
    [
        (FACEBOOK, "facebook", 7, "facebook"),
        (INSTAGRAM, "instagram", 6, "instagram"),
        (X, "x", 7, "x"),
        (MASTODON, "mastodon", 5, "mastodon"),
        (ARCHIVES / "posts.jsonl", "jsonl", 6, None),
        (ARCHIVES / "posts.csv", "csv", 6, None),
    ],
)
def test_every_sample_export_is_recognised_and_read(
    path: Path, fmt: str, posts: int, platform: str | None
) -> None:
    archive = freigabe.archive.load(path, account="stadt")
    assert archive.format == fmt
    assert len(archive) == posts
    drafts = list(freigabe.archive.read(path, account="stadt"))
    assert len(drafts) == posts
    for draft in drafts:
        assert draft["published_at"], draft
        assert draft["text"] or draft.get("media"), draft
        if platform is not None:
            assert draft["platforms"] == [platform]
            assert draft["account"] == "stadt"


def test_x_archive_expands_links_skips_retweets_and_keeps_record_numbers() -> None:
    archive = freigabe.archive.load(X)
    assert [s["reason"] for s in archive.skipped] == ["repost"]
    posts = [r for r in archive.records if isinstance(r, freigabe.archive.ArchivedPost)]
    numbers = [post.record for post in posts] + [s["record"] for s in archive.skipped]
    assert sorted(numbers) == list(range(1, 9)), "every record counted once"
    texts = [post.draft["text"] for post in posts]
    assert not any("t.co/" in text for text in texts), texts
    assert any("Hafen <3" in text for text in texts), "HTML entities decoded"
    assert posts[0].draft["published_at"].endswith("Z")


def test_csv_times_without_offset_are_berlin_time_unless_a_zone_is_given() -> None:
    berlin = list(freigabe.archive.read(ARCHIVES / "posts.csv"))
    assert berlin[1]["published_at"] == "2026-05-12T12:30:00Z"
    utc = list(freigabe.archive.read(ARCHIVES / "posts.csv", time_zone="UTC"))
    assert utc[1]["published_at"] == "2026-05-12T14:30:00Z"
    with pytest.raises(freigabe.ArgumentError, match="Mars/Olympus"):
        freigabe.archive.load(ARCHIVES / "posts.csv", time_zone="Mars/Olympus")


def test_csv_column_mapping_as_dict_or_text(tmp_path: Path) -> None:
    table = tmp_path / "export.csv"
    table.write_text(
        "message;created;kanal\nHast du schon gehört?;2026-05-04 10:00;x\n", encoding="utf-8"
    )
    mapping = {"text": "message", "published_at": "created", "platforms": "kanal"}
    for columns in (mapping, "text=message,published_at=created,platforms=kanal"):
        (draft,) = freigabe.archive.read(table, columns=columns)
        assert draft["text"] == "Hast du schon gehört?"
        assert draft["platforms"] == ["x"]
        assert draft["published_at"] == "2026-05-04T08:00:00Z"
    with pytest.raises(freigabe.MissingColumnError) as caught:
        freigabe.archive.load(table, columns={"text": "nachricht"}, lang="en")
    assert caught.value.kind == "missing-column"
    assert "`nachricht`" in caught.value.message
    with pytest.raises(freigabe.ArchiveOptionError) as option:
        freigabe.archive.load(table, columns={"txet": "message"}, lang="en")
    assert option.value.help == "did you mean `text`?"


def test_unknown_shape_names_each_shape_tried_and_why(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Liebe Leute, hallo", encoding="utf-8")
    with pytest.raises(freigabe.ArchiveFormatError) as caught:
        freigabe.archive.read(notes, lang="en")
    error = caught.value
    assert isinstance(error, freigabe.ArchiveError)
    assert isinstance(error, freigabe.FreigabeError)
    assert error.kind == "unknown-archive-format"
    for expected in (
        "X archive: does not start with `window.YTD.`",
        "Mastodon outbox: not a JSON object",
        "Facebook export: not a JSON list",
        "Instagram export: not a JSON list",
        "JSONL: not a JSON object",
        "CSV: recognised by a `.csv`/`.tsv` file name only",
    ):
        assert expected in error.message, error.message
    assert error.help and "jsonl" in error.help


def test_a_format_that_does_not_fit_says_what_was_expected() -> None:
    with pytest.raises(freigabe.ArchiveFormatError, match="expected: Facebook export"):
        freigabe.archive.load(MASTODON, format="facebook", lang="en")
    with pytest.raises(freigabe.ArchiveFormatError, match="tweets.js"):
        freigabe.archive.load(ARCHIVES / "posts.jsonl", format="x", lang="en")
    with pytest.raises(freigabe.ArchiveOptionError) as caught:
        freigabe.archive.load(X, format="mastodn", lang="en")
    assert caught.value.help == "did you mean `mastodon`?"


def test_a_missing_file_is_an_archive_read_error(tmp_path: Path) -> None:
    with pytest.raises(freigabe.ArchiveReadError) as caught:
        freigabe.archive.read(tmp_path / "nope.jsonl", lang="en")
    assert caught.value.source_name == str(tmp_path / "nope.jsonl")
    assert "cannot read archive" in str(caught.value)


def broken_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "posts.jsonl"
    path.write_text(
        '{"text": "Erster Beitrag", "published_at": "2026-05-04T10:00:00+02:00"}\n'
        '{"text": "Zweiter", "platfroms": ["x"]}\n'
        '{"id": "p3", "text": "Dritter", "published_at": "2026-05-06T10:00:00+02:00"}\n',
        encoding="utf-8",
    )
    return path


def test_broken_records_raise_return_or_skip_as_asked(tmp_path: Path) -> None:
    path = broken_jsonl(tmp_path)
    with pytest.raises(freigabe.ArchiveRecordError) as caught:
        freigabe.archive.read(path, lang="en")
    error = caught.value
    assert (error.record, error.line, error.kind) == (2, 2, "invalid-draft")
    assert "platfroms" in error.message and error.help == "did you mean `platforms`?"
    assert str(error).startswith("2:")

    returned = list(freigabe.archive.read(path, errors="return"))
    assert [type(item).__name__ for item in returned] == ["dict", "ArchiveRecordError", "dict"]
    assert returned[2]["id"] == "p3"

    skipped = list(freigabe.archive.read(path, errors="skip"))
    assert [draft["text"] for draft in skipped] == ["Erster Beitrag", "Dritter"]

    kept = freigabe.archive.load(path)
    assert isinstance(kept.records[1], freigabe.ArchiveRecordError), "load keeps everything"
    with pytest.raises(freigabe.ArgumentError, match="`ignore`"):
        freigabe.archive.load(path, errors="ignore")  # type: ignore[arg-type]


def test_archived_drafts_check_as_they_are() -> None:
    engine = freigabe.Engine(freigabe.Policy.from_file(ROOT / "policies" / "paderborn.toml"))
    drafts = list(freigabe.archive.read(ARCHIVES / "posts.csv"))
    rules = {d.rule for report in engine.check_many(drafts) for d in report.diagnostics}
    assert "address.informal" in rules


def test_archive_errors_pickle_for_worker_processes(tmp_path: Path) -> None:
    error = freigabe.archive.load(broken_jsonl(tmp_path)).records[1]
    assert isinstance(error, freigabe.ArchiveRecordError)
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is freigabe.ArchiveRecordError
    assert str(again) == str(error)
    assert (again.record, again.line, again.kind) == (2, 2, "invalid-draft")


def test_platform_and_account_fill_in_what_jsonl_records_leave_out(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(
        '{"text": "Ohne alles"}\n'
        '{"text": "Mit", "account": "michael-dreier", "platforms": ["instagram"]}\n',
        encoding="utf-8",
    )
    bare, named = freigabe.archive.read(path, account="buergermeister", platform="mastodon")
    assert (bare["account"], bare["platforms"]) == ("buergermeister", ["mastodon"])
    assert (named["account"], named["platforms"]) == ("michael-dreier", ["instagram"])
    with pytest.raises(freigabe.ArgumentError, match="`myspace`"):
        freigabe.archive.load(path, platform="myspace")


def test_weekday_mismatch_is_a_note_on_the_record() -> None:
    """An X time stamp whose weekday contradicts its date: read, with a note (as in batch)."""
    path = ARCHIVES / "regressions" / "x-reply-media-only-weekday.js"
    posts = [
        r
        for r in freigabe.archive.load(path, format="x", lang="en").records
        if isinstance(r, freigabe.archive.ArchivedPost)
    ]
    assert [len(post.notes) for post in posts] == [0, 0, 1]
    assert posts[2].draft["published_at"].startswith("2018-10-11T20:19:24")
    assert posts[2].notes == [
        {
            "kind": "weekday-mismatch",
            "message": "`created_at` `Wed Oct 11 20:19:24 +0000 2018` names Wednesday, "
            "but 2018-10-11 was a Thursday; the date was read",
            "help": posts[2].notes[0]["help"],
        }
    ]
