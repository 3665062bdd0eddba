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
        <source>用法：shiqiuren-card &lt;指令&gt; [選項]

指令：
  readers   列出讀卡機與其中的卡片
  watch     持續顯示讀卡機與卡片的插拔
  info      讀取卡片資料（卡號、憑證）
  certs     列出卡片上的憑證（--pem 輸出 PEM）

結束代碼：0 成功，1 其他錯誤，2 用法錯誤，3 沒有讀卡機，4 沒有卡片，
5 不支援的卡片，6 智慧卡服務（pcscd）沒有執行。
</source>
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
</context>
<context>
    <name>RocDate</name>
    <message>
        <source>民國%1年%2月%3日</source>
        <extracomment>A date in the ROC calendar: %1 ROC year (民國), %2 month, %3 day.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
