; imsmap Windows installer (NSIS 3, Unicode). Built by packaging/build.py:
;   makensis -DVERSION=0.1.0 -DPAYLOAD=dist\imsmap -DOUTFILE=dist\imsmap-0.1.0-setup.exe
;            -DICON=build\packaging\icons\imsmap.ico packaging\windows\imsmap.nsi
; PAYLOAD is the PyInstaller one-folder app (imsmap.exe, imsmap-gui.exe, _internal\).
;
; - Per-user by default: into %LOCALAPPDATA%\Programs\imsmap, no administrator rights, no UAC
;   prompt. An administrator who starts it elevated with /AllUsers installs for every user into
;   Program Files (MultiUser.nsh).
; - Start-menu shortcut to imsmap-gui.exe (no console window); imsmap.exe stays the command line.
; - Backups: imsmap's backups are imsmap-backup-YYYYMMDD-HHMMSS.sqlite3, and NSIS (like Windows)
;   associates by extension only. .sqlite3 belongs to many programs, so imsmap does not take it
;   over as the default: it registers itself under "Open with" for .sqlite3 files (OpenWithProgids
;   and Applications\imsmap-gui.exe\SupportedTypes), which opens the file with --db.
; - The uninstaller removes the program files, the shortcut and its own registry keys, nothing
;   else. The clinic's data (%APPDATA%\imsmap: the database, backups, settings) is never touched.

Unicode true
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"  ; the syntax check on Linux passes -DCOMPRESSOR=zlib (faster)
!endif
SetCompressor ${COMPRESSOR}

!ifndef VERSION
  !error "give -DVERSION=X.Y.Z"
!endif
!ifndef PAYLOAD
  !error "give -DPAYLOAD=<the PyInstaller folder dist\imsmap>"
!endif
!ifndef OUTFILE
  !define OUTFILE "imsmap-${VERSION}-setup.exe"
!endif

!define APP "imsmap"
!define PUBLISHER "imsmap developers"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define PROGID "imsmap.Database"

!define MULTIUSER_EXECUTIONLEVEL Standard
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "Software\${APP}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!include MultiUser.nsh
!include MUI2.nsh
!include FileFunc.nsh

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
BrandingText "${APP} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\imsmap-gui.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start imsmap"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!define MUI_UNCONFIRMPAGE_TEXT_TOP "imsmap's program files will be removed. The clinic's records, backups and settings in $APPDATA\imsmap are kept."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}"

Function .onInit
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "imsmap" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; A previous version's libraries go first, so no stale DLL survives an update. Only the
  ; program's own folder: the installation folder never holds clinic data.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\imsmap.lnk" "$INSTDIR\imsmap-gui.exe" "" "$INSTDIR\imsmap-gui.exe" 0

  ; "Open with" for .sqlite3 (imsmap's backups), never the default handler.
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "imsmap database"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\imsmap-gui.exe,0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\imsmap-gui.exe" --db "%1"'
  WriteRegStr SHCTX "Software\Classes\.sqlite3\OpenWithProgids" "${PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\Applications\imsmap-gui.exe\SupportedTypes" ".sqlite3" ""
  WriteRegStr SHCTX "Software\Classes\Applications\imsmap-gui.exe\shell\open\command" "" '"$INSTDIR\imsmap-gui.exe" --db "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED

  WriteRegStr SHCTX "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\imsmap-gui.exe,0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  ; Exactly what the installer put there. Not RMDir /r "$INSTDIR": a user may have chosen a
  ; folder that holds other files. $APPDATA\imsmap (the records) is not named anywhere here.
  Delete "$SMPROGRAMS\imsmap.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\imsmap.exe"
  Delete "$INSTDIR\imsmap-gui.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if now empty

  DeleteRegValue SHCTX "Software\Classes\.sqlite3\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.sqlite3\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.sqlite3"
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  DeleteRegKey SHCTX "Software\Classes\Applications\imsmap-gui.exe"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey SHCTX "Software\${APP}"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
SectionEnd
