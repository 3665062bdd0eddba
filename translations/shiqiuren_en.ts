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
        <translation>Valid: </translation>
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
        <source>憑證密碼（PIN 碼）已連續錯誤 3 次，卡片已鎖住，必須解卡後才能再使用。自然人憑證請至 MOICA 內政部憑證管理中心網站（http://moica.nat.gov.tw/html/unblockcard.htm#2）解卡；機關憑證請至 GCA 政府憑證管理中心網站（https://gcaweb.nat.gov.tw/gcacms/04-04.html）解卡。</source>
        <translation>The PIN was wrong three times in a row and the card is locked; it must be unblocked before it can be used again. Unblock a citizen digital certificate at the MOICA site (http://moica.nat.gov.tw/html/unblockcard.htm#2), an agency certificate card at the GCA site (https://gcaweb.nat.gov.tw/gcacms/04-04.html).</translation>
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
    <name>RocDate</name>
    <message>
        <source>民國%1年%2月%3日</source>
        <extracomment>A date in the ROC calendar: %1 ROC year (民國), %2 month, %3 day.</extracomment>
        <translation>ROC %1-%2-%3</translation>
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
        <source>須具任用資格之職缺請選擇官職等</source>
        <translation>A post requiring civil service appointment eligibility needs a rank and grade</translation>
    </message>
    <message>
        <source>須具任用資格之職缺請選擇職系</source>
        <translation>A post requiring civil service appointment eligibility needs a job series</translation>
    </message>
    <message>
        <source>請填寫官職等或薪點</source>
        <translation>Enter the rank and grade or the pay points</translation>
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
</context>
</TS>
