<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="zh_TW">
<context>
    <name>CardCli</name>
    <message>
        <source>有卡片（ATR %1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>沒有卡片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>這張卡片沒有憑證。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>readers、watch、info 或 certs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>以 JSON 輸出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certs：以 PEM 輸出憑證</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>使用指定的讀卡機</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名稱</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info：健保卡顯示完整身分證號（預設只顯示末四碼）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在標準錯誤輸出 APDU 記錄（不含 PIN 與個人資料）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watch：顯示幾個事件後結束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>數量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不使用也不保存憑證快取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shiqiuren-card：--events 需要正整數
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自然人憑證（HiCOS 第一代）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自然人憑證（HiCOS 第二代）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>機關憑證</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>健保卡</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>標準晶片卡（PKCS#15）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>無法辨識的卡片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>簽章</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加密</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>憑證機構</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主體：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身分證號末四碼：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>機關代碼：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>發行者：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>序號：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效期間：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 至 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>讀卡機：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>卡片種類：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>晶片版本：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>卡號：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身分證號：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性別：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>男</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>女</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>發卡日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>健保卡資料僅供辨識身分，不能用來登入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>憑證：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>讀卡機接上：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>讀卡機移除：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>插入卡片：%1（ATR %2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取出卡片：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>智慧卡服務中斷，等待服務恢復…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>智慧卡服務已恢復</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign：服務的公開網址（例如 https://recruit.example.gov.tw）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign：服務發出的挑戰值（nonce）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign：只剩最後一次機會時，確認仍要送出 PIN 碼</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HiCOS 卡片使用的 PKCS#11 模組路徑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>路徑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shiqiuren-card：sign 需要 --origin 與 --nonce
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>卡片回報</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PKCS#11 模組回報</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本程式的紀錄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>憑證密碼（PIN 碼）：已鎖卡（%1）
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>憑證密碼（PIN 碼）：還有 %n 次機會（%1）
</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>憑證密碼（PIN 碼）：剩餘次數不明（%1）
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>長度：%1 至 %2 個字元
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shiqiuren-card：--origin 或 --nonce 不正確：%1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請輸入憑證密碼（PIN 碼）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shiqiuren-card：沒有讀到憑證密碼（PIN 碼）
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardFailure</name>
    <message>
        <source>智慧卡服務（pcscd）沒有執行，無法使用讀卡機。請啟動智慧卡服務後再試一次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到讀卡機。請確認讀卡機已接上電腦。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到指定的讀卡機。請以 readers 指令查看可用的讀卡機。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>讀卡機中沒有卡片。請插入憑證卡片。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>讀取時卡片被取出。請重新插入卡片後再試一次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>卡片正由其他程式使用中。請關閉該程式後再試一次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不支援此卡片。請插入自然人憑證、機關憑證或健保卡。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>卡片內容無法辨識，可能已損壞。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>與卡片通訊時發生錯誤。請重新插入卡片後再試一次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>憑證密碼（PIN 碼）錯誤。只剩最後 1 次機會，再錯一次卡片就會被鎖住。</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>憑證密碼（PIN 碼）錯誤，還有 %n 次機會。</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>憑證密碼（PIN 碼）錯誤。連續錯誤 3 次將會鎖卡。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>憑證密碼（PIN 碼）已連續錯誤 3 次，卡片已鎖住，必須解卡後才能再使用。自然人憑證請至 MOICA 內政部憑證管理中心網站（http://moica.nat.gov.tw/html/unblockcard.htm#2）解卡；機關憑證請至 GCA 政府憑證管理中心網站（https://gcaweb.nat.gov.tw/gcacms/04-04.html）解卡。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>憑證密碼（PIN 碼）長度不對，沒有送到卡片，也沒有用掉機會。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只剩最後 1 次機會。再錯一次卡片就會被鎖住，請確認後再送出（--confirm-last-try）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>這張卡片需要中華電信 HiCOS 卡片管理工具的 PKCS#11 模組才能簽章，但找不到它。請安裝 HiCOS 卡片管理工具，或設定模組路徑（SHIQIUREN_PKCS11_MODULE）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PKCS#11 模組中找不到這張卡片的簽章金鑰。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>這張卡片上沒有簽章用的憑證。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerError</name>
    <message>
        <source>無法開啟本機資料檔，無法記錄憑證密碼（PIN 碼）的錯誤次數。請確認磁碟空間與資料夾權限。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本機資料檔已損壞，無法記錄憑證密碼（PIN 碼）的錯誤次數。請洽資訊人員。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本機資料檔由較新版本的事求人建立。請更新本程式後再試一次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>無法辨識這張卡片（沒有卡號，也沒有憑證序號）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>無法讀寫本機的憑證密碼（PIN 碼）錯誤次數紀錄。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RocDate</name>
    <message>
        <source>民國%1年%2月%3日</source>
        <extracomment>A date in the ROC calendar: %1 ROC year (民國), %2 month, %3 day.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenError</name>
    <message>
        <source>中央服務的網址設定不正確（必須是 https:// 開頭、不含路徑的網址），無法以憑證登入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中央服務傳回的登入挑戰碼不正確，無法以憑證登入。請再試一次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>憑證登入資料不完整（缺少憑證或簽章），無法送出。請再試一次。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VacancyRules</name>
    <message>
        <source>請選擇徵才機關</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請填寫機關地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請填寫填寫人姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請填寫填寫人電話</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請選擇人員區分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請選擇官等類別</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請填寫職稱</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請選擇工作地點</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請填寫有效期間起日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請填寫有效期間迄日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請填寫資格條件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請填寫工作項目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請填寫工作地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請填寫聯絡方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>須具任用資格之職缺請選擇官職等</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>須具任用資格之職缺請選擇職系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>請填寫官職等或薪點</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名額至少須為1名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>候補名額不得為負數</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>候補名額不得超過名額的2倍（最多%1名）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效期間迄日不得早於起日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>公開甄選公告期間至少須3日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有效期間起日不得早於今日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>機關代碼格式不正確（應為10碼英數字）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人員區分「%1」不在代碼表中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人員區分「%1」已停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>職系代碼「%1」不在代碼表中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>職系「%1」已停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>職系「無」不得與其他職系同時選擇</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作地點代碼「%1」不在代碼表中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作地點「%1」已停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作地點「%1」已停用，請改選「%2」</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>官職等範圍不在該官等的職等之內</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>聯絡E-Mail格式不正確</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>填寫人Email格式不正確</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>公告網址須為http或https開頭的網址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>限制性別須說明工作性質僅適合特定性別之理由（性別平等工作法第7條）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>內容不得超過%1字（目前%2字）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
