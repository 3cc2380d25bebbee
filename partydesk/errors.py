"""Errors that services raise and entry points turn into sentences.

A service never formats a sentence for the user: it raises a `PartydeskError` with a code
and parameters. The CLI prints the Vietnamese and the English sentence; the GUI shows the
one of the chosen language. Keeping the messages here, in one table, keeps the two
languages in step and lets tests assert on codes instead of wording.
"""

from __future__ import annotations

from typing import Any

# code -> (Vietnamese, English). Parameters are str.format fields.
MESSAGES: dict[str, tuple[str, str]] = {
    "field.required": ("Trường «{field}» không được để trống.", "Field '{field}' is required."),
    "field.invalid": (
        "Trường «{field}»: {problem}",
        "Field '{field}': {problem}",
    ),
    "field.future_date": (
        "Trường «{field}»: ngày {value} ở tương lai.",
        "Field '{field}': the date {value} is in the future.",
    ),
    "field.unknown_code": (
        "Trường «{field}»: mã «{value}» không có trong danh mục {catalogue}.",
        "Field '{field}': code '{value}' is not in the {catalogue} catalogue.",
    ),
    "field.duplicate": (
        "Trường «{field}»: giá trị «{value}» đã có ở đảng viên khác ({other}).",
        "Field '{field}': value '{value}' already belongs to another record ({other}).",
    ),
    "date.order": (
        "Ngày «{later}» ({later_value}) không được trước ngày «{earlier}» ({earlier_value}).",
        "'{later}' ({later_value}) cannot be before '{earlier}' ({earlier_value}).",
    ),
    "date.official_not_12_months": (
        "Ngày chính thức phải là {expected} (12 tháng sau ngày kết nạp {ceremony}),"
        " không phải {value}.",
        "The official date must be {expected} (12 months after the ceremony of {ceremony}),"
        " not {value}.",
    ),
    "member.not_found": (
        "Không tìm thấy đảng viên có mã {ref}.",
        "No member with reference {ref}.",
    ),
    "member.two_organizations": (
        "Đảng viên đã sinh hoạt ở «{other}» từ {start}: không thể đồng thời ở hai tổ chức.",
        "The member already belongs to '{other}' from {start}: a member cannot be in two"
        " organizations at once.",
    ),
    "member.bad_status": (
        "Không thể {action}: đảng viên đang ở trạng thái «{status}».",
        "Cannot {action}: the member's status is '{status}'.",
    ),
    "organization.not_found": (
        "Không tìm thấy tổ chức đảng có mã {ref}.",
        "No party organization with reference {ref}.",
    ),
    "organization.cycle": (
        "Không thể đặt «{child}» trực thuộc «{parent}»: sẽ tạo vòng lặp trong cây tổ chức.",
        "Cannot place '{child}' under '{parent}': the organization tree would loop.",
    ),
    "organization.dissolved": (
        "Tổ chức «{name}» đã giải thể ngày {date}.",
        "Organization '{name}' was dissolved on {date}.",
    ),
    "organization.code_taken": (
        "Mã tổ chức «{value}» đã được dùng.",
        "Organization code '{value}' is already used.",
    ),
    "cadre.not_found": ("Không tìm thấy cán bộ có mã {ref}.", "No cadre with reference {ref}."),
    "office.missing": (
        "Cơ sở dữ liệu chưa có thông tin đơn vị: hãy chạy «partydesk init».",
        "The database has no office yet: run 'partydesk init'.",
    ),
    "office.exists": (
        "Cơ sở dữ liệu đã có đơn vị «{name}».",
        "The database already holds the office '{name}'.",
    ),
    "db.newer": (
        "Cơ sở dữ liệu {path} được tạo bởi phiên bản partydesk mới hơn (lược đồ {found})."
        " Hãy cài phiên bản mới hơn; dữ liệu không bị thay đổi.",
        "The database {path} was written by a newer partydesk (schema {found})."
        " Install a newer version; the data was not changed.",
    ),
    "db.not_partydesk": (
        "Tệp {path} không phải cơ sở dữ liệu partydesk.",
        "The file {path} is not a partydesk database.",
    ),
    "db.open_failed": (
        "Không mở được cơ sở dữ liệu {path}: {reason}",
        "Cannot open the database {path}: {reason}",
    ),
    "backup.not_found": ("Không tìm thấy tệp sao lưu {path}.", "Backup file {path} not found."),
    "backup.invalid": (
        "Tệp {path} không phải bản sao lưu partydesk hợp lệ: {reason}",
        "The file {path} is not a valid partydesk backup: {reason}",
    ),
    "demo.not_empty": (
        "Cơ sở dữ liệu {path} đã có dữ liệu: dữ liệu mẫu chỉ tạo vào tệp mới.",
        "The database {path} already holds data: the demo office is built in a new file only.",
    ),
    "bulk.row": ("Dòng {row}: {message}", "Row {row}: {message}"),
    "rule.missing": (
        "Chưa có tham số quy định «{key}» áp dụng ngày {on}.",
        "No rule parameter '{key}' applies on {on}.",
    ),
    "organization.same": (
        "Không thể hợp nhất «{name}» vào chính nó.",
        "Cannot merge '{name}' into itself.",
    ),
    "organization.same_parent": (
        "«{name}» đã trực thuộc «{parent}».",
        "'{name}' is already under '{parent}'.",
    ),
    "term.invalid": (
        "Nhiệm kỳ «{value}» không hợp lệ: hãy viết năm đầu và năm cuối, ví dụ 2025–2030.",
        "Term '{value}' is not valid: write the first and last year, e.g. 2025–2030.",
    ),
    "committee.not_found": (
        "Không tìm thấy chức vụ cấp ủy có mã {ref}.",
        "No committee seat with reference {ref}.",
    ),
    "committee.already_ended": (
        "{name} đã thôi giữ chức vụ cấp ủy từ ngày {date}.",
        "{name} already left the committee seat on {date}.",
    ),
    "cadre.post_not_found": (
        "Không tìm thấy chức vụ có mã {ref}.",
        "No post with reference {ref}.",
    ),
    "cadre.post_ended": (
        "Chức vụ «{title}» đã kết thúc ngày {date}.",
        "The post '{title}' already ended on {date}.",
    ),
    "cadre.planning_not_found": (
        "Không tìm thấy mục quy hoạch có mã {ref}.",
        "No planning entry with reference {ref}.",
    ),
    "cadre.planning_removed": (
        "Quy hoạch chức danh «{title}» đã được đưa ra ngày {date}.",
        "The planning entry for '{title}' was already removed on {date}.",
    ),
}


def add_messages(table: dict[str, tuple[str, str]]) -> None:
    """Add a service area's messages to the table (at import of that area's module).

    Lifecycle areas keep their sentences beside the rules they enforce; a code may be
    defined once only, so two areas never disagree about one code.
    """
    for code, sentences in table.items():
        if code in MESSAGES and MESSAGES[code] != sentences:
            raise ValueError(f"message code {code!r} is defined twice")
        MESSAGES[code] = sentences


class PartydeskError(Exception):
    """An error a user can act on: a code from MESSAGES and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, language: str = "vi") -> str:
        """The sentence for `language` ("vi" or "en")."""
        vi, en = MESSAGES.get(self.code, ("{code}", "{code}"))
        template = en if language == "en" else vi
        try:
            return template.format(code=self.code, **self.params)
        except (KeyError, IndexError):
            return f"{self.code} {self.params}"

    def __str__(self) -> str:
        return self.message("vi")


class ValidationError(PartydeskError):
    """A typed or imported value was refused; `field` names the field when there is one."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        if field is not None:
            params["field"] = field
        super().__init__(code, **params)
        self.field = field
