"""Check the rows of an imported member list: the verdict on each row, with its reasons.

Pure checking, no writes: the values a sheet row holds become a `MemberInput` (catalogue
names turned into codes, the branch found by name or code, a year-only birth date kept as
such) and go through `prepare_member`, the same checks as a record typed in the form.
Then the keys are compared with the rows above and with the register: CCCD, card number,
biography number, and name with birth date. The first row holding a key keeps it; a later
row with the same key is refused and names the row it repeats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from partydesk.documents.excel.member_reader import SheetRow, YearOnly, column_name
from partydesk.errors import PartydeskError, ValidationError
from partydesk.rules import fold
from partydesk.services.excel_lookup import KEY_FIELDS, ImportLookups
from partydesk.services.member_input import (
    CATALOGUE_FIELDS,
    LABELS,
    MemberInput,
    PreparedMember,
    member_input,
    prepare_member,
)

__all__ = ["ImportRow", "RowChecker"]

_FIELD_BY_LABEL = {label: name for name, label in LABELS.items()}
_REQUIRED = ("full_name", "sex", "birth_date")
#: Fields whose text is looked up: catalogue names and the branch.
_LOOKED_UP = frozenset((*CATALOGUE_FIELDS, "branch"))
_CATALOGUE_TITLES = {
    "ethnicity": "dân tộc",
    "religion": "tôn giáo",
    "qualification": "trình độ chuyên môn",
    "academic_title": "học hàm",
    "theory": "lý luận chính trị",
    "state_management": "quản lý nhà nước",
    "occupation": "nghề nghiệp",
}


@dataclass(frozen=True)
class ImportRow:
    """The verdict on one sheet row.

    `problems` maps a column index to what is wrong in that cell (shown on the cell in the
    preview); `reasons` holds every reason the row is refused, as sentences, including the
    cell problems; `notes` say what the import assumed for an accepted row.
    """

    row: int
    cells: tuple[Any, ...]
    member: MemberInput | None
    #: The checked record (`prepare_member`'s result), written as is by the apply step.
    prepared: PreparedMember | None = None
    problems: dict[int, str] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    duplicate: bool = False

    @property
    def accepted(self) -> bool:
        """True when the row will be added."""
        return self.member is not None


class RowChecker:
    """Checks sheet rows one by one, remembering the keys of the rows already seen."""

    def __init__(
        self,
        lookups: ImportLookups,
        headers: tuple[str, ...],
        mapping: tuple[str | None, ...],
        default_branch: int | None,
        today: date,
    ) -> None:
        self.lookups = lookups
        self.today = today
        self.default_branch = default_branch
        self.columns = {name: index for index, name in enumerate(mapping) if name is not None}
        self.names = [column_name(headers, i) for i in range(len(headers))]
        #: key kind -> value -> the first sheet row that holds it.
        self.seen: dict[str, dict[Any, int]] = {name: {} for name in (*KEY_FIELDS, "person")}
        # A list repeats «Kinh», «Không», its few branch names: look each text up once.
        self._codes: dict[tuple[str, str], str | None] = {}
        self._branches: dict[str, tuple[int | None, str]] = {}

    def _column_of(self, name: str | None) -> int | None:
        return None if name is None else self.columns.get(name)

    def check(self, sheet_row: SheetRow) -> ImportRow:
        """The verdict on `sheet_row`."""
        problems: dict[int, str] = {}
        reasons: list[str] = []
        notes: list[str] = []

        def problem(name: str | None, message: str) -> None:
            index = self._column_of(name)
            if index is None:
                reasons.append(message)
                return
            problems[index] = f"{problems[index]} {message}" if index in problems else message
            reasons.append(f"«{self.names[index]}»: {message}")

        for cell in sheet_row.problems:
            problems[cell.index] = cell.message
            reasons.append(f"«{cell.column}»: {cell.message}")
        kwargs = self._convert(sheet_row.values, problem, notes, problems)
        for name in _REQUIRED:
            if not kwargs.get(name) and self._column_of(name) not in problems:
                problem(name, PartydeskError("field.required", field=LABELS[name]).message())
        member: MemberInput | None = None
        prepared: PreparedMember | None = None
        if all(kwargs.get(name) for name in _REQUIRED):
            member = member_input(kwargs)
            try:
                prepared = prepare_member(
                    member, self.lookups.codes, self.lookups.rules, self.today
                )
            except ValidationError as exc:
                member = None
                # «Trường «Số CCCD»: …» under the column «Số CCCD» says the field twice.
                text = exc.params["problem"] if exc.code == "field.invalid" else exc.message()
                problem(_FIELD_BY_LABEL.get(exc.field or ""), text)
        duplicate = self._duplicates(sheet_row.row, kwargs, prepared, problem)
        if reasons:
            member = prepared = None
        return ImportRow(
            row=sheet_row.row,
            cells=sheet_row.cells,
            member=member,
            prepared=prepared,
            problems=problems,
            reasons=tuple(reasons),
            notes=tuple(notes) if member is not None else (),
            duplicate=duplicate,
        )

    def _convert(
        self,
        values: dict[str, Any],
        problem: Any,
        notes: list[str],
        flagged: dict[int, str],
    ) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        for name, value in values.items():
            if name not in _LOOKED_UP and type(value) is not YearOnly:
                kwargs[name] = value  # most values: taken as read
                continue
            if isinstance(value, YearOnly):
                if name != "birth_date":
                    problem(name, f"chỉ có năm {value.year}: cần ghi đủ ngày, tháng, năm")
                    continue
                kwargs["birth_date"] = date(value.year, 1, 1)
                kwargs["birth_year_only"] = True
                continue
            catalogue = CATALOGUE_FIELDS.get(name)
            if catalogue is not None:
                key = (catalogue, value)
                if key in self._codes:
                    code = self._codes[key]
                else:
                    code = self._codes[key] = self.lookups.catalogue_code(catalogue, value)
                if code is None:
                    problem(
                        name,
                        f"«{value}» không có trong danh mục {_CATALOGUE_TITLES[catalogue]}",
                    )
                    continue
                kwargs[name] = code
                continue
            if name == "branch":
                found = self._branches.get(value)
                if found is None:
                    found = self._branches[value] = self.lookups.branch(value)
                org_id, reason = found
                if org_id is None:
                    problem(name, reason)
                    continue
                kwargs["organization_id"] = org_id
                continue
            kwargs[name] = value
        if "organization_id" not in kwargs:
            if self.default_branch is None:
                if "branch" not in values:
                    problem("branch", "thiếu chi bộ (ghi cột «Chi bộ» hoặc chọn chi bộ mặc định)")
            else:
                kwargs["organization_id"] = self.default_branch
        kwargs.setdefault("organization_id", 0)
        if kwargs.get("ceremony_date") is None and kwargs.get("decision_date") is None:
            if any(self._column_of(n) in flagged for n in ("ceremony_date", "decision_date")):
                return kwargs  # the cell's own problem says it already
            problem(
                "ceremony_date",
                PartydeskError("field.required", field="Ngày vào Đảng").message()
                + " Danh sách đảng viên cần ngày kết nạp.",
            )
        elif kwargs.get("decision_date") is None:
            # Office lists rarely keep the decision's date: the ceremony date stands in,
            # and the preview says so (the clerk can add the column and import again).
            kwargs["decision_date"] = kwargs["ceremony_date"]
            notes.append("Ngày quyết định kết nạp lấy bằng ngày vào Đảng.")
        return kwargs

    def _duplicates(
        self, row: int, kwargs: dict[str, Any], prepared: PreparedMember | None, problem: Any
    ) -> bool:
        found = False
        taken = self.lookups.taken
        # A checked record holds its keys and folded name already normalized.
        known = prepared.values if prepared is not None else {}
        for name in KEY_FIELDS:
            value = known.get(name)  # without spaces (member_input._key)
            if value is None:
                value = kwargs.get(name)
                if not value:
                    continue
                value = "".join(str(value).split())
            first = self.seen[name].setdefault(value, row)
            if first != row:
                problem(name, f"trùng {LABELS[name]} «{value}» với dòng {first} của tệp")
                found = True
            elif value in taken[name]:
                problem(name, f"{LABELS[name]} «{value}» đã có trong cơ sở dữ liệu")
                found = True
        name_text = kwargs.get("full_name")
        birth = kwargs.get("birth_date")
        if name_text and isinstance(birth, date):
            person = (known.get("name_fold") or fold(name_text), birth)
            first = self.seen["person"].setdefault(person, row)
            if first != row:
                problem("full_name", f"trùng họ tên và ngày sinh với dòng {first} của tệp")
                found = True
            elif person in self.lookups.people:
                problem("full_name", "đã có đảng viên cùng họ tên và ngày sinh trong cơ sở dữ liệu")
                found = True
        return found
