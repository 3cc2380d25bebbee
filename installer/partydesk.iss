; partydesk — the Windows installer (Inno Setup 6).
;
; Built by installer\build.py on Windows (which passes the version and the bundle):
;   ISCC /DAppVersion=0.1.0 /DBundleDir=dist\partydesk /Odist installer\partydesk.iss
;
; A per-user install that needs no administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\partydesk, shortcuts to the user's Start menu (and desktop if
; ticked), the .pdpkg association to HKEY_CURRENT_USER\Software\Classes. The user's data
; (%LOCALAPPDATA%\partydesk: database, backups, logs, exports) is never written by the
; installer; the uninstaller keeps it unless the user answers Yes to deleting it.
;
; The Vietnamese messages of the wizard come from Inno Setup's user-contributed
; Vietnamese.isl (https://jrsoftware.org/files/istrans/), which Inno Setup does not
; install: put it beside this script or in Inno Setup's Languages folder (README.md).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\dist\partydesk"
#endif
#define AppExe "partydesk.exe"
#define AppTitle "Sổ đảng viên (partydesk)"
#define PackageProgId "partydesk.package"

#if FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
  #define VietnameseIsl AddBackslash(SourcePath) + "Vietnamese.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
  #define VietnameseIsl "compiler:Languages\Vietnamese.isl"
#else
  #error Vietnamese.isl not found: download it from https://jrsoftware.org/files/istrans/ into the installer folder (see README.md)
#endif

#if !FileExists(AddBackslash(BundleDir) + AppExe)
  #error The bundle is missing: run installer\build.py first (no partydesk.exe in BundleDir)
#endif

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{D8FDBCB6-9B30-46AD-A530-EA8531509FC2}
AppName={#AppTitle}
AppVersion={#AppVersion}
AppVerName={#AppTitle} {#AppVersion}
AppPublisher=partydesk
VersionInfoVersion={#AppVersion}
VersionInfoProductName=partydesk
VersionInfoDescription={#AppTitle} — Setup
VersionInfoCopyright=GPL-3.0-or-later
; Per user, no administrator: {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\partydesk
DefaultGroupName={#AppTitle}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 and later.
MinVersion=10.0
OutputBaseFilename=partydesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LicenseFile=..\LICENSE
ChangesAssociations=yes
CloseApplications=yes
UninstallDisplayName={#AppTitle}
UninstallDisplayIcon={app}\{#AppExe}
#if FileExists(AddBackslash(SourcePath) + "..\resources\icons\partydesk.ico")
SetupIconFile=..\resources\icons\partydesk.ico
#endif

[Languages]
Name: "vi"; MessagesFile: "{#VietnameseIsl}"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.TaskDesktop=Tạo lối tắt trên màn hình nền
en.TaskDesktop=Create a desktop shortcut
vi.TaskShortcuts=Lối tắt:
en.TaskShortcuts=Shortcuts:
vi.TaskAssociate=Mở gói đồng bộ (.pdpkg) bằng partydesk
en.TaskAssociate=Open sync packages (.pdpkg) with partydesk
vi.TaskFiles=Tệp:
en.TaskFiles=Files:
vi.PackageType=Gói đồng bộ partydesk
en.PackageType=partydesk sync package
vi.Launch=Mở Sổ đảng viên
en.Launch=Start partydesk
vi.DeleteData=Gỡ cài đặt đã xong. Dữ liệu của đơn vị (cơ sở dữ liệu, bản sao lưu, nhật ký, tệp xuất) vẫn được giữ ở:%n%n%1%n%nXóa luôn thư mục dữ liệu này? Chỉ chọn «Có» khi đã sao lưu ra nơi khác: dữ liệu đã xóa không lấy lại được.
en.DeleteData=partydesk was removed. The office's data (database, backups, logs, exports) is still kept in:%n%n%1%n%nDelete this data folder too? Answer Yes only if you have a copy elsewhere: deleted data cannot be recovered.

[Tasks]
Name: "desktopicon"; Description: "{cm:TaskDesktop}"; GroupDescription: "{cm:TaskShortcuts}"; Flags: unchecked
Name: "associate"; Description: "{cm:TaskAssociate}"; GroupDescription: "{cm:TaskFiles}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the whole bundle: files of the previous version must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; HKA is HKEY_CURRENT_USER for a per-user install: Software\Classes there needs no admin.
Root: HKA; Subkey: "Software\Classes\.pdpkg"; ValueType: string; ValueName: ""; ValueData: "{#PackageProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.pdpkg\OpenWithProgids"; ValueType: string; ValueName: "{#PackageProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PackageProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageType}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PackageProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PackageProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".pdpkg"; ValueData: ""; Flags: uninsdeletekey; Tasks: associate

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:Launch}"; Flags: nowait postinstall skipifsilent

[Code]
{ The data folder of partydesk.paths: platformdirs' user data folder, no author part. }
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\partydesk');
end;

{ Keep the user's data unless they say otherwise; a silent uninstall always keeps it. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Folder := DataFolder();
  if UninstallSilent() or not DirExists(Folder) then
    Exit;
  if MsgBox(FmtMessage(CustomMessage('DeleteData'), [Folder]), mbConfirmation,
            MB_YESNO or MB_DEFBUTTON2) = IDYES then
    DelTree(Folder, True, True, True);
end;
