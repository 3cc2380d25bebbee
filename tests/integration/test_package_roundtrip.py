"""Sync packages written and read back: same records, same audit, the manifest as written."""

from __future__ import annotations

import hashlib
import io
import os
import unicodedata
import uuid
import zipfile
from datetime import UTC, datetime, timedelta, timezone

import pytest

from partydesk.documents.package import (
    Acknowledgement,
    Kind,
    KnownSender,
    Outcome,
    PackageError,
    PackageRecord,
    StoppedError,
    known_senders,
    open_package,
    write_package,
)
from partydesk.documents.package.crypto import HEADER_SIZE, MAGIC, TAG_SIZE, seal
from tests.integration.test_package_helpers import (
    ABOVE_UUID,
    SENDER_UUID,
    Offices,
    archive_entries,
    audit_records,
    decrypted_body,
    delta_spec,
    make_offices,
    member_records,
    read_as_above,
    write_sample,
)


@pytest.fixture(scope="module")
def offices() -> Offices:
    return make_offices()


def test_round_trip_gives_identical_records_and_audit(tmp_path, offices):
    members = member_records(1200)
    audit = audit_records(40)
    written = write_package(
        tmp_path / "q4.pdpkg",
        delta_spec(),
        {"member": members, "organization": []},
        audit,
        offices.sender,
        offices.above.public,
        chunk_size=4096,  # many chunks, so the chunking is exercised
    )
    opened = read_as_above(written.path, offices)
    assert list(opened.records("member")) == members
    assert list(opened.records("organization")) == []
    assert list(opened.records("no_such_table")) == []
    assert list(opened.audit()) == audit
    assert opened.manifest == written.manifest
    assert opened.sender.public == offices.sender.public
    assert opened.file_sha256 == written.file_sha256
    assert opened.file_sha256 == hashlib.sha256(written.path.read_bytes()).hexdigest()


def test_manifest_carries_what_the_import_service_checks(tmp_path, offices):
    path = write_sample(tmp_path / "p.pdpkg", offices, members=30)
    manifest = read_as_above(path, offices).manifest
    assert manifest.kind == Kind.DELTA
    assert (manifest.sequence_from, manifest.sequence_to) == (41, 57)
    assert manifest.schema_revision == "0002"
    assert manifest.program_version == "0.1.0"
    assert manifest.period_label == "Quý IV/2026"
    assert manifest.sender_office_uuid == SENDER_UUID
    assert manifest.sender_office_name == "Đảng ủy xã Đam Rông"
    assert manifest.recipient_office_uuid == ABOVE_UUID
    assert manifest.created_at == datetime(2026, 11, 23, 9, 0, 0)
    assert manifest.counts == {"member": 30, "organization": 0}
    assert manifest.tables == ("member", "organization")
    assert set(manifest.entries) == {
        "records/member.jsonl",
        "records/organization.jsonl",
        "audit.jsonl",
    }
    uuid.UUID(manifest.package_uuid)


def test_text_is_stored_in_nfc_and_times_in_utc(tmp_path, offices):
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    record = {
        "uuid": str(uuid.uuid4()),
        "version": 2,
        "updated_at": datetime(2026, 11, 23, 16, 0, tzinfo=timezone(timedelta(hours=7))),
        "origin_office": SENDER_UUID,
        "deleted": False,
        "fields": {decomposed: decomposed, "born": datetime(1975, 3, 1).date()},
        "not_a_record_field": "dropped",
    }
    path = tmp_path / "nfc.pdpkg"
    write_package(
        path, delta_spec(), {"member": [record]}, [], offices.sender, offices.above.public
    )
    (back,) = read_as_above(path, offices).records("member")
    nfc = unicodedata.normalize("NFC", decomposed)
    assert back.fields == {nfc: nfc, "born": "1975-03-01"}
    assert back.updated_at == datetime(2026, 11, 23, 9, 0)  # 16:00 at UTC+7
    line = archive_entries(decrypted_body(path, offices.above))["records/member.jsonl"]
    assert nfc.encode() in line
    assert b"not_a_record_field" not in line
    assert line.endswith(b"\n")
    assert line.count(b"\n") == 1


def test_same_input_gives_same_entries(tmp_path, offices):
    """Canonical lines: two writes of the same data differ only in encryption."""
    spec = delta_spec(package_uuid=str(uuid.uuid4()))
    bodies = []
    for name in ("one.pdpkg", "two.pdpkg"):
        path = tmp_path / name
        write_package(
            path,
            spec,
            {"member": member_records(50)},
            audit_records(3),
            offices.sender,
            offices.above.public,
        )
        bodies.append(decrypted_body(path, offices.above))
    assert bodies[0] == bodies[1]
    assert (tmp_path / "one.pdpkg").read_bytes() != (tmp_path / "two.pdpkg").read_bytes()


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_body_at_chunk_boundaries(tmp_path, offices, extra):
    """A body of exactly n chunks, one byte less and one more: all read back."""
    chunk = 1024
    path = write_sample(tmp_path / "p.pdpkg", offices, members=3)
    body = decrypted_body(path, offices.above)
    # Pad the archive with a comment so its length lands where the test wants it.
    target = (len(body) // chunk + 2) * chunk + extra
    buffer = io.BytesIO(body)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.comment = b"x" * (target - len(body))
    padded = buffer.getvalue()
    assert len(padded) == target
    with path.open("wb") as stream:
        seal(stream, padded, offices.sender.public.key_id, offices.above.public, chunk)
    size = path.stat().st_size
    chunks = -(-target // chunk)
    assert size == HEADER_SIZE + target + chunks * TAG_SIZE
    assert len(list(read_as_above(path, offices).records("member"))) == 3


def test_receipt_acknowledges_a_package(tmp_path, offices):
    package = write_sample(tmp_path / "up.pdpkg", offices)
    opened = read_as_above(package, offices)
    ack = Acknowledgement(
        package_uuid=opened.manifest.package_uuid,
        sequence_from=opened.manifest.sequence_from,
        sequence_to=opened.manifest.sequence_to,
        package_sha256=opened.file_sha256,
        outcome=Outcome.APPLIED,
        note="Đã nhập 30 đảng viên",
    )
    receipt = tmp_path / "receipt.pdpkg"
    write_package(
        receipt,
        delta_spec(kind=Kind.RECEIPT, sequence_from=None, sequence_to=None, acknowledges=ack),
        {},
        [],
        offices.above,
        offices.sender.public,
    )
    below = open_package(
        receipt, offices.sender, known_senders([KnownSender(offices.above.public)])
    )
    assert below.manifest.kind == Kind.RECEIPT
    assert below.manifest.acknowledges == ack
    assert below.manifest.counts == {}


def test_receipt_without_acknowledgement_is_not_written(tmp_path, offices):
    with pytest.raises(PackageError) as caught:
        write_package(
            tmp_path / "r.pdpkg",
            delta_spec(kind=Kind.RECEIPT, sequence_from=None, sequence_to=None),
            {},
            [],
            offices.above,
            offices.sender.public,
        )
    assert caught.value.code == "package.manifest_bad_field"
    assert not list(tmp_path.iterdir())


def test_writer_refuses_duplicates_and_bad_records_and_leaves_no_file(tmp_path, offices):
    path = write_sample(tmp_path / "keep.pdpkg", offices)
    before = path.read_bytes()
    members = member_records(10)
    for table, code in (
        ({"member": [*members, members[3]]}, "package.duplicate_uuid"),
        ({"member": [{"uuid": "x"}]}, "package.bad_record"),
        ({"Member!": []}, "package.manifest_bad_field"),
    ):
        with pytest.raises(PackageError) as caught:
            write_package(path, delta_spec(), table, [], offices.sender, offices.above.public)
        assert caught.value.code == code
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdpkg"]


def test_bad_record_names_line_and_field(tmp_path, offices):
    bad = member_records(3)[0].to_json() | {"version": 0}
    with pytest.raises(PackageError) as caught:
        write_package(
            tmp_path / "x.pdpkg",
            delta_spec(),
            {"member": [*member_records(2, seed=2), bad]},
            [],
            offices.sender,
            offices.above.public,
        )
    assert caught.value.params["field"] == "version"
    assert caught.value.params["line"] == 3
    assert "dòng 3" in caught.value.message("vi")


def test_values_json_cannot_hold_are_a_programming_error(tmp_path, offices):
    record = member_records(1)[0]
    odd = PackageRecord(record.uuid, 1, record.updated_at, SENDER_UUID, False, {"x": {1, 2}})
    with pytest.raises(TypeError):
        write_package(
            tmp_path / "x.pdpkg",
            delta_spec(),
            {"member": [odd]},
            [],
            offices.sender,
            offices.above.public,
        )
    assert not list(tmp_path.iterdir())


def test_progress_is_reported_and_can_stop(tmp_path, offices):
    calls = []
    path = tmp_path / "big.pdpkg"
    write_package(
        path,
        delta_spec(),
        {"member": member_records(12_000)},
        [],
        offices.sender,
        offices.above.public,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(5000, 0), (10000, 0)]
    reads = []
    read_as_above(path, offices, progress=lambda done, total: reads.append((done, total)))
    assert reads == [(5000, 12000), (10000, 12000)]
    with pytest.raises(StoppedError):
        write_package(
            tmp_path / "stopped.pdpkg",
            delta_spec(),
            {"member": member_records(12_000)},
            [],
            offices.sender,
            offices.above.public,
            progress=lambda done, total: False,
        )
    assert not (tmp_path / "stopped.pdpkg").exists()
    with pytest.raises(StoppedError):
        read_as_above(path, offices, progress=lambda done, total: False)


def test_file_starts_with_the_magic_and_is_not_readable_text(tmp_path, offices):
    path = write_sample(tmp_path / "p.pdpkg", offices)
    data = path.read_bytes()
    assert data.startswith(MAGIC)
    assert "Nguyễn".encode() not in data
    assert b"member" not in data


def test_kinds_a_sender_may_send(tmp_path, offices):
    path = write_sample(tmp_path / "p.pdpkg", offices)
    only_receipts = known_senders([KnownSender(offices.sender.public, frozenset({Kind.RECEIPT}))])
    with pytest.raises(PackageError) as caught:
        open_package(path, offices.above, only_receipts)
    assert caught.value.code == "package.kind_not_allowed"
    scoped = KnownSender(offices.sender.public, scope=frozenset({"org-uuid"}))
    opened = open_package(path, offices.above, known_senders([scoped]))
    assert opened.sender.scope == frozenset({"org-uuid"})


def test_created_at_defaults_to_now_in_utc(tmp_path, offices):
    path = tmp_path / "p.pdpkg"
    before = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    write_package(path, delta_spec(created_at=None), {}, [], offices.sender, offices.above.public)
    created = read_as_above(path, offices).manifest.created_at
    assert before <= created <= datetime.now(UTC).replace(tzinfo=None) + timedelta(seconds=1)
    assert os.stat(path).st_size > HEADER_SIZE
