; Inno Setup 6 script: a per-user installer for Multilok Desktop (no administrator rights).
;
; Build on a Windows PC (see README, "Programmpaket und Installer"):
;   py tools\build_bundle.py                                   -> dist\Multilok\
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\multilok.iss
;                                                              -> dist\installer\Multilok-Setup-0.1.0.exe
; Another version: ISCC /DAppVersion=0.2.0 packaging\windows\multilok.iss
;
; The program goes to %LOCALAPPDATA%\Programs\Multilok Desktop. The user's data folder
; (%LOCALAPPDATA%\Multilok: database, Sicherungen, Logs — storage/paths.py, platformdirs)
; is a different folder that this script never touches: the uninstaller removes only the
; files it installed, so the database and its backups stay.

#define AppName "Multilok"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppPublisher "Koordinationsstelle Multilokalität"
#define AppExeName "multilok-desktop.exe"
#define BundleDir "..\..\dist\Multilok"

[Setup]
AppId={{6E0B3C4A-6F57-4B1D-9C2E-4D7A1F0B8E21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
; per-user install: no UAC prompt, no administrator rights needed
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\Multilok Desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=Multilok-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\multilok.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; a running Multilok is asked to close before files are replaced
CloseApplications=yes
ShowLanguageDialog=auto

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
de.DataKept=Ihre Daten (Datenbank und Sicherungen) bleiben erhalten:%n%1
en.DataKept=Your data (database and backups) has been kept:%n%1
de.CommandLine=Multilok Kommandozeile (Eingabeaufforderung)
en.CommandLine=Multilok command line (command prompt)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autoprograms}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k cd /d ""{app}"" && multilok --help"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ Only a note: the data folder is never deleted, not even on request. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\Multilok')]),
      mbInformation, MB_OK);
end;
