<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>CadreRecordDialog</name>
    <message>
        <source>Hồ sơ cán bộ</source>
        <extracomment>A write succeeded; carries the cadre id.</extracomment>
        <translation>Cadre record</translation>
    </message>
    <message>
        <source>Thông tin</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>Đào tạo</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Quy hoạch</source>
        <translation>Succession planning</translation>
    </message>
    <message>
        <source>Lương</source>
        <translation>Salary</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Giới tính:</source>
        <translation>Sex:</translation>
    </message>
    <message>
        <source>chỉ biết năm</source>
        <translation>year only</translation>
    </message>
    <message>
        <source>Khi chỉ biết năm sinh, ghi ngày 01/01 của năm đó.</source>
        <translation>When only the year of birth is known, enter 01/01 of that year.</translation>
    </message>
    <message>
        <source>Ngày sinh:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <source>Số CCCD:</source>
        <translation>Citizen ID no.:</translation>
    </message>
    <message>
        <source>Dân tộc:</source>
        <translation>Ethnicity:</translation>
    </message>
    <message>
        <source>Quê quán:</source>
        <translation>Home town:</translation>
    </message>
    <message>
        <source>Là đảng viên:</source>
        <translation>Party member:</translation>
    </message>
    <message>
        <source>Người địa phương</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Nơi công tác:</source>
        <translation>Workplace:</translation>
    </message>
    <message>
        <source>Đang công tác</source>
        <translation>In service</translation>
    </message>
    <message>
        <source>Đã nghỉ hưu</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>Đã chuyển công tác</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Đã từ trần</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>Tình trạng:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Lưu thông tin</source>
        <translation>Save details</translation>
    </message>
    <message>
        <source>Bầu cử</source>
        <translation>Election</translation>
    </message>
    <message>
        <source>Bổ nhiệm</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Luân chuyển</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Điều động</source>
        <translation>Reassignment</translation>
    </message>
    <message>
        <source>Kiêm nhiệm</source>
        <translation>Concurrent post</translation>
    </message>
    <message>
        <source>kiêm nhiệm</source>
        <translation>concurrent</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>How</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Chức vụ:</source>
        <translation>Post:</translation>
    </message>
    <message>
        <source>Chức vụ kiêm nhiệm không kết thúc chức vụ chính đang giữ.</source>
        <translation>A concurrent post does not end the main post held.</translation>
    </message>
    <message>
        <source>Hình thức:</source>
        <translation>How:</translation>
    </message>
    <message>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Quyết định số:</source>
        <translation>Decision no.:</translation>
    </message>
    <message>
        <source>ngày:</source>
        <translation>dated:</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Thêm chức vụ</source>
        <translation>Add post</translation>
    </message>
    <message>
        <source>Thôi giữ chức đã chọn từ ngày:</source>
        <translation>End the selected post on:</translation>
    </message>
    <message>
        <source>Thôi giữ chức</source>
        <translation>End post</translation>
    </message>
    <message>
        <source>Chuyên môn</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Lý luận chính trị</source>
        <translation>Political theory</translation>
    </message>
    <message>
        <source>Quản lý nhà nước</source>
        <translation>State management</translation>
    </message>
    <message>
        <source>Ngoại ngữ</source>
        <translation>Foreign language</translation>
    </message>
    <message>
        <source>Tin học</source>
        <translation>IT skills</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Trình độ</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Chuyên ngành</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Cơ sở đào tạo</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Hoàn thành</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Loại:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Trình độ:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <source>Chuyên ngành:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <source>Cơ sở đào tạo:</source>
        <translation>Institution:</translation>
    </message>
    <message>
        <source>Ngày hoàn thành:</source>
        <translation>Completed on:</translation>
    </message>
    <message>
        <source>Thêm quá trình đào tạo</source>
        <translation>Add training</translation>
    </message>
    <message>
        <source>Nhiệm kỳ</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Chức danh quy hoạch</source>
        <translation>Planned post</translation>
    </message>
    <message>
        <source>Đưa vào</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Đưa ra</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Lý do đưa ra</source>
        <translation>Reason for removal</translation>
    </message>
    <message>
        <source>Nhiệm kỳ:</source>
        <translation>Term:</translation>
    </message>
    <message>
        <source>Chức danh:</source>
        <translation>Post:</translation>
    </message>
    <message>
        <source>Ngày đưa vào:</source>
        <translation>Added on:</translation>
    </message>
    <message>
        <source>Đưa vào quy hoạch</source>
        <translation>Add to plan</translation>
    </message>
    <message>
        <source>Đưa mục đã chọn ra khỏi quy hoạch từ ngày:</source>
        <translation>Remove the selected entry from the plan on:</translation>
    </message>
    <message>
        <source>lý do (bắt buộc)</source>
        <translation>reason (required)</translation>
    </message>
    <message>
        <source>Đưa ra khỏi quy hoạch</source>
        <translation>Remove from plan</translation>
    </message>
    <message>
        <source>Ngày hưởng</source>
        <translation>Effective</translation>
    </message>
    <message>
        <source>Ngạch</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Bậc</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Hệ số</source>
        <translation>Coefficient</translation>
    </message>
    <message>
        <source>Trước đó</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>ví dụ Chuyên viên</source>
        <translation>e.g. Chuyên viên</translation>
    </message>
    <message>
        <source>Mã ngạch:</source>
        <translation>Grade code:</translation>
    </message>
    <message>
        <source>Ngạch:</source>
        <translation>Grade:</translation>
    </message>
    <message>
        <source>Hệ số:</source>
        <translation>Coefficient:</translation>
    </message>
    <message>
        <source>Bậc:</source>
        <translation>Step:</translation>
    </message>
    <message>
        <source>Ngày hưởng:</source>
        <translation>Effective from:</translation>
    </message>
    <message>
        <source>Ghi bậc lương mới</source>
        <translation>Record new salary step</translation>
    </message>
    <message>
        <source>bậc {n}</source>
        <translation>step {n}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cán bộ mới&lt;/b&gt; — lưu thông tin để mở các mục khác.</source>
        <translation>&lt;b&gt;New cadre&lt;/b&gt; — save the details to open the other tabs.</translation>
    </message>
    <message>
        <source>Hiện hưởng: </source>
        <translation>Current: </translation>
    </message>
    <message>
        <source>Chưa ghi bậc lương.</source>
        <translation>No salary step recorded.</translation>
    </message>
    <message>
        <source>Trường «{field}» không được để trống.</source>
        <translation>The field “{field}” must not be empty.</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Đã tạo hồ sơ cán bộ.</source>
        <translation>Cadre record created.</translation>
    </message>
    <message>
        <source>Đã lưu thông tin cán bộ.</source>
        <translation>Cadre details saved.</translation>
    </message>
    <message>
        <source>Đã thêm chức vụ.</source>
        <translation>Post added.</translation>
    </message>
    <message>
        <source>Hãy chọn chức vụ cần kết thúc.</source>
        <translation>Select the post to end.</translation>
    </message>
    <message>
        <source>Ngày thôi giữ chức</source>
        <translation>End date of the post</translation>
    </message>
    <message>
        <source>Đã ghi thôi giữ chức.</source>
        <translation>End of post recorded.</translation>
    </message>
    <message>
        <source>Đã thêm quá trình đào tạo.</source>
        <translation>Training added.</translation>
    </message>
    <message>
        <source>Ngày đưa vào</source>
        <translation>Date added</translation>
    </message>
    <message>
        <source>Vẫn đưa vào quy hoạch?</source>
        <translation>Add to the plan anyway?</translation>
    </message>
    <message>
        <source>Vượt giới hạn quy hoạch</source>
        <translation>Plan limit exceeded</translation>
    </message>
    <message>
        <source>Đã đưa vào quy hoạch.</source>
        <translation>Added to the plan.</translation>
    </message>
    <message>
        <source>Đã đưa vào quy hoạch, lưu ý: </source>
        <translation>Added to the plan. Note: </translation>
    </message>
    <message>
        <source>Hãy chọn mục quy hoạch cần đưa ra.</source>
        <translation>Select the plan entry to remove.</translation>
    </message>
    <message>
        <source>Ngày đưa ra</source>
        <translation>Date removed</translation>
    </message>
    <message>
        <source>Đã đưa ra khỏi quy hoạch.</source>
        <translation>Removed from the plan.</translation>
    </message>
    <message>
        <source>Đã ghi bậc lương mới.</source>
        <translation>New salary step recorded.</translation>
    </message>
</context>
<context>
    <name>CadreTableModel</name>
    <message>
        <source>Họ và tên</source>
        <extracomment>The cadre id of a row (int).</extracomment>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Chức vụ hiện tại</source>
        <translation>Current post</translation>
    </message>
    <message>
        <source>Địa phương</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Ngạch – bậc – hệ số</source>
        <translation>Grade – step – coefficient</translation>
    </message>
    <message>
        <source>Ngày hưởng bậc</source>
        <translation>Step since</translation>
    </message>
    <message>
        <source>Kiêm: </source>
        <translation>Concurrent: </translation>
    </message>
    <message>
        <source>kiêm </source>
        <translation>also </translation>
    </message>
    <message>
        <source>Người địa phương</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>bậc {n}</source>
        <translation>step {n}</translation>
    </message>
</context>
<context>
    <name>CadresPage</name>
    <message>
        <source>Lọc theo tên, chức vụ (không cần dấu)…</source>
        <extracomment>The record dialog opened last (tests fill it in).</extracomment>
        <translation>Filter by name or post (diacritics optional)…</translation>
    </message>
    <message>
        <source>Cả cán bộ đã nghỉ, chuyển đi</source>
        <translation>Include retired and transferred cadres</translation>
    </message>
    <message>
        <source>Thêm cán bộ…</source>
        <translation>Add cadre…</translation>
    </message>
    <message>
        <source>Mở hồ sơ…</source>
        <translation>Open record…</translation>
    </message>
    <message>
        <source>Không tải được danh sách cán bộ: </source>
        <translation>Could not load the cadres: </translation>
    </message>
    <message>
        <source>{shown} / {total} cán bộ</source>
        <translation>{shown} / {total} cadres</translation>
    </message>
</context>
<context>
    <name>CommitteeSeatDialog</name>
    <message>
        <source>Thêm cấp ủy viên</source>
        <translation>Add committee member</translation>
    </message>
    <message>
        <source>Cấp ủy của «{name}»</source>
        <translation>Committee of “{name}”</translation>
    </message>
    <message>
        <source>Chức vụ:</source>
        <translation>Post:</translation>
    </message>
    <message>
        <source>Đảng viên:</source>
        <translation>Party member:</translation>
    </message>
    <message>
        <source>để trống: lấy tên đảng viên đã chọn</source>
        <translation>leave empty: the chosen member’s name</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Nhiệm kỳ:</source>
        <translation>Term:</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Số quyết định:</source>
        <translation>Decision no.:</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Chọn trên lịch</source>
        <translation>Pick from the calendar</translation>
    </message>
</context>
<context>
    <name>DissolveDialog</name>
    <message>
        <source>Giải thể tổ chức</source>
        <translation>Dissolve organization</translation>
    </message>
    <message>
        <source>Giải thể «{name}».</source>
        <translation>Dissolve “{name}”.</translation>
    </message>
    <message>
        <source>Ngày giải thể:</source>
        <translation>Dissolved on:</translation>
    </message>
    <message>
        <source>Số quyết định:</source>
        <translation>Decision no.:</translation>
    </message>
    <message>
        <source>Ngày giải thể</source>
        <translation>Dissolution date</translation>
    </message>
    <message>
        <source>Giải thể «{name}» từ ngày {date}? Tổ chức sẽ không còn hiện trên cây (trừ khi chọn hiện tổ chức đã giải thể).</source>
        <translation>Dissolve “{name}” as of {date}? It will no longer appear in the tree (unless dissolved organizations are shown).</translation>
    </message>
</context>
<context>
    <name>EndSeatDialog</name>
    <message>
        <source>Thôi giữ chức vụ cấp ủy</source>
        <translation>End committee post</translation>
    </message>
    <message>
        <source>{name} — {post}, nhiệm kỳ {term}</source>
        <translation>{name} — {post}, term {term}</translation>
    </message>
    <message>
        <source>Ngày thôi:</source>
        <translation>Ended on:</translation>
    </message>
    <message>
        <source>Ngày thôi</source>
        <translation>End date</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <source>Tìm đảng viên: tên không dấu, CCCD, số thẻ… (Ctrl+F)</source>
        <extracomment>Typing pause before searching (ms): fast typists do not pay for every keystroke.</extracomment>
        <translation>Find a member: name (diacritics optional), citizen ID, card no.… (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Pseudo (kiểm tra giao diện)</source>
        <extracomment>False: a new language applies after a restart (see the module docstring). Our catalogue: resources/translations/partydesk_&lt;language&gt;.ts / .qm. Languages with a .ts of our strings (the source language, Vietnamese, needs none).</extracomment>
        <translation>Pseudo (layout check)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Tổ chức</source>
        <translation>Organizations</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Cadres</translation>
    </message>
    <message>
        <source>Cây tổ chức</source>
        <translation>Organization tree</translation>
    </message>
    <message>
        <source>Trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Mở cơ sở dữ liệu khác…</source>
        <translation>Open another database…</translation>
    </message>
    <message>
        <source>Mở gần đây</source>
        <translation>Open recent</translation>
    </message>
    <message>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Phục hồi từ bản sao lưu…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Công cụ</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Tùy chọn…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Giới thiệu partydesk</source>
        <translation>About partydesk</translation>
    </message>
    <message>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Đã sao lưu vào </source>
        <translation>Backed up to </translation>
    </message>
    <message>
        <source>Mở cơ sở dữ liệu</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu partydesk (*.sqlite3 *.db);;Mọi tệp (*)</source>
        <translation>partydesk databases (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>(chưa có)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Chọn bản sao lưu</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>Bản sao lưu partydesk (*.sqlite3);;Mọi tệp (*)</source>
        <translation>partydesk backups (*.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <source>Phục hồi dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <source>Dữ liệu hiện tại sẽ được thay bằng bản sao lưu đã chọn. Bản hiện tại được giữ lại trong thư mục sao lưu để có thể quay lại. Tiếp tục?</source>
        <translation>The current data will be replaced by the chosen backup. A copy of the current data is kept in the backup folder so you can go back. Continue?</translation>
    </message>
    <message>
        <source>&lt;b&gt;partydesk {version}&lt;/b&gt;&lt;br&gt;Sổ tổ chức đảng, đảng viên và cán bộ, chạy không cần mạng.&lt;br&gt;Giấy phép GPL-3.0-or-later.</source>
        <translation>&lt;b&gt;partydesk {version}&lt;/b&gt;&lt;br&gt;The register of Party organizations, members and cadres, working offline.&lt;br&gt;Licence GPL-3.0-or-later.</translation>
    </message>
</context>
<context>
    <name>MemberLinkEdit</name>
    <message>
        <source>Tìm đảng viên: tên không dấu, CCCD…</source>
        <translation>Find a member: name (diacritics optional), citizen ID…</translation>
    </message>
    <message>
        <source>Bỏ liên kết</source>
        <translation>Unlink</translation>
    </message>
</context>
<context>
    <name>MemberRecordDialog</name>
    <message>
        <source>Thêm đảng viên</source>
        <extracomment>Coded fields and their catalogues (ethnicity and religion always have a value). Free-text fields whose catalogue (same name) only suggests values. Emitted with the member id after a successful save.</extracomment>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Lý lịch đảng viên</source>
        <translation>Member biography</translation>
    </message>
    <message>
        <source>Hồ sơ mới</source>
        <translation>New record</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Lý lịch</source>
        <translation>Biography</translation>
    </message>
    <message>
        <source>— chọn —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Chỉ biết năm sinh</source>
        <translation>Only the year of birth is known</translation>
    </message>
    <message>
        <source>Ghi năm sinh (ví dụ 1957); ngày sinh được hiểu là 01/01 của năm đó.</source>
        <translation>Enter the year of birth (e.g. 1957); the date is taken as 01/01 of that year.</translation>
    </message>
    <message>
        <source>Nơi sinh</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Nơi sinh (tên cũ)</source>
        <translation>Place of birth (former name)</translation>
    </message>
    <message>
        <source>tên địa danh trước sắp xếp</source>
        <translation>place name before the reorganization</translation>
    </message>
    <message>
        <source>Quê quán</source>
        <translation>Home town</translation>
    </message>
    <message>
        <source>Quê quán (tên cũ)</source>
        <translation>Home town (former name)</translation>
    </message>
    <message>
        <source>Nơi thường trú</source>
        <translation>Permanent address</translation>
    </message>
    <message>
        <source>Nơi tạm trú</source>
        <translation>Temporary address</translation>
    </message>
    <message>
        <source>12 chữ số</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <source>Đảng</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Số quyết định, ví dụ 127-QĐ/ĐU</source>
        <translation>Decision no., e.g. 127-QĐ/ĐU</translation>
    </message>
    <message>
        <source>Chi bộ, ngày kết nạp và ngày chính thức của đảng viên đã có thay đổi qua các thủ tục công nhận chính thức và chuyển sinh hoạt.</source>
        <translation>This member’s Party cell, admission date and full-membership date have since changed through recognition and transfer procedures.</translation>
    </message>
    <message>
        <source>Người giới thiệu</source>
        <translation>Sponsors</translation>
    </message>
    <message>
        <source>Chức vụ đảng</source>
        <translation>Party posts</translation>
    </message>
    <message>
        <source>Học vấn</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Chuyên ngành</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Ngoại ngữ</source>
        <translation>Foreign language</translation>
    </message>
    <message>
        <source>Tin học</source>
        <translation>IT skills</translation>
    </message>
    <message>
        <source>Công tác</source>
        <translation>Work</translation>
    </message>
    <message>
        <source>Nơi làm việc</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Gia đình</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Cha, mẹ, vợ hoặc chồng, con: họ tên, năm sinh, nghề nghiệp, nơi ở…</source>
        <translation>Father, mother, spouse, children: name, year of birth, occupation, residence…</translation>
    </message>
    <message>
        <source>Quan hệ gia đình</source>
        <translation>Family relations</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Các sự kiện</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Sự kiện</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Số quyết định</source>
        <translation>Decision no.</translation>
    </message>
    <message>
        <source>Nơi đi, nơi đến</source>
        <translation>From, to</translation>
    </message>
    <message>
        <source>Quá trình sinh hoạt đảng</source>
        <translation>Party cell history</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Party cell</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Không tải được hồ sơ: </source>
        <translation>Could not load the record: </translation>
    </message>
    <message>
        <source>(hồ sơ mới)</source>
        <translation>(new record)</translation>
    </message>
    <message>
        <source>— chọn chi bộ —</source>
        <translation>— choose a Party cell —</translation>
    </message>
    <message>
        <source>Ghi năm sinh bằng 4 chữ số, ví dụ 1957.</source>
        <translation>Enter the year of birth as 4 digits, e.g. 1957.</translation>
    </message>
    <message>
        <source>Đóng hồ sơ</source>
        <translation>Close record</translation>
    </message>
    <message>
        <source>Bỏ các thay đổi chưa lưu?</source>
        <translation>Discard the unsaved changes?</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>Họ và tên</source>
        <extracomment>20 pages = 4,000 rows: a few screens either side of where the user is, a few MB. The number of rows after a refresh. A query failed; the sentence to show.</extracomment>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Party cell</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>Citizen ID</translation>
    </message>
    <message>
        <source>Số thẻ</source>
        <translation>Card no.</translation>
    </message>
    <message>
        <source>Ngày QĐ kết nạp</source>
        <translation>Admission decision</translation>
    </message>
    <message>
        <source>Ngày kết nạp</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>Ngày chính thức</source>
        <translation>Full member since</translation>
    </message>
    <message>
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Lý luận chính trị</source>
        <translation>Political theory</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Lỗi: </source>
        <extracomment>Columns shown on a first start; the others are one right-click away on the header. The day ages and &quot;due soon&quot; are counted on (None: the real today; tests fix it).</extracomment>
        <translation>Error: </translation>
    </message>
    <message>
        <source>Lọc theo họ tên, số CCCD, số thẻ… (Ctrl+F)</source>
        <translation>Filter by name, citizen ID, card no.… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Đang sinh hoạt</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Mọi trạng thái</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>«Đang sinh hoạt»: đảng viên chính thức, dự bị và được miễn sinh hoạt.</source>
        <translation>“Active”: full members, probationary members and members exempted from cell meetings.</translation>
    </message>
    <message>
        <source>Nam và nữ</source>
        <translation>Both sexes</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Mọi độ tuổi</source>
        <translation>Any age</translation>
    </message>
    <message>
        <source>Từ 30 tuổi trở xuống</source>
        <translation>30 or younger</translation>
    </message>
    <message>
        <source>Từ 31 đến 40 tuổi</source>
        <translation>31 to 40</translation>
    </message>
    <message>
        <source>Từ 41 đến 50 tuổi</source>
        <translation>41 to 50</translation>
    </message>
    <message>
        <source>Từ 51 đến 60 tuổi</source>
        <translation>51 to 60</translation>
    </message>
    <message>
        <source>Trên 60 tuổi</source>
        <translation>Over 60</translation>
    </message>
    <message>
        <source>Mọi dân tộc</source>
        <translation>Any ethnicity</translation>
    </message>
    <message>
        <source>Mọi trình độ LLCT</source>
        <translation>Any political theory level</translation>
    </message>
    <message>
        <source>Trình độ lý luận chính trị</source>
        <translation>Political theory level</translation>
    </message>
    <message>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Đảng viên dự bị đã qua 11 tháng dự bị: sắp đến hạn xét công nhận chính thức.</source>
        <translation>Probationary members past 11 months of probation: due for recognition as full members soon.</translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Thêm đảng viên (Ctrl+N)</source>
        <translation>Add a member (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Mở lý lịch đảng viên đang chọn (Enter)</source>
        <translation>Open the selected member’s biography (Enter)</translation>
    </message>
    <message>
        <source>Thêm đảng viên</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>{n} đảng viên</source>
        <translation>{n} members</translation>
    </message>
    <message>
        <source>Khôi phục cột mặc định</source>
        <translation>Restore default columns</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Hợp nhất tổ chức</source>
        <translation>Merge organization</translation>
    </message>
    <message>
        <source>Hợp nhất «{name}» vào tổ chức được chọn: {members} đảng viên và quần chúng, {children} tổ chức trực thuộc sẽ chuyển sang; lịch sử được giữ nguyên.</source>
        <translation>Merge “{name}” into the chosen organization: {members} members and candidates and {children} subordinate organizations move across; the history is kept.</translation>
    </message>
    <message>
        <source>Hợp nhất vào:</source>
        <translation>Merge into:</translation>
    </message>
    <message>
        <source>Ngày hiệu lực:</source>
        <translation>Effective from:</translation>
    </message>
    <message>
        <source>ví dụ 125-QĐ/ĐU</source>
        <translation>e.g. 125-QĐ/ĐU</translation>
    </message>
    <message>
        <source>Số quyết định:</source>
        <translation>Decision no.:</translation>
    </message>
    <message>
        <source>Hãy chọn tổ chức nhận hợp nhất.</source>
        <translation>Choose the organization to merge into.</translation>
    </message>
    <message>
        <source>Ngày hiệu lực</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <source>Hợp nhất «{source}» vào «{target}» từ ngày {date}?

{members} đảng viên và quần chúng sẽ chuyển sinh hoạt sang «{target}»; {children} tổ chức trực thuộc sẽ chuyển trực thuộc «{target}»; «{source}» được ghi là đã giải thể. Lịch sử trước ngày đó vẫn được giữ.</source>
        <translation>Merge “{source}” into “{target}” as of {date}?

{members} members and candidates will move to “{target}”; {children} subordinate organizations will come under “{target}”; “{source}” will be recorded as dissolved. The history before that date is kept.</translation>
    </message>
</context>
<context>
    <name>NewOrganizationDialog</name>
    <message>
        <source>Thêm tổ chức trực thuộc</source>
        <translation>Add subordinate organization</translation>
    </message>
    <message>
        <source>Trực thuộc: {name}</source>
        <translation>Under: {name}</translation>
    </message>
    <message>
        <source>Tên tổ chức:</source>
        <translation>Organization name:</translation>
    </message>
    <message>
        <source>Cấp tổ chức:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <source>để trống: tự đánh mã</source>
        <translation>leave empty: numbered automatically</translation>
    </message>
    <message>
        <source>Mã:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Tên viết tắt:</source>
        <translation>Short name:</translation>
    </message>
    <message>
        <source>(không ghi)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>Loại hình:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Ngày thành lập:</source>
        <translation>Founded on:</translation>
    </message>
    <message>
        <source>Quyết định thành lập:</source>
        <translation>Founding decision:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
</context>
<context>
    <name>OrgTreeModel</name>
    <message>
        <source> — đã giải thể</source>
        <extracomment>The organization id of an index (int). The `OrgNode` behind an index. A refresh finished and the model was reset (views restore expansion then). Fetching failed; the text says why.</extracomment>
        <translation> — dissolved</translation>
    </message>
    <message>
        <source>Mã: {code}</source>
        <translation>Code: {code}</translation>
    </message>
    <message>
        <source>Đảng viên sinh hoạt trực tiếp: {n}</source>
        <translation>Members attached directly: {n}</translation>
    </message>
    <message>
        <source>Cả tổ chức trực thuộc: {n}</source>
        <translation>Including subordinate organizations: {n}</translation>
    </message>
    <message>
        <source>Giải thể ngày {date}</source>
        <translation>Dissolved on {date}</translation>
    </message>
</context>
<context>
    <name>OrgTreePanel</name>
    <message>
        <source>Tìm tổ chức (không cần dấu)…</source>
        <extracomment>Typing pause before searching (ms).</extracomment>
        <translation>Find an organization (diacritics optional)…</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Bỏ chọn: xem toàn đơn vị</source>
        <translation>Clear the selection: the whole office</translation>
    </message>
    <message>
        <source>Hiện tổ chức đã giải thể</source>
        <translation>Show dissolved organizations</translation>
    </message>
    <message>
        <source>không thấy</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>Thêm tổ chức trực thuộc…</source>
        <translation>Add subordinate organization…</translation>
    </message>
    <message>
        <source>Đổi tên…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Chuyển trực thuộc…</source>
        <translation>Move under another organization…</translation>
    </message>
    <message>
        <source>Hợp nhất vào…</source>
        <translation>Merge into…</translation>
    </message>
    <message>
        <source>Giải thể…</source>
        <translation>Dissolve…</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>OrganizationDialogs</name>
    <message>
        <source>Trường «{field}» không được để trống.</source>
        <extracomment>The kind a new child organization most often has, by the parent&apos;s kind.</extracomment>
        <translation>The field “{field}” must not be empty.</translation>
    </message>
</context>
<context>
    <name>OrganizationPicker</name>
    <message>
        <source>Gõ tên hoặc mã để lọc (không cần dấu)</source>
        <translation>Type a name or code to filter (diacritics optional)</translation>
    </message>
    <message>
        <source>Tổ chức</source>
        <translation>Organization</translation>
    </message>
</context>
<context>
    <name>OrganizationsPage</name>
    <message>
        <source>Chọn một tổ chức trên cây tổ chức bên trái.</source>
        <extracomment>The user asked for another organization (a child double-clicked, a parent link); the main window may select it in the tree.</extracomment>
        <translation>Choose an organization in the tree on the left.</translation>
    </message>
    <message>
        <source>Thêm tổ chức trực thuộc…</source>
        <translation>Add subordinate organization…</translation>
    </message>
    <message>
        <source>Đổi tên…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Chuyển trực thuộc…</source>
        <translation>Move under another organization…</translation>
    </message>
    <message>
        <source>Hợp nhất vào…</source>
        <translation>Merge into…</translation>
    </message>
    <message>
        <source>Giải thể…</source>
        <translation>Dissolve…</translation>
    </message>
    <message>
        <source>Thông tin</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Cấp ủy</source>
        <translation>Committee</translation>
    </message>
    <message>
        <source>Trực thuộc</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Tên tổ chức:</source>
        <translation>Organization name:</translation>
    </message>
    <message>
        <source>Tên viết tắt:</source>
        <translation>Short name:</translation>
    </message>
    <message>
        <source>Cấp tổ chức:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <source>Loại hình:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Quyết định thành lập:</source>
        <translation>Founding decision:</translation>
    </message>
    <message>
        <source>Ngày thành lập:</source>
        <translation>Founded on:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hoàn tác</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>(chưa ghi tên)</source>
        <translation>(name not recorded)</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Nhiệm kỳ</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Thêm cấp ủy viên…</source>
        <translation>Add committee member…</translation>
    </message>
    <message>
        <source>Thôi giữ chức…</source>
        <translation>End post…</translation>
    </message>
    <message>
        <source>Hiện cả người đã thôi</source>
        <translation>Show former members too</translation>
    </message>
    <message>
        <source>Trực thuộc qua các thời kỳ</source>
        <translation>Parent organizations over time</translation>
    </message>
    <message>
        <source>(cấp cao nhất)</source>
        <translation>(top level)</translation>
    </message>
    <message>
        <source>nay</source>
        <translation>now</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Tổ chức trực thuộc</source>
        <translation>Subordinate organizations</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Sinh hoạt trực tiếp</source>
        <translation>Direct members</translation>
    </message>
    <message>
        <source>Cả tổ chức</source>
        <translation>With subordinates</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>giải thể </source>
        <translation>dissolved </translation>
    </message>
    <message>
        <source>Chuyển trực thuộc</source>
        <translation>Move under another organization</translation>
    </message>
    <message>
        <source>Hợp nhất</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>(không ghi)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>mã </source>
        <translation>code </translation>
    </message>
    <message>
        <source>trực thuộc </source>
        <translation>under </translation>
    </message>
    <message>
        <source>Không tải được tổ chức: </source>
        <translation>Could not load the organization: </translation>
    </message>
    <message>
        <source>Đã giải thể ngày {date}</source>
        <translation>Dissolved on {date}</translation>
    </message>
    <message>
        <source> (quyết định {no})</source>
        <translation> (decision {no})</translation>
    </message>
    <message>
        <source>, hợp nhất vào «{name}»</source>
        <translation>, merged into “{name}”</translation>
    </message>
    <message>
        <source>Tổng số đảng viên ({counted}), tính cả tổ chức trực thuộc: &lt;b&gt;{total}&lt;/b&gt;; sinh hoạt trực tiếp tại tổ chức này: &lt;b&gt;{direct}&lt;/b&gt;.</source>
        <translation>Members ({counted}), including subordinate organizations: &lt;b&gt;{total}&lt;/b&gt;; attached directly to this organization: &lt;b&gt;{direct}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Đã lưu thông tin tổ chức.</source>
        <translation>Organization details saved.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Đảng viên theo trạng thái</source>
        <translation>Members by status</translation>
    </message>
    <message>
        <source>Theo tổ chức cơ sở đảng</source>
        <translation>By grassroots Party organization</translation>
    </message>
    <message>
        <source>Tổ chức cơ sở đảng</source>
        <translation>Grassroots Party organization</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Việc sắp đến hạn</source>
        <translation>Coming due</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Còn</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Việc cần làm</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Party cell</translation>
    </message>
    <message>
        <source>{n} việc, trong đó {k} việc quá hạn.</source>
        <translation>{n} items, {k} of them overdue.</translation>
    </message>
    <message>
        <source>Không tải được tổng quan: </source>
        <translation>Could not load the overview: </translation>
    </message>
</context>
<context>
    <name>PhotoBox</name>
    <message>
        <source>Chọn ảnh…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <source>Bỏ ảnh</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Chọn ảnh 3×4</source>
        <translation>Choose a 3×4 photo</translation>
    </message>
    <message>
        <source>Ảnh (*.jpg *.jpeg *.png *.bmp);;Mọi tệp (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp);;All files (*)</translation>
    </message>
    <message>
        <source>Ảnh 3×4</source>
        <translation>3×4 photo</translation>
    </message>
</context>
<context>
    <name>PhotoCropDialog</name>
    <message>
        <source>Cắt ảnh 3×4</source>
        <extracomment>The smallest crop, in source pixels: below it a &quot;photo&quot; is a thumbnail&apos;s worth of blur.</extracomment>
        <translation>Crop 3×4 photo</translation>
    </message>
    <message>
        <source>Kéo khung để chọn vùng ảnh; lăn chuột để phóng to hoặc thu nhỏ.</source>
        <translation>Drag the frame to choose the area; use the mouse wheel to zoom in or out.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Tùy chọn</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Ngôn ngữ giao diện:</source>
        <extracomment>True after OK when the saved language differs from the one running now.</extracomment>
        <translation>Interface language:</translation>
    </message>
    <message>
        <source>Ngôn ngữ mới có hiệu lực ngay.</source>
        <translation>The new language applies at once.</translation>
    </message>
    <message>
        <source>Ngôn ngữ mới được áp dụng khi khởi động lại partydesk.</source>
        <translation>The new language applies when partydesk is restarted.</translation>
    </message>
    <message>
        <source>Chế độ giả lập kéo dài mọi chữ khoảng 40 % và thêm dấu, để kiểm tra chữ có bị cắt trên màn hình không. Chỉ dùng khi kiểm tra giao diện.</source>
        <translation>Pseudo mode makes every text about 40 % longer and adds accents, to check that no text gets cut off on screen. Only for checking the interface.</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Đổi tên tổ chức</source>
        <translation>Rename organization</translation>
    </message>
    <message>
        <source>Tên hiện tại: {name}</source>
        <translation>Current name: {name}</translation>
    </message>
    <message>
        <source>Tên mới:</source>
        <translation>New name:</translation>
    </message>
</context>
<context>
    <name>ReparentDialog</name>
    <message>
        <source>Chuyển trực thuộc</source>
        <translation>Move under another organization</translation>
    </message>
    <message>
        <source>«{name}» đang trực thuộc «{parent}». Chọn tổ chức cấp trên mới:</source>
        <translation>“{name}” is under “{parent}”. Choose the new parent organization:</translation>
    </message>
    <message>
        <source>Trực thuộc mới:</source>
        <translation>New parent:</translation>
    </message>
    <message>
        <source>Ngày hiệu lực:</source>
        <translation>Effective from:</translation>
    </message>
    <message>
        <source>Hãy chọn tổ chức cấp trên mới.</source>
        <translation>Choose the new parent organization.</translation>
    </message>
    <message>
        <source>Ngày hiệu lực</source>
        <translation>Effective date</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Chào mừng đến với partydesk</source>
        <translation>Welcome to partydesk</translation>
    </message>
    <message>
        <source>Chưa có dữ liệu. Hãy nhập thông tin đơn vị để bắt đầu, hoặc mở đơn vị mẫu để làm quen với chương trình.</source>
        <translation>There is no data yet. Enter your office’s details to start, or open the demo office to get to know the program.</translation>
    </message>
    <message>
        <source>Ví dụ: Đảng ủy xã Đam Rông</source>
        <translation>For example: Đảng ủy xã Đam Rông</translation>
    </message>
    <message>
        <source>Ví dụ: Đảng bộ tỉnh Lâm Đồng</source>
        <translation>For example: Đảng bộ tỉnh Lâm Đồng</translation>
    </message>
    <message>
        <source>Ví dụ: Đam Rông</source>
        <translation>For example: Đam Rông</translation>
    </message>
    <message>
        <source>Tên đơn vị:</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <source>Cấp ủy cấp trên:</source>
        <translation>Superior committee:</translation>
    </message>
    <message>
        <source>Địa danh (dòng ngày tháng):</source>
        <translation>Place name (for the date line):</translation>
    </message>
    <message>
        <source>Ký hiệu số văn bản:</source>
        <translation>Document number symbol:</translation>
    </message>
    <message>
        <source>Tạo đơn vị</source>
        <translation>Create office</translation>
    </message>
    <message>
        <source>Mở đơn vị mẫu</source>
        <translation>Open the demo office</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>Địa danh</source>
        <translation>Place name</translation>
    </message>
    <message>
        <source>Ký hiệu số văn bản</source>
        <translation>Document number symbol</translation>
    </message>
    <message>
        <source>Hãy nhập: </source>
        <translation>Please enter: </translation>
    </message>
    <message>
        <source>Đang tạo dữ liệu…</source>
        <translation>Creating the data…</translation>
    </message>
</context>
</TS>
