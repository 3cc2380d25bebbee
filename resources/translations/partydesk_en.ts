<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AdmissionPage</name>
    <message>
        <source>Ghi bước tiếp theo…</source>
        <extracomment>The due list&apos;s actions name a family of steps; the page opens the member&apos;s next one. The dialog opened last (tests fill it in).</extracomment>
        <translation>Record next step…</translation>
    </message>
    <message>
        <source>Thêm người giới thiệu…</source>
        <translation>Add sponsor…</translation>
    </message>
    <message>
        <source>Tổ chức lễ kết nạp…</source>
        <translation>Hold admission ceremony…</translation>
    </message>
    <message>
        <source>Không công nhận chính thức…</source>
        <translation>Refuse full membership…</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
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
        <source>Bước đã ghi</source>
        <translation>Last step</translation>
    </message>
    <message>
        <source>Bước tiếp theo</source>
        <translation>Next step</translation>
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
        <source>Ngày kết nạp</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>Hết dự bị</source>
        <translation>Probation ends</translation>
    </message>
    <message>
        <source>Quần chúng ưu tú</source>
        <translation>Outstanding candidates</translation>
    </message>
    <message>
        <source>Đảng viên dự bị</source>
        <translation>Probationary members</translation>
    </message>
    <message>
        <source>Bước</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Người ký</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Không tải được danh sách: </source>
        <translation>Could not load the list: </translation>
    </message>
    <message>
        <source>{c} quần chúng ưu tú, {p} đảng viên dự bị; {k} việc quá hạn.</source>
        <translation>{c} outstanding candidates, {p} probationary members; {k} items overdue.</translation>
    </message>
    <message>
        <source>Đã chọn {n} người.</source>
        <translation>{n} people selected.</translation>
    </message>
    <message>
        <source> — người giới thiệu: </source>
        <translation> — sponsors: </translation>
    </message>
    <message>
        <source> — hết dự bị </source>
        <translation> — probation ends </translation>
    </message>
    <message>
        <source>{name} không còn bước nào phải ghi.</source>
        <translation>{name} has no more steps to record.</translation>
    </message>
</context>
<context>
    <name>AdmissionStepDialog</name>
    <message>
        <source>Ngày:</source>
        <extracomment>Emitted with the list of `StepResult` once saved.</extracomment>
        <translation>Date:</translation>
    </message>
    <message>
        <source>ví dụ 12-QĐ/ĐU</source>
        <translation>e.g. 12-QĐ/ĐU</translation>
    </message>
    <message>
        <source>Số văn bản:</source>
        <translation>Document no.:</translation>
    </message>
    <message>
        <source>Người ký:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <source>Căn cứ:</source>
        <translation>Basis:</translation>
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
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hãy nhập ngày.</source>
        <translation>Enter the date.</translation>
    </message>
    <message>
        <source>Đảng viên sẽ bị xóa tên khỏi danh sách đảng viên dự bị (ra khỏi Đảng); không hoàn tác được.</source>
        <translation>The member will be struck off the list of probationary members (leaving the Party); this cannot be undone.</translation>
    </message>
    <message>
        <source>Bấm «Vẫn lưu» để xác nhận.</source>
        <translation>Click “Save anyway” to confirm.</translation>
    </message>
    <message>
        <source>Vẫn lưu</source>
        <translation>Save anyway</translation>
    </message>
</context>
<context>
    <name>BadgeListModel</name>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Party cell</translation>
    </message>
    <message>
        <source>Ngày kết nạp</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <source>Huy hiệu</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Đủ tuổi đảng ngày</source>
        <translation>Eligible on</translation>
    </message>
    <message>
        <source>Số huy hiệu</source>
        <translation>Badge no.</translation>
    </message>
    <message>
        <source>{n} năm</source>
        <translation>{n} years</translation>
    </message>
</context>
<context>
    <name>BadgesPage</name>
    <message>
        <source>Dịp xét tặng:</source>
        <extracomment>«In danh sách đề nghị»: a PrintRequest for the main window&apos;s printer.</extracomment>
        <translation>Award occasion:</translation>
    </message>
    <message>
        <source>In danh sách đề nghị</source>
        <translation>Print proposal list</translation>
    </message>
    <message>
        <source>Chọn tất cả</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Bệnh hiểm nghèo, bệnh nặng…</source>
        <translation>Terminal or serious illness…</translation>
    </message>
    <message>
        <source>Lý do tặng sớm:</source>
        <translation>Reason for early award:</translation>
    </message>
    <message>
        <source>Số quyết định:</source>
        <translation>Decision no.:</translation>
    </message>
    <message>
        <source>Ngày quyết định:</source>
        <translation>Decision date:</translation>
    </message>
    <message>
        <source>Ban Thường vụ Tỉnh ủy</source>
        <translation>Ban Thường vụ Tỉnh ủy</translation>
    </message>
    <message>
        <source>Cấp quyết định:</source>
        <translation>Decided by:</translation>
    </message>
    <message>
        <source>Ghi quyết định tặng</source>
        <translation>Record award decision</translation>
    </message>
    <message>
        <source>Đến hạn ({n})</source>
        <translation>Due ({n})</translation>
    </message>
    <message>
        <source>Xét tặng sớm do bệnh nặng ({n})</source>
        <translation>Early award, serious illness ({n})</translation>
    </message>
    <message>
        <source>Truy tặng ({n})</source>
        <translation>Posthumous ({n})</translation>
    </message>
    <message>
        <source>Căn cứ: {source}</source>
        <translation>Basis: {source}</translation>
    </message>
    <message>
        <source>Hãy đánh dấu những đảng viên được tặng.</source>
        <translation>Tick the members who receive the badge.</translation>
    </message>
    <message>
        <source>Ghi quyết định {number} tặng Huy hiệu Đảng dịp {date} cho {n} đảng viên?</source>
        <translation>Record decision {number} awarding the Party badge on the {date} occasion to {n} members?</translation>
    </message>
    <message>
        <source>Tặng Huy hiệu Đảng</source>
        <translation>Award Party badge</translation>
    </message>
    <message>
        <source>Đã ghi {n} Huy hiệu Đảng (quyết định {number}).</source>
        <translation>{n} Party badges recorded (decision {number}).</translation>
    </message>
</context>
<context>
    <name>CadreDeadlinesPage</name>
    <message>
        <source>quá hạn</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Bổ nhiệm từ</source>
        <translation>Appointed</translation>
    </message>
    <message>
        <source>Hết nhiệm kỳ</source>
        <translation>Term ends</translation>
    </message>
    <message>
        <source>Thông báo bổ nhiệm lại trước</source>
        <translation>Reappointment notice by</translation>
    </message>
    <message>
        <source>Còn (ngày)</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>Nhiệm kỳ và thông báo bổ nhiệm lại</source>
        <translation>Terms and reappointment notices</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Tuổi nghỉ hưu</source>
        <translation>Retirement age</translation>
    </message>
    <message>
        <source>Ngày nghỉ hưu</source>
        <translation>Retirement date</translation>
    </message>
    <message>
        <source>{n} tháng tới</source>
        <translation>{n} months</translation>
    </message>
    <message>
        <source>Nghỉ hưu 6/12/24 tháng</source>
        <translation>Retirement in 6/12/24 months</translation>
    </message>
    <message>
        <source>Trong:</source>
        <translation>Within:</translation>
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
        <source>Hưởng từ</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Kỳ (tháng)</source>
        <translation>Interval (months)</translation>
    </message>
    <message>
        <source>Đến hạn nâng bậc</source>
        <translation>Step increase due</translation>
    </message>
    <message>
        <source> tháng tới</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Nâng bậc lương</source>
        <translation>Salary steps</translation>
    </message>
    <message>
        <source>Vấn đề</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Danh sách</source>
        <translation>Names</translation>
    </message>
    <message>
        <source>Quy hoạch</source>
        <translation>Succession planning</translation>
    </message>
    <message>
        <source>Nhiệm kỳ:</source>
        <translation>Term:</translation>
    </message>
    <message>
        <source>Không tải được danh sách: </source>
        <translation>Could not load the list: </translation>
    </message>
    <message>
        <source>{terms} chức vụ bổ nhiệm; {retire} cán bộ sắp nghỉ hưu; {steps} cán bộ đến hạn nâng bậc lương; {problems} vấn đề quy hoạch.</source>
        <translation>{terms} appointed posts; {retire} cadres retiring soon; {steps} cadres due a salary step increase; {problems} succession-planning issues.</translation>
    </message>
</context>
<context>
    <name>CadreRecordDialog</name>
    <message>
        <source>Hồ sơ cán bộ</source>
        <extracomment>A write succeeded; carries the cadre id. «In sơ yếu lý lịch»: a PrintRequest for the main window&apos;s printer.</extracomment>
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
        <source>Khen thưởng, kỷ luật, đánh giá</source>
        <translation>Awards, discipline, ratings</translation>
    </message>
    <message>
        <source>In sơ yếu lý lịch</source>
        <translation>Print CV</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cán bộ mới&lt;/b&gt; — lưu thông tin để mở các mục khác.</source>
        <translation>&lt;b&gt;New cadre&lt;/b&gt; — save the details to open the other tabs.</translation>
    </message>
</context>
<context>
    <name>CadreTab</name>
    <message>
        <source>Trường «{field}» không được để trống.</source>
        <extracomment>The cadre shown (None until a new record is saved).</extracomment>
        <translation>The field “{field}” must not be empty.</translation>
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
        <extracomment>A record asked for a print (its «In sơ yếu lý lịch»): the PrintRequest. The record dialog opened last (tests fill it in).</extracomment>
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
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Xuất danh sách cán bộ đang hiển thị (bộ lọc, thứ tự) ra tệp Excel</source>
        <translation>Export the cadres as shown (filter, order) to an Excel file</translation>
    </message>
    <message>
        <source>Không tải được danh sách cán bộ: </source>
        <translation>Could not load the cadres: </translation>
    </message>
    <message>
        <source>{shown} / {total} cán bộ</source>
        <translation>{shown} / {total} cadres</translation>
    </message>
    <message>
        <source>Xuất danh sách cán bộ ra Excel</source>
        <translation>Export the cadre list to Excel</translation>
    </message>
</context>
<context>
    <name>CancelTransferDialog</name>
    <message>
        <source>Hủy giấy giới thiệu sinh hoạt đảng</source>
        <translation>Cancel Party transfer letter</translation>
    </message>
    <message>
        <source>Hủy giấy số {letter} của {name}: đảng viên trở lại sinh hoạt ở {from}; số giấy vẫn giữ trong sổ, ghi là đã hủy.</source>
        <translation>Cancel letter no. {letter} of {name}: the member returns to {from}; the letter number stays in the register, marked as cancelled.</translation>
    </message>
    <message>
        <source>Lý do hủy:</source>
        <translation>Reason for cancelling:</translation>
    </message>
    <message>
        <source>Lý do hủy</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <source>Hủy giấy giới thiệu</source>
        <translation>Cancel transfer letter</translation>
    </message>
    <message>
        <source>Hủy giấy giới thiệu số {letter}? Việc này không hoàn tác được.</source>
        <translation>Cancel transfer letter no. {letter}? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <source>Chưa có số liệu</source>
        <extracomment>Okabe–Ito colours (readable with the common colour-vision deficiencies); grey = «Khác».</extracomment>
        <translation>No figures yet</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Kết nạp đảng viên trong năm, theo tháng</source>
        <extracomment>Short labels under the age bars (the tooltip and the caption say them in full).</extracomment>
        <translation>Admissions this year, by month</translation>
    </message>
    <message>
        <source>Tháng (theo ngày lễ kết nạp)</source>
        <translation>Month (by admission ceremony date)</translation>
    </message>
    <message>
        <source>Đảng viên theo độ tuổi</source>
        <translation>Members by age</translation>
    </message>
    <message>
        <source>Theo giới tính</source>
        <translation>By sex</translation>
    </message>
    <message>
        <source>Theo dân tộc</source>
        <translation>By ethnic group</translation>
    </message>
    <message>
        <source>Bấm vào một cột để mở danh sách đảng viên tương ứng (hoặc chọn bằng phím mũi tên rồi Enter).</source>
        <translation>Click a bar to open the list of its members (or choose one with the arrow keys and press Enter).</translation>
    </message>
    <message>
        <source>{org} và các tổ chức trực thuộc</source>
        <translation>{org} and the organizations under it</translation>
    </message>
    <message>
        <source>toàn đơn vị</source>
        <translation>whole office</translation>
    </message>
    <message>
        <source>Đảng viên đang sinh hoạt ngày {date}: {n} ({scope}).</source>
        <translation>Active members on {date}: {n} ({scope}).</translation>
    </message>
    <message>
        <source>Tháng {m}/{y}: kết nạp {n}, lũy kế {c}</source>
        <translation>{m}/{y}: {n} admitted, {c} so far this year</translation>
    </message>
    <message>
        <source>Lũy kế</source>
        <translation>So far</translation>
    </message>
    <message>
        <source>Trong tháng</source>
        <translation>In the month</translation>
    </message>
    <message>
        <source>Chỉ tiêu năm {y}: {n}</source>
        <translation>Target {y}: {n}</translation>
    </message>
    <message>
        <source>Năm {y}: đã kết nạp {n}, đạt {p} chỉ tiêu ({t}).</source>
        <translation>{y}: {n} admitted, {p} of the target ({t}).</translation>
    </message>
    <message>
        <source>Năm {y}: đã kết nạp {n}. Chưa đặt chỉ tiêu kết nạp của năm: đặt ở Công cụ → Bảng quy định (chỉ tiêu kết nạp đảng viên của năm).</source>
        <translation>{y}: {n} admitted. No admission target is set for the year: set it in Tools → Rule table (the year&apos;s admission target).</translation>
    </message>
    <message>
        <source>{label}: {n} đảng viên ({p})</source>
        <translation>{label}: {n} members ({p})</translation>
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
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Kết nạp trong tháng {m}/{y} (ngày lễ kết nạp)</source>
        <translation>Admitted in {m}/{y} (ceremony date)</translation>
    </message>
    <message>
        <source>Dân tộc khác (ngoài các dân tộc có cột riêng trên biểu đồ)</source>
        <translation>Other ethnic groups (those without a bar of their own on the chart)</translation>
    </message>
</context>
<context>
    <name>CodeLabels</name>
    <message>
        <source>Quần chúng ưu tú</source>
        <translation>Outstanding candidate</translation>
    </message>
    <message>
        <source>Đảng viên dự bị</source>
        <translation>Probationary member</translation>
    </message>
    <message>
        <source>Đảng viên chính thức</source>
        <translation>Full member</translation>
    </message>
    <message>
        <source>Miễn công tác và sinh hoạt</source>
        <translation>Exempted from work and activities</translation>
    </message>
    <message>
        <source>Đã chuyển đi</source>
        <translation>Transferred out</translation>
    </message>
    <message>
        <source>Đã ra khỏi Đảng</source>
        <translation>Left the Party</translation>
    </message>
    <message>
        <source>Đã từ trần</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>Quần chúng ưu tú được theo dõi</source>
        <translation>Outstanding candidate registered</translation>
    </message>
    <message>
        <source>Hoàn thành lớp bồi dưỡng nhận thức về Đảng</source>
        <translation>Completed the Party awareness course</translation>
    </message>
    <message>
        <source>Đơn xin vào Đảng</source>
        <translation>Application to join the Party</translation>
    </message>
    <message>
        <source>Thẩm tra lý lịch</source>
        <translation>Biography verification</translation>
    </message>
    <message>
        <source>Nghị quyết chi bộ đề nghị kết nạp</source>
        <translation>Party cell resolution proposing admission</translation>
    </message>
    <message>
        <source>Nghị quyết đảng ủy cơ sở</source>
        <translation>Grassroots committee resolution</translation>
    </message>
    <message>
        <source>Quyết định kết nạp</source>
        <translation>Admission decision</translation>
    </message>
    <message>
        <source>Lễ kết nạp</source>
        <translation>Admission ceremony</translation>
    </message>
    <message>
        <source>Nghị quyết chi bộ đề nghị công nhận chính thức</source>
        <translation>Party cell resolution proposing full membership</translation>
    </message>
    <message>
        <source>Công nhận đảng viên chính thức</source>
        <translation>Recognition as full member</translation>
    </message>
    <message>
        <source>Xóa tên khỏi danh sách đảng viên dự bị</source>
        <translation>Struck off the probationary list</translation>
    </message>
    <message>
        <source>Chuyển sinh hoạt đảng chính thức đi</source>
        <translation>Permanent transfer out</translation>
    </message>
    <message>
        <source>Chuyển sinh hoạt đảng chính thức đến</source>
        <translation>Permanent transfer in</translation>
    </message>
    <message>
        <source>Chuyển sinh hoạt nội bộ</source>
        <translation>Internal transfer</translation>
    </message>
    <message>
        <source>Chuyển sinh hoạt tạm thời đi</source>
        <translation>Temporary transfer out</translation>
    </message>
    <message>
        <source>Trở về sau sinh hoạt tạm thời</source>
        <translation>Return from temporary transfer</translation>
    </message>
    <message>
        <source>Miễn công tác và sinh hoạt đảng</source>
        <translation>Exemption from party work and activities</translation>
    </message>
    <message>
        <source>Thôi miễn công tác và sinh hoạt đảng</source>
        <translation>End of exemption from party work and activities</translation>
    </message>
    <message>
        <source>Khai trừ</source>
        <translation>Expulsion</translation>
    </message>
    <message>
        <source>Xóa tên</source>
        <translation>Struck off</translation>
    </message>
    <message>
        <source>Xin ra khỏi Đảng</source>
        <translation>Asked to leave the Party</translation>
    </message>
    <message>
        <source>Mất liên lạc</source>
        <translation>Lost contact</translation>
    </message>
    <message>
        <source>Liên lạc lại</source>
        <translation>Contact restored</translation>
    </message>
    <message>
        <source>Minh oan, khôi phục đảng tịch</source>
        <translation>Exonerated, membership restored</translation>
    </message>
    <message>
        <source>Từ trần</source>
        <translation>Died</translation>
    </message>
    <message>
        <source>Đánh giá, xếp loại chất lượng</source>
        <translation>Quality rating</translation>
    </message>
    <message>
        <source>Tặng Huy hiệu Đảng</source>
        <translation>Party badge awarded</translation>
    </message>
    <message>
        <source>Khen thưởng</source>
        <translation>Award</translation>
    </message>
    <message>
        <source>Đang xem xét, thi hành kỷ luật</source>
        <translation>Under disciplinary review</translation>
    </message>
    <message>
        <source>Kết thúc xem xét kỷ luật</source>
        <translation>Disciplinary review closed</translation>
    </message>
    <message>
        <source>Kỷ luật</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>Phát thẻ đảng viên</source>
        <translation>Party card issued</translation>
    </message>
    <message>
        <source>Đính chính</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Đảng bộ tỉnh</source>
        <translation>Provincial Party organization</translation>
    </message>
    <message>
        <source>Đảng bộ huyện</source>
        <translation>District Party organization</translation>
    </message>
    <message>
        <source>Đảng bộ xã, phường, đặc khu</source>
        <translation>Commune, ward or special-zone Party organization</translation>
    </message>
    <message>
        <source>Đảng bộ cấp trên cơ sở</source>
        <translation>Above-grassroots Party organization</translation>
    </message>
    <message>
        <source>Đảng bộ cơ sở</source>
        <translation>Grassroots Party organization</translation>
    </message>
    <message>
        <source>Chi bộ cơ sở</source>
        <translation>Grassroots Party cell</translation>
    </message>
    <message>
        <source>Đảng bộ bộ phận</source>
        <translation>Component Party organization</translation>
    </message>
    <message>
        <source>Chi bộ trực thuộc</source>
        <translation>Subordinate Party cell</translation>
    </message>
    <message>
        <source>Tổ đảng</source>
        <translation>Party group</translation>
    </message>
    <message>
        <source>Đang chuyển</source>
        <translation>In transit</translation>
    </message>
    <message>
        <source>Đã tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Đã trở về</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Kết nạp đảng viên</source>
        <translation>Admission</translation>
    </message>
    <message>
        <source>Chuyển sinh hoạt đảng</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <source>Đảng phí</source>
        <translation>Party dues</translation>
    </message>
    <message>
        <source>Huy hiệu Đảng</source>
        <translation>Party badges</translation>
    </message>
    <message>
        <source>Đánh giá, xếp loại</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>Nhiệm kỳ bổ nhiệm</source>
        <translation>Appointment terms</translation>
    </message>
    <message>
        <source>Nghỉ hưu</source>
        <translation>Retirement</translation>
    </message>
    <message>
        <source>Nâng bậc lương</source>
        <translation>Salary step increases</translation>
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
        <source>quá hạn {n} ngày</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <source>hôm nay</source>
        <translation>today</translation>
    </message>
    <message>
        <source>còn {n} ngày</source>
        <translation>{n} days left</translation>
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
    <name>DayDialog</name>
    <message>
        <source>In các giấy giới thiệu trong ngày</source>
        <extracomment>How many past years the year filter offers besides &quot;every year&quot;.</extracomment>
        <translation>Print the transfer letters of a day</translation>
    </message>
    <message>
        <source>Ngày ký giấy:</source>
        <translation>Letters signed on:</translation>
    </message>
</context>
<context>
    <name>DisciplineDialog</name>
    <message>
        <source>Kỷ luật đảng viên</source>
        <translation>Member discipline</translation>
    </message>
    <message>
        <source>Việc:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Hình thức kỷ luật:</source>
        <translation>Disciplinary measure:</translation>
    </message>
    <message>
        <source>Khai trừ vì vi phạm nghiêm trọng</source>
        <translation>Expulsion for a serious violation</translation>
    </message>
    <message>
        <source>Số quyết định:</source>
        <translation>Decision no.:</translation>
    </message>
    <message>
        <source>Cấp quyết định:</source>
        <translation>Decided by:</translation>
    </message>
    <message>
        <source>Nội dung, kết luận:</source>
        <translation>Details, conclusion:</translation>
    </message>
    <message>
        <source>Bắt đầu xem xét kỷ luật</source>
        <translation>Open disciplinary review</translation>
    </message>
    <message>
        <source>Kết thúc xem xét (không kỷ luật)</source>
        <translation>Close review (no discipline)</translation>
    </message>
    <message>
        <source>Thi hành kỷ luật</source>
        <translation>Impose discipline</translation>
    </message>
    <message>
        <source>Mở việc xem xét kỷ luật; đảng viên được ghi là đang bị xem xét.</source>
        <translation>Opens a disciplinary review; the member is recorded as under review.</translation>
    </message>
    <message>
        <source>Kết thúc việc xem xét kỷ luật mở từ ngày {date}.</source>
        <translation>Closes the disciplinary review opened on {date}.</translation>
    </message>
    <message>
        <source>Khai trừ: đảng viên ra khỏi Đảng từ ngày quyết định, thôi sinh hoạt ở chi bộ.</source>
        <translation>Expulsion: the member leaves the Party and the Party cell from the decision date.</translation>
    </message>
    <message>
        <source>Ghi hình thức kỷ luật «{name}» vào lý lịch đảng viên.</source>
        <translation>Records the measure “{name}” in the member’s biography.</translation>
    </message>
    <message>
        <source>Không có hình thức kỷ luật nào áp dụng cho trạng thái này.</source>
        <translation>No disciplinary measure applies to this status.</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hãy chọn hình thức kỷ luật.</source>
        <translation>Choose a disciplinary measure.</translation>
    </message>
    <message>
        <source>Thi hành kỷ luật «{name}»? {effect}</source>
        <translation>Impose “{name}”? {effect}</translation>
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
    <name>DocumentsPage</name>
    <message>
        <source>Năm:</source>
        <extracomment>«Xem»: the DocumentRow to show (its file, or printed again when the file is gone). «In lại»: the document id to print again. A dialog this page opened (tests). The void dialog opened last (tests fill it in).</extracomment>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Mọi loại</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Loại văn bản:</source>
        <translation>Document type:</translation>
    </message>
    <message>
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <source>In lại</source>
        <translation>Print again</translation>
    </message>
    <message>
        <source>Hủy số…</source>
        <translation>Void number…</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Loại, mẫu</source>
        <translation>Type, form</translation>
    </message>
    <message>
        <source>Người, nội dung</source>
        <translation>Person, subject</translation>
    </message>
    <message>
        <source>Người ký</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Số lần in</source>
        <translation>Prints</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>Không tải được sổ đăng ký văn bản: </source>
        <translation>Could not load the document register: </translation>
    </message>
    <message>
        <source>{count} văn bản, {voided} đã hủy số</source>
        <translation>{count} documents, {voided} voided</translation>
    </message>
</context>
<context>
    <name>DuesGridModel</name>
    <message>
        <source>Họ và tên</source>
        <extracomment>Role giving the member id of a row. Emitted with a sentence when a typed amount is refused.</extracomment>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Đối tượng</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Mức căn cứ</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>Phải nộp</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Đã nộp</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Ngày nộp</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>«{value}» không phải số tiền (đồng).</source>
        <translation>“{value}” is not an amount (đồng).</translation>
    </message>
    <message>
        <source>{name}: số tiền phải lớn hơn 0.</source>
        <translation>{name}: the amount must be more than 0.</translation>
    </message>
</context>
<context>
    <name>DuesPage</name>
    <message>
        <source>Chi bộ:</source>
        <translation>Party cell:</translation>
    </message>
    <message>
        <source>Tháng:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>Ngày nộp:</source>
        <translation>Paid on:</translation>
    </message>
    <message>
        <source>Nộp đủ tất cả</source>
        <translation>All paid in full</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Chi bộ</source>
        <translation>Party cell</translation>
    </message>
    <message>
        <source>Số tháng</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>Các tháng chưa nộp</source>
        <translation>Unpaid months</translation>
    </message>
    <message>
        <source>Không tải được sổ đảng phí: </source>
        <translation>Could not load the dues book: </translation>
    </message>
    <message>
        <source>Đảng viên không đóng đảng phí từ 3 tháng trở lên trong năm {year}: {count}</source>
        <translation>Members who did not pay dues for 3 months or more in {year}: {count}</translation>
    </message>
    <message>
        <source>{count} đảng viên; phải nộp {expected} đ; đã nộp {paid} đ</source>
        <translation>{count} members; due {expected} đ; paid {paid} đ</translation>
    </message>
    <message>
        <source>Đã điền số phải nộp cho {n} đảng viên; bấm «Lưu» để ghi.</source>
        <translation>Amounts due filled in for {n} members; click “Save” to record them.</translation>
    </message>
    <message>
        <source>{n} đảng viên chưa tính được số phải nộp (xem cột Ghi chú).</source>
        <translation>The amount due of {n} members could not be computed (see the Notes column).</translation>
    </message>
    <message>
        <source>Chưa nhập khoản đảng phí nào để lưu.</source>
        <translation>No dues payments have been entered.</translation>
    </message>
    <message>
        <source>Hãy nhập ngày nộp.</source>
        <translation>Enter the payment date.</translation>
    </message>
    <message>
        <source>Sửa khoản đã ghi</source>
        <translation>Change recorded payments</translation>
    </message>
    <message>
        <source>Sửa số tiền đã ghi của {n} đảng viên ({names})?</source>
        <translation>Change the recorded amounts of {n} members ({names})?</translation>
    </message>
    <message>
        <source>Chưa lưu.</source>
        <translation>Not saved.</translation>
    </message>
    <message>
        <source>Đã lưu đảng phí tháng {month} của {n} đảng viên.</source>
        <translation>Dues for {month} saved for {n} members.</translation>
    </message>
    <message>
        <source>Không lưu được: </source>
        <translation>Could not save: </translation>
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
    <name>ExcelExportDialog</name>
    <message>
        <source>Xuất Excel</source>
        <extracomment>The settings key of the folder the last export went to. An export to run on the worker: given the progress callback, it writes the file.</extracomment>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Đang xuất vào tệp {file}…</source>
        <extracomment>(rows written, rows in all), emitted from the worker&apos;s progress callback. The export ended (written, stopped or failed). What was written (set when the export succeeded). The sentence shown when the export failed or was stopped.</extracomment>
        <translation>Exporting to {file}…</translation>
    </message>
    <message>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Đang dừng…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Đã ghi {done} / {total} dòng</source>
        <translation>{done} / {total} rows written</translation>
    </message>
    <message>
        <source>Đã xuất Excel.</source>
        <translation>Exported to Excel.</translation>
    </message>
    <message>
        <source>Đã ghi {n} dòng vào tệp {file}.</source>
        <translation>{n} rows written to {file}.</translation>
    </message>
    <message>
        <source>Đã dừng: không có tệp nào được ghi.</source>
        <translation>Stopped: no file was written.</translation>
    </message>
    <message>
        <source>Chưa xuất được.</source>
        <translation>The export did not complete.</translation>
    </message>
</context>
<context>
    <name>ExcelImportDialog</name>
    <message>
        <source>Nhập danh sách từ Excel</source>
        <extracomment>(stage, done, total), emitted from the worker&apos;s progress callback.</extracomment>
        <translation>Import a list from Excel</translation>
    </message>
    <message>
        <source>Tải mẫu Excel…</source>
        <extracomment>The sentence shown for the last failure (empty when none).</extracomment>
        <translation>Download Excel template…</translation>
    </message>
    <message>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Tiếp &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Trang tính</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Chi bộ cho các dòng không ghi cột «Chi bộ» (ghi tên hoặc mã chi bộ)</source>
        <translation>Branch for rows with no «Chi bộ» column (branch name or code)</translation>
    </message>
    <message>
        <source>Chi bộ mặc định</source>
        <translation>Default branch</translation>
    </message>
    <message>
        <source>Dòng tiêu đề được tìm trong 20 dòng đầu, dưới các dòng tên đơn vị và tên danh sách. Ngày ghi dd/mm/yyyy hoặc định dạng ngày của Excel. Không dòng nào được ghi trước khi bạn xem trước và bấm «Nhập».</source>
        <translation>The header row is looked for in the first 20 rows, under the office and list title rows. Dates as dd/mm/yyyy or Excel dates. Nothing is written before you preview and press «Import».</translation>
    </message>
    <message>
        <source>Chỉ hiện dòng có lỗi</source>
        <translation>Only rows with problems</translation>
    </message>
    <message>
        <source>Lưu các dòng lỗi…</source>
        <translation>Save refused rows…</translation>
    </message>
    <message>
        <source>Ghi các dòng không nhập được, kèm lý do, ra tệp Excel để sửa rồi nhập lại</source>
        <translation>Write the rows that cannot be imported, with their reasons, to an Excel file to fix and import again</translation>
    </message>
    <message>
        <source>Bước 1/4: chọn tệp</source>
        <translation>Step 1/4: choose the file</translation>
    </message>
    <message>
        <source>Bước 2/4: cột nào chứa gì</source>
        <translation>Step 2/4: what each column holds</translation>
    </message>
    <message>
        <source>Bước 3/4: xem trước</source>
        <translation>Step 3/4: preview</translation>
    </message>
    <message>
        <source>Bước 4/4: nhập</source>
        <translation>Step 4/4: import</translation>
    </message>
    <message>
        <source>Nhập {n} dòng</source>
        <translation>Import {n} rows</translation>
    </message>
    <message>
        <source>(không: dòng phải ghi chi bộ)</source>
        <translation>(none: rows must name their branch)</translation>
    </message>
    <message>
        <source>Chọn danh sách Excel</source>
        <translation>Choose an Excel list</translation>
    </message>
    <message>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Hãy chọn tệp Excel.</source>
        <translation>Choose an Excel file.</translation>
    </message>
    <message>
        <source>Tệp Excel (.xlsx, .xls) hoặc LibreOffice (.ods)</source>
        <translation>Excel file (.xlsx, .xls) or LibreOffice (.ods)</translation>
    </message>
    <message>
        <source>Bảng tính (*.xlsx *.xlsm *.xls *.ods);;Mọi tệp (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)</translation>
    </message>
    <message>
        <source>Trang «{sheet}»: dòng tiêu đề {header}, dữ liệu từ dòng {first}. Chọn trường cho từng cột; cột để «(không nhập)» được bỏ qua.</source>
        <translation>Sheet «{sheet}»: header row {header}, data from row {first}. Choose the field of each column; columns left «(not imported)» are skipped.</translation>
    </message>
    <message>
        <source>Cột trong tệp</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Mẫu</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>(không tiêu đề)</source>
        <translation>(no header)</translation>
    </message>
    <message>
        <source>(không nhập)</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>Số thứ tự (không nhập)</source>
        <translation>Row number (not imported)</translation>
    </message>
    <message>
        <source>Mỗi trường chỉ chọn cho một cột: {fields}.</source>
        <translation>Choose each field for one column only: {fields}.</translation>
    </message>
    <message>
        <source>{rows} dòng: {added} sẽ được thêm, {refused} không nhập được (trong đó {duplicates} trùng). Bỏ qua {blank} dòng trống và {footer} dòng cuối bảng.</source>
        <translation>{rows} rows: {added} will be added, {refused} cannot be imported ({duplicates} of them duplicates). {blank} blank rows and {footer} rows below the list are skipped.</translation>
    </message>
    <message>
        <source>Lưu các dòng lỗi</source>
        <translation>Save refused rows</translation>
    </message>
    <message>
        <source>Đã ghi {n} dòng lỗi vào tệp {file}.</source>
        <translation>Wrote {n} refused rows to {file}.</translation>
    </message>
    <message>
        <source>Tải mẫu Excel</source>
        <translation>Download Excel template</translation>
    </message>
    <message>
        <source>Đã lưu tệp mẫu {file}.</source>
        <translation>Template saved to {file}.</translation>
    </message>
    <message>
        <source>Đang nhập {n} dòng…</source>
        <translation>Importing {n} rows…</translation>
    </message>
    <message>
        <source>Đã thêm {added} đảng viên. {refused} dòng không nhập được.</source>
        <translation>Added {added} members. {refused} rows could not be imported.</translation>
    </message>
    <message>
        <source>Đang làm…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Đã đọc {done} dòng</source>
        <translation>Read {done} rows</translation>
    </message>
    <message>
        <source>Đã kiểm tra {done} / {total} dòng</source>
        <translation>Checked {done} / {total} rows</translation>
    </message>
    <message>
        <source>Đã ghi {done} / {total} dòng</source>
        <translation>Wrote {done} / {total} rows</translation>
    </message>
    <message>
        <source>Đang dừng…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Đã dừng: cơ sở dữ liệu không thay đổi.</source>
        <translation>Stopped: the database is unchanged.</translation>
    </message>
</context>
<context>
    <name>ExemptionDialog</name>
    <message>
        <source>Miễn công tác và sinh hoạt đảng</source>
        <translation>Exemption from party work and activities</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Đến ngày (nếu có):</source>
        <translation>Until (if any):</translation>
    </message>
    <message>
        <source>Tuổi cao, sức yếu…</source>
        <translation>Old age, poor health…</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Số nghị quyết, quyết định:</source>
        <translation>Resolution or decision no.:</translation>
    </message>
    <message>
        <source>Thôi miễn từ ngày:</source>
        <translation>Exemption ends on:</translation>
    </message>
    <message>
        <source>Đảng viên trở lại sinh hoạt, công tác bình thường.</source>
        <translation>The member returns to normal party work and activities.</translation>
    </message>
    <message>
        <source>Thời hạn miễn đã định: đến {date}.</source>
        <translation>Exemption set to last until {date}.</translation>
    </message>
    <message>
        <source>Đảng viên được miễn công tác và sinh hoạt đảng; vẫn tính trong tổng số đảng viên của chi bộ.</source>
        <translation>The member is exempted from party work and activities but still counts in the Party cell’s total membership.</translation>
    </message>
    <message>
        <source>Thôi miễn từ ngày</source>
        <translation>Exemption end date</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <source>Chỉ tiêu</source>
        <extracomment>The report dates offered first (domain.md §6: as of 30/6 and 31/12).</extracomment>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Số liệu</source>
        <translation>Value</translation>
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
    <name>ImportPreviewModel</name>
    <message>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>(không tiêu đề)</source>
        <translation>(no header)</translation>
    </message>
    <message>
        <source>{header}: không nhập</source>
        <translation>{header}: not imported</translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Không nhập: {reasons}</source>
        <translation>Not imported: {reasons}</translation>
    </message>
</context>
<context>
    <name>InfoTab</name>
    <message>
        <source>Họ và tên:</source>
        <extracomment>A new cadre was created; carries its id.</extracomment>
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
</context>
<context>
    <name>InternalMoveDialog</name>
    <message>
        <source>Chuyển sinh hoạt nội bộ</source>
        <translation>Internal transfer</translation>
    </message>
    <message>
        <source>Đảng viên:</source>
        <translation>Party member:</translation>
    </message>
    <message>
        <source>Chi bộ mới:</source>
        <translation>New Party cell:</translation>
    </message>
    <message>
        <source>Ngày chuyển:</source>
        <translation>Transfer date:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Hãy chọn chi bộ mới.</source>
        <translation>Choose the new Party cell.</translation>
    </message>
    <message>
        <source>Ngày chuyển</source>
        <translation>Transfer date</translation>
    </message>
</context>
<context>
    <name>IntroducerDialog</name>
    <message>
        <source>Người giới thiệu</source>
        <translation>Sponsor</translation>
    </message>
    <message>
        <source>Đảng viên chính thức</source>
        <translation>Full member</translation>
    </message>
    <message>
        <source>Đoàn TNCS Hồ Chí Minh</source>
        <translation>Ho Chi Minh Communist Youth Union</translation>
    </message>
    <message>
        <source>Công đoàn cơ sở</source>
        <translation>Grassroots trade union</translation>
    </message>
    <message>
        <source>Người giới thiệu là:</source>
        <translation>Sponsor type:</translation>
    </message>
    <message>
        <source>Tên, số CCCD hoặc số thẻ…</source>
        <translation>Name, citizen ID or card no.…</translation>
    </message>
    <message>
        <source>Tìm</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Tìm đảng viên:</source>
        <translation>Find member:</translation>
    </message>
    <message>
        <source>Đảng viên:</source>
        <translation>Party member:</translation>
    </message>
    <message>
        <source>ví dụ Ban Chấp hành Đoàn xã</source>
        <translation>e.g. Ban Chấp hành Đoàn xã</translation>
    </message>
    <message>
        <source>Tổ chức giới thiệu:</source>
        <translation>Sponsoring organization:</translation>
    </message>
    <message>
        <source>Cùng công tác từ:</source>
        <translation>Worked together since:</translation>
    </message>
    <message>
        <source>Ngày giới thiệu:</source>
        <translation>Sponsored on:</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Không tìm thấy đảng viên nào.</source>
        <translation>No member found.</translation>
    </message>
    <message>
        <source>Hãy nhập ngày giới thiệu.</source>
        <translation>Enter the sponsorship date.</translation>
    </message>
    <message>
        <source>Hãy tìm và chọn đảng viên giới thiệu.</source>
        <translation>Find and choose the sponsoring member.</translation>
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
    <name>LeaveDialog</name>
    <message>
        <source>Ra khỏi Đảng, từ trần</source>
        <translation>Leaving the Party, death</translation>
    </message>
    <message>
        <source>Khai trừ</source>
        <translation>Expulsion</translation>
    </message>
    <message>
        <source>Xóa tên</source>
        <translation>Strike off</translation>
    </message>
    <message>
        <source>Xin ra khỏi Đảng</source>
        <translation>Request to leave</translation>
    </message>
    <message>
        <source>Từ trần</source>
        <translation>Death</translation>
    </message>
    <message>
        <source>Hình thức:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Căn cứ xóa tên:</source>
        <translation>Grounds for striking off:</translation>
    </message>
    <message>
        <source>Vi phạm nghiêm trọng (tham nhũng, phản bội, tội phạm nghiêm trọng…)</source>
        <translation>Serious violation (corruption, treason, serious crime…)</translation>
    </message>
    <message>
        <source>Số quyết định:</source>
        <translation>Decision no.:</translation>
    </message>
    <message>
        <source>Cấp quyết định:</source>
        <translation>Decided by:</translation>
    </message>
    <message>
        <source>Lý do, ghi chú:</source>
        <translation>Reason, notes:</translation>
    </message>
    <message>
        <source>Đảng viên được ghi từ trần ngày {date}: thôi sinh hoạt ở chi bộ, trạng thái «Đã từ trần»; vẫn có thể được truy tặng Huy hiệu Đảng.</source>
        <translation>The member is recorded as deceased on {date}: leaves the Party cell, status “Deceased”; a Party badge can still be awarded posthumously.</translation>
    </message>
    <message>
        <source>Đảng viên ra khỏi Đảng từ ngày {date}: thôi sinh hoạt ở chi bộ, không còn tính trong tổng số đảng viên, trạng thái «Đã ra khỏi Đảng»; tuổi đảng ngừng tính từ ngày này.</source>
        <translation>The member leaves the Party on {date}: leaves the Party cell, no longer counts in the membership total, status “Left the Party”; Party age stops counting from this date.</translation>
    </message>
    <message>
        <source>Ghi kèm quyết định kỷ luật khai trừ.</source>
        <translation>Also records the expulsion decision.</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Ghi «{kind}» cho {name}? {effect}</source>
        <translation>Record “{kind}” for {name}? {effect}</translation>
    </message>
</context>
<context>
    <name>LeavingDialogs</name>
    <message>
        <source>Trường «{field}» không được để trống.</source>
        <translation>The field “{field}” must not be empty.</translation>
    </message>
    <message>
        <source>Đảng viên: &lt;b&gt;{name}&lt;/b&gt; — {status}</source>
        <extracomment>The member&apos;s name and status, above the fields.</extracomment>
        <translation>Member: &lt;b&gt;{name}&lt;/b&gt; — {status}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tổng quan</source>
        <extracomment>Where printed forms go (the data folder&apos;s &quot;exports&quot;, beside &quot;backups&quot;). Prints what pages ask for (pages emit requests, never print themselves).</extracomment>
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
        <source>Kết nạp</source>
        <translation>Admission</translation>
    </message>
    <message>
        <source>Chuyển sinh hoạt</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <source>Đảng phí</source>
        <translation>Party dues</translation>
    </message>
    <message>
        <source>Đánh giá</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>Huy hiệu</source>
        <translation>Badges</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Cadres</translation>
    </message>
    <message>
        <source>Hạn cán bộ</source>
        <translation>Cadre deadlines</translation>
    </message>
    <message>
        <source>Văn bản</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Cây tổ chức</source>
        <extracomment>The step dialog a «Nghiệp vụ» menu opened last (tests look at it).</extracomment>
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
        <source>Nhập danh sách từ Excel…</source>
        <translation>Import a list from Excel…</translation>
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
        <source>&amp;Báo cáo</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>Báo cáo thống kê…</source>
        <translation>Statistics report…</translation>
    </message>
    <message>
        <source>&amp;Công cụ</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Bảng quy định (thời hạn, định mức)…</source>
        <translation>Rules (deadlines, rates)…</translation>
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
    <name>MemberActions</name>
    <message>
        <source>In phiếu đảng viên…</source>
        <extracomment>Action key -&gt; the statuses it applies to. Printed form (a `services.printing` form key) -&gt; the statuses it is offered for. The service checks the finer state (a decision needs the branch&apos;s resolution first…). The prefix of print action keys (&quot;print:member_sheet&quot;).</extracomment>
        <translation>Print member sheet…</translation>
    </message>
    <message>
        <source>In nghị quyết đề nghị kết nạp…</source>
        <translation>Print resolution proposing admission…</translation>
    </message>
    <message>
        <source>In quyết định kết nạp…</source>
        <translation>Print admission decision…</translation>
    </message>
    <message>
        <source>In nghị quyết đề nghị công nhận chính thức…</source>
        <translation>Print resolution proposing full membership…</translation>
    </message>
    <message>
        <source>In quyết định công nhận chính thức…</source>
        <translation>Print full membership decision…</translation>
    </message>
    <message>
        <source>Bước kết nạp, công nhận tiếp theo…</source>
        <translation>Next admission or recognition step…</translation>
    </message>
    <message>
        <source>Thêm người giới thiệu…</source>
        <translation>Add sponsor…</translation>
    </message>
    <message>
        <source>Chuyển sinh hoạt đảng đi…</source>
        <translation>Transfer out…</translation>
    </message>
    <message>
        <source>Chuyển sinh hoạt nội bộ…</source>
        <translation>Internal transfer…</translation>
    </message>
    <message>
        <source>Chuyển sinh hoạt tạm thời…</source>
        <translation>Temporary transfer…</translation>
    </message>
    <message>
        <source>Miễn công tác và sinh hoạt đảng…</source>
        <translation>Exemption from party work and activities…</translation>
    </message>
    <message>
        <source>Xem xét, thi hành kỷ luật…</source>
        <translation>Disciplinary review and measures…</translation>
    </message>
    <message>
        <source>Ra khỏi Đảng, từ trần…</source>
        <translation>Leaving the Party, death…</translation>
    </message>
    <message>
        <source>Kết nạp lại…</source>
        <translation>Readmission…</translation>
    </message>
    <message>
        <source>Nghiệp vụ</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Kết nạp, chuyển sinh hoạt, miễn sinh hoạt, kỷ luật, ra khỏi Đảng</source>
        <translation>Admission, transfers, exemption, discipline, leaving the Party</translation>
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
        <extracomment>Coded fields and their catalogues (ethnicity and religion always have a value). Free-text fields whose catalogue (same name) only suggests values. Emitted with the member id after a successful save. A lifecycle step chosen in «Nghiệp vụ» (action key, member id); the main window opens it.</extracomment>
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
        <extracomment>Columns shown on a first start; the others are one right-click away on the header. A lifecycle step for a member (action key, member id), from the page&apos;s «Nghiệp vụ» or from a record it opened; the main window opens the step. The day ages and &quot;due soon&quot; are counted on (None: the real today; tests fix it). Conditions of a list opened from elsewhere (an overview chart&apos;s bar) that the filter bar&apos;s boxes cannot show; kept, with their caption, until cleared. An ethnicity asked for before the box&apos;s choices arrived.</extracomment>
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
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Xuất danh sách đang hiển thị (bộ lọc, các cột, thứ tự) ra tệp Excel</source>
        <translation>Export the list as shown (filter, columns, order) to an Excel file</translation>
    </message>
    <message>
        <source>Nhập Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <source>Nhập danh sách đảng viên từ tệp Excel</source>
        <translation>Import a member list from an Excel file</translation>
    </message>
    <message>
        <source>Thêm đảng viên</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Bỏ lọc này</source>
        <translation>Remove this filter</translation>
    </message>
    <message>
        <source>Bỏ điều kiện lọc đến từ biểu đồ ở trang Tổng quan</source>
        <translation>Remove the condition that came from a chart on the Overview page</translation>
    </message>
    <message>
        <source>Danh sách từ biểu đồ: </source>
        <translation>List from a chart: </translation>
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
        <source>Xuất danh sách đảng viên ra Excel</source>
        <translation>Export the member list to Excel</translation>
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
        <extracomment>The user asked for another organization (a child double-clicked, a parent link); the main window may select it in the tree. «In sổ danh sách đảng viên»: a PrintRequest for the main window&apos;s printer.</extracomment>
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
        <source>In sổ danh sách đảng viên</source>
        <translation>Print member list book</translation>
    </message>
    <message>
        <source>Xuất sổ danh sách (Excel)…</source>
        <translation>Export the list book (Excel)…</translation>
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
        <source>Thay đổi chưa lưu</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Bỏ các thay đổi chưa lưu của «{name}»?</source>
        <translation>Discard the unsaved changes to “{name}”?</translation>
    </message>
    <message>
        <source>Đã lưu thông tin tổ chức.</source>
        <translation>Organization details saved.</translation>
    </message>
    <message>
        <source>Xuất sổ danh sách đảng viên ra Excel</source>
        <translation>Export the member list book to Excel</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Đảng viên theo trạng thái</source>
        <extracomment>The role under which a row of the to-do tree keeps its DueItem. Due counts per group ({group: (items, overdue)}) after each refresh, for the navigation&apos;s badges. A chart&apos;s bar was clicked: (MemberFilter, caption) of the list behind it. The day the charts count ages and the year on (None: the real today; tests fix it).</extracomment>
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
        <source>Biểu đồ</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Đang tải biểu đồ…</source>
        <translation>Loading the charts…</translation>
    </message>
    <message>
        <source>Không tải được biểu đồ: </source>
        <translation>Could not load the charts: </translation>
    </message>
    <message>
        <source>Việc cần làm ({n})</source>
        <translation>To do ({n})</translation>
    </message>
    <message>
        <source>{n} việc, trong đó {k} việc quá hạn.</source>
        <translation>{n} items, {k} of them overdue.</translation>
    </message>
    <message>
        <source> — {k} quá hạn</source>
        <translation> — {k} overdue</translation>
    </message>
    <message>
        <source>Không tải được tổng quan: </source>
        <translation>Could not load the overview: </translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Vừa chiều rộng</source>
        <extracomment>Pages are rendered at the printer&apos;s resolution but never finer than this: a 1200 dpi A4 page would be a 550 MB image, and forms gain nothing past 300 dpi.</extracomment>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Lưu thành…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Không mở được tệp {file}.</source>
        <translation>Could not open the file {file}.</translation>
    </message>
    <message>
        <source>Trang {page} / {count}</source>
        <translation>Page {page} / {count}</translation>
    </message>
    <message>
        <source>In văn bản</source>
        <translation>Print document</translation>
    </message>
    <message>
        <source>Đã gửi {n} trang tới máy in.</source>
        <translation>Sent {n} pages to the printer.</translation>
    </message>
    <message>
        <source>Lưu văn bản thành</source>
        <translation>Save document as</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Đã lưu vào {file}.</source>
        <translation>Saved to {file}.</translation>
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
    <name>PlanningTab</name>
    <message>
        <source>Nhiệm kỳ</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Chức danh quy hoạch</source>
        <translation>Planned post</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Đưa vào</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decision</translation>
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
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Quyết định số:</source>
        <translation>Decision no.:</translation>
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
</context>
<context>
    <name>PostsTab</name>
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
        <source>Chức vụ</source>
        <translation>Post</translation>
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
    <message>
        <source>In văn bản (chung cho cả đơn vị)</source>
        <translation>Printed documents (shared by the whole office)</translation>
    </message>
    <message>
        <source>Lề trên:</source>
        <translation>Top margin:</translation>
    </message>
    <message>
        <source>Lề dưới:</source>
        <translation>Bottom margin:</translation>
    </message>
    <message>
        <source>Lề trái:</source>
        <translation>Left margin:</translation>
    </message>
    <message>
        <source>Lề phải:</source>
        <translation>Right margin:</translation>
    </message>
    <message>
        <source>Chức danh người ký:</source>
        <translation>Signer’s title:</translation>
    </message>
    <message>
        <source>Họ tên người ký:</source>
        <translation>Signer’s name:</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>Không in được</source>
        <translation>Could not print</translation>
    </message>
</context>
<context>
    <name>PrintBatchDialog</name>
    <message>
        <source>{n} văn bản sẽ được in vào thư mục {folder}.</source>
        <extracomment>(done, total), emitted from the worker&apos;s progress callback. The batch ended (finished, stopped or failed). The documents printed (filled when the batch ends).</extracomment>
        <translation>{n} documents will be printed into the folder {folder}.</translation>
    </message>
    <message>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Đang dừng…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Đã in {done} / {total}</source>
        <translation>Printed {done} / {total}</translation>
    </message>
    <message>
        <source>Đã dừng sau {k} trong {total} văn bản.</source>
        <translation>Stopped after {k} of {total} documents.</translation>
    </message>
    <message>
        <source>Đã in {n} văn bản.</source>
        <translation>Printed {n} documents.</translation>
    </message>
</context>
<context>
    <name>PrintForms</name>
    <message>
        <source>Quyết định kết nạp đảng viên</source>
        <translation>Admission decision</translation>
    </message>
    <message>
        <source>Quyết định công nhận đảng viên chính thức</source>
        <translation>Full membership decision</translation>
    </message>
    <message>
        <source>Giấy giới thiệu sinh hoạt đảng</source>
        <translation>Party transfer letter</translation>
    </message>
    <message>
        <source>Phiếu đảng viên</source>
        <translation>Member sheet</translation>
    </message>
    <message>
        <source>Sổ danh sách đảng viên</source>
        <translation>Member list book</translation>
    </message>
    <message>
        <source>Danh sách đề nghị tặng Huy hiệu Đảng</source>
        <translation>Party badge proposal list</translation>
    </message>
    <message>
        <source>Nghị quyết đề nghị kết nạp đảng viên</source>
        <translation>Resolution proposing admission</translation>
    </message>
    <message>
        <source>Nghị quyết đề nghị công nhận đảng viên chính thức</source>
        <translation>Resolution proposing full membership</translation>
    </message>
    <message>
        <source>Sơ yếu lý lịch</source>
        <translation>Curriculum vitae</translation>
    </message>
</context>
<context>
    <name>RatingGridModel</name>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Điểm</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Xếp loại</source>
        <translation>Rating</translation>
    </message>
</context>
<context>
    <name>Ratings</name>
    <message>
        <source>Hoàn thành xuất sắc nhiệm vụ</source>
        <translation>Excellently fulfilled duties</translation>
    </message>
    <message>
        <source>Hoàn thành tốt nhiệm vụ</source>
        <translation>Well fulfilled duties</translation>
    </message>
    <message>
        <source>Hoàn thành nhiệm vụ</source>
        <translation>Fulfilled duties</translation>
    </message>
    <message>
        <source>Không hoàn thành nhiệm vụ</source>
        <translation>Failed to fulfil duties</translation>
    </message>
</context>
<context>
    <name>RatingsPage</name>
    <message>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Chi bộ:</source>
        <translation>Party cell:</translation>
    </message>
    <message>
        <source>Lưu xếp loại</source>
        <translation>Save ratings</translation>
    </message>
    <message>
        <source>Xếp loại chất lượng chi bộ</source>
        <translation>Party cell quality rating</translation>
    </message>
    <message>
        <source>Điểm:</source>
        <translation>Points:</translation>
    </message>
    <message>
        <source>Xếp loại:</source>
        <translation>Rating:</translation>
    </message>
    <message>
        <source>Lưu xếp loại chi bộ</source>
        <translation>Save Party cell rating</translation>
    </message>
    <message>
        <source>Tổng hợp toàn đơn vị</source>
        <translation>Whole-office summary</translation>
    </message>
    <message>
        <source>Không hoàn thành nhiệm vụ hai năm liền (có thể xem xét xóa tên):</source>
        <translation>Failed to fulfil duties two years running (may be considered for striking off):</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Các năm</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>Căn cứ</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>{rated}/{total} đảng viên đã xếp loại năm {year}.</source>
        <translation>{rated}/{total} members rated for {year}.</translation>
    </message>
    <message>
        <source>Năm {year}: {rated} đảng viên đã xếp loại — {counts}</source>
        <translation>{year}: {rated} members rated — {counts}</translation>
    </message>
    <message>
        <source>Chưa có xếp loại nào được sửa.</source>
        <translation>No ratings have been changed.</translation>
    </message>
    <message>
        <source>Đã lưu {n} xếp loại.</source>
        <translation>{n} ratings saved.</translation>
    </message>
    <message>
        <source>Điểm phải là số từ 0 đến 100.</source>
        <translation>Points must be a number from 0 to 100.</translation>
    </message>
</context>
<context>
    <name>ReadmissionDialog</name>
    <message>
        <source>Kết nạp lại vào Đảng</source>
        <translation>Readmission to the Party</translation>
    </message>
    <message>
        <source>Ngày quyết định:</source>
        <translation>Decision date:</translation>
    </message>
    <message>
        <source>Số quyết định:</source>
        <translation>Decision no.:</translation>
    </message>
    <message>
        <source>Người ký:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <source>Chi bộ sinh hoạt:</source>
        <translation>Party cell:</translation>
    </message>
    <message>
        <source>Người được kết nạp lại trở thành quần chúng được kết nạp, sinh hoạt ở chi bộ đã chọn; lễ kết nạp và công nhận chính thức ghi như đảng viên mới. Tuổi đảng tính từ quyết định kết nạp lần đầu, trừ thời gian ở ngoài Đảng.</source>
        <translation>The readmitted person becomes an admitted candidate in the chosen Party cell; the ceremony and recognition as full member are recorded as for a new member. Party age counts from the first admission decision, less the time spent outside the Party.</translation>
    </message>
    <message>
        <source>Không đủ điều kiện kết nạp lại:</source>
        <translation>Not eligible for readmission:</translation>
    </message>
    <message>
        <source>Ngày quyết định</source>
        <translation>Decision date</translation>
    </message>
</context>
<context>
    <name>ReceivedDialog</name>
    <message>
        <source>Xác nhận đã tiếp nhận</source>
        <translation>Confirm receipt</translation>
    </message>
    <message>
        <source>Giấy giới thiệu số {letter} của {name}, đến {to}.</source>
        <translation>Transfer letter no. {letter} of {name}, to {to}.</translation>
    </message>
    <message>
        <source>Ngày nơi đến tiếp nhận:</source>
        <translation>Received at destination on:</translation>
    </message>
    <message>
        <source>Ngày nơi đến tiếp nhận</source>
        <translation>Date received at destination</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <source>Đánh giá, xếp loại</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Khen thưởng</source>
        <translation>Award</translation>
    </message>
    <message>
        <source>Kỷ luật</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Mức xếp loại / hình thức</source>
        <translation>Level / form</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Loại:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>năm:</source>
        <translation>year:</translation>
    </message>
    <message>
        <source>Mức xếp loại:</source>
        <translation>Rating level:</translation>
    </message>
    <message>
        <source>Hình thức:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>Quyết định số:</source>
        <translation>Decision no.:</translation>
    </message>
    <message>
        <source>Ngày quyết định:</source>
        <translation>Decision date:</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <source>Thêm bản ghi</source>
        <translation>Add record</translation>
    </message>
    <message>
        <source>lý do xóa (bắt buộc)</source>
        <translation>reason for deleting (required)</translation>
    </message>
    <message>
        <source>Xóa bản ghi đã chọn</source>
        <translation>Delete selected record</translation>
    </message>
    <message>
        <source>ví dụ Giấy khen của Chủ tịch UBND huyện</source>
        <translation>e.g. Giấy khen của Chủ tịch UBND huyện</translation>
    </message>
    <message>
        <source>ví dụ Khiển trách</source>
        <translation>e.g. Khiển trách</translation>
    </message>
    <message>
        <source>Ngày quyết định</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Đã thêm bản ghi khen thưởng, kỷ luật, đánh giá.</source>
        <translation>Award, discipline or rating record added.</translation>
    </message>
    <message>
        <source>Hãy chọn bản ghi cần xóa.</source>
        <translation>Select the record to delete.</translation>
    </message>
    <message>
        <source>Xóa bản ghi «{record}» khỏi hồ sơ?</source>
        <translation>Delete the record “{record}” from the file?</translation>
    </message>
    <message>
        <source>Xóa bản ghi</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <source>Đã xóa bản ghi.</source>
        <translation>Record deleted.</translation>
    </message>
</context>
<context>
    <name>RegisterOfficeDialog</name>
    <message>
        <source>Đăng ký đơn vị</source>
        <translation>Register an office</translation>
    </message>
    <message>
        <source>Tệp khóa công khai {suffix}</source>
        <extracomment>The key file&apos;s bytes once read and checked. The registered partner (after `register()` succeeded).</extracomment>
        <translation>Public key file {suffix}</translation>
    </message>
    <message>
        <source>Chọn tệp khóa…</source>
        <translation>Choose key file…</translation>
    </message>
    <message>
        <source>Tệp khóa</source>
        <translation>Key file</translation>
    </message>
    <message>
        <source>Đơn vị trong tệp</source>
        <translation>Office in the file</translation>
    </message>
    <message>
        <source>Mã nhận dạng của tệp</source>
        <translation>The file&apos;s fingerprint</translation>
    </message>
    <message>
        <source>Gọi điện cho đơn vị gửi khóa, nhờ họ đọc mã nhận dạng trên màn hình của họ và gõ lại đây; chữ hoa hay thường, có gạch nối hay không đều được.</source>
        <translation>Call the office that sent the key, ask them to read the fingerprint on their screen and type it here; upper or lower case, with or without dashes.</translation>
    </message>
    <message>
        <source>Mã đọc qua điện thoại</source>
        <translation>Fingerprint read by phone</translation>
    </message>
    <message>
        <source>Đơn vị cấp dưới (gửi dữ liệu lên)</source>
        <translation>Office below (sends its data up)</translation>
    </message>
    <message>
        <source>Đơn vị cấp trên (nhận dữ liệu)</source>
        <translation>Office above (receives our data)</translation>
    </message>
    <message>
        <source>Quan hệ</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Tổ chức đảng mà đơn vị cấp dưới được gửi dữ liệu (mỗi mã gồm cả các tổ chức trực thuộc):</source>
        <translation>Party organizations the office below may send data for (each code includes the organizations under it):</translation>
    </message>
    <message>
        <source>Mã khác, cách nhau dấu phẩy (ví dụ: DR, BL)</source>
        <translation>Other codes, separated by commas (e.g. DR, BL)</translation>
    </message>
    <message>
        <source>Đăng ký</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chọn tệp khóa công khai</source>
        <translation>Choose the public key file</translation>
    </message>
    <message>
        <source>Tệp khóa công khai (*{suffix})</source>
        <translation>Public key files (*{suffix})</translation>
    </message>
    <message>
        <source>Không đọc được tệp: {reason}</source>
        <translation>The file could not be read: {reason}</translation>
    </message>
    <message>
        <source>Chọn tệp khóa công khai của đơn vị trước.</source>
        <translation>Choose the office&apos;s public key file first.</translation>
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
    <name>ReturnDialog</name>
    <message>
        <source>Trở về sau sinh hoạt tạm thời</source>
        <translation>Return from temporary transfer</translation>
    </message>
    <message>
        <source>{name} sinh hoạt tạm thời tại {to} đến {until}.</source>
        <translation>{name} is temporarily attached to {to} until {until}.</translation>
    </message>
    <message>
        <source>Ngày trở về:</source>
        <translation>Returned on:</translation>
    </message>
    <message>
        <source>Ngày trở về</source>
        <translation>Return date</translation>
    </message>
</context>
<context>
    <name>RuleEditorDialog</name>
    <message>
        <source>Bảng tham số quy định</source>
        <translation>Rule parameters</translation>
    </message>
    <message>
        <source>chưa chắc chắn</source>
        <translation>uncertain</translation>
    </message>
    <message>
        <source>đã sửa</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>Tham số</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Áp dụng từ</source>
        <translation>Applies from</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Văn bản</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>mặc định</source>
        <translation>default</translation>
    </message>
    <message>
        <source>quản trị viên</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source> (đã hủy)</source>
        <translation> (cancelled)</translation>
    </message>
    <message>
        <source>Lý do, ghi chú</source>
        <translation>Reason, notes</translation>
    </message>
    <message>
        <source>Hủy giá trị đã chọn…</source>
        <translation>Cancel selected value…</translation>
    </message>
    <message>
        <source>Thêm giá trị mới có ngày hiệu lực</source>
        <translation>Add a new value with an effective date</translation>
    </message>
    <message>
        <source>ví dụ 0.01, 36, [30, 40] hoặc {&quot;khac&quot;: 10000}</source>
        <translation>e.g. 0.01, 36, [30, 40] or {&quot;khac&quot;: 10000}</translation>
    </message>
    <message>
        <source>lý do, căn cứ văn bản (bắt buộc)</source>
        <translation>reason, source document (required)</translation>
    </message>
    <message>
        <source>văn bản quy định (nếu có)</source>
        <translation>regulating document (if any)</translation>
    </message>
    <message>
        <source>Áp dụng từ ngày</source>
        <translation>Applies from</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Thêm giá trị</source>
        <translation>Add value</translation>
    </message>
    <message>
        <source>{n} tham số, áp dụng ngày {day}.</source>
        <translation>{n} parameters, as applied on {day}.</translation>
    </message>
    <message>
        <source>(Giá trị chưa chắc chắn: hãy đối chiếu văn bản.)</source>
        <translation>(Uncertain value: check it against the document.)</translation>
    </message>
    <message>
        <source>Hãy nhập ngày áp dụng.</source>
        <translation>Enter the date it applies from.</translation>
    </message>
    <message>
        <source>Giá trị phải viết dạng JSON: số (0.01), danh sách ([30, 40]) hoặc bảng.</source>
        <translation>The value must be JSON: a number (0.01), a list ([30, 40]) or a table.</translation>
    </message>
    <message>
        <source>Hãy ghi lý do thay đổi (căn cứ văn bản).</source>
        <translation>Enter the reason for the change (source document).</translation>
    </message>
    <message>
        <source>Thêm giá trị tham số</source>
        <translation>Add parameter value</translation>
    </message>
    <message>
        <source>Áp dụng {key} = {value} từ ngày {day}?</source>
        <translation>Apply {key} = {value} from {day}?</translation>
    </message>
    <message>
        <source>Đã thêm giá trị mới của {key}.</source>
        <translation>New value of {key} added.</translation>
    </message>
    <message>
        <source>Hãy ghi lý do hủy vào ô «Lý do».</source>
        <translation>Enter the reason for cancelling in the “Reason” box.</translation>
    </message>
    <message>
        <source>Hủy giá trị tham số</source>
        <translation>Cancel parameter value</translation>
    </message>
    <message>
        <source>Hủy giá trị {value} của {key} từ ngày {day}?</source>
        <translation>Cancel the value {value} of {key} from {day}?</translation>
    </message>
    <message>
        <source>Đã hủy giá trị của {key}.</source>
        <translation>Value of {key} cancelled.</translation>
    </message>
</context>
<context>
    <name>SalaryTab</name>
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
        <source>Quyết định</source>
        <translation>Decision</translation>
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
        <source>Quyết định số:</source>
        <translation>Decision no.:</translation>
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
        <source>Hiện hưởng: </source>
        <translation>Current: </translation>
    </message>
    <message>
        <source>Chưa ghi bậc lương.</source>
        <translation>No salary step recorded.</translation>
    </message>
    <message>
        <source>Đã ghi bậc lương mới.</source>
        <translation>New salary step recorded.</translation>
    </message>
</context>
<context>
    <name>StatisticsReportDialog</name>
    <message>
        <source>Báo cáo thống kê</source>
        <extracomment>(steps done, steps in all), emitted from the worker&apos;s progress callback. The figures arrived (or failed); the workbook was written (or failed).</extracomment>
        <translation>Statistics report</translation>
    </message>
    <message>
        <source>Sáu tháng đầu năm (đến 30/6)</source>
        <extracomment>The last figures shown, and the last workbook written.</extracomment>
        <translation>First half-year (to 30 June)</translation>
    </message>
    <message>
        <source>Cả năm (đến 31/12)</source>
        <translation>Whole year (to 31 December)</translation>
    </message>
    <message>
        <source>Ngày khác</source>
        <translation>Another date</translation>
    </message>
    <message>
        <source>Toàn đơn vị</source>
        <translation>Whole office</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <source>Tính đến ngày</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Tổ chức</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Mẫu báo cáo</source>
        <translation>Report layout</translation>
    </message>
    <message>
        <source>Tính số liệu</source>
        <translation>Compute figures</translation>
    </message>
    <message>
        <source>Ghi Excel…</source>
        <translation>Write Excel…</translation>
    </message>
    <message>
        <source>Mở tệp</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Hãy nhập ngày báo cáo.</source>
        <translation>Enter the report date.</translation>
    </message>
    <message>
        <source>Đang tính số liệu…</source>
        <translation>Computing the figures…</translation>
    </message>
    <message>
        <source>Ghi báo cáo Excel</source>
        <translation>Write the Excel report</translation>
    </message>
    <message>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Đang lập báo cáo vào tệp {file}…</source>
        <translation>Writing the report to {file}…</translation>
    </message>
    <message>
        <source>Tính đến ngày {d}, kỳ từ {s}</source>
        <translation>As of {d}, period from {s}</translation>
    </message>
    <message>
        <source>Kết nạp trong kỳ</source>
        <translation>Admitted in the period</translation>
    </message>
    <message>
        <source>chưa giao</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Chỉ tiêu kết nạp của năm</source>
        <translation>Admission target of the year</translation>
    </message>
    <message>
        <source>Cân đối theo tổ chức cơ sở</source>
        <translation>Balance by grassroots organization</translation>
    </message>
    <message>
        <source>Kiểm tra cân đối: đúng ở tất cả {n} dòng.</source>
        <translation>Balance check: correct on all {n} rows.</translation>
    </message>
    <message>
        <source>KIỂM TRA CÂN ĐỐI: CÓ DÒNG LỆCH — </source>
        <translation>BALANCE CHECK: ROWS DO NOT ADD UP — </translation>
    </message>
    <message>
        <source>Đã ghi báo cáo vào tệp {file}.</source>
        <translation>The report was written to {file}.</translation>
    </message>
</context>
<context>
    <name>SyncConflictsPanel</name>
    <message>
        <source>Số</source>
        <extracomment>The «Lấy» box of each differing field shown. The sentence shown for the last failure (empty when none).</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <source>Loại bản ghi</source>
        <translation>Record kind</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Đơn vị gửi</source>
        <translation>Sending office</translation>
    </message>
    <message>
        <source>Lấy</source>
        <translation>Take</translation>
    </message>
    <message>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Ở đây</source>
        <translation>Ours</translation>
    </message>
    <message>
        <source>Gửi lên</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <source>Giữ bản ở đây</source>
        <translation>Keep ours</translation>
    </message>
    <message>
        <source>Lấy bản gửi lên</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>Lấy các trường đã chọn</source>
        <translation>Take the ticked fields</translation>
    </message>
    <message>
        <source>{n} xung đột chờ xử lý: bản ghi đã sửa ở cả hai nơi.</source>
        <translation>{n} conflicts waiting: records changed in both places.</translation>
    </message>
    <message>
        <source>Không có xung đột chờ xử lý.</source>
        <translation>No conflicts waiting.</translation>
    </message>
    <message>
        <source>Chọn một xung đột bên trái.</source>
        <translation>Choose a conflict on the left.</translation>
    </message>
    <message>
        <source>{kind} «{label}»: bản ở đây (phiên bản {ours}), bản gửi lên từ {partner} (phiên bản {theirs}).</source>
        <translation>{kind} «{label}»: ours (version {ours}), theirs from {partner} (version {theirs}).</translation>
    </message>
    <message>
        <source>Đánh dấu ít nhất một trường để lấy theo bản gửi lên.</source>
        <translation>Tick at least one field to take from their version.</translation>
    </message>
    <message>
        <source>Đã xử lý xung đột số {id}.</source>
        <translation>Conflict {id} resolved.</translation>
    </message>
</context>
<context>
    <name>SyncImportPanel</name>
    <message>
        <source>Chọn gói để nhập…</source>
        <extracomment>Registers an import can change: the pages showing them refresh. (records done, total), emitted from the worker&apos;s progress callback. The sentence shown for the last refusal or failure (empty when none).</extracomment>
        <translation>Choose a package to import…</translation>
    </message>
    <message>
        <source>Nhập giấy báo nhận…</source>
        <translation>Import a receipt…</translation>
    </message>
    <message>
        <source>Vẫn nhập dù thiếu gói trước</source>
        <translation>Import even though an earlier package is missing</translation>
    </message>
    <message>
        <source>Chỉ dùng khi gói còn thiếu đã mất hẳn: dữ liệu của gói thiếu sẽ không có ở đây cho đến khi đơn vị cấp dưới gửi gói toàn bộ.</source>
        <translation>Only when the missing package is truly lost: its data will not be here until the office below sends a full package.</translation>
    </message>
    <message>
        <source>Mọi bản ghi</source>
        <translation>All records</translation>
    </message>
    <message>
        <source>Hiện:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Lưu giấy báo nhận…</source>
        <translation>Save the receipt…</translation>
    </message>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Gói đồng bộ (*{suffix})</source>
        <translation>Sync packages (*{suffix})</translation>
    </message>
    <message>
        <source>Giấy báo nhận của đơn vị đã nhận gói: các gói đã gửi được đánh dấu là đã nhận</source>
        <translation>A receipt from the office a package was sent to: the packages sent are marked as received</translation>
    </message>
    <message>
        <source>Chọn gói cần nhập</source>
        <translation>Choose the package to import</translation>
    </message>
    <message>
        <source>Đang kiểm tra gói…</source>
        <translation>Checking the package…</translation>
    </message>
    <message>
        <source>Gói {kind} của {sender}, số {start}–{end}</source>
        <translation>{kind} package from {sender}, numbers {start}–{end}</translation>
    </message>
    <message>
        <source>kỳ {label}</source>
        <translation>period {label}</translation>
    </message>
    <message>
        <source>Nhập lại cũng không thay đổi gì.</source>
        <translation>Importing it again changes nothing.</translation>
    </message>
    <message>
        <source>Hãy nhập các gói còn thiếu trước. Nếu gói thiếu đã mất hẳn, đánh dấu «Vẫn nhập dù thiếu gói trước»: dữ liệu của gói thiếu sẽ chưa có ở đây.</source>
        <translation>Import the missing packages first. If a missing package is truly lost, tick «Import even though an earlier package is missing»: its data will not be here yet.</translation>
    </message>
    <message>
        <source>Có {n} bản ghi bị từ chối (xem cột «Lý do»): gói không nhập được; báo lại đơn vị gửi.</source>
        <translation>{n} records are refused (see the «Reason» column): the package cannot be imported; tell the sending office.</translation>
    </message>
    <message>
        <source>toàn bộ</source>
        <translation>full</translation>
    </message>
    <message>
        <source>thay đổi</source>
        <translation>changes</translation>
    </message>
    <message>
        <source>cập nhật danh mục, quy định</source>
        <translation>catalogue and rule update</translation>
    </message>
    <message>
        <source>Nhập gói của {sender}: {new} bản ghi mới, {updated} cập nhật, {unchanged} không đổi, {conflict} xung đột (đưa vào hàng chờ xử lý). Mọi thay đổi được ghi trong một lần. Tiếp tục?</source>
        <translation>Import the package from {sender}: {new} new records, {updated} updated, {unchanged} unchanged, {conflict} conflicts (queued for a decision). Everything is written at once. Continue?</translation>
    </message>
    <message>
        <source>Cảnh báo: nhập dù thiếu gói trước.</source>
        <translation>Warning: importing although an earlier package is missing.</translation>
    </message>
    <message>
        <source>Nhập gói</source>
        <translation>Import package</translation>
    </message>
    <message>
        <source>Đang nhập…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Đã nhập gói này trước đây; không thay đổi gì.</source>
        <translation>This package was imported before; nothing changed.</translation>
    </message>
    <message>
        <source>Đã nhập gói của {sender}. Giấy báo nhận gửi lại đơn vị: {path}</source>
        <translation>The package from {sender} was imported. Receipt to send back to the office: {path}</translation>
    </message>
    <message>
        <source>Có {n} xung đột: xem thẻ «Xung đột» để xử lý.</source>
        <translation>{n} conflicts: see the «Conflicts» tab to resolve them.</translation>
    </message>
    <message>
        <source>Lưu giấy báo nhận</source>
        <translation>Save the receipt</translation>
    </message>
    <message>
        <source>Đã ghi giấy báo nhận: {path}</source>
        <translation>Receipt written: {path}</translation>
    </message>
    <message>
        <source>Chọn giấy báo nhận</source>
        <translation>Choose the receipt</translation>
    </message>
    <message>
        <source>Đơn vị nhận đã nhập gói số {start}–{end}. {note}</source>
        <translation>The receiving office imported the package numbered {start}–{end}. {note}</translation>
    </message>
    <message>
        <source>Đã nhập giấy báo nhận này trước đây; không thay đổi gì.</source>
        <translation>This receipt was imported before; nothing changed.</translation>
    </message>
    <message>
        <source>Nếu gói đúng là của một đơn vị cấp dưới, đăng ký đơn vị đó ở thẻ «Khóa và đơn vị» (tệp khóa và mã nhận dạng đọc qua điện thoại) rồi chọn lại gói.</source>
        <translation>If the package really comes from an office below, register that office on the «Keys and offices» tab (key file and fingerprint read by phone), then choose the package again.</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>Tổ chức đảng</source>
        <translation>Party organization</translation>
    </message>
    <message>
        <source>Cấp trên của tổ chức</source>
        <translation>Organization&apos;s parent</translation>
    </message>
    <message>
        <source>Xếp loại tổ chức</source>
        <translation>Organization rating</translation>
    </message>
    <message>
        <source>Đảng viên</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Cấp ủy viên</source>
        <translation>Committee member</translation>
    </message>
    <message>
        <source>Sinh hoạt tại chi bộ</source>
        <translation>Branch membership</translation>
    </message>
    <message>
        <source>Sự kiện đảng viên</source>
        <translation>Member event</translation>
    </message>
    <message>
        <source>Chuyển sinh hoạt</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Người giới thiệu</source>
        <translation>Introducer</translation>
    </message>
    <message>
        <source>Xếp loại đảng viên</source>
        <translation>Member rating</translation>
    </message>
    <message>
        <source>Đảng phí</source>
        <translation>Party dues</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>Chức vụ cán bộ</source>
        <translation>Cadre post</translation>
    </message>
    <message>
        <source>Đào tạo cán bộ</source>
        <translation>Cadre training</translation>
    </message>
    <message>
        <source>Quy hoạch cán bộ</source>
        <translation>Cadre planning</translation>
    </message>
    <message>
        <source>Sự kiện cán bộ</source>
        <translation>Cadre event</translation>
    </message>
    <message>
        <source>Mục danh mục</source>
        <translation>Catalogue entry</translation>
    </message>
    <message>
        <source>Quy định</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Không đổi</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Xung đột</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Từ chối</source>
        <translation>Refused</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Khóa và đơn vị</source>
        <extracomment>(records written so far), emitted from the export&apos;s progress callback.</extracomment>
        <translation>Keys and offices</translation>
    </message>
    <message>
        <source>Nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>Xung đột</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Mã nhận dạng khóa của đơn vị (đọc qua điện thoại):</source>
        <translation>This office&apos;s key fingerprint (to read out by phone):</translation>
    </message>
    <message>
        <source>Lưu tệp khóa công khai…</source>
        <translation>Save public key file…</translation>
    </message>
    <message>
        <source>Tệp gửi cho đơn vị đối tác (không chứa bí mật); họ đối chiếu mã qua điện thoại</source>
        <translation>The file to send to a partner office (it holds no secret); they check the fingerprint by phone</translation>
    </message>
    <message>
        <source>Đăng ký đơn vị…</source>
        <translation>Register an office…</translation>
    </message>
    <message>
        <source>Các đơn vị đã đăng ký:</source>
        <translation>Registered offices:</translation>
    </message>
    <message>
        <source>Quan hệ</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Mã nhận dạng</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Được gửi</source>
        <translation>May send</translation>
    </message>
    <message>
        <source>Gửi đến</source>
        <translation>Send to</translation>
    </message>
    <message>
        <source>Đã báo nhận</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>Gửi đi</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Chuyển sinh hoạt</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <source>Các thay đổi từ gói đã được báo nhận</source>
        <translation>The changes since the last acknowledged package</translation>
    </message>
    <message>
        <source>Toàn bộ dữ liệu (lần đầu, hoặc gửi lại từ đầu)</source>
        <translation>All data (the first time, or to start over)</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>ví dụ: Quý IV/2026</source>
        <translation>e.g. Quý IV/2026</translation>
    </message>
    <message>
        <source>Nhãn kỳ</source>
        <translation>Period label</translation>
    </message>
    <message>
        <source>Tệp gói {suffix}</source>
        <translation>Package file {suffix}</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Ghi ra tệp</source>
        <translation>Write to file</translation>
    </message>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Lập gói</source>
        <translation>Make package</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Chiều</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Số thứ tự</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Báo nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Đơn vị: {name}</source>
        <translation>Office: {name}</translation>
    </message>
    <message>
        <source>Cấp trên</source>
        <translation>Above</translation>
    </message>
    <message>
        <source>Cấp dưới</source>
        <translation>Below</translation>
    </message>
    <message>
        <source>{name} (cấp trên): dữ liệu của đơn vị</source>
        <translation>{name} (above): this office&apos;s data</translation>
    </message>
    <message>
        <source>{name} (cấp dưới): gói cập nhật danh mục, quy định, quyết định</source>
        <translation>{name} (below): update package of catalogues, rules, decisions</translation>
    </message>
    <message>
        <source>Chưa đăng ký đơn vị đối tác (thẻ «Khóa và đơn vị»).</source>
        <translation>No partner office registered yet (tab «Keys and offices»).</translation>
    </message>
    <message>
        <source>Gói dữ liệu của đơn vị gửi cấp trên.</source>
        <translation>This office&apos;s data package for the office above.</translation>
    </message>
    <message>
        <source>Gói cập nhật: các mục danh mục, quy định và quyết định sửa ở đây từ gói cập nhật đơn vị đó đã báo nhận.</source>
        <translation>Update package: the catalogue entries, rules and decisions changed here since the last update package that office acknowledged.</translation>
    </message>
    <message>
        <source>Chưa có gói nào được đơn vị nhận báo nhận: gói thay đổi sẽ gồm mọi dữ liệu từ đầu.</source>
        <translation>No package acknowledged by the receiving office yet: a changes package will hold all the data from the start.</translation>
    </message>
    <message>
        <source>Đã lập gói cập nhật gửi {recipient}: {path}
Số thứ tự {start}–{end}; {n} bản ghi. Gửi tệp này xuống đơn vị đó (USB, thư điện tử).</source>
        <translation>Made the update package for {recipient}: {path}
Numbers {start}–{end}; {n} records. Send this file down to that office (USB stick, e-mail).</translation>
    </message>
    <message>
        <source>đến số {end} (gói {period} gửi ngày {day})</source>
        <translation>up to number {end} (package {period} sent on {day})</translation>
    </message>
    <message>
        <source>Toàn bộ</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>Thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Cấp trên đã báo nhận {day}</source>
        <translation>Acknowledged by the office above {day}</translation>
    </message>
    <message>
        <source>Chưa báo nhận</source>
        <translation>Not acknowledged yet</translation>
    </message>
    <message>
        <source>Đã ghi giấy báo nhận</source>
        <translation>Receipt written</translation>
    </message>
    <message>
        <source>Chưa ghi</source>
        <translation>Not written</translation>
    </message>
    <message>
        <source>Gửi đi →</source>
        <translation>Sent →</translation>
    </message>
    <message>
        <source>← Nhận về</source>
        <translation>← Received</translation>
    </message>
    <message>
        <source>Lưu tệp khóa công khai</source>
        <translation>Save public key file</translation>
    </message>
    <message>
        <source>Tệp khóa công khai (*{suffix})</source>
        <translation>Public key files (*{suffix})</translation>
    </message>
    <message>
        <source>Đã ghi tệp khóa công khai: {path}. Mã nhận dạng: {fingerprint}</source>
        <translation>Public key file written: {path}. Fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <source>Ghi gói gửi cấp trên</source>
        <translation>Write the package for the office above</translation>
    </message>
    <message>
        <source>Gói đồng bộ (*{suffix})</source>
        <translation>Sync packages (*{suffix})</translation>
    </message>
    <message>
        <source>Đang lập gói…</source>
        <translation>Making the package…</translation>
    </message>
    <message>
        <source>Đang lập gói… {n} bản ghi</source>
        <translation>Making the package… {n} records</translation>
    </message>
    <message>
        <source>toàn bộ</source>
        <translation>full</translation>
    </message>
    <message>
        <source>thay đổi</source>
        <translation>changes</translation>
    </message>
    <message>
        <source>Đã lập gói {kind} gửi {recipient}: {path}
Số thứ tự {start}–{end}; {n} bản ghi, {audit} dòng nhật ký. Gửi tệp này lên cấp trên (USB, thư điện tử).</source>
        <translation>Made the {kind} package for {recipient}: {path}
Numbers {start}–{end}; {n} records, {audit} audit entries. Send this file to the office above (USB stick, e-mail).</translation>
    </message>
</context>
<context>
    <name>SyncPreviewModel</name>
    <message>
        <source>Loại bản ghi</source>
        <translation>Record kind</translation>
    </message>
    <message>
        <source>Tên / mã</source>
        <translation>Name / key</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>SyncTransfersPanel</name>
    <message>
        <source>Cấp trên: đảng viên của cấp dưới chuyển đi, đang trên đường</source>
        <extracomment>The member id given at this office by the last reception.</extracomment>
        <translation>Above: members transferred out by offices below, on their way</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Từ đơn vị</source>
        <translation>From office</translation>
    </message>
    <message>
        <source>Giấy giới thiệu</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Nơi đến</source>
        <translation>Going to</translation>
    </message>
    <message>
        <source>Đơn vị nhận:</source>
        <translation>Receiving office:</translation>
    </message>
    <message>
        <source>Gửi xuống…</source>
        <translation>Send down…</translation>
    </message>
    <message>
        <source>Tiếp nhận đảng viên từ gói của cấp trên</source>
        <translation>Receive a member from a package of the office above</translation>
    </message>
    <message>
        <source>Chọn gói…</source>
        <translation>Choose package…</translation>
    </message>
    <message>
        <source>Chi bộ tiếp nhận</source>
        <translation>Receiving branch</translation>
    </message>
    <message>
        <source>Để trống: ngày của giấy giới thiệu</source>
        <translation>Empty: the letter&apos;s date</translation>
    </message>
    <message>
        <source>Ngày đến sinh hoạt</source>
        <translation>Arrival date</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>Ghi gói gửi đơn vị nhận</source>
        <translation>Write the package for the receiving office</translation>
    </message>
    <message>
        <source>Gói đồng bộ (*{suffix})</source>
        <translation>Sync packages (*{suffix})</translation>
    </message>
    <message>
        <source>Đã lập gói gửi {office}: {path}. Gửi tệp này xuống đơn vị đó.</source>
        <translation>Made the package for {office}: {path}. Send this file down to that office.</translation>
    </message>
    <message>
        <source>Chọn gói đảng viên chuyển đến</source>
        <translation>Choose the package of the member transferred in</translation>
    </message>
    <message>
        <source>Đảng viên {name} (sinh {birth}) từ {origin}, giấy giới thiệu số {letter} ngày {day}; {events} sự kiện trong lý lịch.</source>
        <translation>Member {name} (born {birth}) from {origin}, letter no. {letter} of {day}; {events} events in the record.</translation>
    </message>
    <message>
        <source>Đã tiếp nhận gói này trước đây; không thay đổi gì.</source>
        <translation>This package was received before; nothing changed.</translation>
    </message>
    <message>
        <source>Đã tiếp nhận đảng viên vào {branch}.</source>
        <translation>The member was received into {branch}.</translation>
    </message>
</context>
<context>
    <name>TemporaryTransferDialog</name>
    <message>
        <source>Chuyển sinh hoạt tạm thời</source>
        <translation>Temporary transfer</translation>
    </message>
    <message>
        <source>Đảng viên vẫn được tính ở chi bộ chính thức; nơi sinh hoạt tạm thời quản lý và giáo dục đảng viên trong thời gian đó.</source>
        <translation>The member still counts in their permanent Party cell; the temporary host manages and educates the member during that time.</translation>
    </message>
    <message>
        <source>Đảng viên:</source>
        <translation>Party member:</translation>
    </message>
    <message>
        <source>Chi bộ trong đơn vị</source>
        <translation>Party cell in this office</translation>
    </message>
    <message>
        <source>Nơi khác</source>
        <translation>Elsewhere</translation>
    </message>
    <message>
        <source>tên tổ chức đảng nơi đến</source>
        <translation>name of the receiving Party organization</translation>
    </message>
    <message>
        <source>Công tác, cư trú</source>
        <translation>Work, residence</translation>
    </message>
    <message>
        <source>Học tập</source>
        <translation>Study</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Ngày đi:</source>
        <translation>Leaves on:</translation>
    </message>
    <message>
        <source>Đến ngày:</source>
        <translation>Until:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Hãy chọn chi bộ nơi sinh hoạt tạm thời.</source>
        <translation>Choose the temporary Party cell.</translation>
    </message>
    <message>
        <source>Nơi sinh hoạt tạm thời</source>
        <translation>Temporary host</translation>
    </message>
    <message>
        <source>Ngày đi</source>
        <translation>Departure date</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>Until</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
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
        <source>Xóa</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Xóa quá trình đào tạo đã chọn</source>
        <translation>Delete selected training</translation>
    </message>
    <message>
        <source>Đã thêm quá trình đào tạo.</source>
        <translation>Training added.</translation>
    </message>
    <message>
        <source>Hãy chọn quá trình đào tạo cần xóa.</source>
        <translation>Select the training to delete.</translation>
    </message>
    <message>
        <source>Xóa quá trình đào tạo «{entry}» khỏi hồ sơ?</source>
        <translation>Delete the training “{entry}” from the record?</translation>
    </message>
    <message>
        <source>Xóa quá trình đào tạo</source>
        <translation>Delete training</translation>
    </message>
    <message>
        <source>Đã xóa quá trình đào tạo.</source>
        <translation>Training deleted.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Trường «{field}» không được để trống.</source>
        <extracomment>The day dates are checked against (None: the real today; tests fix it).</extracomment>
        <translation>The field “{field}” must not be empty.</translation>
    </message>
</context>
<context>
    <name>TransferInDialog</name>
    <message>
        <source>Tiếp nhận đảng viên chuyển đến</source>
        <translation>Receive a transferred member</translation>
    </message>
    <message>
        <source>Hình thức:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>ví dụ: 41-GT/ĐU</source>
        <translation>e.g. 41-GT/ĐU</translation>
    </message>
    <message>
        <source>Số giấy giới thiệu:</source>
        <translation>Transfer letter no.:</translation>
    </message>
    <message>
        <source>Ngày giấy giới thiệu:</source>
        <translation>Transfer letter date:</translation>
    </message>
    <message>
        <source>Nơi chuyển đi:</source>
        <translation>Transferred from:</translation>
    </message>
    <message>
        <source>Ngày đến sinh hoạt:</source>
        <translation>Arrival date:</translation>
    </message>
    <message>
        <source>Chi bộ tiếp nhận:</source>
        <translation>Receiving Party cell:</translation>
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
        <source>Ngày sinh:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <source>Số CCCD:</source>
        <translation>Citizen ID no.:</translation>
    </message>
    <message>
        <source>Số thẻ đảng viên:</source>
        <translation>Party card no.:</translation>
    </message>
    <message>
        <source>Số lý lịch:</source>
        <translation>Biography no.:</translation>
    </message>
    <message>
        <source>Ngày quyết định kết nạp:</source>
        <translation>Admission decision date:</translation>
    </message>
    <message>
        <source>Số quyết định kết nạp:</source>
        <translation>Admission decision no.:</translation>
    </message>
    <message>
        <source>Ngày kết nạp:</source>
        <translation>Admitted on:</translation>
    </message>
    <message>
        <source>Ngày chính thức:</source>
        <translation>Full member since:</translation>
    </message>
    <message>
        <source>năm-tháng, ví dụ 2026-10</source>
        <translation>year-month, e.g. 2026-10</translation>
    </message>
    <message>
        <source>Đã đóng đảng phí hết tháng:</source>
        <translation>Dues paid up to:</translation>
    </message>
    <message>
        <source>Hãy chọn chi bộ tiếp nhận.</source>
        <translation>Choose the receiving Party cell.</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Ngày quyết định kết nạp</source>
        <translation>Admission decision date</translation>
    </message>
    <message>
        <source>Ngày kết nạp</source>
        <translation>Admission date</translation>
    </message>
    <message>
        <source>Số giấy giới thiệu</source>
        <translation>Transfer letter no.</translation>
    </message>
    <message>
        <source>Ngày giấy giới thiệu</source>
        <translation>Transfer letter date</translation>
    </message>
    <message>
        <source>Nơi chuyển đi</source>
        <translation>Transferred from</translation>
    </message>
</context>
<context>
    <name>TransferOutDialog</name>
    <message>
        <source>Chuyển sinh hoạt đảng đi</source>
        <translation>Transfer out</translation>
    </message>
    <message>
        <source>Giấy giới thiệu được lấy số tiếp theo trong sổ giới thiệu sinh hoạt đảng của năm. Đảng viên phải trình giấy trong hạn quy định kể từ ngày ghi trên giấy.</source>
        <translation>The transfer letter takes the next number in the year’s Party transfer register. The member must present the letter within the set time from the date on it.</translation>
    </message>
    <message>
        <source>Đảng viên:</source>
        <translation>Party member:</translation>
    </message>
    <message>
        <source>Hình thức:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Ngày giấy giới thiệu:</source>
        <translation>Transfer letter date:</translation>
    </message>
    <message>
        <source>ví dụ: Đảng ủy phường Xuân Hương</source>
        <translation>e.g. Đảng ủy phường Xuân Hương</translation>
    </message>
    <message>
        <source>Kính gửi (nơi đến):</source>
        <translation>To (destination):</translation>
    </message>
    <message>
        <source>Cấp ủy cấp trên nơi đến:</source>
        <translation>Superior committee at destination:</translation>
    </message>
    <message>
        <source>Tổ chức cơ sở đảng nơi đến:</source>
        <translation>Grassroots Party organization at destination:</translation>
    </message>
    <message>
        <source>Chi bộ nơi đến:</source>
        <translation>Party cell at destination:</translation>
    </message>
    <message>
        <source>năm-tháng, ví dụ 2026-10</source>
        <translation>year-month, e.g. 2026-10</translation>
    </message>
    <message>
        <source>Đã đóng đảng phí hết tháng:</source>
        <translation>Dues paid up to:</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Người ký:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <source>Các cấp giấy đi qua:</source>
        <translation>Levels the letter passes through:</translation>
    </message>
    <message>
        <source>(chọn đảng viên để xem các cấp)</source>
        <extracomment>The last preview read (tests look at it).</extracomment>
        <translation>(choose a member to see the levels)</translation>
    </message>
    <message>
        <source>Ngày giấy giới thiệu</source>
        <translation>Transfer letter date</translation>
    </message>
    <message>
        <source>Kính gửi (nơi đến)</source>
        <translation>To (destination)</translation>
    </message>
</context>
<context>
    <name>TransfersPage</name>
    <message>
        <source>Tất cả</source>
        <extracomment>«In giấy giới thiệu»: a PrintRequest for the main window&apos;s printer. «In các giấy trong ngày…»: (list of PrintRequest, title). The day &quot;overdue&quot; is judged on (None: the real today; tests fix it). The dialog opened last (tests fill it in).</extracomment>
        <translation>All</translation>
    </message>
    <message>
        <source>Đang chuyển</source>
        <translation>In transit</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Hiển thị:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Mọi năm</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Chuyển đi…</source>
        <translation>Transfer out…</translation>
    </message>
    <message>
        <source>Tiếp nhận…</source>
        <translation>Receive…</translation>
    </message>
    <message>
        <source>Chuyển nội bộ…</source>
        <translation>Internal transfer…</translation>
    </message>
    <message>
        <source>Tạm thời…</source>
        <translation>Temporary…</translation>
    </message>
    <message>
        <source>Đã đến nơi…</source>
        <translation>Arrived…</translation>
    </message>
    <message>
        <source>Trở về…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>Hủy…</source>
        <translation>Cancel…</translation>
    </message>
    <message>
        <source>In giấy giới thiệu</source>
        <translation>Print transfer letter</translation>
    </message>
    <message>
        <source>In các giấy trong ngày…</source>
        <translation>Print the letters of a day…</translation>
    </message>
    <message>
        <source>Số giấy</source>
        <translation>Letter no.</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Từ</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Đến</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source> — quá hạn</source>
        <translation> — overdue</translation>
    </message>
    <message>
        <source>Không tải được sổ chuyển sinh hoạt: </source>
        <translation>Could not load the transfer register: </translation>
    </message>
    <message>
        <source>{count} việc chuyển sinh hoạt, {overdue} quá hạn</source>
        <translation>{count} transfers, {overdue} overdue</translation>
    </message>
    <message>
        <source>Các cấp: </source>
        <translation>Levels: </translation>
    </message>
    <message>
        <source>Đã đóng đảng phí hết tháng {month}</source>
        <translation>Dues paid up to {month}</translation>
    </message>
    <message>
        <source>Lý do: </source>
        <translation>Reason: </translation>
    </message>
    <message>
        <source>Không có giấy giới thiệu nào ký ngày {date}.</source>
        <translation>No transfer letter was signed on {date}.</translation>
    </message>
    <message>
        <source>Giấy giới thiệu ngày {date}</source>
        <translation>Transfer letters of {date}</translation>
    </message>
</context>
<context>
    <name>VoidDocumentDialog</name>
    <message>
        <source>Hủy số văn bản</source>
        <extracomment>How many past years the year filter offers.</extracomment>
        <translation>Void document number</translation>
    </message>
    <message>
        <source>Văn bản số {number} được giữ trong sổ với lý do hủy; số này không được cấp lại cho văn bản khác.</source>
        <translation>Document {number} stays in the register with the reason for voiding; its number is never given to another document.</translation>
    </message>
    <message>
        <source>Lý do hủy:</source>
        <translation>Reason for voiding:</translation>
    </message>
    <message>
        <source>Ngày hủy:</source>
        <translation>Voided on:</translation>
    </message>
    <message>
        <source>Hãy ghi lý do hủy số văn bản.</source>
        <translation>Please give the reason for voiding the number.</translation>
    </message>
    <message>
        <source>Hủy văn bản số {number}? Việc này không hoàn tác được.</source>
        <translation>Void document {number}? This cannot be undone.</translation>
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
<context>
    <name>_MemberField</name>
    <message>
        <source>Hãy tìm và chọn đảng viên.</source>
        <translation>Find and choose a member.</translation>
    </message>
</context>
</TS>
