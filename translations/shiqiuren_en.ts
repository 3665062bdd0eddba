<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_TW">
<context>
    <name>CardCli</name>
    <message>
        <source>有卡片（ATR %1）</source>
        <translation>card present (ATR %1)</translation>
    </message>
    <message>
        <source>沒有卡片</source>
        <translation>no card</translation>
    </message>
    <message>
        <source>這張卡片沒有憑證。</source>
        <translation>This card holds no certificates.</translation>
    </message>
    <message>
        <source>readers、watch、info 或 certs</source>
        <translation>readers, watch, info or certs</translation>
    </message>
    <message>
        <source>以 JSON 輸出</source>
        <translation>Print JSON</translation>
    </message>
    <message>
        <source>certs：以 PEM 輸出憑證</source>
        <translation>certs: print the certificates as PEM</translation>
    </message>
    <message>
        <source>使用指定的讀卡機</source>
        <translation>Use the named reader</translation>
    </message>
    <message>
        <source>名稱</source>
        <translation>name</translation>
    </message>
    <message>
        <source>info：健保卡顯示完整身分證號（預設只顯示末四碼）</source>
        <translation>info: show an NHI card&apos;s full ID number (by default only the last four digits)</translation>
    </message>
    <message>
        <source>在標準錯誤輸出 APDU 記錄（不含 PIN 與個人資料）</source>
        <translation>Print an APDU trace on standard error (never PINs or personal data)</translation>
    </message>
    <message>
        <source>watch：顯示幾個事件後結束</source>
        <translation>watch: stop after this many events</translation>
    </message>
    <message>
        <source>數量</source>
        <translation>count</translation>
    </message>
    <message>
        <source>不使用也不保存憑證快取</source>
        <translation>Neither use nor keep the certificate cache</translation>
    </message>
    <message>
        <source>shiqiuren-card：--events 需要正整數
</source>
        <translation>shiqiuren-card: --events needs a positive whole number
</translation>
    </message>
    <message>
        <source>自然人憑證（HiCOS 第一代）</source>
        <translation>Citizen digital certificate (HiCOS gen 1)</translation>
    </message>
    <message>
        <source>自然人憑證（HiCOS 第二代）</source>
        <translation>Citizen digital certificate (HiCOS gen 2)</translation>
    </message>
    <message>
        <source>機關憑證</source>
        <translation>Agency certificate card (GCA)</translation>
    </message>
    <message>
        <source>健保卡</source>
        <translation>NHI card (健保卡)</translation>
    </message>
    <message>
        <source>標準晶片卡（PKCS#15）</source>
        <translation>Standards-based card (PKCS#15)</translation>
    </message>
    <message>
        <source>無法辨識的卡片</source>
        <translation>Unrecognised card</translation>
    </message>
    <message>
        <source>簽章</source>
        <translation>signing</translation>
    </message>
    <message>
        <source>加密</source>
        <translation>encryption</translation>
    </message>
    <message>
        <source>憑證機構</source>
        <translation>certificate authority</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>other</translation>
    </message>
    <message>
        <source>主體：</source>
        <translation>Subject: </translation>
    </message>
    <message>
        <source>身分證號末四碼：</source>
        <translation>ID number, last four digits: </translation>
    </message>
    <message>
        <source>機關代碼：</source>
        <translation>Agency code: </translation>
    </message>
    <message>
        <source>發行者：</source>
        <translation>Issuer: </translation>
    </message>
    <message>
        <source>序號：</source>
        <translation>Serial: </translation>
    </message>
    <message>
        <source>有效期間：</source>
        <translation>Validity period: </translation>
    </message>
    <message>
        <source>%1 至 %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>讀卡機：</source>
        <translation>Reader: </translation>
    </message>
    <message>
        <source>卡片種類：</source>
        <translation>Card kind: </translation>
    </message>
    <message>
        <source>晶片版本：</source>
        <translation>Chip version: </translation>
    </message>
    <message>
        <source>卡號：</source>
        <translation>Card number: </translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation>Name: </translation>
    </message>
    <message>
        <source>身分證號：</source>
        <translation>ID number: </translation>
    </message>
    <message>
        <source>出生日期：</source>
        <translation>Born: </translation>
    </message>
    <message>
        <source>性別：</source>
        <translation>Sex: </translation>
    </message>
    <message>
        <source>男</source>
        <translation>male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>female</translation>
    </message>
    <message>
        <source>發卡日期：</source>
        <translation>Issued: </translation>
    </message>
    <message>
        <source>健保卡資料僅供辨識身分，不能用來登入。</source>
        <translation>NHI card data identifies a person only; it cannot be used to log in.</translation>
    </message>
    <message>
        <source>憑證：</source>
        <translation>Certificates:</translation>
    </message>
    <message>
        <source>讀卡機接上：%1</source>
        <translation>Reader connected: %1</translation>
    </message>
    <message>
        <source>讀卡機移除：%1</source>
        <translation>Reader removed: %1</translation>
    </message>
    <message>
        <source>插入卡片：%1（ATR %2）</source>
        <translation>Card inserted: %1 (ATR %2)</translation>
    </message>
    <message>
        <source>取出卡片：%1</source>
        <translation>Card removed: %1</translation>
    </message>
    <message>
        <source>智慧卡服務中斷，等待服務恢復…</source>
        <translation>The smart card service stopped; waiting for it to come back…</translation>
    </message>
    <message>
        <source>智慧卡服務已恢復</source>
        <translation>The smart card service is back</translation>
    </message>
    <message>
        <source>用法：shiqiuren-card &lt;指令&gt; [選項]

指令：
  readers   列出讀卡機與其中的卡片
  watch     持續顯示讀卡機與卡片的插拔
  info      讀取卡片資料（卡號、憑證）
  certs     列出卡片上的憑證（--pem 輸出 PEM）
  pin-status  顯示憑證密碼（PIN 碼）還有幾次機會
  sign      以卡片簽署登入挑戰（--origin、--nonce），輸出登入權杖；
            PIN 碼從終端機（不顯示）或標準輸入讀取，絕不從命令列

結束代碼：0 成功，1 其他錯誤，2 用法錯誤，3 沒有讀卡機，4 沒有卡片，
5 不支援的卡片，6 智慧卡服務（pcscd）沒有執行，7 PIN 碼錯誤，
8 卡片已鎖，9 最後一次機會需要確認（--confirm-last-try）。
</source>
        <translation>Usage: shiqiuren-card &lt;command&gt; [options]

Commands:
  readers   list the readers and the cards in them
  watch     show readers and cards as they come and go
  info      read the card (card number, certificates)
  certs     list the card&apos;s certificates (--pem prints PEM)
  pin-status  show how many PIN tries are left
  sign      sign a login challenge with the card (--origin, --nonce) and print the token;
            the PIN is read from the terminal (not shown) or stdin, never the command line

Exit codes: 0 ok, 1 other error, 2 usage error, 3 no reader, 4 no card,
5 unsupported card, 6 the smart card service (pcscd) is not running, 7 wrong PIN,
8 card locked, 9 the last try needs confirming (--confirm-last-try).
</translation>
    </message>
    <message>
        <source>sign：服務的公開網址（例如 https://recruit.example.gov.tw）</source>
        <translation>sign: the service&apos;s public origin (e.g. https://recruit.example.gov.tw)</translation>
    </message>
    <message>
        <source>sign：服務發出的挑戰值（nonce）</source>
        <translation>sign: the challenge nonce the service sent</translation>
    </message>
    <message>
        <source>sign：只剩最後一次機會時，確認仍要送出 PIN 碼</source>
        <translation>sign: with one try left, confirm that the PIN may still be sent</translation>
    </message>
    <message>
        <source>HiCOS 卡片使用的 PKCS#11 模組路徑</source>
        <translation>Path of the PKCS#11 module for HiCOS cards</translation>
    </message>
    <message>
        <source>路徑</source>
        <translation>path</translation>
    </message>
    <message>
        <source>shiqiuren-card：sign 需要 --origin 與 --nonce
</source>
        <translation>shiqiuren-card: sign needs --origin and --nonce
</translation>
    </message>
    <message>
        <source>卡片回報</source>
        <translation>reported by the card</translation>
    </message>
    <message>
        <source>PKCS#11 模組回報</source>
        <translation>reported by the PKCS#11 module</translation>
    </message>
    <message>
        <source>本程式的紀錄</source>
        <translation>counted by this program</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>憑證密碼（PIN 碼）：已鎖卡（%1）
</source>
        <translation>PIN: the card is locked (%1)
</translation>
    </message>
    <message numerus="yes">
        <source>憑證密碼（PIN 碼）：還有 %n 次機會（%1）
</source>
        <translation>
            <numerusform>PIN: %n try left (%1)
</numerusform>
            <numerusform>PIN: %n tries left (%1)
</numerusform>
        </translation>
    </message>
    <message>
        <source>憑證密碼（PIN 碼）：剩餘次數不明（%1）
</source>
        <translation>PIN: tries left unknown (%1)
</translation>
    </message>
    <message>
        <source>長度：%1 至 %2 個字元
</source>
        <translation>Length: %1 to %2 characters
</translation>
    </message>
    <message>
        <source>shiqiuren-card：--origin 或 --nonce 不正確：%1
</source>
        <translation>shiqiuren-card: --origin or --nonce is not valid: %1
</translation>
    </message>
    <message>
        <source>請輸入憑證密碼（PIN 碼）：</source>
        <translation>Card PIN: </translation>
    </message>
    <message>
        <source>shiqiuren-card：沒有讀到憑證密碼（PIN 碼）
</source>
        <translation>shiqiuren-card: no PIN was read
</translation>
    </message>
    <message>
        <source>登入簽章用憑證：SHA-256 %1…（卡上有多張簽章憑證，依物件 ID「SIGN」選定）
</source>
        <translation>Certificate that signs the login: SHA-256 %1… (the card holds several signing certificates; chosen by object ID &quot;SIGN&quot;)
</translation>
    </message>
    <message>
        <source>登入簽章用憑證：SHA-256 %1…（卡上有多張簽章憑證，無物件 ID「SIGN」，取第一張）
</source>
        <translation>Certificate that signs the login: SHA-256 %1… (the card holds several signing certificates and none has object ID &quot;SIGN&quot;; the first one is used)
</translation>
    </message>
    <message>
        <source>登入簽章用憑證：SHA-256 %1…
</source>
        <translation>Certificate that signs the login: SHA-256 %1…
</translation>
    </message>
    <message>
        <source>簽章方式：%1
</source>
        <translation>How it signs: %1
</translation>
    </message>
    <message>
        <source>可用字元：英文字母（區分大小寫）與數字
</source>
        <translation>Characters: letters (case-sensitive) and digits
</translation>
    </message>
    <message>
        <source>可用字元：數字
</source>
        <translation>Characters: digits
</translation>
    </message>
</context>
<context>
    <name>CardFailure</name>
    <message>
        <source>智慧卡服務（pcscd）沒有執行，無法使用讀卡機。請啟動智慧卡服務後再試一次。</source>
        <translation>The smart card service (pcscd) is not running, so no reader can be used. Start the smart card service and try again.</translation>
    </message>
    <message>
        <source>找不到讀卡機。請確認讀卡機已接上電腦。</source>
        <translation>No card reader found. Check that the reader is connected to this computer.</translation>
    </message>
    <message>
        <source>找不到指定的讀卡機。請以 readers 指令查看可用的讀卡機。</source>
        <translation>The reader asked for is not connected. The readers command lists the available readers.</translation>
    </message>
    <message>
        <source>讀卡機中沒有卡片。請插入憑證卡片。</source>
        <translation>There is no card in the reader. Insert your certificate card.</translation>
    </message>
    <message>
        <source>讀取時卡片被取出。請重新插入卡片後再試一次。</source>
        <translation>The card was removed while it was being read. Insert it again and retry.</translation>
    </message>
    <message>
        <source>卡片正由其他程式使用中。請關閉該程式後再試一次。</source>
        <translation>Another program is using the card. Close that program and try again.</translation>
    </message>
    <message>
        <source>不支援此卡片。請插入自然人憑證、機關憑證或健保卡。</source>
        <translation>This card is not supported. Insert a citizen digital certificate, an agency certificate card or an NHI card.</translation>
    </message>
    <message>
        <source>卡片內容無法辨識，可能已損壞。</source>
        <translation>The card&apos;s contents make no sense; the card may be damaged.</translation>
    </message>
    <message>
        <source>與卡片通訊時發生錯誤。請重新插入卡片後再試一次。</source>
        <translation>Talking to the card failed. Insert the card again and retry.</translation>
    </message>
    <message>
        <source>憑證密碼（PIN 碼）錯誤。只剩最後 1 次機會，再錯一次卡片就會被鎖住。</source>
        <translation>Wrong PIN. Only 1 try is left: one more wrong PIN locks the card.</translation>
    </message>
    <message numerus="yes">
        <source>憑證密碼（PIN 碼）錯誤，還有 %n 次機會。</source>
        <translation>
            <numerusform>Wrong PIN, %n try left.</numerusform>
            <numerusform>Wrong PIN, %n tries left.</numerusform>
        </translation>
    </message>
    <message>
        <source>憑證密碼（PIN 碼）錯誤。連續錯誤 3 次將會鎖卡。</source>
        <translation>Wrong PIN. Three wrong PINs in a row lock the card.</translation>
    </message>
    <message>
        <source>憑證密碼（PIN 碼）長度不對，沒有送到卡片，也沒有用掉機會。</source>
        <translation>The PIN has the wrong length. It was not sent to the card, and no try was used.</translation>
    </message>
    <message>
        <source>只剩最後 1 次機會。再錯一次卡片就會被鎖住，請確認後再送出（--confirm-last-try）。</source>
        <translation>Only 1 try is left: one more wrong PIN locks the card. Confirm before it is sent (--confirm-last-try).</translation>
    </message>
    <message>
        <source>這張卡片需要中華電信 HiCOS 卡片管理工具的 PKCS#11 模組才能簽章，但找不到它。請安裝 HiCOS 卡片管理工具，或設定模組路徑（SHIQIUREN_PKCS11_MODULE）。</source>
        <translation>This card signs through the PKCS#11 module of Chunghwa Telecom&apos;s HiCOS card tool, and it was not found. Install the HiCOS card tool, or set the module path (SHIQIUREN_PKCS11_MODULE).</translation>
    </message>
    <message>
        <source>PKCS#11 模組中找不到這張卡片的簽章金鑰。</source>
        <translation>The PKCS#11 module shows no signing key for this card.</translation>
    </message>
    <message>
        <source>這張卡片上沒有簽章用的憑證。</source>
        <translation>This card holds no signing certificate.</translation>
    </message>
    <message>
        <source>憑證密碼（PIN 碼）含有這張卡片不接受的字元，沒有送到卡片，也沒有用掉機會。</source>
        <translation>The PIN contains a character this card does not accept. It was not sent to the card, and no try was used.</translation>
    </message>
    <message>
        <source>憑證密碼（PIN 碼）已連續錯誤 3 次，卡片已鎖住，必須解卡後才能再使用。自然人憑證請至 MOICA 內政部憑證管理中心網站（https://moica.nat.gov.tw/html/unblockcard.htm#2）解卡；機關憑證請至 GCA 政府憑證管理中心網站（https://gcaweb.nat.gov.tw/gcacms/04-04.html）解卡。</source>
        <translation>The PIN was wrong three times in a row and the card is locked; it must be unblocked before it can be used again. Unblock a citizen digital certificate at the MOICA site (https://moica.nat.gov.tw/html/unblockcard.htm#2), an agency certificate card at the GCA site (https://gcaweb.nat.gov.tw/gcacms/04-04.html).</translation>
    </message>
</context>
<context>
    <name>ClientCli</name>
    <message>
        <source>事求人機關徵才系統：職缺的草擬、預覽與上傳（可離線作業）。</source>
        <translation>Shiqiuren agency recruitment: draft, preview and upload vacancies (also offline).</translation>
    </message>
    <message>
        <source>中央服務的網址（例如 https://recruit.example.gov.tw），只用於這次執行</source>
        <translation>The central service&apos;s address (e.g. https://recruit.example.gov.tw), for this run only</translation>
    </message>
    <message>
        <source>網址</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>改用這個設定檔（INI 格式）</source>
        <translation>Use this settings file (INI format)</translation>
    </message>
    <message>
        <source>檔案</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>本機資料庫檔案（預設放在使用者資料目錄）</source>
        <translation>The local database file (default: in the user&apos;s data folder)</translation>
    </message>
    <message>
        <source>介面語言：zh_TW（中文）或 en（English）</source>
        <translation>Interface language: zh_TW (Chinese) or en (English)</translation>
    </message>
    <message>
        <source>語言</source>
        <translation>LANGUAGE</translation>
    </message>
    <message>
        <source>開啟後經過這麼多毫秒，印出連線狀態並結束（檢測用）</source>
        <translation>Print the connection status and quit this many milliseconds after starting (for checks)</translation>
    </message>
    <message>
        <source>毫秒</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>不認得的參數：%1</source>
        <translation>Unknown arguments: %1</translation>
    </message>
    <message>
        <source>--server 需要 http:// 或 https:// 開頭的網址：%1</source>
        <translation>--server needs an address starting with http:// or https://: %1</translation>
    </message>
    <message>
        <source>--lang 只能是 zh_TW 或 en</source>
        <translation>--lang must be zh_TW or en</translation>
    </message>
    <message>
        <source>--quit-after-ms 需要非負整數</source>
        <translation>--quit-after-ms needs a non-negative integer</translation>
    </message>
</context>
<context>
    <name>ConflictFieldText</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>不啟用</source>
        <translation>Not enabled</translation>
    </message>
    <message>
        <source>啟用：%1</source>
        <translation>Enabled: %1</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>訓練日期區間 %1</source>
        <translation>Training period %1</translation>
    </message>
    <message>
        <source>獎懲日期區間 %1</source>
        <translation>Rewards and punishments period %1</translation>
    </message>
    <message>
        <source>考績年度區間 %1</source>
        <translation>Appraisal years %1</translation>
    </message>
    <message>
        <source>徵才機關</source>
        <translation>Hiring agency</translation>
    </message>
    <message>
        <source>機關名稱</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <source>機關地址</source>
        <translation>Agency address</translation>
    </message>
    <message>
        <source>填寫人姓名</source>
        <translation>Filled in by</translation>
    </message>
    <message>
        <source>填寫人電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>分機</source>
        <translation>Ext.</translation>
    </message>
    <message>
        <source>填寫人Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>人員區分</source>
        <translation>Personnel category</translation>
    </message>
    <message>
        <source>官等類別</source>
        <translation>Rank class</translation>
    </message>
    <message>
        <source>官職等</source>
        <translation>Rank and grade</translation>
    </message>
    <message>
        <source>官職等（其他）</source>
        <translation>Rank and grade (other)</translation>
    </message>
    <message>
        <source>職稱</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>職系</source>
        <translation>Job series</translation>
    </message>
    <message>
        <source>名額</source>
        <translation>Openings</translation>
    </message>
    <message>
        <source>候補名額</source>
        <translation>Reserve openings</translation>
    </message>
    <message>
        <source>性別</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>性別限制理由</source>
        <translation>Reason for the gender requirement</translation>
    </message>
    <message>
        <source>工作地點</source>
        <translation>Work location</translation>
    </message>
    <message>
        <source>有效期間（起）</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>有效期間（迄）</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <source>資格條件</source>
        <translation>Qualifications</translation>
    </message>
    <message>
        <source>工作項目</source>
        <translation>Duties</translation>
    </message>
    <message>
        <source>工作地址</source>
        <translation>Work address</translation>
    </message>
    <message>
        <source>聯絡方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>聯絡E-Mail</source>
        <translation>Contact e-mail</translation>
    </message>
    <message>
        <source>歡迎身心障礙者參加甄選</source>
        <translation>People with disabilities are welcome to apply</translation>
    </message>
    <message>
        <source>歡迎原住民族參加甄選</source>
        <translation>Indigenous people are welcome to apply</translation>
    </message>
    <message>
        <source>原住民族地區職缺</source>
        <translation>Post in an indigenous area</translation>
    </message>
    <message>
        <source>進階職能培訓專班人員專區</source>
        <translation>Advanced competency training programme</translation>
    </message>
    <message>
        <source>限調任</source>
        <translation>Transfer only</translation>
    </message>
    <message>
        <source>職缺類別</source>
        <translation>Vacancy type</translation>
    </message>
    <message>
        <source>公告網址</source>
        <translation>Announcement URL</translation>
    </message>
    <message>
        <source>調閱履歷</source>
        <translation>Applicant résumés</translation>
    </message>
</context>
<context>
    <name>LedgerError</name>
    <message>
        <source>無法開啟本機資料檔，無法記錄憑證密碼（PIN 碼）的錯誤次數。請確認磁碟空間與資料夾權限。</source>
        <translation>The local data file cannot be opened, so wrong PINs cannot be counted. Check the disk space and the folder&apos;s permissions.</translation>
    </message>
    <message>
        <source>本機資料檔已損壞，無法記錄憑證密碼（PIN 碼）的錯誤次數。請洽資訊人員。</source>
        <translation>The local data file is damaged, so wrong PINs cannot be counted. Ask your IT support.</translation>
    </message>
    <message>
        <source>本機資料檔由較新版本的事求人建立。請更新本程式後再試一次。</source>
        <translation>The local data file was written by a newer version of Shiqiuren. Update this program and try again.</translation>
    </message>
    <message>
        <source>無法辨識這張卡片（沒有卡號，也沒有憑證序號）。</source>
        <translation>This card cannot be told apart from others (no card number and no certificate serial).</translation>
    </message>
    <message>
        <source>無法讀寫本機的憑證密碼（PIN 碼）錯誤次數紀錄。</source>
        <translation>The local record of wrong PINs cannot be read or written.</translation>
    </message>
</context>
<context>
    <name>LoginProblemText</name>
    <message>
        <source>插入之自然人憑證或機關憑證無效，可能為憑證已過期、廢止…等情形，請確認所持憑證之有效性。</source>
        <translation>The citizen or agency certificate on the card is not valid: it may have expired or been revoked. Please check that your certificate is valid.</translation>
    </message>
    <message>
        <source>目前無法向憑證中心確認憑證是否有效，請稍後再試一次。</source>
        <translation>The certificate authority cannot confirm right now whether the certificate is valid. Please try again later.</translation>
    </message>
    <message>
        <source>伺服器無法驗證卡片的簽章。請重新插入卡片後再試一次；若仍失敗，請資訊人員檢查「設定」中的伺服器網址與登入簽署的網址（origin）。</source>
        <translation>The server could not verify the card&apos;s signature. Insert the card again and retry; if it still fails, ask IT to check the server address and the login origin in Settings.</translation>
    </message>
    <message>
        <source>登入驗證已逾時，請重新登入。</source>
        <translation>The login check timed out. Please log in again.</translation>
    </message>
    <message>
        <source>此機關憑證所屬機關尚未登錄於本系統，請洽人事人員。</source>
        <translation>The agency of this agency certificate is not registered in the system. Please contact your personnel office.</translation>
    </message>
    <message>
        <source>自訂帳號或身分證號驗證不存在於本總處公務人力資料庫中，如為現職公務人員，請洽人事人員儘速將該員個人資料報送至本總處完成入檔後，方可登入本總處「人事服務網」。</source>
        <translation>The custom account or ID number is not in the DGPA civil service database. If you are a serving civil servant, ask your personnel office to submit your personal data to the DGPA; you can log in to the DGPA Personnel Service Network (ECPA) once it has been entered.</translation>
    </message>
    <message>
        <source>驗證失敗
失敗原因：此身份證字號已停用，可能是此帳號之人事資料為卸職狀態，若有問題請先洽機關所屬人事部門洽詢。</source>
        <translation>Verification failed
Reason: this ID number is no longer active; the personnel record of this account may show that the person has left service. If this is wrong, please ask your agency&apos;s personnel office.</translation>
    </message>
    <message>
        <source>驗證失敗
失敗原因：此身份證字號與使用的自然人憑證序號向憑證中心查詢回應並不是同一個使用者，請確定輸入的eCPA自訂帳號或是身分證字號是否正確。</source>
        <translation>Verification failed
Reason: according to the certificate authority, this ID number and the citizen certificate used do not belong to the same person. Please check that the eCPA custom account or ID number you entered is correct.</translation>
    </message>
    <message>
        <source>首次啟用的時限已過或嘗試次數已用完，請重新以憑證登入。</source>
        <translation>The first-time activation has expired or used up its tries. Please log in with the card again.</translation>
    </message>
    <message>
        <source>帳號或密碼錯誤。</source>
        <translation>Wrong account or password.</translation>
    </message>
    <message>
        <source>密碼錯誤次數過多，登入暫時鎖定，請稍後再試。</source>
        <translation>Too many wrong passwords: logging in is locked for a while. Please try again later.</translation>
    </message>
    <message>
        <source>密碼長度須 8 碼以上，且必須至少包含英文字母、數字及特殊符號；請勿使用下列特殊字元 % &amp; + * ? &lt; &gt; \ /</source>
        <translation>The password must be at least 8 characters long and contain at least one letter, one digit and one special symbol; do not use these characters: % &amp; + * ? &lt; &gt; \ /</translation>
    </message>
    <message>
        <source>此自訂帳號已有人使用，請換一個。</source>
        <translation>This custom account is already taken. Please choose another one.</translation>
    </message>
    <message>
        <source>此帳號已設定完成，請重新登入。</source>
        <translation>This account has already been set up. Please log in again.</translation>
    </message>
    <message>
        <source>輸入的資料不正確，請檢查後再送出。</source>
        <translation>Some of the data entered is not valid. Please check it and submit again.</translation>
    </message>
    <message>
        <source>中央服務暫時無法處理，請稍後再試一次。</source>
        <translation>The central service cannot handle the request right now. Please try again later.</translation>
    </message>
    <message>
        <source>登入失敗，請稍後再試一次；若仍失敗，請洽資訊人員。</source>
        <translation>Login failed. Please try again later; if it still fails, contact IT support.</translation>
    </message>
    <message>
        <source>無法連線到中央服務。請確認網路後再試一次，或先離線作業。</source>
        <translation>Cannot reach the central service. Check the network and try again, or work offline for now.</translation>
    </message>
    <message>
        <source>無法確認中央服務的身分（安全連線失敗），請洽資訊人員檢查設定。</source>
        <translation>The central service&apos;s identity could not be confirmed (the secure connection failed). Please ask IT support to check the settings.</translation>
    </message>
    <message>
        <source>中央服務的回應無法辨識，請稍後再試一次。</source>
        <translation>The central service&apos;s answer could not be understood. Please try again later.</translation>
    </message>
</context>
<context>
    <name>RocDate</name>
    <message>
        <source>%1/%2/%3</source>
        <extracomment>A date of the ROC calendar (民國) as every screen shows it: %1 the ROC year in three digits (115), %2 the month and %3 the day in two.</extracomment>
        <translation>ROC %1/%2/%3</translation>
    </message>
    <message>
        <source>%1~%2</source>
        <extracomment>A period of two ROC (民國) dates, each yyy/MM/dd: %1 the first day, %2 the last.</extracomment>
        <translation>ROC %1–%2</translation>
    </message>
    <message>
        <source>民國%1年</source>
        <extracomment>A year of the ROC calendar (民國): %1 is the ROC year (115).</extracomment>
        <translation>ROC %1</translation>
    </message>
    <message>
        <source>民國%1年~%2年</source>
        <extracomment>A range of ROC (民國) years: %1 the first (110), %2 the last (115).</extracomment>
        <translation>ROC %1–%2</translation>
    </message>
</context>
<context>
    <name>TokenError</name>
    <message>
        <source>中央服務的網址設定不正確（必須是 https:// 開頭、不含路徑的網址），無法以憑證登入。</source>
        <translation>The central service&apos;s address is set wrongly (it must start with https:// and have no path), so certificate login is not possible.</translation>
    </message>
    <message>
        <source>中央服務傳回的登入挑戰碼不正確，無法以憑證登入。請再試一次。</source>
        <translation>The login challenge from the central service is not valid, so certificate login is not possible. Please try again.</translation>
    </message>
    <message>
        <source>憑證登入資料不完整（缺少憑證或簽章），無法送出。請再試一次。</source>
        <translation>The certificate login data is incomplete (no certificate or signature) and cannot be sent. Please try again.</translation>
    </message>
</context>
<context>
    <name>VacancyRules</name>
    <message>
        <source>請選擇徵才機關</source>
        <translation>Choose the hiring agency</translation>
    </message>
    <message>
        <source>請填寫機關地址</source>
        <translation>Enter the agency address</translation>
    </message>
    <message>
        <source>請填寫填寫人姓名</source>
        <translation>Enter the name of the person filling in the form</translation>
    </message>
    <message>
        <source>請填寫填寫人電話</source>
        <translation>Enter the phone number of the person filling in the form</translation>
    </message>
    <message>
        <source>請選擇人員區分</source>
        <translation>Choose the personnel category</translation>
    </message>
    <message>
        <source>請選擇官等類別</source>
        <translation>Choose the rank class</translation>
    </message>
    <message>
        <source>請填寫職稱</source>
        <translation>Enter the job title</translation>
    </message>
    <message>
        <source>請選擇工作地點</source>
        <translation>Choose the work location</translation>
    </message>
    <message>
        <source>請填寫有效期間起日</source>
        <translation>Enter the start of the posting period</translation>
    </message>
    <message>
        <source>請填寫有效期間迄日</source>
        <translation>Enter the end of the posting period</translation>
    </message>
    <message>
        <source>請填寫資格條件</source>
        <translation>Enter the qualifications</translation>
    </message>
    <message>
        <source>請填寫工作項目</source>
        <translation>Enter the duties</translation>
    </message>
    <message>
        <source>請填寫工作地址</source>
        <translation>Enter the work address</translation>
    </message>
    <message>
        <source>請填寫聯絡方式</source>
        <translation>Enter how to apply or get in touch</translation>
    </message>
    <message>
        <source>須具任用資格之職缺請選擇職系</source>
        <translation>A post requiring civil service appointment eligibility needs a job series</translation>
    </message>
    <message>
        <source>名額至少須為1名</source>
        <translation>There must be at least 1 opening</translation>
    </message>
    <message>
        <source>候補名額不得為負數</source>
        <translation>Reserve openings cannot be negative</translation>
    </message>
    <message>
        <source>候補名額不得超過名額的2倍（最多%1名）</source>
        <translation>Reserve openings cannot exceed twice the openings (at most %1)</translation>
    </message>
    <message>
        <source>有效期間迄日不得早於起日</source>
        <translation>The posting period cannot end before it starts</translation>
    </message>
    <message>
        <source>公開甄選公告期間至少須3日</source>
        <translation>A public recruitment notice must run for at least 3 days</translation>
    </message>
    <message>
        <source>有效期間起日不得早於今日</source>
        <translation>The posting period cannot start before today</translation>
    </message>
    <message>
        <source>機關代碼格式不正確（應為10碼英數字）</source>
        <translation>The agency code is malformed (it has 10 letters and digits)</translation>
    </message>
    <message>
        <source>人員區分「%1」不在代碼表中</source>
        <translation>Personnel category “%1” is not in the code list</translation>
    </message>
    <message>
        <source>人員區分「%1」已停用</source>
        <translation>Personnel category “%1” is no longer in use</translation>
    </message>
    <message>
        <source>職系代碼「%1」不在代碼表中</source>
        <translation>Job series code “%1” is not in the code list</translation>
    </message>
    <message>
        <source>職系「%1」已停用</source>
        <translation>Job series “%1” is no longer in use</translation>
    </message>
    <message>
        <source>職系「無」不得與其他職系同時選擇</source>
        <translation>Job series “None” cannot be chosen together with other series</translation>
    </message>
    <message>
        <source>工作地點代碼「%1」不在代碼表中</source>
        <translation>Work location code “%1” is not in the code list</translation>
    </message>
    <message>
        <source>工作地點「%1」已停用</source>
        <translation>Work location “%1” is no longer in use</translation>
    </message>
    <message>
        <source>工作地點「%1」已停用，請改選「%2」</source>
        <translation>Work location “%1” is no longer in use; choose “%2” instead</translation>
    </message>
    <message>
        <source>官職等範圍不在該官等的職等之內</source>
        <translation>The grade range lies outside the grades of its rank</translation>
    </message>
    <message>
        <source>聯絡E-Mail格式不正確</source>
        <translation>The contact e-mail address is malformed</translation>
    </message>
    <message>
        <source>填寫人Email格式不正確</source>
        <translation>The e-mail address of the person filling in the form is malformed</translation>
    </message>
    <message>
        <source>公告網址須為http或https開頭的網址</source>
        <translation>The notice URL must start with http or https</translation>
    </message>
    <message>
        <source>限制性別須說明工作性質僅適合特定性別之理由（性別平等工作法第7條）</source>
        <translation>A gender restriction needs a reason why the work suits only that gender (Gender Equality in Employment Act, Article 7)</translation>
    </message>
    <message>
        <source>內容不得超過%1字（目前%2字）</source>
        <translation>At most %1 characters (now %2)</translation>
    </message>
    <message>
        <source>人員區分「%1」已停用，請改選「%2」</source>
        <translation>Personnel category “%1” is no longer in use; choose “%2” instead</translation>
    </message>
    <message>
        <source>職系「%1」已停用，請改選「%2」</source>
        <translation>Job series “%1” is no longer in use; choose “%2” instead</translation>
    </message>
    <message>
        <source>職系「%1」請改以代碼選擇「%2」</source>
        <translation>Choose job series “%1” by its code: “%2”</translation>
    </message>
    <message>
        <source>須具任用資格之職缺請選擇官職等，或填寫其他官職等</source>
        <translation>A post requiring civil service appointment eligibility needs a rank and grade: pick one, or enter it under Other rank or grade</translation>
    </message>
</context>
<context>
    <name>client::Main</name>
    <message>
        <source>事求人</source>
        <translation>Shiqiuren</translation>
    </message>
    <message>
        <source>無法開啟本機資料庫：%1</source>
        <translation>Cannot open the local database: %1</translation>
    </message>
</context>
<context>
    <name>core::cards::CardReport</name>
    <message>
        <source>本程式直接以讀卡機簽章（HiCOS 第一代：受保護的密碼驗證），不需要廠商元件。</source>
        <translation>Signs directly through the reader (HiCOS first generation: protected PIN verification); no vendor software needed.</translation>
    </message>
    <message>
        <source>本程式直接以讀卡機簽章（HiCOS 第二代：GlobalPlatform 安全通道），不需要廠商元件。</source>
        <translation>Signs directly through the reader (HiCOS second generation: GlobalPlatform secure channel); no vendor software needed.</translation>
    </message>
    <message>
        <source>本程式直接以讀卡機簽章（PKCS#15 標準卡片）。</source>
        <translation>Signs directly through the reader (a standard PKCS#15 card).</translation>
    </message>
    <message>
        <source>經由設定的 PKCS#11 模組簽章（資訊人員或使用者指定）。</source>
        <translation>Signs through the configured PKCS#11 module (set by IT or the user).</translation>
    </message>
    <message>
        <source>這個 HiCOS 卡片版本本程式無法直接簽章，需經由中華電信的 PKCS#11 模組；本程式不會送出任何可能用掉密碼機會的指令。</source>
        <translation>This program cannot sign directly with this HiCOS card version; it signs through Chunghwa Telecom&apos;s PKCS#11 module. Nothing that could use up a PIN try is sent to the card.</translation>
    </message>
    <message>
        <source>這張卡片不能用來簽章登入。</source>
        <translation>This card cannot sign a login.</translation>
    </message>
</context>
<context>
    <name>core::diagnostics::EnvironmentCheck</name>
    <message>
        <source>%1 小時 %2 分</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 分 %2 秒</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>智慧卡服務（pcscd）</source>
        <translation>Smart card service (pcscd)</translation>
    </message>
    <message>
        <source>讀卡機</source>
        <translation>Card readers</translation>
    </message>
    <message>
        <source>卡片</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>HiCOS PKCS#11 模組</source>
        <translation>HiCOS PKCS#11 module</translation>
    </message>
    <message>
        <source>人事服務網連線</source>
        <translation>Connection to the Personnel Service</translation>
    </message>
    <message>
        <source>電腦時間</source>
        <translation>Computer clock</translation>
    </message>
    <message>
        <source>等待檢測</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>檢測中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>注意</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>失敗</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>略過</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>自然人憑證（HiCOS 第一代）</source>
        <translation>Citizen certificate card (HiCOS, 1st generation)</translation>
    </message>
    <message>
        <source>自然人憑證（HiCOS 第二代）</source>
        <translation>Citizen certificate card (HiCOS, 2nd generation)</translation>
    </message>
    <message>
        <source>機關憑證（HiCOS）</source>
        <translation>Agency certificate card (HiCOS)</translation>
    </message>
    <message>
        <source>健保卡（不能用來登入）</source>
        <translation>National Health Insurance card (cannot be used to log in)</translation>
    </message>
    <message>
        <source>ISO 7816 憑證卡</source>
        <translation>ISO 7816 certificate card</translation>
    </message>
    <message>
        <source>無法辨識的卡片</source>
        <translation>Unrecognised card</translation>
    </message>
    <message>
        <source>智慧卡服務正在執行。</source>
        <translation>The smart card service is running.</translation>
    </message>
    <message>
        <source>智慧卡服務（pcscd）沒有執行，無法使用讀卡機。</source>
        <translation>The smart card service (pcscd) is not running, so no card reader can be used.</translation>
    </message>
    <message>
        <source>智慧卡服務回報錯誤：%1</source>
        <translation>The smart card service reported an error: %1</translation>
    </message>
    <message>
        <source>找不到讀卡機。</source>
        <translation>No card reader was found.</translation>
    </message>
    <message>
        <source>讀卡機中沒有卡片。</source>
        <translation>There is no card in the reader.</translation>
    </message>
    <message>
        <source>有無法用來登入的卡片：</source>
        <translation>A card that cannot be used to log in:</translation>
    </message>
    <message>
        <source>無法讀取 %1 中的卡片：%2</source>
        <translation>Cannot read the card in %1: %2</translation>
    </message>
    <message>
        <source>已找到模組：%1</source>
        <translation>Module found: %1</translation>
    </message>
    <message>
        <source>設定的模組檔案不存在：%1</source>
        <translation>The configured module file does not exist: %1</translation>
    </message>
    <message>
        <source>尚未設定伺服器網址。</source>
        <translation>No server address has been set.</translation>
    </message>
    <message>
        <source>服務正常：%1</source>
        <translation>The service is working: %1</translation>
    </message>
    <message>
        <source>服務有回應，但它的資料庫沒有回應：%1</source>
        <translation>The service answers, but its database does not: %1</translation>
    </message>
    <message>
        <source>無法連線到 %1（%2）</source>
        <translation>Cannot connect to %1 (%2)</translation>
    </message>
    <message>
        <source>與 %1 的安全連線（TLS）失敗：%2</source>
        <translation>The secure connection (TLS) to %1 failed: %2</translation>
    </message>
    <message>
        <source>%1 沒有在時限內回應。</source>
        <translation>%1 did not answer in time.</translation>
    </message>
    <message>
        <source>%1 的回應不是人事服務網的回應（HTTP %2）。</source>
        <translation>The answer from %1 is not the Personnel Service&apos;s (HTTP %2).</translation>
    </message>
    <message>
        <source>電腦時間與伺服器相差 %1，在容許範圍內。</source>
        <translation>The computer clock differs from the server&apos;s by %1, which is within the allowed range.</translation>
    </message>
    <message>
        <source>電腦時間比伺服器快 %1。</source>
        <translation>The computer clock is %1 ahead of the server&apos;s.</translation>
    </message>
    <message>
        <source>電腦時間比伺服器慢 %1。</source>
        <translation>The computer clock is %1 behind the server&apos;s.</translation>
    </message>
    <message>
        <source>伺服器沒有提供時間，無法比對。</source>
        <translation>The server did not send its time, so the clock cannot be compared.</translation>
    </message>
    <message>
        <source>智慧卡服務沒有執行，無法檢測。</source>
        <translation>Not checked: the smart card service is not running.</translation>
    </message>
    <message>
        <source>無法連線到服務，無法比對時間。</source>
        <translation>Not checked: the service cannot be reached.</translation>
    </message>
    <message>
        <source>請啟動智慧卡服務：在終端機執行 sudo systemctl enable --now pcscd.socket，或請資訊人員協助。</source>
        <translation>Start the smart card service: run sudo systemctl enable --now pcscd.socket in a terminal, or ask your IT staff.</translation>
    </message>
    <message>
        <source>請重新啟動智慧卡服務（sudo systemctl restart pcscd），再重新檢測。</source>
        <translation>Restart the smart card service (sudo systemctl restart pcscd), then check again.</translation>
    </message>
    <message>
        <source>請確認讀卡機已接上電腦；已接上時請拔下再插一次，或換一個 USB 插槽。</source>
        <translation>Make sure the card reader is plugged in; if it is, unplug it and plug it in again, or try another USB port.</translation>
    </message>
    <message>
        <source>請將自然人憑證或機關憑證插入讀卡機（晶片朝上、朝內），再重新檢測。</source>
        <translation>Insert the citizen or agency certificate card into the reader (chip up, facing in), then check again.</translation>
    </message>
    <message>
        <source>請改插自然人憑證或機關憑證。</source>
        <translation>Insert a citizen or agency certificate card instead.</translation>
    </message>
    <message>
        <source>請取出卡片再重新插入；仍無法讀取時請換一台讀卡機試試。</source>
        <translation>Take the card out and insert it again; if it still cannot be read, try another card reader.</translation>
    </message>
    <message>
        <source>請在設定中改正 PKCS#11 模組路徑，或清空它以使用預設安裝位置。</source>
        <translation>Correct the PKCS#11 module path in Settings, or clear it to use the usual install location.</translation>
    </message>
    <message>
        <source>請安裝中華電信 HiCOS 卡片管理工具（內含 PKCS#11 模組），或在設定中指定模組路徑（例如 /usr/local/lib/libHicos_p11.so）。</source>
        <translation>Install Chunghwa Telecom&apos;s HiCOS card tools (they include the PKCS#11 module), or set the module path in Settings (for example /usr/local/lib/libHicos_p11.so).</translation>
    </message>
    <message>
        <source>請在「設定」中輸入伺服器網址（由資訊人員提供）。</source>
        <translation>Enter the server address in Settings (your IT staff can give it to you).</translation>
    </message>
    <message>
        <source>這是伺服器端的問題，請稍後再試，或通知系統管理者。</source>
        <translation>This is a problem on the server. Try again later, or tell the system administrator.</translation>
    </message>
    <message>
        <source>請確認網路連線正常、設定中的伺服器網址正確；機關使用代理伺服器或防火牆時，請資訊人員開放這個網址。</source>
        <translation>Check that the network works and the server address in Settings is right; if your agency uses a proxy or firewall, ask your IT staff to allow this address.</translation>
    </message>
    <message>
        <source>請確認電腦時間正確；伺服器憑證更換後，請更新設定中的憑證指紋，或請資訊人員確認機關的憑證設定。</source>
        <translation>Check that the computer clock is right; if the server&apos;s certificate was replaced, update the fingerprint in Settings, or ask your IT staff to check the agency&apos;s certificate setup.</translation>
    </message>
    <message>
        <source>請確認設定中的伺服器網址正確。</source>
        <translation>Check that the server address in Settings is right.</translation>
    </message>
    <message>
        <source>請校正電腦時間：開啟自動校時（sudo timedatectl set-ntp true），或請資訊人員協助。時間不對會使憑證登入失敗。</source>
        <translation>Correct the computer clock: turn on automatic time (sudo timedatectl set-ntp true), or ask your IT staff. A wrong clock makes certificate login fail.</translation>
    </message>
    <message>
        <source>請確認電腦已開啟自動校時。</source>
        <translation>Check that automatic time setting is turned on.</translation>
    </message>
    <message>
        <source>人事服務網用戶端環境檢測 %1</source>
        <translation>Personnel Service client environment check %1</translation>
    </message>
    <message>
        <source>處理方式：%1</source>
        <translation>What to do: %1</translation>
    </message>
    <message>
        <source>讀卡機中的 HiCOS 卡片版本本程式無法直接簽章，需要 HiCOS PKCS#11 模組，但找不到它。</source>
        <translation>The HiCOS card in the reader is a version this program cannot sign with directly. It needs the HiCOS PKCS#11 module, which was not found.</translation>
    </message>
    <message>
        <source>未安裝 HiCOS PKCS#11 模組。不需要它：第一代與第二代自然人憑證、機關憑證由本程式直接簽章。</source>
        <translation>The HiCOS PKCS#11 module is not installed. It is not needed: this program signs directly with first- and second-generation citizen and agency certificate cards.</translation>
    </message>
    <message numerus="yes">
        <source>找到 %n 台讀卡機：</source>
        <translation>
            <numerusform>Found %n card reader:</numerusform>
            <numerusform>Found %n card readers:</numerusform>
        </translation>
    </message>
    <message>
        <source>網路元件</source>
        <translation>Network component</translation>
    </message>
    <message>
        <source>列印元件</source>
        <translation>Printing component</translation>
    </message>
    <message>
        <source>程式元件</source>
        <translation>Program components</translation>
    </message>
    <message>
        <source>有程式元件無法載入：</source>
        <translation>A program component cannot be loaded:</translation>
    </message>
    <message>
        <source>網路元件無法載入，無法連線。</source>
        <translation>The network component cannot be loaded, so no connection can be made.</translation>
    </message>
    <message>
        <source>事求人沒有安裝完整：請資訊人員重新安裝事求人的套件（sudo apt install --reinstall shiqiuren）。</source>
        <translation>Shiqiuren is not fully installed: ask IT to reinstall its package (sudo apt install --reinstall shiqiuren).</translation>
    </message>
    <message>
        <source>已安裝：%1。</source>
        <translation>Installed: %1.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>core::login::LoginController</name>
    <message>
        <source>密碼長度不符，沒有送出。</source>
        <translation>The PIN has the wrong length; nothing was sent.</translation>
    </message>
    <message>
        <source>請先確認要登入的網站，沒有送出密碼。</source>
        <translation>Confirm the site you are logging in to first. The PIN was not sent.</translation>
    </message>
</context>
<context>
    <name>ui::AccountDialog</name>
    <message>
        <source>我的專區</source>
        <translation>My account</translation>
    </message>
    <message>
        <source>以機關憑證登入時沒有個人帳號，沒有個人資料或密碼可修改。</source>
        <translation>A session opened with the agency certificate has no personal account: there is no profile or password to change.</translation>
    </message>
    <message>
        <source>個人資料修改</source>
        <translation>Edit profile</translation>
    </message>
    <message>
        <source>修改密碼</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>自訂帳號：</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>電子郵件：</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>個人電話：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>修改個人資料</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <source>目前密碼：</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <source>新密碼：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>確認新密碼：</source>
        <translation>Confirm new password:</translation>
    </message>
    <message>
        <source>送出</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>關閉</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>電子郵件格式不正確。</source>
        <translation>The e-mail address is not valid.</translation>
    </message>
    <message>
        <source>請輸入目前密碼。</source>
        <translation>Please enter your current password.</translation>
    </message>
    <message>
        <source>資料送出中…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>個人資料已修改。</source>
        <translation>Your profile has been saved.</translation>
    </message>
    <message>
        <source>密碼已修改，下次請以新密碼登入。</source>
        <translation>Your password has been changed. Use the new password next time you log in.</translation>
    </message>
    <message>
        <source>長度不足8碼</source>
        <translation>shorter than 8 characters</translation>
    </message>
    <message>
        <source>沒有英文字母</source>
        <translation>no letter</translation>
    </message>
    <message>
        <source>沒有數字</source>
        <translation>no digit</translation>
    </message>
    <message>
        <source>沒有特殊符號</source>
        <translation>no special symbol</translation>
    </message>
    <message>
        <source>含有不可使用的字元</source>
        <translation>a character that is not allowed</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>無法連線到人事服務網，請確認網路後再試一次。</source>
        <translation>Cannot reach the Personnel Service. Please check the network and try again.</translation>
    </message>
    <message>
        <source>無法與人事服務網建立安全連線。請執行「說明」→「環境檢測」查看原因。</source>
        <translation>Cannot open a secure connection to the Personnel Service. Run Help → Environment check to see why.</translation>
    </message>
    <message>
        <source>人事服務網的回應有誤，請稍後再試一次。</source>
        <translation>The Personnel Service gave an unexpected answer. Please try again later.</translation>
    </message>
    <message>
        <source>登入已逾時，請重新登入。</source>
        <translation>Your session has expired. Please log in again.</translation>
    </message>
    <message>
        <source>您的帳號已停用，請洽機關人事單位。</source>
        <translation>Your account has been disabled. Please contact your agency&apos;s personnel office.</translation>
    </message>
    <message>
        <source>為增進個人資料之安全性，請先設定自訂帳號後才能使用本系統其他服務。</source>
        <translation>To protect your personal data, please set up your account before using the other services of this system.</translation>
    </message>
    <message>
        <source>人事服務網暫時無法處理，請稍後再試一次。</source>
        <translation>The Personnel Service cannot handle this right now. Please try again later.</translation>
    </message>
    <message>
        <source>新密碼不符合密碼規則。</source>
        <translation>The new password does not follow the password rule.</translation>
    </message>
    <message>
        <source>新密碼不符合密碼規則：%1。</source>
        <translation>The new password does not follow the password rule: %1.</translation>
    </message>
    <message>
        <source>目前密碼不正確，請重新輸入。</source>
        <translation>The current password is wrong. Please type it again.</translation>
    </message>
    <message numerus="yes">
        <source>密碼錯誤次數過多，請於 %n 分鐘後再試。</source>
        <translation>
            <numerusform>Too many wrong passwords. Please try again in %n minute(s).</numerusform>
            <numerusform>Too many wrong passwords. Please try again in %n minute(s).</numerusform>
        </translation>
    </message>
    <message>
        <source>密碼錯誤次數過多，請稍後再試。</source>
        <translation>Too many wrong passwords. Please try again later.</translation>
    </message>
    <message>
        <source>個人電話格式不正確。</source>
        <translation>The phone number is not valid.</translation>
    </message>
    <message>
        <source>資料有誤，請依欄位說明修正。</source>
        <translation>Some data is not valid. Please correct it as each field says.</translation>
    </message>
    <message>
        <source>以機關憑證登入時沒有個人資料可修改。</source>
        <translation>A session opened with the agency certificate has no personal data to change.</translation>
    </message>
    <message>
        <source>修改失敗（%1）。</source>
        <translation>The change failed (%1).</translation>
    </message>
</context>
<context>
    <name>ui::AccountSetupPage</name>
    <message>
        <source>為增進個人資料之安全性，請先設定自訂帳號後才能使用本系統其他服務。
請設定自訂帳號、電子郵件及登入密碼，輸入新密碼兩次後，點選【送出】。</source>
        <translation>To keep your personal data secure, please set up a custom account before using the system&apos;s other services.
Set a custom account, an email address and a login password; enter the new password twice, then click [Submit].</translation>
    </message>
    <message>
        <source>自訂帳號：</source>
        <translation>Custom account:</translation>
    </message>
    <message>
        <source>電子郵件：</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>新密碼：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>確認新密碼：</source>
        <translation>Confirm new password:</translation>
    </message>
    <message>
        <source>送出</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>4 至 30 個字元，英文字母開頭，可用英文字母、數字及 . _ -</source>
        <translation>4 to 30 characters, starting with a letter; letters, digits and . _ - allowed</translation>
    </message>
    <message>
        <source>自訂帳號不可與身分證號同格式。</source>
        <translation>The custom account must not look like an ID number.</translation>
    </message>
    <message>
        <source>自訂帳號格式正確</source>
        <translation>The custom account is well formed</translation>
    </message>
</context>
<context>
    <name>ui::ActivationPage</name>
    <message>
        <source>第 1 次使用憑證登入本系統，請輸入自訂帳號（如無自訂帳號者則請輸入身分證號），再按【下一步】，即可進行身分首次驗證。</source>
        <translation>This is your first login with this certificate. Enter your custom account (or your ID number if you have none) and click [Next] for the first-time identity check.</translation>
    </message>
    <message>
        <source>自訂帳號或身分證號：</source>
        <translation>Custom account or ID number:</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>身分證號共 10 碼（已輸入 %1 碼）</source>
        <translation>An ID number has 10 characters (%1 entered)</translation>
    </message>
    <message>
        <source>身分證號格式正確</source>
        <translation>The ID number is well formed</translation>
    </message>
    <message>
        <source>身分證號格式或檢查碼不正確</source>
        <translation>The ID number&apos;s format or check digit is wrong</translation>
    </message>
    <message>
        <source>此時將進入自訂帳號或身分證號驗證，請稍候等待結果。</source>
        <translation>Checking the custom account or ID number; please wait for the result.</translation>
    </message>
</context>
<context>
    <name>ui::AgencySection</name>
    <message>
        <source>機關基本資料</source>
        <translation>Agency details</translation>
    </message>
    <message>
        <source>職缺編號</source>
        <translation>Vacancy number</translation>
    </message>
    <message>
        <source>系統自動產生</source>
        <translation>Assigned by the system</translation>
    </message>
    <message>
        <source>徵才機關</source>
        <translation>Hiring agency</translation>
    </message>
    <message>
        <source>機關代碼</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <source>機關名稱</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <source>機關地址</source>
        <translation>Agency address</translation>
    </message>
    <message>
        <source>填寫人姓名</source>
        <translation>Filled in by</translation>
    </message>
    <message>
        <source>填寫人電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>例如 02-28227101</source>
        <translation>e.g. 02-28227101</translation>
    </message>
    <message>
        <source>分機</source>
        <translation>Ext.</translation>
    </message>
    <message>
        <source>填寫人Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>徵才機關代碼</source>
        <translation>Hiring agency code</translation>
    </message>
    <message>
        <source>徵才機關名稱</source>
        <translation>Hiring agency name</translation>
    </message>
    <message>
        <source>填寫人電話分機</source>
        <translation>Contact person&apos;s extension</translation>
    </message>
</context>
<context>
    <name>ui::ApplicantsDialog</name>
    <message>
        <source>調閱履歷</source>
        <translation>Applicant résumés</translation>
    </message>
    <message>
        <source>職缺編號：%1</source>
        <translation>Vacancy number: %1</translation>
    </message>
    <message>
        <source>上一頁</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一頁</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>關閉</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>讀取中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>本職缺開放調閱：%1</source>
        <translation>This vacancy opens: %1</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1（%2 應徵）</source>
        <translation>%1 (applied %2)</translation>
    </message>
    <message numerus="yes">
        <source>第 %1 頁，共 %2 頁（%n 人）</source>
        <translation>
            <numerusform>Page %1 of %2 (%n applicant(s))</numerusform>
            <numerusform>Page %1 of %2 (%n applicant(s))</numerusform>
        </translation>
    </message>
    <message>
        <source>這個職缺目前沒有應徵者。</source>
        <translation>Nobody has applied for this vacancy yet.</translation>
    </message>
    <message>
        <source>這位應徵者沒有開放調閱項目的資料。</source>
        <translation>This applicant has no data in the sections this vacancy opens.</translation>
    </message>
    <message>
        <source>這個職缺沒有啟用應徵人員調閱履歷，無法調閱。</source>
        <translation>This vacancy does not use applicant résumés, so none can be read.</translation>
    </message>
    <message>
        <source>找不到這個職缺（可能已刪除，或不是貴機關的職缺）。</source>
        <translation>This vacancy was not found (it may have been deleted, or it is not your agency&apos;s).</translation>
    </message>
    <message>
        <source>無法調閱履歷（%1）。</source>
        <translation>The applicant résumés could not be read (%1).</translation>
    </message>
    <message>
        <source>身分證字號</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>性別</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>電子郵件</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>學歷</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>現職</source>
        <translation>Current post</translation>
    </message>
    <message>
        <source>學校</source>
        <translation>School</translation>
    </message>
    <message>
        <source>科系</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>學位</source>
        <translation>Degree</translation>
    </message>
    <message>
        <source>起</source>
        <translation>From</translation>
    </message>
    <message>
        <source>迄</source>
        <translation>To</translation>
    </message>
    <message>
        <source>機關</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>職稱</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>等級</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>類別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>名稱</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>類科</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>次數</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>程度</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>證照</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>兵役</source>
        <translation>Military service</translation>
    </message>
    <message>
        <source>教師資格</source>
        <translation>Teacher qualification</translation>
    </message>
    <message>
        <source>身心障礙註記</source>
        <translation>Disability noted</translation>
    </message>
    <message>
        <source>原住民註記</source>
        <translation>Indigenous noted</translation>
    </message>
    <message>
        <source>課程</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>機構</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>時數</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>個人全部資料</source>
        <translation>All personal data</translation>
    </message>
    <message>
        <source>考試或晉升訓練/專門職業及技術人員資格</source>
        <translation>Examinations or promotion training / professional and technical qualifications</translation>
    </message>
    <message>
        <source>考績(成)或成績考核</source>
        <translation>Performance appraisals</translation>
    </message>
    <message>
        <source>獎懲</source>
        <translation>Rewards and punishments</translation>
    </message>
    <message>
        <source>專長及語言能力</source>
        <translation>Skills and languages</translation>
    </message>
    <message>
        <source>檢覈/甄審</source>
        <translation>Screening / selection</translation>
    </message>
    <message>
        <source>兵役/教師資格/身心障礙註記/原住民註記</source>
        <translation>Military service / teacher qualification / disability / indigenous status</translation>
    </message>
    <message>
        <source>訓練及進修</source>
        <translation>Training and further study</translation>
    </message>
    <message>
        <source>應徵者</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <source>應徵者的履歷</source>
        <translation>The applicant&apos;s résumé</translation>
    </message>
</context>
<context>
    <name>ui::CardPage</name>
    <message>
        <source>機關憑證</source>
        <translation>Agency certificate (GCA)</translation>
    </message>
    <message>
        <source>健保卡</source>
        <translation>NHI card</translation>
    </message>
    <message>
        <source>自然人憑證</source>
        <translation>Citizen digital certificate (MOICA)</translation>
    </message>
    <message>
        <source>無法辨識的卡片</source>
        <translation>Unrecognised card</translation>
    </message>
    <message>
        <source>讀卡機中的卡片</source>
        <translation>The card in the reader</translation>
    </message>
    <message>
        <source>卡片種類：%1</source>
        <translation>Card type: %1</translation>
    </message>
    <message>
        <source>持卡人：%1</source>
        <translation>Holder: %1</translation>
    </message>
    <message>
        <source>卡號：%1</source>
        <translation>Card number: %1</translation>
    </message>
    <message>
        <source>憑證有效期間：%1 至 %2</source>
        <translation>Certificate valid from %1 to %2</translation>
    </message>
    <message>
        <source>密碼剩餘嘗試次數：%1</source>
        <translation>PIN tries left: %1</translation>
    </message>
    <message>
        <source>此卡片的憑證已過期，無法登入。請至憑證管理中心辦理展期或換發。</source>
        <translation>This card&apos;s certificate has expired and cannot be used to log in. Please have it renewed or replaced by the certificate authority.</translation>
    </message>
    <message>
        <source>此卡片的憑證尚未生效，無法登入。請於生效日後再試。</source>
        <translation>This card&apos;s certificate is not valid yet and cannot be used to log in. Please try again once it takes effect.</translation>
    </message>
    <message>
        <source>此卡片沒有可用於登入的憑證。請插入自然人憑證或機關憑證。</source>
        <translation>This card holds no certificate that can log in. Please insert a citizen or agency certificate card.</translation>
    </message>
</context>
<context>
    <name>ui::ClassSection</name>
    <message>
        <source>職缺類別</source>
        <translation>Vacancy type</translation>
    </message>
    <message>
        <source>甄選對象</source>
        <translation>Applicants welcomed</translation>
    </message>
    <message>
        <source>歡迎身心障礙者參加甄選</source>
        <translation>People with disabilities are welcome to apply</translation>
    </message>
    <message>
        <source>歡迎原住民族參加甄選</source>
        <translation>Indigenous people are welcome to apply</translation>
    </message>
    <message>
        <source>工作地點位於原住民族地區</source>
        <translation>The workplace is in an indigenous area</translation>
    </message>
    <message>
        <source>通過專員級進階職能培訓專班人員專區</source>
        <translation>For graduates of the advanced competency training for specialists</translation>
    </message>
    <message>
        <source>限現職人員調任</source>
        <translation>Transfer of serving civil servants only</translation>
    </message>
</context>
<context>
    <name>ui::CodePicker</name>
    <message>
        <source>%1（已停用）</source>
        <translation>%1 (retired)</translation>
    </message>
    <message>
        <source>%1（不在代碼表中）</source>
        <translation>%1 (not in the code list)</translation>
    </message>
    <message>
        <source>請選擇</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>選取</source>
        <extracomment>The seed&apos;s button beside a drop-down: adds the chosen entry.</extracomment>
        <translation>Add</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>ui::ConflictDialog</name>
    <message>
        <source>此筆衝突已無法處理（可能已在別處處理），請關閉後重新整理清單。</source>
        <translation>This conflict can no longer be settled here (it may have been settled elsewhere). Close this window and refresh the list.</translation>
    </message>
    <message>
        <source>這筆職缺目前沒有待處理的衝突。</source>
        <translation>This vacancy has no conflict to settle.</translation>
    </message>
    <message>
        <source>欄位</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>我的修改</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>採用</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>全部保留我的修改</source>
        <translation>Keep all mine</translation>
    </message>
    <message>
        <source>依所選套用</source>
        <translation>Apply my choices</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1：修改前</source>
        <translation>%1: before the changes</translation>
    </message>
    <message>
        <source>%1：我的修改</source>
        <translation>%1: my change</translation>
    </message>
    <message>
        <source>%1：徵才系統上的版本</source>
        <translation>%1: the version in the recruitment system</translation>
    </message>
    <message>
        <source>兩處修改了同一筆職缺</source>
        <translation>The same vacancy was changed in two places</translation>
    </message>
    <message>
        <source>您修改職缺「%1」的期間，有人在徵才系統上也修改了它，下列欄位兩邊都改過。請逐欄選擇要留下哪一個版本，或全部保留您的修改、全部採用徵才系統上的版本。黃底是各自改動的部分。</source>
        <translation>While you were editing the vacancy “%1”, someone changed it in the recruitment system too, and both of you changed the fields below. For each field choose which version to keep, or keep all your changes, or take the recruitment system&apos;s version. What each side changed is marked in yellow.</translation>
    </message>
    <message>
        <source>修改前</source>
        <translation>Before the changes</translation>
    </message>
    <message>
        <source>徵才系統上的版本</source>
        <translation>In the recruitment system</translation>
    </message>
    <message>
        <source>徵才系統上的</source>
        <translation>The system&apos;s</translation>
    </message>
    <message>
        <source>%1：採用我的修改</source>
        <translation>%1: keep my change</translation>
    </message>
    <message>
        <source>%1：採用徵才系統上的版本</source>
        <translation>%1: take the recruitment system&apos;s version</translation>
    </message>
    <message>
        <source>全部採用徵才系統上的版本</source>
        <translation>Take the system&apos;s version for all</translation>
    </message>
    <message>
        <source>徵才系統上的版本最後修改於 %1。</source>
        <translation>The version in the recruitment system was last changed on %1.</translation>
    </message>
    <message>
        <source>兩邊都改過的欄位</source>
        <translation>Fields changed on both sides</translation>
    </message>
</context>
<context>
    <name>ui::ContentSection</name>
    <message>
        <source>無公務人員任用法第26條、第28條及公務人員陞遷法第12條所定情事者。</source>
        <translation>Not subject to the restrictions of Articles 26 and 28 of the Civil Service Employment Act or Article 12 of the Civil Service Promotion Act.</translation>
    </message>
    <message>
        <source>徵才內容</source>
        <translation>Vacancy details</translation>
    </message>
    <message>
        <source>資格條件</source>
        <translation>Qualifications</translation>
    </message>
    <message>
        <source>插入常用資格文字</source>
        <translation>Insert the usual legal qualifier</translation>
    </message>
    <message>
        <source>加入「無公務人員任用法第26條、第28條及公務人員陞遷法第12條所定情事者。」</source>
        <translation>Adds &quot;Not subject to the restrictions of Articles 26 and 28 of the Civil Service Employment Act or Article 12 of the Civil Service Promotion Act.&quot;</translation>
    </message>
    <message>
        <source>工作項目</source>
        <translation>Duties</translation>
    </message>
    <message>
        <source>工作地址</source>
        <translation>Work address</translation>
    </message>
    <message>
        <source>聯絡E-Mail</source>
        <translation>Contact e-mail</translation>
    </message>
    <message>
        <source>履歷收件信箱（可不填）</source>
        <translation>Where applications go (optional)</translation>
    </message>
    <message>
        <source>聯絡方式</source>
        <translation>How to apply</translation>
    </message>
    <message>
        <source>報名方式、應檢附文件及聯絡人電話</source>
        <translation>How to apply, documents to attach, and the contact&apos;s phone</translation>
    </message>
    <message>
        <source>公告網址</source>
        <translation>Announcement URL</translation>
    </message>
    <message>
        <source>https://…（可不填）</source>
        <translation>https://… (optional)</translation>
    </message>
</context>
<context>
    <name>ui::EnvironmentCheckDialog</name>
    <message>
        <source>環境檢測</source>
        <translation>Environment check</translation>
    </message>
    <message>
        <source>檢查這台電腦能否以憑證卡登入人事服務網。有問題的項目會說明處理方式；需要資訊人員協助時，請按「複製結果」後貼給他們。</source>
        <translation>Checks whether this computer can log in to the Personnel Service with a certificate card. Each problem says what to do; if you need your IT staff, press Copy results and paste them the text.</translation>
    </message>
    <message>
        <source>重新檢測</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>複製結果</source>
        <translation>Copy results</translation>
    </message>
    <message>
        <source>關閉</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>檢測結果已複製。</source>
        <translation>The results have been copied.</translation>
    </message>
    <message>
        <source>處理方式：%1</source>
        <translation>What to do: %1</translation>
    </message>
</context>
<context>
    <name>ui::ErrorPage</name>
    <message>
        <source>登入失敗</source>
        <translation>Login failed</translation>
    </message>
    <message>
        <source>重試</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>重新插卡登入</source>
        <translation>Start over with the card</translation>
    </message>
</context>
<context>
    <name>ui::FinalTryPage</name>
    <message>
        <source>這是最後一次嘗試機會。若密碼錯誤，卡片將被鎖住，必須進行解卡方可再使用。
確定要送出這組密碼嗎？</source>
        <translation>This is the last try. If the PIN is wrong, the card will be locked and must be unblocked before it can be used again.
Send this PIN?</translation>
    </message>
    <message>
        <source>確定送出</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>取消，重新輸入</source>
        <translation>Cancel and re-enter</translation>
    </message>
    <message>
        <source>最後一次嘗試機會</source>
        <translation>Last try</translation>
    </message>
    <message>
        <source>持卡人：%1</source>
        <translation>Holder: %1</translation>
    </message>
</context>
<context>
    <name>ui::FormSection</name>
    <message>
        <source>%1（必填）</source>
        <translation>%1 (required)</translation>
    </message>
</context>
<context>
    <name>ui::GenderField</name>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>不拘</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>依性別平等工作法第7條，雇主對求職者或受僱者之招募、甄試、進用、分發、配置、考績或陞遷等，不得因性別或性傾向而有差別待遇。但工作性質僅適合特定性別者，不在此限（該法施行細則第2條及第3條）。限制性別須說明理由。</source>
        <translation>Under Article 7 of the Gender Equality in Employment Act, an employer may not treat applicants or employees differently because of gender or sexual orientation in recruitment, selection, hiring, placement, assignment, performance appraisal or promotion, unless the nature of the work suits one gender only (Articles 2 and 3 of its Enforcement Rules). A gender limit needs a stated reason.</translation>
    </message>
    <message>
        <source>工作性質僅適合特定性別之理由：</source>
        <translation>Why the work suits this gender only:</translation>
    </message>
    <message>
        <source>工作性質僅適合特定性別之理由</source>
        <translation>Why the work suits only one gender</translation>
    </message>
</context>
<context>
    <name>ui::GradeRangePicker</name>
    <message>
        <source>請選取常用官職等，或輸入</source>
        <translation>Pick a common rank and grade, or type one</translation>
    </message>
    <message>
        <source>請從清單選取，或照「委任第5職等或薦任第6職等至薦任第7職等」的寫法輸入。</source>
        <translation>Pick from the list, or type it as the feed writes it, e.g. 委任第5職等或薦任第6職等至薦任第7職等.</translation>
    </message>
</context>
<context>
    <name>ui::LockedPage</name>
    <message>
        <source>卡片已鎖住</source>
        <translation>The card is locked</translation>
    </message>
    <message>
        <source>憑證密碼（Pin Code）連續錯誤 3 次，卡片已鎖住，必須進行解卡方可再使用。程式不會再送出任何密碼給這張卡片。</source>
        <translation>The PIN was wrong 3 times in a row: the card is locked and must be unblocked before it can be used again. This program will not send any PIN to this card.</translation>
    </message>
    <message>
        <source>機關憑證請至 GCA 政府憑證管理中心網站 %1 進行解卡。</source>
        <translation>For an agency certificate, unblock it on the GCA (Government Certification Authority) site %1.</translation>
    </message>
    <message>
        <source>自然人憑證請至 MOICA 內政部憑證管理中心網站 %1 進行解卡。</source>
        <translation>For a citizen digital certificate, unblock it on the MOICA (Ministry of the Interior Certificate Authority) site %1.</translation>
    </message>
    <message>
        <source>解卡之前您仍可以：
・按【以帳號密碼登入】：只能檢視，不能新增、修改或發布徵才公告。
・按【離線作業】：繼續撰寫草稿，解卡後再以卡片登入送出。</source>
        <translation>Until the card is unblocked you can still:
・Log in with account and password: view only; no new, changed or published vacancies.
・Work offline: go on writing drafts, and send them after logging in with the unblocked card.</translation>
    </message>
    <message>
        <source>持卡人：%1</source>
        <translation>Holder: %1</translation>
    </message>
    <message>
        <source>開啟 GCA 解卡網站</source>
        <translation>Open the GCA unblocking site</translation>
    </message>
    <message>
        <source>開啟 MOICA 解卡網站</source>
        <translation>Open the MOICA unblocking site</translation>
    </message>
</context>
<context>
    <name>ui::LoginDialog</name>
    <message>
        <source>事求人機關徵才系統 — 登入</source>
        <translation>Shiqiuren Recruitment System — Login</translation>
    </message>
    <message>
        <source>以帳號密碼登入</source>
        <translation>Log in with account and password</translation>
    </message>
    <message>
        <source>離線作業</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <source>環境檢測…</source>
        <translation>Environment check…</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>%1（職缺編號 %2）</source>
        <translation>%1 (vacancy no. %2)</translation>
    </message>
    <message>
        <source>確定要刪除草稿「%1」嗎？</source>
        <translation>Delete the draft “%1”?</translation>
    </message>
    <message>
        <source>刪除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>無法刪除這筆資料，請稍後再試。</source>
        <translation>This record could not be deleted. Please try again later.</translation>
    </message>
    <message>
        <source>未登入</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <source>帳號密碼登入</source>
        <translation>Account and password</translation>
    </message>
    <message>
        <source>機關憑證登入</source>
        <translation>Agency certificate</translation>
    </message>
    <message>
        <source>自然人憑證登入</source>
        <translation>Citizen digital certificate</translation>
    </message>
    <message>
        <source>使用者目前登入的方式：%1</source>
        <translation>Current login method: %1</translation>
    </message>
    <message>
        <source>事求人機關徵才系統</source>
        <translation>Shiqiuren Agency Recruitment</translation>
    </message>
    <message>
        <source>機關徵才登錄 － 歷史職缺</source>
        <translation>Agency vacancies – history</translation>
    </message>
    <message>
        <source>機關徵才登錄</source>
        <translation>Agency vacancies</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>目前職缺</source>
        <translation>Current vacancies</translation>
    </message>
    <message>
        <source>歷史職缺</source>
        <translation>Past vacancies</translation>
    </message>
    <message>
        <source>已結束或已撤銷的職缺</source>
        <translation>Vacancies that ended or were withdrawn</translation>
    </message>
    <message>
        <source>職缺編號</source>
        <translation>Vacancy no.</translation>
    </message>
    <message>
        <source>10 位數字</source>
        <translation>10 digits</translation>
    </message>
    <message>
        <source>查詢</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>重設</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>檔案(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新增職缺(&amp;N)</source>
        <translation>&amp;New vacancy</translation>
    </message>
    <message>
        <source>立即同步(&amp;S)</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>設定(&amp;O)…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>結束(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>帳號(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>登入(&amp;L)…</source>
        <translation>&amp;Log in…</translation>
    </message>
    <message>
        <source>登出(&amp;O)</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <source>個人資料修改(&amp;P)…</source>
        <translation>Edit &amp;profile…</translation>
    </message>
    <message>
        <source>修改密碼(&amp;W)…</source>
        <translation>Change pass&amp;word…</translation>
    </message>
    <message>
        <source>語言(&amp;G)</source>
        <translation>Lan&amp;guage</translation>
    </message>
    <message>
        <source>說明(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>環境檢測(&amp;E)…</source>
        <translation>&amp;Environment check…</translation>
    </message>
    <message>
        <source>關於事求人(&amp;A)</source>
        <translation>&amp;About Shiqiuren</translation>
    </message>
    <message>
        <source>關於事求人</source>
        <translation>About Shiqiuren</translation>
    </message>
    <message>
        <source>事求人機關徵才系統 %1</source>
        <translation>Shiqiuren Agency Recruitment %1</translation>
    </message>
    <message>
        <source>確定要刪除職缺「%1」嗎？刪除會在下次同步時送到徵才系統；已刊登的職缺將改為撤銷。</source>
        <translation>Delete the vacancy “%1”? The deletion goes to the recruitment system with the next sync; a published vacancy is withdrawn.</translation>
    </message>
    <message>
        <source>職缺清單</source>
        <translation>Vacancy list</translation>
    </message>
    <message>
        <source>方向鍵移動，Enter 執行所在的修改、刪除、預覽或調閱履歷</source>
        <translation>Arrow keys move; Enter runs the Edit, Delete, Preview or Applicant résumés cell you are on</translation>
    </message>
    <message numerus="yes">
        <source>查詢結果%n筆</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::NoticeBox</name>
    <message>
        <source>自102年1月15日起本系統僅得以自然人憑證或機關憑證方式登錄職缺資料，系統將自動於職缺有效期間內公告。</source>
        <translation>Since 15 January 2013 (ROC 102), vacancies can only be entered with a citizen digital certificate or an agency certificate; the system publishes each vacancy during its validity period.</translation>
    </message>
    <message>
        <source>本系統係提供各機關登錄公開徵才職缺資料之服務平台，各機關應對登錄之內容負責審核之責，衍生之相關責任，亦由各機關自行負責。</source>
        <translation>This system is a platform for agencies to publish their open vacancies. Each agency is responsible for reviewing what it enters and for anything that follows from it.</translation>
    </message>
    <message>
        <source>各機關如對性別等徵才條件設有限制，應符合性別平等工作法第7條（雇主對求職者或受僱者之招募、甄試、進用、分發、配置、考績或陞遷等，不得因性別或性傾向而有差別待遇。但工作性質僅適合特定性別者，不在此限。）及其他相關法令規定，不得與法令牴觸。性別平等工作法第7條所稱「差別待遇」及「工作性質僅適合特定性別者」，請參見該法施行細則第2條及第3條</source>
        <translation>Any limit on gender or other conditions must comply with Article 7 of the Gender Equality in Employment Act (an employer may not treat applicants or employees differently because of gender or sexual orientation in recruitment, selection, hiring, placement, assignment, performance appraisal or promotion, unless the nature of the work suits one gender only) and other applicable law. For &quot;different treatment&quot; and &quot;work that suits one gender only&quot; see Articles 2 and 3 of its Enforcement Rules.</translation>
    </message>
    <message>
        <source>若對本系統操作有疑義，請洽本總處人事資訊客服專線(02)-2397-9108。</source>
        <translation>For help with this system, call the DGPA personnel information helpline (02)-2397-9108.</translation>
    </message>
    <message>
        <source>本系統之聯絡人資料僅供作必要聯絡之用，台端利用本系統之聯絡人資料時，請留意遵守個人資料保護法等相關規定。</source>
        <translation>Contact details in this system are for necessary contact only; when you use them, observe the Personal Data Protection Act and related rules.</translation>
    </message>
    <message>
        <source>注意事項</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>按此收合或展開注意事項</source>
        <translation>Click to fold or unfold the notes</translation>
    </message>
</context>
<context>
    <name>ui::PagingBar</name>
    <message>
        <source>(共%1筆 / 計%2頁)</source>
        <translation>(records: %1 / pages: %2)</translation>
    </message>
    <message>
        <source>第一頁</source>
        <translation>First</translation>
    </message>
    <message>
        <source>前一頁</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一頁</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>最後一頁</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>目前頁數</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>每頁筆數:</source>
        <translation>Per page:</translation>
    </message>
</context>
<context>
    <name>ui::PasswordPage</name>
    <message>
        <source>以帳號密碼登入只能查看職缺；新增、修改或刪除職缺須以自然人憑證或機關憑證登入。</source>
        <translation>A password login can only view vacancies; adding, changing or deleting vacancies needs a login with a citizen or agency certificate.</translation>
    </message>
    <message>
        <source>帳號：</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>密碼：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>改用憑證登入</source>
        <translation>Log in with the card instead</translation>
    </message>
    <message>
        <source>登入</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>已由健保卡帶入身分證號。</source>
        <translation>The ID number was filled in from the NHI card.</translation>
    </message>
</context>
<context>
    <name>ui::PasswordRuleChecklist</name>
    <message>
        <source>為維護您使用系統之密碼安全，新密碼須符合：</source>
        <translation>To keep your password safe, the new password must:</translation>
    </message>
    <message>
        <source>兩次輸入的新密碼相同</source>
        <translation>Be typed the same twice</translation>
    </message>
    <message>
        <source>密碼長度8碼以上</source>
        <translation>Be at least 8 characters long</translation>
    </message>
    <message>
        <source>至少包含一個英文字母</source>
        <translation>Contain at least one letter</translation>
    </message>
    <message>
        <source>至少包含一個數字</source>
        <translation>Contain at least one digit</translation>
    </message>
    <message>
        <source>至少包含一個特殊符號</source>
        <translation>Contain at least one special symbol</translation>
    </message>
    <message>
        <source>不含下列特殊字元 %1，也不含空白或中文</source>
        <translation>Contain none of %1, no spaces and no Chinese characters</translation>
    </message>
    <message>
        <source>已符合：%1</source>
        <translation>Met: %1</translation>
    </message>
    <message>
        <source>尚未符合：%1</source>
        <translation>Not met yet: %1</translation>
    </message>
</context>
<context>
    <name>ui::PinPage</name>
    <message>
        <source>登入</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>已輸入 %1 碼（密碼為 %2 至 %3 碼）</source>
        <translation>%1 digits entered (the PIN has %2 to %3 digits)</translation>
    </message>
    <message>
        <source>注意：只剩 %1 次嘗試機會，用完將會鎖卡。</source>
        <translation>Caution: only %1 tries left; the card locks when they are used up.</translation>
    </message>
    <message>
        <source>注意：上次輸入的密碼錯誤，連續錯誤 3 次將會鎖卡。</source>
        <translation>Caution: the last PIN entered was wrong; three wrong PINs in a row lock the card.</translation>
    </message>
    <message>
        <source>最後一次機會：若密碼再錯誤，卡片將被鎖住。送出前會再請您確認。</source>
        <translation>Last try: if the PIN is wrong again, the card will be locked. You will be asked to confirm before it is sent.</translation>
    </message>
    <message>
        <source>以憑證卡片登入</source>
        <translation>Log in with your certificate card</translation>
    </message>
    <message>
        <source>憑證密碼（Pin Code）：</source>
        <translation>Card PIN:</translation>
    </message>
    <message>
        <source>憑證密碼（Pin Code）</source>
        <translation>Card PIN</translation>
    </message>
    <message>
        <source>我已確認要以卡片登入這個網站</source>
        <translation>I have checked this site and want to log in to it with my card</translation>
    </message>
    <message>
        <source>密碼錯誤。只剩最後 1 次機會：再錯一次，卡片就會被鎖住。</source>
        <translation>Wrong PIN. One try left: one more wrong PIN locks the card.</translation>
    </message>
    <message>
        <source>密碼錯誤，還剩 %1 次嘗試機會。</source>
        <translation>Wrong PIN. %1 tries left.</translation>
    </message>
    <message>
        <source>注意：此電腦的個人設定要求卡片為另一個網站簽章：%1
這與伺服器位址不同。若您不認得這個網站，請勿登入，並通知資訊人員。</source>
        <translation>Caution: this computer&apos;s personal settings have the card sign for another site: %1
It is not the server&apos;s address. If you do not know this site, do not log in, and tell your IT staff.</translation>
    </message>
</context>
<context>
    <name>ui::PostSection</name>
    <message>
        <source>機關徵才資料</source>
        <translation>Vacancy</translation>
    </message>
    <message>
        <source>人員區分</source>
        <translation>Personnel category</translation>
    </message>
    <message>
        <source>官等類別</source>
        <translation>Rank class</translation>
    </message>
    <message>
        <source>官等職等</source>
        <translation>Rank and grade</translation>
    </message>
    <message>
        <source>其他官職等</source>
        <translation>Other rank or grade</translation>
    </message>
    <message>
        <source>職稱</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>請輸入或選取職稱</source>
        <translation>Type or choose a job title</translation>
    </message>
    <message>
        <source>職系</source>
        <translation>Job series</translation>
    </message>
    <message>
        <source>名額</source>
        <translation>Openings</translation>
    </message>
    <message>
        <source>候補名額</source>
        <translation>Reserve openings</translation>
    </message>
    <message>
        <source>性別</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>工作地</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <source>有效期間</source>
        <translation>Validity period</translation>
    </message>
    <message>
        <source>有效期間起日</source>
        <translation>First day of validity</translation>
    </message>
    <message>
        <source>有效期間迄日</source>
        <translation>Last day of validity</translation>
    </message>
    <message>
        <source>委任、薦任、簡任以外的官職等，例如：約僱5等280薪點、師(三)級、委派第五職等、警正二階</source>
        <translation>A grade outside 委任, 薦任 and 簡任, e.g. 約僱5等280薪點, 師(三)級, 委派第五職等, 警正二階</translation>
    </message>
    <message>
        <source>任用職缺之候補名額至多為名額的2倍（公務人員陞遷法施行細則第3條）</source>
        <translation>On an appointed post the reserve openings may be at most twice the openings (Article 3, Enforcement Rules of the Civil Service Promotion Act)</translation>
    </message>
    <message numerus="yes">
        <source>任用職缺至多為名額的2倍（目前至多%n名）</source>
        <translation>
            <numerusform>On an appointed post, at most twice the openings (now at most %n)</numerusform>
            <numerusform>On an appointed post, at most twice the openings (now at most %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>至少公告3天</source>
        <translation>Published for at least 3 days</translation>
    </message>
    <message>
        <source>有官等職等時依官等職等自動勾選</source>
        <translation>Ticked from the rank and grade when one is picked</translation>
    </message>
    <message>
        <source>外補職缺至少公告3天（公務人員陞遷法施行細則第3條）</source>
        <translation>A vacancy filled from outside is published for at least 3 days (Article 3, Enforcement Rules of the Civil Service Promotion Act)</translation>
    </message>
</context>
<context>
    <name>ui::PreviewDialog</name>
    <message>
        <source>無法寫入「%1」</source>
        <translation>Cannot write &quot;%1&quot;</translation>
    </message>
    <message>
        <source>已匯出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <source>職缺</source>
        <translation>Vacancy</translation>
    </message>
    <message>
        <source>匯出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>預覽：%1</source>
        <translation>Preview: %1</translation>
    </message>
    <message>
        <source>列印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>關閉</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>刊登後的樣子</source>
        <translation>As it will be published</translation>
    </message>
    <message>
        <source>未通過原因：%1</source>
        <translation>Reason not approved: %1</translation>
    </message>
    <message>
        <source>無法列印：列印元件沒有安裝完整，請資訊人員重新安裝事求人。</source>
        <translation>Cannot print: the printing component is not fully installed. Ask IT to reinstall Shiqiuren.</translation>
    </message>
</context>
<context>
    <name>ui::ResumeSection</name>
    <message>
        <source>履歷調閱資料</source>
        <translation>Applicant résumés</translation>
    </message>
    <message>
        <source>調閱履歷</source>
        <translation>Applicant résumés</translation>
    </message>
    <message>
        <source>本職缺啟用應徵人員調閱履歷功能（應徵者需同意開放履歷給徵才機關調閱）</source>
        <translation>Use applicant résumés for this vacancy (applicants must agree to let the agency read them)</translation>
    </message>
    <message>
        <source>訓練日期區間：</source>
        <translation>Training between:</translation>
    </message>
    <message>
        <source>獎懲日期區間：</source>
        <translation>Rewards and penalties between:</translation>
    </message>
    <message>
        <source>考績年度區間：</source>
        <translation>Appraisal years:</translation>
    </message>
    <message>
        <source>民國%1年</source>
        <extracomment>A ROC year in a spin box: 民國 113 年.</extracomment>
        <translation>ROC %1</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>訓練日期區間起日</source>
        <translation>Training period from</translation>
    </message>
    <message>
        <source>訓練日期區間迄日</source>
        <translation>Training period to</translation>
    </message>
    <message>
        <source>獎懲日期區間起日</source>
        <translation>Rewards and penalties period from</translation>
    </message>
    <message>
        <source>獎懲日期區間迄日</source>
        <translation>Rewards and penalties period to</translation>
    </message>
    <message>
        <source>考績起始年度</source>
        <translation>Performance ratings from year</translation>
    </message>
    <message>
        <source>考績結束年度</source>
        <translation>Performance ratings to year</translation>
    </message>
</context>
<context>
    <name>ui::RocDateEdit</name>
    <message>
        <source>民國年/月/日</source>
        <extracomment>Placeholder of a date field: ROC year/month/day.</extracomment>
        <translation>ROC yyy/MM/dd</translation>
    </message>
    <message>
        <source>請輸入民國年/月/日，例如 115/12/01</source>
        <translation>Type the date as ROC year/month/day, e.g. 115/12/01</translation>
    </message>
    <message>
        <source>日曆</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>從日曆選取日期</source>
        <translation>Pick the date from a calendar</translation>
    </message>
    <message>
        <source>前一年</source>
        <translation>Previous year</translation>
    </message>
    <message>
        <source>前一月</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>下一月</source>
        <translation>Next month</translation>
    </message>
    <message>
        <source>下一年</source>
        <translation>Next year</translation>
    </message>
    <message>
        <source>民國%1年%2月</source>
        <extracomment>The calendar popup&apos;s header: %1 ROC year, %2 month.</extracomment>
        <translation>ROC %1, month %2</translation>
    </message>
</context>
<context>
    <name>ui::SessionLockPage</name>
    <message>
        <source>登入已逾時</source>
        <translation>Login timed out</translation>
    </message>
    <message>
        <source>以卡片重新登入…</source>
        <translation>Log in again with your card…</translation>
    </message>
    <message>
        <source>離線繼續作業</source>
        <translation>Continue offline</translation>
    </message>
    <message>
        <source>您有一段時間沒有操作，伺服器已結束這次登入。請以同一張卡片重新登入。</source>
        <translation>You were away for a while, and the server has ended this login. Log in again with the same card.</translation>
    </message>
    <message>
        <source>（卡號：%1）</source>
        <translation>(card number: %1)</translation>
    </message>
    <message>
        <source>草稿與待上傳的資料都保存在本機，沒有遺失；重新登入後會自動上傳。</source>
        <translation>Your drafts and everything waiting to be sent are kept on this computer; nothing is lost. They are sent once you log in again.</translation>
    </message>
</context>
<context>
    <name>ui::SettingsDialog</name>
    <message>
        <source>請輸入伺服器網址。</source>
        <translation>Please enter the server address.</translation>
    </message>
    <message>
        <source>這不是網址，請輸入像 https://ecpa.example.gov.tw 的網址。</source>
        <translation>This is not an address. Enter one like https://ecpa.example.gov.tw.</translation>
    </message>
    <message>
        <source>網址必須以 https:// 開頭（http:// 只能用於本機 localhost 或 127.0.0.1）。</source>
        <translation>The address must start with https:// (http:// only for this computer: localhost or 127.0.0.1).</translation>
    </message>
    <message>
        <source>網址中不可含帳號、密碼、查詢字串（?）或錨點（#）。</source>
        <translation>The address may not contain a user name, password, query (?) or fragment (#).</translation>
    </message>
    <message>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>伺服器網址：</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>伺服器憑證指紋（SHA-256）：</source>
        <translation>Server certificate fingerprint (SHA-256):</translation>
    </message>
    <message>
        <source>優先使用的讀卡機：</source>
        <translation>Preferred card reader:</translation>
    </message>
    <message>
        <source>介面語言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>PKCS#11 模組：</source>
        <translation>PKCS#11 module:</translation>
    </message>
    <message>
        <source>例如 https://ecpa.example.gov.tw</source>
        <translation>For example https://ecpa.example.gov.tw</translation>
    </message>
    <message>
        <source>可不填：不填時以系統信任的憑證驗證伺服器</source>
        <translation>Optional: when empty, the server is checked against the system&apos;s trusted certificates</translation>
    </message>
    <message>
        <source>可不填：不填時在 HiCOS 的預設安裝位置尋找</source>
        <translation>Optional: when empty, the usual HiCOS install locations are searched</translation>
    </message>
    <message>
        <source>瀏覽…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>自動（第一台有卡片的讀卡機）</source>
        <translation>Automatic (the first reader holding a card)</translation>
    </message>
    <message>
        <source>取出卡片時自動登出</source>
        <translation>Log out when the card is removed</translation>
    </message>
    <message>
        <source>儲存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>選擇 PKCS#11 模組</source>
        <translation>Choose the PKCS#11 module</translation>
    </message>
    <message>
        <source>共用程式庫 (*.so *.so.* *.dylib *.dll);;所有檔案 (*)</source>
        <translation>Shared libraries (*.so *.so.* *.dylib *.dll);;All files (*)</translation>
    </message>
    <message>
        <source>憑證指紋須為 64 個十六進位數字（可用冒號分隔），或不填。</source>
        <translation>The certificate fingerprint must be 64 hexadecimal digits (colons allowed between them), or empty.</translation>
    </message>
    <message>
        <source>將在 HiCOS 卡片管理工具的預設安裝位置尋找模組。</source>
        <translation>The module will be searched for where the HiCOS card tools install it.</translation>
    </message>
    <message>
        <source>已找到這個檔案。</source>
        <translation>The file was found.</translation>
    </message>
    <message>
        <source>找不到這個檔案，請確認路徑。</source>
        <translation>This file does not exist. Please check the path.</translation>
    </message>
    <message>
        <source>登入簽署的網址（origin）：</source>
        <translation>Login origin:</translation>
    </message>
    <message>
        <source>可不填：服務經由代理伺服器對外時，填其公開網址</source>
        <translation>Optional: the service&apos;s public address when it is reached through a proxy</translation>
    </message>
    <message>
        <source>須為 https://主機名稱[:埠號]，不含路徑，或不填。</source>
        <translation>Must be https://host[:port] without a path, or empty.</translation>
    </message>
</context>
<context>
    <name>ui::SyncStatusWidget</name>
    <message>
        <source>離線</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>● 已連線</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>○ 離線</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <source>○ 連線中…</source>
        <translation>○ Connecting…</translation>
    </message>
    <message>
        <source>尚未同步</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>上次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>需以憑證登入才能上傳</source>
        <translation>Log in with your card to upload</translation>
    </message>
    <message>
        <source>未登入，資料暫存於本機</source>
        <translation>Not logged in; work is kept on this computer</translation>
    </message>
    <message>
        <source>請先完成帳號設定</source>
        <translation>Please finish setting up your account</translation>
    </message>
    <message>
        <source>您已非在職人員，無法上傳</source>
        <translation>You are no longer in service and cannot upload</translation>
    </message>
    <message>
        <source>登入已逾時，請重新登入</source>
        <translation>Your login has expired; please log in again</translation>
    </message>
    <message>
        <source>衝突 %1</source>
        <translation>Conflicts %1</translation>
    </message>
    <message>
        <source>有資料與伺服器衝突，按此處理</source>
        <translation>Some records were changed in two places; click to settle them</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message numerus="yes">
        <source>待上傳 %n 筆</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>退回 %n 筆</source>
        <translation>
            <numerusform>%n returned</numerusform>
            <numerusform>%n returned</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::VacancyFormDialog</name>
    <message>
        <source>無法讀取本機資料：%1</source>
        <translation>Cannot read the local data: %1</translation>
    </message>
    <message>
        <source>本機資料庫無法使用，無法送出</source>
        <translation>The local database is not available; the vacancy cannot be submitted</translation>
    </message>
    <message>
        <source>找不到此職缺，可能已被刪除</source>
        <translation>This vacancy cannot be found; it may have been deleted</translation>
    </message>
    <message>
        <source>此職缺已刪除，無法送出</source>
        <translation>This vacancy has been deleted and cannot be submitted</translation>
    </message>
    <message>
        <source>此職缺與伺服器上的版本有衝突，請先解決衝突再送出（可先儲存草稿）</source>
        <translation>This vacancy conflicts with the version on the server: resolve the conflict before submitting (you can save a draft meanwhile)</translation>
    </message>
    <message>
        <source>尚未登入：送出須以自然人憑證或機關憑證登入</source>
        <translation>Not logged in: submitting needs a login with a citizen digital certificate or an agency certificate</translation>
    </message>
    <message>
        <source>請先完成帳號設定再送出</source>
        <translation>Finish setting up your account before submitting</translation>
    </message>
    <message>
        <source>本系統僅得以自然人憑證或機關憑證方式登錄職缺資料：請以憑證登入後再送出</source>
        <translation>Vacancies can only be submitted after a login with a citizen digital certificate or an agency certificate: log in with your card to submit</translation>
    </message>
    <message>
        <source>草稿已儲存（%1）；此職缺仍有衝突待解決</source>
        <translation>Draft saved (%1); the conflict with the server is still to be resolved</translation>
    </message>
    <message>
        <source>草稿已儲存（%1）</source>
        <translation>Draft saved (%1)</translation>
    </message>
    <message numerus="yes">
        <source>尚有%n項資料需要修正，請依欄位旁的說明修正後再送出</source>
        <translation>
            <numerusform>%n entries need correcting: follow the notes beside the fields, then submit again</numerusform>
            <numerusform>%n entries need correcting: follow the notes beside the fields, then submit again</numerusform>
        </translation>
    </message>
    <message>
        <source>無法儲存：%1</source>
        <translation>Cannot save: %1</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>此職缺有尚未儲存的變更，確定要放棄嗎？</source>
        <translation>This vacancy has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <source>放棄變更</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>繼續編輯</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>機關徵才登錄</source>
        <translation>Vacancy entry</translation>
    </message>
    <message>
        <source>儲存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>只存在本機，離線也可儲存</source>
        <translation>Saved on this computer only; works offline</translation>
    </message>
    <message>
        <source>送出</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>預覽</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>此職缺已由他人修改，刪除未執行；請檢視最新內容後再決定是否刪除。</source>
        <translation>Someone else changed this vacancy, so it was not deleted. Look at the latest version before deciding again whether to delete it.</translation>
    </message>
    <message>
        <source>跳到「%1」</source>
        <translation>Go to “%1”</translation>
    </message>
</context>
<context>
    <name>ui::VacancyHtml</name>
    <message>
        <source>履歷調閱資料</source>
        <translation>Applicant résumés</translation>
    </message>
    <message>
        <source>訓練日期區間</source>
        <translation>Training between</translation>
    </message>
    <message>
        <source>獎懲日期區間</source>
        <translation>Rewards and penalties between</translation>
    </message>
    <message>
        <source>考績年度區間</source>
        <translation>Appraisal years</translation>
    </message>
    <message>
        <source>職缺編號</source>
        <translation>Vacancy number</translation>
    </message>
    <message>
        <source>系統自動產生</source>
        <translation>Assigned by the system</translation>
    </message>
    <message>
        <source>徵才機關</source>
        <translation>Hiring agency</translation>
    </message>
    <message>
        <source>人員區分</source>
        <translation>Personnel category</translation>
    </message>
    <message>
        <source>官職等</source>
        <translation>Rank and grade</translation>
    </message>
    <message>
        <source>職系</source>
        <translation>Job series</translation>
    </message>
    <message>
        <source>名額</source>
        <translation>Openings</translation>
    </message>
    <message>
        <source>性別</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>限制性別理由</source>
        <translation>Reason for the gender limit</translation>
    </message>
    <message>
        <source>工作地點</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <source>有效期間</source>
        <translation>Validity period</translation>
    </message>
    <message>
        <source>資格條件</source>
        <translation>Qualifications</translation>
    </message>
    <message>
        <source>工作項目</source>
        <translation>Duties</translation>
    </message>
    <message>
        <source>工作地址</source>
        <translation>Work address</translation>
    </message>
    <message>
        <source>聯絡E-Mail</source>
        <translation>Contact e-mail</translation>
    </message>
    <message>
        <source>聯絡方式</source>
        <translation>How to apply</translation>
    </message>
    <message>
        <source>公告網址</source>
        <translation>Announcement URL</translation>
    </message>
    <message>
        <source>職缺類別</source>
        <translation>Vacancy type</translation>
    </message>
    <message>
        <source>歡迎身心障礙者參加甄選</source>
        <translation>People with disabilities are welcome to apply</translation>
    </message>
    <message>
        <source>歡迎原住民族參加甄選</source>
        <translation>Indigenous people are welcome to apply</translation>
    </message>
    <message>
        <source>工作地點位於原住民族地區</source>
        <translation>The workplace is in an indigenous area</translation>
    </message>
    <message>
        <source>甄選對象</source>
        <translation>Applicants welcomed</translation>
    </message>
    <message>
        <source>* 請注意：本職缺啟用應徵人員調閱履歷功能，應徵者需同意開放履歷給徵才機關調閱</source>
        <translation>* Please note: this vacancy uses applicant résumés; applicants must agree to let the agency read them</translation>
    </message>
    <message>
        <source>行政院人事行政總處-事求人-機關徵才項目明細</source>
        <translation>Directorate-General of Personnel Administration – Shiqiuren – Vacancy details</translation>
    </message>
    <message>
        <source>所有電子報的內容均由各機關自行審核後公布本網站，若對徵才內容有疑問請逕洽該徵才機關。</source>
        <translation>Every posting is reviewed and published by its own agency; for questions about a vacancy, contact the hiring agency.</translation>
    </message>
    <message>
        <source>%1：</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>正取%n名</source>
        <translation>
            <numerusform>%n opening</numerusform>
            <numerusform>%n openings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>，候補%n名</source>
        <translation>
            <numerusform>, %n reserve opening</numerusform>
            <numerusform>, %n reserve openings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::VacancyTableModel</name>
    <message>
        <source>待刊登</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>刊登中</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>已結束</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>已撤銷</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>審核未通過</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <source>待上傳</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>待刪除</source>
        <translation>Delete queued</translation>
    </message>
    <message>
        <source>草稿（未送出）</source>
        <translation>Draft (not sent)</translation>
    </message>
    <message>
        <source>已同步</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>衝突，待處理</source>
        <translation>Conflict – to settle</translation>
    </message>
    <message>
        <source>被退回，待修正</source>
        <translation>Returned – to correct</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>刪除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>預覽</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>調閱履歷</source>
        <translation>Applicant résumés</translation>
    </message>
    <message>
        <source>序號</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>職缺編號</source>
        <translation>Vacancy no.</translation>
    </message>
    <message>
        <source>刊登日期</source>
        <translation>Published on</translation>
    </message>
    <message>
        <source>職稱</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>機關名稱</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>職系</source>
        <translation>Job series</translation>
    </message>
    <message>
        <source>官職等</source>
        <translation>Rank and grade</translation>
    </message>
    <message>
        <source>工作地點</source>
        <translation>Work location</translation>
    </message>
    <message>
        <source>有效期間</source>
        <translation>Validity period</translation>
    </message>
    <message>
        <source>審核結果</source>
        <translation>Review result</translation>
    </message>
    <message>
        <source>同步狀態</source>
        <translation>Sync state</translation>
    </message>
    <message>
        <source>退回：%1</source>
        <translation>Returned: %1</translation>
    </message>
    <message>
        <source>徵才系統上已刪除</source>
        <translation>Deleted in the recruitment system</translation>
    </message>
    <message>
        <source>未通過原因：%1</source>
        <translation>Reason not approved: %1</translation>
    </message>
    <message>
        <source>%1，未通過原因：%2</source>
        <translation>%1, reason: %2</translation>
    </message>
</context>
<context>
    <name>ui::VacancyText</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>委任</source>
        <translation>Elementary rank</translation>
    </message>
    <message>
        <source>薦任</source>
        <translation>Junior rank</translation>
    </message>
    <message>
        <source>簡任</source>
        <translation>Senior rank</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>%1第%2職等</source>
        <extracomment>One 官職等: %1 官等 (委任/薦任/簡任), %2 職等.</extracomment>
        <translation>%1 grade %2</translation>
    </message>
    <message>
        <source>%1至%2</source>
        <extracomment>A 官職等 range: %1 the lowest, %2 the highest.</extracomment>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>或</source>
        <extracomment>Joins alternative 官職等 ranges: 委任第5職等或薦任第6職等.</extracomment>
        <translation> or </translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>不拘</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>須具公務人員任用資格職缺</source>
        <translation>Requires civil service appointment eligibility</translation>
    </message>
    <message>
        <source>不須具公務人員任用資格職缺</source>
        <translation>Does not require civil service appointment eligibility</translation>
    </message>
    <message>
        <source>不使用應徵者履歷調閱</source>
        <translation>Applicant résumés not used</translation>
    </message>
    <message>
        <source>個人全部資料</source>
        <translation>All personal data</translation>
    </message>
    <message>
        <source>考試或晉升訓練/專門職業及技術人員資格</source>
        <translation>Examinations or promotion training / professional and technical qualifications</translation>
    </message>
    <message>
        <source>考績(成)或成績考核</source>
        <translation>Performance appraisals</translation>
    </message>
    <message>
        <source>獎懲</source>
        <translation>Rewards and penalties</translation>
    </message>
    <message>
        <source>專長及語言能力</source>
        <translation>Skills and languages</translation>
    </message>
    <message>
        <source>檢覈/甄審</source>
        <translation>Screening / review</translation>
    </message>
    <message>
        <source>兵役/教師資格/身心障礙註記/原住民註記</source>
        <translation>Military service / teacher qualification / disability note / indigenous note</translation>
    </message>
    <message>
        <source>訓練及進修</source>
        <translation>Training and study</translation>
    </message>
</context>
<context>
    <name>ui::WaitingPage</name>
    <message>
        <source>請插入自然人憑證或機關憑證</source>
        <translation>Please insert a citizen or agency certificate card</translation>
    </message>
    <message>
        <source>%1：有卡片</source>
        <translation>%1: card inserted</translation>
    </message>
    <message>
        <source>%1：沒有卡片</source>
        <translation>%1: no card</translation>
    </message>
    <message>
        <source>智慧卡服務（pcscd）沒有執行，無法使用讀卡機。請啟動智慧卡服務，或改用帳號密碼登入。</source>
        <translation>The smart card service (pcscd) is not running, so the reader cannot be used. Start the smart card service, or log in with account and password.</translation>
    </message>
    <message>
        <source>正在讀取卡片，請勿取出…</source>
        <translation>Reading the card; do not remove it…</translation>
    </message>
    <message>
        <source>找不到讀卡機。請接上讀卡機。</source>
        <translation>No reader found. Please connect a card reader.</translation>
    </message>
    <message>
        <source>請將卡片插入讀卡機。</source>
        <translation>Please insert the card into the reader.</translation>
    </message>
    <message>
        <source>正在讀取卡片…</source>
        <translation>Reading the card…</translation>
    </message>
</context>
<context>
    <name>ui::WorkingPage</name>
    <message>
        <source>正在進行電子憑證有效性及密碼檢核，請稍候，勿取出卡片…</source>
        <translation>Checking the certificate&apos;s validity and the PIN; please wait and do not remove the card…</translation>
    </message>
</context>
<context>
    <name>ui::WorkplacePicker</name>
    <message>
        <source>%1（不在代碼表中）</source>
        <translation>%1 (not in the code list)</translation>
    </message>
    <message>
        <source>%1（已停用）</source>
        <translation>%1 (retired)</translation>
    </message>
</context>
</TS>
