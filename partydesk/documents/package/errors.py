"""The errors of the sync package layer: one code per thing that can be wrong with a file.

Every refusal is a `PackageError` (a `PartydeskError`), so the CLI and the GUI show it in
Vietnamese or English like any other error, and tests assert on the code. The reader adds
the file name as `path` to every error it raises.
"""

from __future__ import annotations

from typing import Any

from partydesk.errors import PartydeskError, add_messages

_P = "Gói «{path}»: "
_E = "Package '{path}': "

add_messages(
    {
        # --- the outer file ---------------------------------------------------------
        "package.unreadable": (
            "Không đọc được tệp «{path}»: {reason}",
            "Cannot read the file '{path}': {reason}",
        ),
        "package.not_a_package": (
            "Tệp «{path}» không phải gói đồng bộ partydesk.",
            "The file '{path}' is not a partydesk sync package.",
        ),
        "package.newer_format": (
            _P + "định dạng phiên bản {found}, phiên bản này chỉ đọc được đến {supported}:"
            " cần phiên bản partydesk mới hơn.",
            _E + "format version {found}, this program reads up to {supported}:"
            " a newer partydesk is needed.",
        ),
        "package.bad_header": (
            _P + "phần đầu tệp không hợp lệ ({problem}).",
            _E + "the file header is invalid ({problem}).",
        ),
        "package.truncated": (
            _P + "tệp bị cắt cụt: có {found} byte, cần {expected} byte."
            " Hãy chép lại tệp từ nơi gửi.",
            _E + "the file is truncated: {found} bytes where {expected} are needed."
            " Copy the file again from the sender.",
        ),
        "package.trailing_data": (
            _P + "tệp có {extra} byte thừa sau phần dữ liệu.",
            _E + "the file has {extra} bytes of unexpected data at its end.",
        ),
        "package.too_large": (
            _P + "tệp lớn {size} byte, vượt giới hạn {limit} byte.",
            _E + "the file is {size} bytes, over the limit of {limit} bytes.",
        ),
        "package.wrong_recipient": (
            _P + "gói được mã hóa cho đơn vị có dấu vân tay khóa {found},"
            " không phải đơn vị này ({mine}).",
            _E + "the package is encrypted for the office with key fingerprint {found},"
            " not for this office ({mine}).",
        ),
        "package.unknown_sender": (
            _P + "người gửi có dấu vân tay khóa {fingerprint} chưa được đăng ký ở đơn vị này.",
            _E + "the sender's key fingerprint {fingerprint} is not registered here.",
        ),
        "package.decrypt_failed": (
            _P + "không giải mã được phần dữ liệu {chunk}: tệp đã bị sửa hoặc bị hỏng.",
            _E + "data block {chunk} cannot be decrypted: the file was altered or damaged.",
        ),
        # --- the container inside -------------------------------------------------------
        "package.corrupt_container": (
            _P + "nội dung bên trong bị hỏng ({reason}).",
            _E + "the contents are damaged ({reason}).",
        ),
        "package.unsafe_path": (
            _P + "mục «{name}» có đường dẫn không an toàn (ra ngoài gói hoặc tuyệt đối).",
            _E + "entry '{name}' has an unsafe path (escaping the package or absolute).",
        ),
        "package.symlink": (
            _P + "mục «{name}» là liên kết tượng trưng, không được phép.",
            _E + "entry '{name}' is a symbolic link, which is not allowed.",
        ),
        "package.duplicate_entry": (
            _P + "mục «{name}» xuất hiện hai lần.",
            _E + "entry '{name}' appears twice.",
        ),
        "package.too_many_entries": (
            _P + "có {count} mục, vượt giới hạn {limit}.",
            _E + "{count} entries, over the limit of {limit}.",
        ),
        "package.entry_too_large": (
            _P + "mục «{name}» lớn {size} byte khi giải nén, vượt giới hạn {limit} byte.",
            _E + "entry '{name}' is {size} bytes uncompressed, over the limit of {limit}.",
        ),
        "package.total_too_large": (
            _P + "tổng dung lượng giải nén {size} byte vượt giới hạn {limit} byte.",
            _E + "the uncompressed total of {size} bytes is over the limit of {limit}.",
        ),
        "package.compression_ratio": (
            _P + "mục «{name}» nén {ratio} lần, vượt giới hạn {limit} lần (nghi là bom giải nén).",
            _E + "entry '{name}' is compressed {ratio} times, over the limit of {limit}"
            " (a suspected decompression bomb).",
        ),
        "package.unexpected_entry": (
            _P + "có mục lạ «{name}» không thuộc định dạng gói.",
            _E + "unexpected entry '{name}', not part of the package format.",
        ),
        "package.missing_entry": (
            _P + "thiếu mục «{name}».",
            _E + "entry '{name}' is missing.",
        ),
        # --- signature and manifest -----------------------------------------------------
        "package.bad_signature": (
            _P + "chữ ký số không đúng với khóa của người gửi {fingerprint}:"
            " gói đã bị sửa hoặc không do người gửi này lập.",
            _E + "the signature does not match the sender's key {fingerprint}:"
            " the package was altered or not made by this sender.",
        ),
        "package.manifest_not_json": (
            _P + "bản kê (manifest.json) không phải JSON hợp lệ ({reason}).",
            _E + "the manifest (manifest.json) is not valid JSON ({reason}).",
        ),
        "package.manifest_missing_field": (
            _P + "bản kê (manifest.json) thiếu trường «{field}».",
            _E + "the manifest (manifest.json) lacks the field '{field}'.",
        ),
        "package.manifest_bad_field": (
            _P + "bản kê (manifest.json): trường «{field}» có giá trị không hợp lệ {value}.",
            _E + "the manifest (manifest.json): field '{field}' has an invalid value {value}.",
        ),
        "package.header_mismatch": (
            _P + "«{field}» trong bản kê không khớp với phần đầu tệp.",
            _E + "'{field}' in the manifest does not match the file header.",
        ),
        "package.kind_not_allowed": (
            _P + "đơn vị gửi {sender} không được gửi loại gói «{kind}».",
            _E + "the sending office {sender} may not send packages of kind '{kind}'.",
        ),
        # --- entries --------------------------------------------------------------------
        "package.entry_hash_mismatch": (
            _P + "mục «{name}» đã bị thay đổi (mã băm SHA-256 không khớp bản kê).",
            _E + "entry '{name}' was altered (its SHA-256 does not match the manifest).",
        ),
        "package.entry_size_mismatch": (
            _P + "mục «{name}» có {found} byte, bản kê ghi {expected} byte.",
            _E + "entry '{name}' has {found} bytes, the manifest says {expected}.",
        ),
        "package.unlisted_entry": (
            _P + "mục «{name}» không có trong bản kê.",
            _E + "entry '{name}' is not listed in the manifest.",
        ),
        "package.count_mismatch": (
            _P + "bảng «{table}» có {found} bản ghi, bản kê ghi {expected}.",
            _E + "table '{table}' holds {found} records, the manifest says {expected}.",
        ),
        "package.bad_json_line": (
            _P + "mục «{name}», dòng {line}: không phải JSON hợp lệ ({reason}).",
            _E + "entry '{name}', line {line}: not valid JSON ({reason}).",
        ),
        "package.line_too_long": (
            _P + "mục «{name}», dòng {line}: dòng dài quá {limit} byte.",
            _E + "entry '{name}', line {line}: longer than {limit} bytes.",
        ),
        "package.bad_record": (
            _P + "mục «{name}», dòng {line}: trường «{field}» thiếu hoặc không hợp lệ.",
            _E + "entry '{name}', line {line}: field '{field}' is missing or invalid.",
        ),
        "package.duplicate_uuid": (
            _P + "bảng «{table}» có UUID {uuid} hai lần (dòng {line}).",
            _E + "table '{table}' holds UUID {uuid} twice (line {line}).",
        ),
        # --- keys -------------------------------------------------------------------------
        "key.bad_file": (
            "Tệp khóa «{path}» không hợp lệ ({problem}).",
            "The key file '{path}' is not valid ({problem}).",
        ),
        "key.tampered": (
            "Tệp khóa công khai «{path}» đã bị sửa: chữ ký của đơn vị không khớp.",
            "The public key file '{path}' was altered: the office's signature does not match.",
        ),
        "key.passphrase_required": (
            "Tệp khóa bí mật «{path}» được bảo vệ bằng mật khẩu: hãy nhập mật khẩu.",
            "The private key file '{path}' is protected by a passphrase: enter it.",
        ),
        "key.wrong_passphrase": (
            "Mật khẩu của tệp khóa bí mật «{path}» không đúng.",
            "The passphrase of the private key file '{path}' is wrong.",
        ),
    }
)


class PackageError(PartydeskError):
    """A sync package or key file was refused; `code` says why (see this module's table).

    `path` (the file's name) is filled in by the function that opened the file, so inner
    checks need not carry it around.
    """

    def __init__(self, code: str, **params: Any) -> None:
        params.setdefault("path", "")
        super().__init__(code, **params)

    def at(self, path: object) -> PackageError:
        """This error, naming `path` if no file was named yet (returns self, for `raise`)."""
        if not self.params.get("path"):
            self.params["path"] = str(path)
        return self


def shown(value: object, limit: int = 60) -> str:
    """A short, printable form of a refused value for a message (never a whole record)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class StoppedError(Exception):
    """The progress callback asked to stop writing or reading a package."""
