<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../trade_crm/app.py" line="180"/>
        <source>Trade CRM</source>
        <translation>Trade CRM</translation>
    </message>
    <message>
        <location filename="../../trade_crm/app.py" line="181"/>
        <source>Upgrading your customer book for this version of Trade CRM…
A copy of the book as it was is kept in its backups folder.</source>
        <translation>正在为此版本的 Trade CRM 升级您的客户簿…
升级前的客户簿副本已保存在其备份文件夹中。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/app.py" line="103"/>
        <source>Trade CRM cannot open its database</source>
        <translation>Trade CRM 无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../trade_crm/app.py" line="104"/>
        <source>The customer book at
%1
could not be opened, and was left untouched.

%2

Choose another file with --db, or restore a backup.</source>
        <translation>无法打开以下位置的客户数据库：
%1
文件未做任何改动。

%2

请用 --db 指定其他文件，或从备份恢复。</translation>
    </message>
    <message>
        <source>The team server's customer book %1 cannot be opened:

%2</source>
        <translation>无法打开团队服务器上的客户簿 %1：

%2</translation>
    </message>
    <message>
        <source>Use the book on this computer</source>
        <translation>使用本机上的客户簿</translation>
    </message>
    <message>
        <source>The team server stopped answering; nothing was saved. Try again in a moment.</source>
        <translation>团队服务器没有响应，未保存任何内容。请稍后重试。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>%1 (offline)</source>
        <translation>%1（离线）</translation>
    </message>
    <message>
        <source>Offline, your customers on this computer are a read-only copy: only new customers and timeline entries can be logged, and they are sent when the team server answers again.</source>
        <translation>离线时，本机上的客户是只读副本：只能记录新客户和时间线条目，团队服务器恢复响应后会自动发送。</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="182"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="183"/>
        <source>Replace the customer book with the copy from %1 (%2 customers)?

The current book is kept as a backup first.</source>
        <translation>用 %1 的备份（%2 个客户）替换当前客户库吗？

当前客户库会先另存为一份备份。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="406"/>
        <source>Looking for the newest good backup…</source>
        <translation>正在查找最新的完好备份…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="413"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="423"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="424"/>
        <source>Nothing was changed: %1</source>
        <translation>没有做任何更改：%1</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="260"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="261"/>
        <source>Make a copy of the customer book in the backup folder now</source>
        <translation>现在就把客户库复制一份到备份文件夹</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="263"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="264"/>
        <source>Put an earlier copy of the customer book back in place</source>
        <translation>把客户库恢复为之前的一份备份</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="266"/>
        <source>Bring back your customer book from a backup, or from an encrypted copy on a USB stick or in a cloud folder (a new laptop).</source>
        <translation>从备份恢复客户库，或从 U 盘、云盘文件夹中的加密副本恢复（例如换了新电脑）。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="298"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="304"/>
        <source>Backed up at %1: %2 customers, in %3</source>
        <translation>已于 %1 备份：%2 个客户，保存在 %3</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="307"/>
        <source>— no off-laptop copy: %1</source>
        <translation>—— 未能制作异地副本：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="312"/>
        <source>The backup could not be made: %1</source>
        <translation>备份未能完成：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="315"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="347"/>
        <location filename="../../trade_crm/ui/backup_actions.py" line="352"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="363"/>
        <source>Restored %1 customers from %2</source>
        <translation>已从 %2 恢复 %1 个客户</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/backup/actions.py" line="1"/>
        <source>— %n attached file(s) were in no backup</source>
        <translation>
            <numerusform>— 有 %n 个附件不在任何备份中</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="373"/>
        <source>Nothing was restored</source>
        <translation>没有恢复任何内容</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="375"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="375"/>
        <source>Nothing was changed: %1</source>
        <translation>没有做任何更改：%1</translation>
    </message>
</context>
<context>
    <name>BackupListWidget</name>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="68"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="68"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="68"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="68"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="69"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="79"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="79"/>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="79"/>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="80"/>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="81"/>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="93"/>
        <source>encrypted</source>
        <translation>已加密</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <location filename="../../trade_crm/ui/charts.py" line="91"/>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/charts.py" line="121"/>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/charts.py" line="122"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>CloseToTray</name>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="243"/>
        <source>Trade CRM is still running</source>
        <translation>Trade CRM 仍在运行</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="244"/>
        <source>It keeps watching your reminders from the tray. To exit, choose File › Quit (Ctrl+Q) or Quit in the tray menu; or turn this off in Settings.</source>
        <translation>它会在托盘中继续留意您的提醒。要退出，请选择“文件 › 退出”(Ctrl+Q)或托盘菜单中的“退出”；也可以在设置中关闭此功能。</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/commands.py" line="68"/>
        <source>Delete %n customer(s)</source>
        <translation>
            <numerusform>删除 %n 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/commands.py" line="85"/>
        <source>Add tag “%1” to %n customer(s)</source>
        <translation>
            <numerusform>给 %n 个客户添加标签“%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/commands.py" line="86"/>
        <source>Remove tag “%1” from %n customer(s)</source>
        <translation>
            <numerusform>从 %n 个客户移除标签“%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/commands.py" line="106"/>
        <source>Rate %n customer(s) %1</source>
        <translation>
            <numerusform>将 %n 个客户评为 %1 级</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/commands.py" line="107"/>
        <source>Clear the rating of %n customer(s)</source>
        <translation>
            <numerusform>清除 %n 个客户的评级</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="92"/>
        <source>This is not an email address: %1</source>
        <translation>不是有效的邮箱地址：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="94"/>
        <source>WhatsApp needs a phone number with its country code: %1</source>
        <translation>WhatsApp 需要带国家区号的电话号码：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="97"/>
        <source>Give the contact a name or a way to reach them.</source>
        <translation>请填写联系人姓名或至少一种联系方式。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="111"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="117"/>
        <source>name@example.com, another@example.com</source>
        <translation>name@example.com, another@example.com</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="119"/>
        <source>+49 40 1234567, +49 170 1234567</source>
        <translation>+49 40 1234567, +49 170 1234567</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="121"/>
        <source>+49 170 1234567</source>
        <translation>+49 170 1234567</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="125"/>
        <source>Known</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="137"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="138"/>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="139"/>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="140"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="141"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="142"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="143"/>
        <source>Skype</source>
        <translation>Skype</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="144"/>
        <source>LinkedIn</source>
        <translation>领英</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="148"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="149"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="219"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="219"/>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="219"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="220"/>
        <source>Phone / WhatsApp</source>
        <translation>电话 / WhatsApp</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="220"/>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="262"/>
        <source>Primary</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="231"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="232"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="233"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/contact_dialog.py" line="234"/>
        <source>Set primary</source>
        <translation>设为主联系人</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../trade_crm/ui/common/crash_dialog.py" line="50"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/crash_dialog.py" line="57"/>
        <source>What you were doing: %1</source>
        <translation>当时的操作：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/crash_dialog.py" line="55"/>
        <source>Trade CRM ran into a problem it did not expect.</source>
        <translation>Trade CRM 遇到了意外问题。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/crash_dialog.py" line="59"/>
        <source>What was saved before is still in your customer book. The details were written to the log; if it happens again, copy them and send them with a note of what you did.</source>
        <translation>之前保存的内容仍在您的客户数据库中。详细信息已写入日志；如果再次发生，请复制详细信息，并附上您当时所做操作的说明一起发送。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/crash_dialog.py" line="69"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/crash_dialog.py" line="70"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/common/crash_dialog.py" line="92"/>
        <source>%n more problem(s) followed the first.</source>
        <translation>
            <numerusform>随后又出现了 %n 个问题。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreatedTableModel</name>
    <message>
        <location filename="../../trade_crm/ui/import_export/review_models.py" line="1"/>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/review_models.py" line="1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/review_models.py" line="1"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/review_models.py" line="1"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/review_models.py" line="1"/>
        <source>Kept apart from</source>
        <translation>与之分开的客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/review_models.py" line="1"/>
        <source>row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/review_models.py" line="1"/>
        <source>#%1 in your book: %2</source>
        <translation>客户库中的 #%1：%2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/review_models.py" line="1"/>
        <source>If they are one, merge them after the import (Tools › Find duplicates).</source>
        <translation>如果是同一家，请在导入后合并（工具 › 查找重复客户）。</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>The team server did not save this customer: %1</source>
        <translation>团队服务器没有保存此客户：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="73"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="73"/>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="76"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="78"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="79"/>
        <source>Tags and custom fields</source>
        <translation>标签和自定义字段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="108"/>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="108"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="108"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="109"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="109"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="109"/>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="110"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="110"/>
        <source>Preferred language</source>
        <translation>首选语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="115"/>
        <source>Trade show</source>
        <translation>展会</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="115"/>
        <source>Website inquiry</source>
        <translation>网站询盘</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="116"/>
        <source>Marketplace (Alibaba, …)</source>
        <translation>B2B 平台（阿里巴巴等）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="116"/>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="117"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="122"/>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="128"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="135"/>
        <source>Lost customer (no more follow-ups)</source>
        <translation>已流失客户（不再跟进）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="140"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="143"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="144"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="148"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="155"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="164"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="180"/>
        <source>Type to search, e.g. Germany or 德国</source>
        <translation>输入搜索，例如 德国 或 Germany</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="185"/>
        <source>Separate tags with commas, e.g. VIP, Canton Fair 2026</source>
        <translation>多个标签用逗号分隔，例如 VIP, 2026广交会</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="192"/>
        <source>No custom fields yet. Add one for anything this form lacks, such as the port of discharge or a customs code.</source>
        <translation>还没有自定义字段。表单中没有的信息可以在这里添加，例如目的港或海关编码。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="199"/>
        <source>New field name, e.g. Port of discharge</source>
        <translation>新字段名称，例如 目的港</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="201"/>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="208"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="209"/>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="309"/>
        <source>Contact %1: %2</source>
        <translation>联系人 %1：%2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="314"/>
        <source>The customer needs a name.</source>
        <translation>请填写客户名称。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="315"/>
        <source>Unknown country: pick one from the list.</source>
        <translation>无法识别的国家，请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="316"/>
        <source>Use a 3-letter currency code such as USD.</source>
        <translation>请使用三位字母的币种代码，例如 USD。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="317"/>
        <source>A custom field needs a name.</source>
        <translation>自定义字段需要名称。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/customer_dialog.py" line="1"/>
        <source>Other name</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/customer_dialog.py" line="1"/>
        <source>In another script or language, e.g. 阿克米贸易有限公司</source>
        <translation>另一种文字或语言的名称，例如 Acme Trading GmbH</translation>
    </message>
</context>
<context>
    <name>CustomerListPane</name>
    <message>
        <location filename="../../trade_crm/ui/customer_list.py" line="47"/>
        <source>Search company, contact, email, phone, tag…</source>
        <translation>搜索公司、联系人、邮箱、电话、标签…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_list.py" line="58"/>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_list.py" line="144"/>
        <source>Filters (%1)</source>
        <translation>筛选 (%1)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_list.py" line="144"/>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_list.py" line="267"/>
        <source>Save current view…</source>
        <translation>保存当前视图…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_list.py" line="273"/>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_list.py" line="278"/>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_list.py" line="278"/>
        <source>Name of this view:</source>
        <translation>视图名称：</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="212"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="212"/>
        <source>Main contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="212"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="212"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="213"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="213"/>
        <source>Last contact</source>
        <translation>最后联系</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="213"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="213"/>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="215"/>
        <source>Country, and the time there now (grey outside working hours)</source>
        <translation>国家及当地当前时间（非工作时间显示为灰色）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="217"/>
        <source>The rating you set by hand</source>
        <translation>您手动设定的评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="219"/>
        <source>Value tier by the last 12 months&apos; orders (Pareto: A = the first 80 % of the value, B = up to 95 %, C = the rest); computed, never overwrites the rating</source>
        <translation>按近 12 个月订单金额自动分级（帕累托：A = 前 80% 的金额，B = 至 95%，C = 其余）；自动计算，不会覆盖您的评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="222"/>
        <source>Lifecycle stage, computed from the orders (Insights › Stage and tier rules)</source>
        <translation>生命周期阶段，根据订单自动计算（洞察 › 阶段与分级规则）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="285"/>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="287"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="289"/>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="291"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="293"/>
        <source>%n months ago</source>
        <translation>
            <numerusform>%n 个月前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="294"/>
        <source>%n years ago</source>
        <translation>
            <numerusform>%n 年前</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="315"/>
        <source>%1: %2 local time</source>
        <translation>%1：当地时间 %2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="317"/>
        <source>Outside working hours</source>
        <translation>非工作时间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="324"/>
        <source>Overdue by %n days</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="325"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="325"/>
        <source>Due in %n days</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (queued)</source>
        <translation>%1（排队中）</translation>
    </message>
</context>
<context>
    <name>DamagedBookDialog</name>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="200"/>
        <source>Trade CRM cannot open its customer book</source>
        <translation>Trade CRM 无法打开客户库</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="201"/>
        <source>The customer book at
%1
could not be opened:
%2

The file was left as it is.</source>
        <translation>位于
%1
的客户库无法打开：
%2

该文件保持原样，未做任何改动。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="204"/>
        <source>The newest good backup is from %1, with %2 customers (%3). Restoring it keeps the damaged file, renamed, beside it.</source>
        <translation>最新的完好备份来自 %1，包含 %2 个客户（%3）。恢复时，损坏的文件会改名后保留在原处旁边。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="208"/>
        <source>No good backup was found in %1.</source>
        <translation>在 %1 中没有找到完好的备份。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="216"/>
        <source>Restore this backup</source>
        <translation>恢复这份备份</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="219"/>
        <source>Choose a backup…</source>
        <translation>选择备份…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="221"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="236"/>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="237"/>
        <source>Trade CRM backups (*.db *.db.enc);;All files (*)</source>
        <translation>Trade CRM 备份 (*.db *.db.enc);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="64"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="65"/>
        <source>Exchange rates…</source>
        <translation>汇率…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="66"/>
        <source>How stages and tiers work…</source>
        <translation>阶段与分级规则…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="71"/>
        <source>Customers by country (top 15)</source>
        <translation>客户国家分布（前 15 名）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="71"/>
        <source>Customers by value tier</source>
        <translation>客户价值分级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="72"/>
        <source>Customers by lifecycle stage</source>
        <translation>客户生命周期阶段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="72"/>
        <source>Sales pipeline</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="73"/>
        <source>Follow-up activity per week</source>
        <translation>每周跟进次数</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="73"/>
        <source>Orders per month</source>
        <translation>每月订单金额</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="138"/>
        <source>%1 customers · money in %2 · stages and tiers of %3</source>
        <translation>共 %1 个客户 · 金额单位 %2 · 阶段与分级计算于 %3</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="139"/>
        <source>never</source>
        <translation>从未计算</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="142"/>
        <source>No exchange rate for %1: their orders and deals are left out of the values. Add the rates under Exchange rates.</source>
        <translation>缺少 %1 的汇率：这些币种的订单和商机未计入金额。请在“汇率”中补充。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="148"/>
        <source>Top %1 customers, last 12 months</source>
        <translation>近 12 个月前 %1 名客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="149"/>
        <source>Dormant customers: %1 (most valuable first)</source>
        <translation>沉睡客户：%1 个（按价值从高到低）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="157"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="160"/>
        <source>by the last 12 months&apos; orders</source>
        <translation>按近 12 个月订单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="167"/>
        <source>deals · value in %1</source>
        <translation>商机数 · 金额（%1）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="170"/>
        <source>calls, emails, visits… logged, by week</source>
        <translation>按周统计的电话、邮件、拜访等记录</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="173"/>
        <source>thousand %1</source>
        <translation>千 %1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="176"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="176"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="176"/>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="176"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="177"/>
        <source>Value, 12 months</source>
        <translation>近 12 个月金额</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="177"/>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="178"/>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="178"/>
        <source>Value, all orders</source>
        <translation>累计订单金额</translation>
    </message>
</context>
<context>
    <name>DataSettingsWidget</name>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="123"/>
        <source>Customer book:</source>
        <translation>客户库：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="124"/>
        <source>Backups:</source>
        <translation>备份：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="126"/>
        <source>No backup yet</source>
        <translation>还没有备份</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="127"/>
        <source>Last backup:</source>
        <translation>上次备份：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="130"/>
        <source>A copy is made every day, before every import and upgrade, and when you choose File &gt; Back up now. The last 7 daily, 4 weekly and 12 monthly copies are kept.</source>
        <translation>每天、每次导入和升级之前，以及选择“文件 &gt; 立即备份”时，都会自动备份一份。保留最近 7 份每日、4 份每周和 12 份每月备份。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="133"/>
        <source>Backups on this computer</source>
        <translation>本机上的备份</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="148"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="158"/>
        <location filename="../../trade_crm/ui/data_settings.py" line="309"/>
        <location filename="../../trade_crm/ui/data_settings.py" line="314"/>
        <source>Off-laptop copy</source>
        <translation>异地副本</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="159"/>
        <source>Also put each copy in another folder (a USB stick, a synced cloud folder)</source>
        <translation>同时把每份备份放到另一个文件夹（U 盘或同步的云盘文件夹）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="163"/>
        <source>No folder chosen</source>
        <translation>尚未选择文件夹</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="164"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="169"/>
        <source>Checking this computer&apos;s keyring…</source>
        <translation>正在检查本机的密钥环…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="171"/>
        <source>Encrypted; the key is kept in this computer&apos;s keyring (recommended)</source>
        <translation>加密；密钥保存在本机的密钥环中（推荐）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="173"/>
        <source>Encrypted with a passphrase you type once each session</source>
        <translation>用口令加密，每次启动后输入一次</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="174"/>
        <source>Not encrypted</source>
        <translation>不加密</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="179"/>
        <source>Anyone who finds the USB stick or gets into the cloud folder can read your whole customer book.</source>
        <translation>任何人捡到 U 盘或进入云盘文件夹，都能读取您的整个客户库。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="183"/>
        <source>You are asked for the passphrase at the first copy of each session; it is never stored. Without it the copies cannot be opened.</source>
        <translation>每次启动后第一次备份时会要求输入口令；口令不会被保存。忘记口令，这些副本将无法打开。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="189"/>
        <source>Show the recovery code…</source>
        <translation>显示恢复码…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="233"/>
        <source>This computer&apos;s keyring (%1) keeps the backup key.</source>
        <translation>备份密钥保存在本机的密钥环（%1）中。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="237"/>
        <source>This computer has no keyring service, so Trade CRM cannot keep the backup key here safely. Encrypt the off-laptop copies with a passphrase instead, or keep them unencrypted.</source>
        <translation>本机没有密钥环服务，Trade CRM 无法在这里安全地保存备份密钥。请改用口令加密异地副本，或者不加密保存。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="242"/>
        <location filename="../../trade_crm/ui/data_settings.py" line="289"/>
        <source>The recovery code was shown once already.</source>
        <translation>恢复码已经显示过一次。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="255"/>
        <source>Folder for the off-laptop copy</source>
        <translation>异地副本的文件夹</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="267"/>
        <source>Keep off-laptop copies unencrypted?</source>
        <translation>异地副本不加密吗？</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="268"/>
        <source>The copies on the USB stick or in the cloud folder will hold every customer, contact and note in plain form. Anyone who gets the file can read it.

Keep them unencrypted?</source>
        <translation>U 盘或云盘文件夹里的副本将以明文保存所有客户、联系人和备注。任何拿到这个文件的人都能读取。

仍然不加密吗？</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="280"/>
        <source>Keyring</source>
        <translation>密钥环</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="293"/>
        <source>Your recovery code</source>
        <translation>您的恢复码</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="297"/>
        <source>&lt;p&gt;Write this code down and keep it away from this laptop:&lt;/p&gt;&lt;p&gt;&lt;tt&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;On another computer the encrypted copies open only with this code. It is shown once, and not again.&lt;/p&gt;</source>
        <translation>&lt;p&gt;请抄下这个恢复码，并和这台电脑分开保管：&lt;/p&gt;&lt;p&gt;&lt;tt&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;在另一台电脑上，只有凭这个恢复码才能打开加密副本。它只显示这一次。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/data_settings.py" line="309"/>
        <source>Choose a folder for the off-laptop copy.</source>
        <translation>请为异地副本选择一个文件夹。</translation>
    </message>
</context>
<context>
    <name>DuplicateGroupTableModel</name>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="74"/>
        <source>Score</source>
        <translation>可信度</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="74"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="74"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="86"/>
        <source> (+%1 more)</source>
        <translation>（另有 %1 条）</translation>
    </message>
</context>
<context>
    <name>DuplicateHint</name>
    <message>
        <location filename="../../trade_crm/ui/duplicate_hint.py" line="100"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicate_hint.py" line="102"/>
        <source>&lt;b&gt;%1&lt;/b&gt; already exists — &lt;a href=&quot;%2&quot;&gt;open it?&lt;/a&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 已经存在——&lt;a href="%2"&gt;要打开吗？&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../trade_crm/ui/duplicate_hint.py" line="36"/>
        <source>Same email %1</source>
        <translation>邮箱相同：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicate_hint.py" line="38"/>
        <source>Same phone %1</source>
        <translation>电话相同：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicate_hint.py" line="40"/>
        <source>Same company domain %1</source>
        <translation>公司域名相同：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicate_hint.py" line="42"/>
        <source>Similar names: %1 (%2%)</source>
        <translation>名称相似：%1（%2%）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicate_hint.py" line="44"/>
        <source>Same name “%1”</source>
        <translation>名称相同：“%1”</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="113"/>
        <source>Find duplicates</source>
        <translation>查找重复客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="120"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="122"/>
        <source>Search again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="144"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="144"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="144"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="144"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="151"/>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="153"/>
        <source>&amp;Not a duplicate</source>
        <translation>不是重复(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="154"/>
        <source>The ticked customers are different companies: do not suggest them again</source>
        <translation>勾选的客户是不同的公司：以后不再提示</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="157"/>
        <source>&amp;Show in list</source>
        <translation>在列表中显示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="160"/>
        <source>&amp;Undo merge</source>
        <translation>撤销合并(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="192"/>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复客户…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="211"/>
        <source>%Ln group(s) of probable duplicates, the surest first.</source>
        <translation>
            <numerusform>找到 %Ln 组可能重复的客户，最有把握的在前。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="215"/>
        <source>No probable duplicates among %1 customers.</source>
        <translation>%1 位客户中没有发现可能重复的。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="221"/>
        <source>The search failed: %1</source>
        <translation>查找失败：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="224"/>
        <source>Search cancelled.</source>
        <translation>已取消查找。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="273"/>
        <source>Cannot merge: %1. Search again.</source>
        <translation>无法合并：%1。请重新查找。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="284"/>
        <source>Merged. The groups left are below.</source>
        <translation>已合并。其余分组见下方。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates_dialog.py" line="298"/>
        <source>Marked as not duplicates: they will not be suggested again.</source>
        <translation>已标记为不重复，以后不再提示。</translation>
    </message>
</context>
<context>
    <name>DuplicatesTableModel</name>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="31"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="31"/>
        <source>In the file</source>
        <translation>文件中</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="31"/>
        <source>In your book</source>
        <translation>客户库中</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="31"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="32"/>
        <source>A merge fills</source>
        <translation>合并将补充</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="32"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="35"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="35"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="35"/>
        <source>Create anyway</source>
        <translation>仍然新建</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="62"/>
        <source>Same email %1</source>
        <translation>邮箱相同 %1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="64"/>
        <source>Same phone %1</source>
        <translation>电话相同 %1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="66"/>
        <source>Same company domain %1</source>
        <translation>公司域名相同 %1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="68"/>
        <source>Same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="69"/>
        <source>Similar name (%1%)</source>
        <translation>名称相似（%1%）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/import_review_models.py" line="76"/>
        <source>+%Ln contact(s)</source>
        <translation>
            <numerusform>新增 %Ln 位联系人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="77"/>
        <source>nothing new</source>
        <translation>无新内容</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="77"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="104"/>
        <source>Click to choose: merge, skip or create anyway</source>
        <translation>点击选择：合并、跳过或仍然新建</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="179"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="181"/>
        <source>Save the customers on screen, selected or all as an Excel workbook</source>
        <translation>把当前列表、选中的或全部客户保存为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="182"/>
        <source>Export contacts as v&amp;Card…</source>
        <translation>导出联系人为 vCard(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="183"/>
        <source>Save the contacts of the selected customers for a phone</source>
        <translation>保存选中客户的联系人，可导入手机</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="208"/>
        <source>Customers %1.xlsx</source>
        <translation>客户 %1.xlsx</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="227"/>
        <source>Exporting to Excel…</source>
        <translation>正在导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="234"/>
        <source>Contacts %1.vcf</source>
        <translation>联系人 %1.vcf</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="235"/>
        <source>Export contacts as vCard</source>
        <translation>导出联系人为 vCard</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="236"/>
        <source>vCard file (*.vcf)</source>
        <translation>vCard 文件 (*.vcf)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="242"/>
        <source>Exporting contacts…</source>
        <translation>正在导出联系人…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="248"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="249"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="272"/>
        <source>Saving the file…</source>
        <translation>正在保存文件…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="276"/>
        <source>Writing customer %1 of %2…</source>
        <translation>正在写入第 %1 个客户，共 %2 个…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/export_actions.py" line="279"/>
        <source>Exported %Ln customer(s) to %1</source>
        <translation>
            <numerusform>已将 %Ln 个客户导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="284"/>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="290"/>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../trade_crm/ui/import_export/export_actions.py" line="79"/>
        <source>Only the list&apos;s columns, in its order</source>
        <translation>仅导出列表中显示的列，按列表的顺序</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="60"/>
        <location filename="../../trade_crm/ui/export_actions.py" line="127"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/export_actions.py" line="61"/>
        <source>Customers on screen (%Ln)</source>
        <translation>
            <numerusform>当前列表中的客户（%Ln 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/export_actions.py" line="62"/>
        <source>Selected customers (%Ln)</source>
        <translation>
            <numerusform>选中的客户（%Ln 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/export_actions.py" line="63"/>
        <source>All customers (%Ln)</source>
        <translation>
            <numerusform>全部客户（%Ln 个）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="76"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="76"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="77"/>
        <source>Interactions</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="77"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="87"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="97"/>
        <source>Customers:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="98"/>
        <source>Sheets:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="99"/>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="101"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="128"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>FieldNames</name>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="36"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="36"/>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="37"/>
        <source>First name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="37"/>
        <source>Middle name</source>
        <translation>中间名</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="38"/>
        <source>Last name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="38"/>
        <source>Job title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="38"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="39"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="39"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="39"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="40"/>
        <source>Skype</source>
        <translation>Skype</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="40"/>
        <source>LinkedIn</source>
        <translation>领英</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="40"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="41"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="41"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="41"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="42"/>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="42"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="42"/>
        <source>Booth</source>
        <translation>展位</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="43"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="43"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="43"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="44"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="44"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="44"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/preview.py" line="1"/>
        <source>Other name</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <source>Date met</source>
        <translation>见面日期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/preview.py" line="1"/>
        <source>Hall</source>
        <translation>展馆</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/preview.py" line="1"/>
        <source>Deleted flag</source>
        <translation>删除标记</translation>
    </message>
</context>
<context>
    <name>FollowUpOption</name>
    <message>
        <location filename="../../trade_crm/ui/import_export/follow_up_option.py" line="1"/>
        <source>Plan a first follow-up for new customers in</source>
        <translation>为新客户安排首次跟进：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/follow_up_option.py" line="1"/>
        <source> days</source>
        <translation> 天后</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>The file does not say how its text is encoded. If the names below look wrong, choose the encoding whose sample reads right.</source>
        <translation>文件没有说明其文本编码。如果下面的名称显示不正确，请选择示例文字显示正常的编码。</translation>
    </message>
    <message>
        <source>Text encoding:</source>
        <translation>文本编码：</translation>
    </message>
    <message>
        <source>%1 (used): %2</source>
        <translation>%1（当前使用）：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="77"/>
        <source>Choose, type or paste an Excel, CSV or vCard file</source>
        <translation>选择、输入或粘贴 Excel、CSV 或 vCard 文件路径</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="78"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="91"/>
        <source>e.g. Canton Fair 2026 Autumn</source>
        <translation>例如：2026 秋季广交会</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="96"/>
        <source>Optional, e.g. VIP</source>
        <translation>可选，例如：VIP</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="99"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="100"/>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="103"/>
        <source>Trade show or source:</source>
        <translation>展会或来源：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="104"/>
        <source>Every imported customer gets it as its source and as a tag.</source>
        <translation>每个导入的客户都会以它作为来源和标签。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="105"/>
        <source>Extra tag:</source>
        <translation>附加标签：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="106"/>
        <source>Country if a row has none:</source>
        <translation>未填国家时默认为：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="107"/>
        <source>Used to read local phone numbers such as 0755 8888 0000.</source>
        <translation>用于识别本地电话号码，例如 0755 8888 0000。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="109"/>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="110"/>
        <source>A trade-show list, an exhibitor directory, a CRM export or your phone&apos;s contacts. Nothing is written until you confirm the last step.</source>
        <translation>展会名单、参展商名录、其他 CRM 的导出文件或手机通讯录均可。在最后一步确认之前，不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="135"/>
        <source>None (type to search, e.g. China or 中国)</source>
        <translation>无（输入以搜索，例如 China 或 中国）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="172"/>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="173"/>
        <source>Spreadsheets and contacts (%1);;All files (*)</source>
        <translation>表格和通讯录 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="184"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="198"/>
        <source>%1 (hidden)</source>
        <translation>%1（隐藏）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="202"/>
        <source>(the whole file)</source>
        <translation>（整个文件）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="205"/>
        <source>no header row found: columns are named by letter</source>
        <translation>未找到表头行：各列按字母命名</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_pages.py" line="207"/>
        <source>headers in row %1</source>
        <translation>表头在第 %1 行</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/import_pages.py" line="208"/>
        <source>%Ln data row(s), %1 column(s); %2.</source>
        <translation>
            <numerusform>%Ln 行数据，%1 列；%2。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/wizard_pages.py" line="1"/>
        <source>Chosen by its content: %1 of %2 rows look like contacts (a company, email, phone or website).</source>
        <translation>按内容选择：%2 行中有 %1 行像联系人（有公司、邮箱、电话或网址）。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/wizard_pages.py" line="1"/>
        <source>“%1” %2 of %3</source>
        <translation>“%1” %3 行中 %2 行</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/wizard_pages.py" line="1"/>
        <source>Other sheets: %1. Pick another above if this is not your list.</source>
        <translation>其他工作表：%1。如果这不是您的名单，请在上方选择其他工作表。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/wizard_pages.py" line="1"/>
        <source>This sheet does not look like a contact list: check that it is the right one.</source>
        <translation>此工作表看起来不像联系人名单：请确认选对了工作表。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="57"/>
        <source>Any country</source>
        <translation>所有国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="65"/>
        <source>Any rating</source>
        <translation>所有评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="69"/>
        <source>Any tier</source>
        <translation>任意分级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="72"/>
        <source>No tier</source>
        <translation>无分级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="74"/>
        <source>Any stage</source>
        <translation>所有阶段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="77"/>
        <location filename="../../trade_crm/ui/filter_bar.py" line="188"/>
        <source>Follow-up overdue</source>
        <translation>跟进已逾期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="78"/>
        <source>Not contacted for</source>
        <translation>未联系超过</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="82"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="85"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="86"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="91"/>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="93"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="95"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="115"/>
        <source>Any tag</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="177"/>
        <source>Country: %1</source>
        <translation>国家：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="180"/>
        <source>Tag: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="182"/>
        <source>Rating: %1</source>
        <translation>评级：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="184"/>
        <source>Tier: %1</source>
        <translation>分级：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="184"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="186"/>
        <source>Stage: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/filter_bar.py" line="190"/>
        <source>Not contacted for %n days</source>
        <translation>
            <numerusform>超过 %n 天未联系</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/filter_bar.py" line="0"/>
        <source>In the public pool</source>
        <translation>公海客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/filter_bar.py" line="0"/>
        <source>Customers nobody owns: anyone may claim them</source>
        <translation>无人负责的客户：任何人都可以领取</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="206"/>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="225"/>
        <source>Remove this filter</source>
        <translation>移除此筛选条件</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../trade_crm/ui/first_run.py" line="29"/>
        <source>Welcome to Trade CRM</source>
        <translation>欢迎使用 Trade CRM</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/first_run.py" line="35"/>
        <source>Your customer book is empty. Start in one of these ways:</source>
        <translation>客户库还是空的。可以从以下方式开始：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/first_run.py" line="39"/>
        <source>Add a customer</source>
        <translation>添加客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/first_run.py" line="40"/>
        <source>Type in a company and its contacts by hand.</source>
        <translation>手动录入一家公司及其联系人。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/first_run.py" line="43"/>
        <source>Load the demo book</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/first_run.py" line="44"/>
        <source>Try Trade CRM with a few hundred sample customers.</source>
        <translation>用几百个示例客户试用 Trade CRM。</translation>
    </message>
</context>
<context>
    <name>GreetingsDialog</name>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="66"/>
        <source>Prepare greetings</source>
        <translation>准备节日问候</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="75"/>
        <source>Greeted</source>
        <translation>已问候</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="75"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="75"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="76"/>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="111"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="91"/>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="92"/>
        <source>Open mail draft</source>
        <translation>打开邮件草稿</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="93"/>
        <source>Mark as greeted</source>
        <translation>标记为已问候</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="94"/>
        <source>Save as template</source>
        <translation>保存为模板</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="96"/>
        <source>Use this text for every customer greeted in this language; the contact&apos;s name becomes a merge field.</source>
        <translation>以后用此语言问候客户时都使用这段文字；联系人姓名会替换为合并字段。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="110"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="112"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="166"/>
        <source>%1 of %2 customers greeted</source>
        <translation>已问候 %1 / %2 位客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="203"/>
        <source>%1 (no email address)</source>
        <translation>%1（无邮箱地址）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="221"/>
        <source>Text copied.</source>
        <translation>文本已复制。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="228"/>
        <source>Mail draft opened.</source>
        <translation>邮件草稿已打开。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="253"/>
        <source>Greeting logged on %1&apos;s timeline.</source>
        <translation>问候已记入 %1 的时间线。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="256"/>
        <source>Everyone is greeted: the reminder is done.</source>
        <translation>所有客户都已问候，提醒已完成。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/greetings_dialog.py" line="272"/>
        <source>Template saved for %1.</source>
        <translation>已保存 %1 模板。</translation>
    </message>
</context>
<context>
    <name>HeaderCard</name>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="99"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="117"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="118"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="119"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="148"/>
        <source>Rating %1</source>
        <translation>评级 %1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="150"/>
        <source>No contacts yet</source>
        <translation>暂无联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="151"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="156"/>
        <source>No country</source>
        <translation>未填写国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="166"/>
        <source>working hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="166"/>
        <source>outside working hours</source>
        <translation>非工作时间</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="167"/>
        <source>local time %1 (%2)</source>
        <translation>当地时间 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="169"/>
        <source>Public holiday there today: %1</source>
        <translation>当地今天是公共假日：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="171"/>
        <source>Public holiday there tomorrow: %1</source>
        <translation>当地明天是公共假日：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="183"/>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="202"/>
        <source>No follow-up planned</source>
        <translation>未安排跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="206"/>
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="208"/>
        <source>%1 (today)</source>
        <translation>%1（今天）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/header_card.py" line="213"/>
        <source>Last contact: %1</source>
        <translation>最后联系：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/header_card.py" line="1"/>
        <source>Message…</source>
        <translation>发消息…</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../trade_crm/ui/import_actions.py" line="44"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_actions.py" line="46"/>
        <source>Import customers from Excel, CSV or vCard</source>
        <translation>从 Excel、CSV 或 vCard 导入客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_actions.py" line="49"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_actions.py" line="51"/>
        <source>Bring in a trade-show list, an exhibitor directory or a CRM export from Excel, CSV or vCard.</source>
        <translation>从 Excel、CSV 或 vCard 导入展会名单、参展商名录或其他 CRM 的导出文件。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_actions.py" line="53"/>
        <source>Import &amp;history…</source>
        <translation>导入历史(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_actions.py" line="54"/>
        <source>See past imports and undo one</source>
        <translation>查看以往的导入并可撤销</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="39"/>
        <source>Import history</source>
        <translation>导入历史</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="45"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="45"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="45"/>
        <source>Trade show / tag</source>
        <translation>展会 / 标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="45"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="45"/>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="46"/>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="46"/>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="46"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="54"/>
        <source>No imports yet. Use File &gt; Import… to bring in a trade-show list.</source>
        <translation>还没有导入记录。使用“文件 &gt; 导入…”导入展会名单。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="58"/>
        <source>Undo import…</source>
        <translation>撤销导入…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="75"/>
        <source>Undone %1</source>
        <translation>已于 %1 撤销</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="76"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="112"/>
        <source>Undo the import of %1 from %2? The %3 customer(s) it created are removed and the %4 it merged into are put back as they were.</source>
        <translation>撤销 %2 对 %1 的导入吗？此次新建的 %3 个客户将被删除，合并过的 %4 个客户将恢复原样。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="115"/>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="120"/>
        <source>Undoing…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_history_dialog.py" line="130"/>
        <source>Import undone: %1 customer(s) removed, %2 restored.</source>
        <translation>已撤销导入：删除 %1 个客户，恢复 %2 个。</translation>
    </message>
</context>
<context>
    <name>ImportRows</name>
    <message>
        <location filename="../../trade_crm/ui/import_export/result_pages.py" line="1"/>
        <source>Rows read: %1 = %2 new customers + %3 into customers in your book + %4 joined another row of the file + %5 skipped + %6 not imported + %7 ignored (totals, titles, repeated headers).</source>
        <translation>读取 %1 行 = %2 个新客户 + %3 行并入客户库中的客户 + %4 行并入文件中的另一行 + %5 行跳过 + %6 行未导入 + %7 行已忽略（合计、标题、重复的表头）。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="42"/>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="61"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="62"/>
        <location filename="../../trade_crm/ui/import_wizard.py" line="302"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="64"/>
        <location filename="../../trade_crm/ui/import_wizard.py" line="308"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="104"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="184"/>
        <source>%1 - rows to fix.xlsx</source>
        <translation>%1 - 待修正的行.xlsx</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="185"/>
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="185"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/import_wizard.py" line="192"/>
        <source>Saved %Ln row(s) to fix in %1.</source>
        <translation>
            <numerusform>已将 %Ln 行待修正数据保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="197"/>
        <source>The error report could not be saved: %1</source>
        <translation>无法保存错误报告：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="237"/>
        <source>The import was cancelled. Nothing was written.</source>
        <translation>导入已取消，未写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="242"/>
        <source>The import failed and nothing was written: %1</source>
        <translation>导入失败，未写入任何数据：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="249"/>
        <source>Remove the %1 customer(s) this import created and put the %2 merged customer(s) back as they were?</source>
        <translation>删除此次导入新建的 %1 个客户，并将合并过的 %2 个客户恢复原样吗？</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="251"/>
        <source>Undo this import</source>
        <translation>撤销本次导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="272"/>
        <source>Unknown country: pick one from the list, or leave it empty.</source>
        <translation>未知国家：请从列表中选择，或留空。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="298"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="298"/>
        <source>Columns</source>
        <translation>列映射</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="298"/>
        <source>Review</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="298"/>
        <location filename="../../trade_crm/ui/import_wizard.py" line="302"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="298"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="299"/>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_wizard.py" line="308"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Insights</name>
    <message>
        <location filename="../../trade_crm/ui/insights.py" line="49"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/insights.py" line="50"/>
        <source>Pipeline</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/insights.py" line="51"/>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/insights.py" line="74"/>
        <source>&amp;Insights</source>
        <translation>洞察(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/insights.py" line="76"/>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/insights.py" line="76"/>
        <source>&amp;Pipeline</source>
        <translation>销售漏斗(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/insights.py" line="76"/>
        <source>&amp;Dashboard</source>
        <translation>数据看板(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/insights.py" line="83"/>
        <source>&amp;Exchange rates…</source>
        <translation>汇率(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/insights.py" line="84"/>
        <source>Stage and tier &amp;rules…</source>
        <translation>阶段与分级规则(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/insights.py" line="85"/>
        <source>Re&amp;compute stages and tiers</source>
        <translation>重新计算阶段与分级(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="58"/>
        <source>Potential</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="59"/>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="60"/>
        <source>Returning</source>
        <translation>回头客</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="61"/>
        <source>Loyal</source>
        <translation>忠实客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="62"/>
        <source>Dormant</source>
        <translation>沉睡客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="63"/>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="23"/>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="24"/>
        <source>Add a customer</source>
        <translation>添加客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="25"/>
        <source>&amp;Edit customer…</source>
        <translation>编辑客户(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="26"/>
        <source>Edit the selected customer</source>
        <translation>编辑选中的客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="27"/>
        <source>&amp;Log interaction</source>
        <translation>记录跟进(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="28"/>
        <source>Write down a call, an email, a visit…</source>
        <translation>记下一次电话、邮件、拜访…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="29"/>
        <source>&amp;Delete customer</source>
        <translation>删除客户(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="30"/>
        <source>Delete the selected customers</source>
        <translation>删除选中的客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="34"/>
        <source>Add &amp;tag…</source>
        <translation>添加标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="34"/>
        <source>Tag the selected customers</source>
        <translation>给选中的客户加标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="35"/>
        <source>&amp;Remove tag…</source>
        <translation>移除标签(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="36"/>
        <source>Remove a tag from the selected customers</source>
        <translation>从选中的客户移除标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="38"/>
        <source>No rating</source>
        <translation>无评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="39"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="42"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="45"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="45"/>
        <source>Search customers</source>
        <translation>搜索客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="46"/>
        <source>&amp;Clear search and filters</source>
        <translation>清除搜索和筛选(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="47"/>
        <source>&amp;Filters</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="47"/>
        <source>Show the filters</source>
        <translation>显示筛选条件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="49"/>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="50"/>
        <source>&amp;Reminders</source>
        <translation>提醒(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="54"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="55"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="57"/>
        <source>&amp;About Trade CRM</source>
        <translation>关于 Trade CRM(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="59"/>
        <source>&amp;Where is my data?</source>
        <translation>我的数据在哪里？(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="79"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="84"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="90"/>
        <source>Set &amp;rating</source>
        <translation>设置评级(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="94"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/actions.py" line="97"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/shell/actions.py" line="60"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/shell/actions.py" line="61"/>
        <source>The app's log files, to send with a problem report</source>
        <translation>本应用的日志文件，可随问题报告一起发送</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="55"/>
        <location filename="../../trade_crm/ui/main_window.py" line="293"/>
        <source>Trade CRM</source>
        <translation>Trade CRM 外贸客户管理</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="81"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="183"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="185"/>
        <source>%Ln shown</source>
        <translation>
            <numerusform>显示 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/shell/main_window.py" line="248"/>
        <source>… shown</source>
        <translation>显示 … 个</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="187"/>
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln 个逾期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="244"/>
        <source>Delete “%1” with its contacts and timeline?</source>
        <translation>删除“%1”及其联系人和时间线？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="246"/>
        <source>Delete %Ln customers with their contacts and timelines?</source>
        <translation>
            <numerusform>删除这 %Ln 个客户及其联系人和时间线？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="248"/>
        <source>You can undo this with %1.</source>
        <translation>可以用 %1 撤销。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="249"/>
        <source>Delete customers</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="255"/>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="255"/>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="256"/>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="326"/>
        <source>About Trade CRM</source>
        <translation>关于 Trade CRM</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="327"/>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;An offline-first customer book for export sales: customers, contacts, follow-ups and reminders, on your own computer.&lt;/p&gt;&lt;p&gt;Icons are original drawings made for Trade CRM.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;为外贸业务员打造的离线客户管理工具：客户、联系人、跟进和提醒，都保存在你自己的电脑上。&lt;/p&gt;&lt;p&gt;图标为 Trade CRM 原创绘制。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="332"/>
        <source>Where is my data?</source>
        <translation>我的数据在哪里？</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="333"/>
        <source>Your customer book is this file:
%1

Back it up with the rest of your documents; copy it to move Trade CRM to another computer.</source>
        <translation>你的客户数据保存在这个文件中：
%1

请和其他文档一起备份；换电脑时复制此文件即可。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="336"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start. Restart Trade CRM now?</source>
        <translation>新语言将在下次启动时生效。现在重新启动 Trade CRM 吗？</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="65"/>
        <source>Save mapping…</source>
        <translation>保存映射…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="68"/>
        <source>are added to the notes</source>
        <translation>追加到备注</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="69"/>
        <source>become custom fields</source>
        <translation>作为自定义字段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="72"/>
        <source>Saved mapping:</source>
        <translation>已存映射：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="76"/>
        <source>Columns no field takes</source>
        <translation>无对应字段的列</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="80"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="80"/>
        <source>Example values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="81"/>
        <source>Imports as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="99"/>
        <source>Preview: how the first rows will be imported</source>
        <translation>预览：前几行将如何导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="107"/>
        <source>Column mapping</source>
        <translation>列映射</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="147"/>
        <source>(automatic)</source>
        <translation>（自动）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="189"/>
        <source>Save mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="190"/>
        <source>Name (suggested again for files with the same headers):</source>
        <translation>名称（表头相同的文件会再次推荐此映射）：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="230"/>
        <source>No column is a company, contact name, email or phone yet, so no row can be imported. Choose which column is which.</source>
        <translation>还没有任何列对应公司、联系人姓名、邮箱或电话，因此无法导入任何行。请指定各列的含义。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="243"/>
        <source>Recognised from the header</source>
        <translation>根据表头识别</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="244"/>
        <source>Recognised from what the column holds</source>
        <translation>根据列内容识别</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="245"/>
        <source>From the saved mapping</source>
        <translation>来自已存映射</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="245"/>
        <source>Your choice</source>
        <translation>您的选择</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="246"/>
        <source>No field matches this header</source>
        <translation>没有与此表头对应的字段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="267"/>
        <source>— add to the notes —</source>
        <translation>— 追加到备注 —</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="268"/>
        <source>— custom field —</source>
        <translation>— 自定义字段 —</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_mapping_page.py" line="271"/>
        <source>— ignore (not imported) —</source>
        <translation>— 忽略（不导入）—</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/mapping_page.py" line="1"/>
        <source>The values</source>
        <translation>数据内容</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/mapping_page.py" line="1"/>
        <source>%1% look like email addresses</source>
        <translation>%1% 像邮箱地址</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/mapping_page.py" line="1"/>
        <source>%1% look like web addresses</source>
        <translation>%1% 像网址</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/mapping_page.py" line="1"/>
        <source>%1% look like phone numbers</source>
        <translation>%1% 像电话号码</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/mapping_page.py" line="1"/>
        <source>%1% look like countries</source>
        <translation>%1% 像国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/mapping_page.py" line="1"/>
        <source>%1% look like company names</source>
        <translation>%1% 像公司名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/mapping_page.py" line="1"/>
        <source>%1% look like people&apos;s names</source>
        <translation>%1% 像人名</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/mapping_page.py" line="1"/>
        <source>%1% look like dates</source>
        <translation>%1% 像日期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/mapping_page.py" line="1"/>
        <source>%1% look like numbers</source>
        <translation>%1% 像数字</translation>
    </message>
</context>
<context>
    <name>MergeController</name>
    <message>
        <location filename="../../trade_crm/ui/merge_actions.py" line="70"/>
        <source>Find &amp;duplicates…</source>
        <translation>查找重复客户(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_actions.py" line="71"/>
        <source>Find customers recorded twice and merge them</source>
        <translation>找出重复录入的客户并合并</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_actions.py" line="73"/>
        <source>&amp;Merge customers…</source>
        <translation>合并客户(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_actions.py" line="75"/>
        <source>Merge the selected customers into one, with their whole history</source>
        <translation>把选中的客户连同全部记录合并为一个</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_actions.py" line="77"/>
        <source>&amp;Undo this merge</source>
        <translation>撤销这次合并(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_actions.py" line="92"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_actions.py" line="116"/>
        <source>Merge %n customer(s) into “%1”</source>
        <translation>
            <numerusform>将 %n 位客户合并到“%1”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_actions.py" line="123"/>
        <source>Merged into “%1”. Undo with %2.</source>
        <translation>已合并到“%1”。按 %2 可撤销。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_actions.py" line="127"/>
        <source>Mark %n customer(s) as not duplicates</source>
        <translation>
            <numerusform>将 %n 位客户标记为不重复</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_actions.py" line="217"/>
        <source>Merge undone: the customers are back as they were.</source>
        <translation>已撤销合并：客户已恢复原样。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="40"/>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="44"/>
        <source>Choose the customer to keep and, for each field that differs, the value to keep. Contacts, emails and phones, tags, custom fields, the timeline, orders, opportunities and reminders of the others all move to it. You can undo the merge.</source>
        <translation>选择要保留的客户，并为每个不同的字段选定要保留的值。其他客户的联系人、邮箱和电话、标签、自定义字段、时间线、订单、商机和提醒都会移到保留的客户名下。合并之后可以撤销。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="58"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="78"/>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="78"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="78"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="79"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="79"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="79"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="80"/>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="80"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="81"/>
        <source>Preferred language</source>
        <translation>首选语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="81"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="82"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="82"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="82"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="83"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="83"/>
        <source>Lost customer</source>
        <translation>已流失客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="92"/>
        <source>Trade show</source>
        <translation>展会</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="92"/>
        <source>Website inquiry</source>
        <translation>网站询盘</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="93"/>
        <source>Marketplace</source>
        <translation>B2B 平台</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="93"/>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="94"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="96"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="96"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="116"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="120"/>
        <source>%1 (#%2)</source>
        <translation>%1（#%2）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="132"/>
        <source>These customers agree on every field.</source>
        <translation>这些客户的所有字段都相同。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="143"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="155"/>
        <source>Combine all of them</source>
        <translation>全部合并在一起</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_dialog.py" line="176"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 位联系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_dialog.py" line="177"/>
        <source>%n timeline entry(s)</source>
        <translation>
            <numerusform>%n 条时间线记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_dialog.py" line="178"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_dialog.py" line="179"/>
        <source>%n opportunity(s)</source>
        <translation>
            <numerusform>%n 个商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_dialog.py" line="180"/>
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n 条提醒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/merge_dialog.py" line="181"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="185"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="186"/>
        <source>Moves to “%1”: %2.</source>
        <translation>将移到“%1”名下：%2。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/merge_dialog.py" line="187"/>
        <source>Nothing else moves to “%1”.</source>
        <translation>没有其他内容需要移到“%1”名下。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/duplicates/merge_dialog.py" line="1"/>
        <source>Other name</source>
        <translation>其他名称</translation>
    </message>
</context>
<context>
    <name>NotificationBar</name>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="173"/>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="175"/>
        <source>Show reminders</source>
        <translation>查看提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="178"/>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="54"/>
        <source>1 reminder while you were away</source>
        <translation>您离开期间有 1 条提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="55"/>
        <source>%1 reminders while you were away</source>
        <translation>您离开期间有 %1 条提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="57"/>
        <source>Reminder due</source>
        <translation>提醒到期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="59"/>
        <source>%1 reminders due</source>
        <translation>%1 条提醒到期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="62"/>
        <source>and %1 more</source>
        <translation>还有 %1 条</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="67"/>
        <source>Edit opportunity</source>
        <translation>编辑商机</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="67"/>
        <source>New opportunity</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="69"/>
        <source>e.g. 2,000 LED panels for the Dubai project</source>
        <translation>例如：迪拜项目 2,000 片 LED 面板灯</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="82"/>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="90"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="91"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="92"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="93"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="94"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="95"/>
        <source>Probability</source>
        <translation>成交概率</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="105"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="121"/>
        <source>select a customer first</source>
        <translation>请先选择客户</translation>
    </message>
</context>
<context>
    <name>OpportunityTableModel</name>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="217"/>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="217"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="217"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="217"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="218"/>
        <source>Probability</source>
        <translation>成交概率</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="218"/>
        <source>Expected close</source>
        <translation>预计成交 / 关闭日期</translation>
    </message>
</context>
<context>
    <name>PipelineBoardWidget</name>
    <message>
        <location filename="../../trade_crm/ui/pipeline_board.py" line="86"/>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_board.py" line="87"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_board.py" line="94"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_board.py" line="95"/>
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_board.py" line="96"/>
        <source>Stage names…</source>
        <translation>阶段名称…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_board.py" line="158"/>
        <source>%1 opportunities</source>
        <translation>共 %1 个商机</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_board.py" line="164"/>
        <source>%1 of %2 opportunities, latest first</source>
        <translation>显示 %1 / %2 个商机，最近更新的在前</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_board.py" line="185"/>
        <source>New opportunity for %1</source>
        <translation>为 %1 新建商机</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_board.py" line="186"/>
        <source>Select a customer in the Customers tab first</source>
        <translation>请先在“客户”标签页中选择一个客户</translation>
    </message>
</context>
<context>
    <name>PipelineStage</name>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="43"/>
        <source>Inquiry</source>
        <translation>询盘</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="44"/>
        <source>Quotation</source>
        <translation>报价</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="45"/>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="46"/>
        <source>Negotiation</source>
        <translation>谈判</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="47"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="48"/>
        <source>Lost</source>
        <translation>丢单</translation>
    </message>
</context>
<context>
    <name>PreviewBuilder</name>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="71"/>
        <source>%1 (custom field)</source>
        <translation>%1（自定义字段）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="116"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="116"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_preview.py" line="123"/>
        <source>Not imported.</source>
        <translation>未导入。</translation>
    </message>
</context>
<context>
    <name>ProblemsTableModel</name>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="143"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="143"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="143"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="143"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="143"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="166"/>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_models.py" line="166"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/review_models.py" line="1"/>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="27"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="31"/>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="54"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="33"/>
        <source>The import is written in one step: if you cancel, your customer book stays exactly as it was.</source>
        <translation>导入会一次性写入：如果取消，客户库将保持原样。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/import_result_pages.py" line="50"/>
        <source>Importing %Ln customer(s) from %1…</source>
        <translation>
            <numerusform>正在从 %1 导入 %Ln 个客户…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="52"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="59"/>
        <source>Writing customer %1 of %2…</source>
        <translation>正在写入第 %1 个客户，共 %2 个…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="63"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <location filename="../../trade_crm/ui/rates_dialog.py" line="50"/>
        <source>Exchange rates</source>
        <translation>汇率</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/rates_dialog.py" line="64"/>
        <source>Add rate</source>
        <translation>添加汇率</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/rates_dialog.py" line="65"/>
        <source>Add missing currencies</source>
        <translation>添加缺少的币种</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/rates_dialog.py" line="66"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/rates_dialog.py" line="77"/>
        <source>Reporting currency</source>
        <translation>报表币种</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/rates_dialog.py" line="84"/>
        <source>The app works offline: enter the rates you use, with the day you took them. Changing the reporting currency converts the table.</source>
        <translation>本软件离线使用：请填写您采用的汇率及其日期。更改报表币种时，汇率表会随之换算。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/rates_dialog.py" line="100"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/rates_dialog.py" line="100"/>
        <source>1 unit in %1</source>
        <translation>1 单位折合 %1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/rates_dialog.py" line="101"/>
        <source>As of</source>
        <translation>汇率日期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/rates_dialog.py" line="133"/>
        <source>Used in orders or deals, with no rate yet: %1</source>
        <translation>订单或商机中使用但尚无汇率的币种：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/rates_dialog.py" line="154"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/rates_dialog.py" line="168"/>
        <source>Add a rate for %1 first: %2</source>
        <translation>请先添加 %1 的汇率：%2</translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="48"/>
        <source>Export reminders to calendar…</source>
        <translation>导出提醒到日历…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="49"/>
        <source>Save the next 30 days of reminders as an .ics file</source>
        <translation>将未来 30 天的提醒保存为 .ics 文件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="81"/>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="95"/>
        <source>Export reminders</source>
        <translation>导出提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="83"/>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="96"/>
        <source>Could not write %1:
%2</source>
        <translation>无法写入 %1：
%2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="99"/>
        <source>%1 reminders saved to %2</source>
        <translation>已将 %1 条提醒保存到 %2</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <location filename="../../trade_crm/ui/reminders/done_dialog.py" line="1"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/done_dialog.py" line="1"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;What happened?</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;结果如何？</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/done_dialog.py" line="1"/>
        <source>In a few words, e.g. “Price agreed, order next week”</source>
        <translation>简单几句，例如“价格谈妥，下周下单”</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/done_dialog.py" line="1"/>
        <source>No next follow-up: no keep-in-touch cadence applies.</source>
        <translation>不设下次跟进：该客户没有联系周期。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/done_dialog.py" line="1"/>
        <source>Next follow-up: %1</source>
        <translation>下次跟进：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/done_dialog.py" line="1"/>
        <source>Log and done</source>
        <translation>记录并完成</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/done_dialog.py" line="1"/>
        <source>Just done</source>
        <translation>仅标记完成</translation>
    </message>
</context>
<context>
    <name>ReminderPane</name>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="213"/>
        <source>Nothing due today</source>
        <translation>今天没有待办提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="218"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="218"/>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="321"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="252"/>
        <source>Mark the selected reminders as done</source>
        <translation>将所选提醒标记为完成</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="257"/>
        <source>Hide the selected reminders for a while</source>
        <translation>暂时隐藏所选提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="261"/>
        <source>Write this holiday&apos;s greetings to the customers it covers</source>
        <translation>给这个节日涉及的客户写问候</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="273"/>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="273"/>
        <source>Greetings</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="274"/>
        <source>Birthdays</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="274"/>
        <source>Dormant customers</source>
        <translation>沉睡客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="275"/>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="327"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="330"/>
        <source>… and %1 more</source>
        <translation>……还有 %1 条</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="331"/>
        <source>Double-click to list %1 more</source>
        <translation>双击再列出 %1 条</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="340"/>
        <source>%1 days overdue</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="342"/>
        <source>Since yesterday</source>
        <translation>昨天到期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="342"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="251"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="254"/>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="260"/>
        <source>Prepare greetings</source>
        <translation>准备节日问候</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="258"/>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="407"/>
        <source>1 day</source>
        <translation>1 天后</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="407"/>
        <source>1 week</source>
        <translation>1 周后</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="410"/>
        <source>Pick a date…</source>
        <translation>选择日期…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/pane.py" line="1"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/pane.py" line="1"/>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/pane.py" line="1"/>
        <source>In %1 days</source>
        <translation>%1 天后</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/pane.py" line="1"/>
        <source>1 day overdue</source>
        <translation>逾期 1 天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/pane.py" line="1"/>
        <source>%1 (%2; %3 customers overdue)</source>
        <translation>%1（%2；%3 个客户已逾期）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminders/pane.py" line="1"/>
        <source>Done: %n reminder(s)</source>
        <translation>
            <numerusform>完成 %n 条提醒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminders/pane.py" line="1"/>
        <source>Snooze %n reminder(s)</source>
        <translation>
            <numerusform>推迟 %n 条提醒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/pane.py" line="1"/>
        <source>Send greetings…</source>
        <translation>发送节日问候…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/pane.py" line="1"/>
        <source>Write email…</source>
        <translation>写邮件…</translation>
    </message>
</context>
<context>
    <name>ReminderSettingsPage</name>
    <message>
        <location filename="../../trade_crm/ui/reminder_settings.py" line="45"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_settings.py" line="47"/>
        <source>Keep in touch with %1 customers every</source>
        <translation>%1 类客户的联系周期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_settings.py" line="49"/>
        <source>Remind me of customers&apos; holidays</source>
        <translation>客户节日提前提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_settings.py" line="53"/>
        <source>Its long holidays raise a closure notice 10 days ahead.</source>
        <translation>长假前 10 天会提醒您通知客户放假安排。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_settings.py" line="54"/>
        <source>My own country</source>
        <translation>我所在的国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_settings.py" line="55"/>
        <source>Keep running in the tray when the window is closed</source>
        <translation>关闭窗口后继续在托盘中运行</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_settings.py" line="61"/>
        <source>Greeting</source>
        <translation>问候</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_settings.py" line="61"/>
        <source>Holiday names (separated by ;)</source>
        <translation>节日名称（用 ; 分隔）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_settings.py" line="64"/>
        <source>Add greeting</source>
        <translation>添加问候</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_settings.py" line="65"/>
        <source>Restore the provided list</source>
        <translation>恢复默认列表</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_settings.py" line="68"/>
        <source>Holidays worth a greeting</source>
        <translation>值得问候的节日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_settings.py" line="70"/>
        <source>Names as the holiday calendar gives them in English. Bank holidays and observed days are never prompts. Clear a row&apos;s names to stop that greeting.</source>
        <translation>填写节假日日历中的英文名称。银行假日和补休日不会提醒。清空某行的名称即可停止该问候。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_settings.py" line="89"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/settings_page.py" line="1"/>
        <source>Also new leads</source>
        <translation>也问候新线索</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/settings_page.py" line="1"/>
        <source>Checked: greet every customer in the country. Unchecked: only customers with a logged contact or a rating, not leads nobody has spoken to yet.</source>
        <translation>勾选：问候该国家的所有客户。不勾选：只问候有联系记录或已评级的客户，不问候从未联系过的线索。</translation>
    </message>
    <message>
        <source>Type to search, e.g. China or 中国</source>
        <translation>输入以搜索，例如 China 或 中国</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/settings_page.py" line="1"/>
        <source>New greeting</source>
        <translation>新问候</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="144"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="146"/>
        <source>Choose the copy to go back to. Your current book is kept as a backup first, so this can be undone by restoring that copy.</source>
        <translation>选择要恢复到的那份备份。当前客户库会先另存为备份，因此之后还可以恢复回来。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="151"/>
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="154"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="169"/>
        <source>encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="174"/>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="175"/>
        <source>Trade CRM backups (*.db *.db.enc);;All files (*)</source>
        <translation>Trade CRM 备份 (*.db *.db.enc);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="55"/>
        <source>new customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="55"/>
        <source>new contacts</source>
        <translation>新联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="56"/>
        <source>merges</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="56"/>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="57"/>
        <source>rows with problems</source>
        <translation>有问题的行</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="58"/>
        <source>rows not imported</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="80"/>
        <source>Review before importing</source>
        <translation>导入前检查</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="90"/>
        <source>Merge: fill empty fields, add new contacts</source>
        <translation>合并：补充空白字段，添加新联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="91"/>
        <source>Skip: leave the customer as it is</source>
        <translation>跳过：保持客户不变</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="92"/>
        <source>Create anyway: a new customer</source>
        <translation>仍然新建：新建一个客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="94"/>
        <source>A merge also replaces fields that already have a value</source>
        <translation>合并时也覆盖已有内容的字段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="102"/>
        <source>For every match:</source>
        <translation>所有重复项：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="108"/>
        <source>Selected rows:</source>
        <translation>选中的行：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="125"/>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="126"/>
        <source>A workbook of the rows with problems and what is wrong with each, to fix and import again</source>
        <translation>一个列出问题行及其原因的工作簿，修正后可再次导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="130"/>
        <source>Rows marked “Not imported” are left out; the others are imported with the problem noted.</source>
        <translation>标为“未导入”的行将被跳过；其他行会导入，并记下问题。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="181"/>
        <source>Checking every row against your customer book…</source>
        <translation>正在将每一行与客户库比对…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="202"/>
        <source>%1, sheet “%2”</source>
        <translation>%1，工作表“%2”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/import_review_page.py" line="204"/>
        <source>Nothing has been written yet. %Ln row(s) read from %1.</source>
        <translation>
            <numerusform>尚未写入任何数据。已从 %1 读取 %Ln 行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="206"/>
        <source>This is a Trade CRM export: %1 customer(s) are updated by their CRM ID, %2 are unchanged.</source>
        <translation>这是 Trade CRM 导出的文件：将按 CRM ID 更新 %1 个客户，%2 个客户无变化。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="220"/>
        <source>Matches in your book (%1)</source>
        <translation>客户库中的重复 (%1)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_review_page.py" line="221"/>
        <source>Problems (%1)</source>
        <translation>问题 (%1)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/review_page.py" line="1"/>
        <source>Rows of one company become one customer only on evidence: the same email, phone or company domain, or a name alike with nothing against it. Alike names with their own website, email domain or phone are kept apart; merge them later if they are one.</source>
        <translation>同一公司的多行只在有证据时才合并为一个客户：相同的邮箱、电话或公司域名，或名称相近且没有相互矛盾的信息。名称相近但各有自己的网站、邮箱域名或电话的，会分开保存；如果其实是同一家，导入后再合并即可。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/review_page.py" line="1"/>
        <source>Will be created (%1)</source>
        <translation>将新建（%1）</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="95"/>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="95"/>
        <source>Backup passphrase</source>
        <translation>备份口令</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="96"/>
        <source>This copy is encrypted, and this computer&apos;s keyring does not hold its key. Type the recovery code you wrote down (letters and digits; dashes and spaces do not matter).</source>
        <translation>这份副本已加密，而本机的密钥环中没有它的密钥。请输入您抄下的恢复码（字母和数字；短横线和空格可有可无）。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="98"/>
        <source>Type the passphrase of the off-laptop copies. It is kept in memory until Trade CRM closes, and never written down.</source>
        <translation>请输入异地副本的口令。口令只保存在内存中，直到 Trade CRM 关闭，不会写入任何地方。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="107"/>
        <source>Recovery code:</source>
        <translation>恢复码：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="107"/>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="109"/>
        <source>Again:</source>
        <translation>再输一次：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="123"/>
        <source>Type it first.</source>
        <translation>请先输入。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="125"/>
        <source>Use at least 8 characters.</source>
        <translation>至少需要 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup_actions.py" line="127"/>
        <source>The two do not match.</source>
        <translation>两次输入不一致。</translation>
    </message>
</context>
<context>
    <name>SegmentRules</name>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="95"/>
        <source>&lt;b&gt;Potential&lt;/b&gt;: in contact, no order yet.</source>
        <translation>&lt;b&gt;潜在客户&lt;/b&gt;：已有联系，尚未下单。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="96"/>
        <source>&lt;b&gt;New&lt;/b&gt;: one order.</source>
        <translation>&lt;b&gt;新客户&lt;/b&gt;：下过一单。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="97"/>
        <source>&lt;b&gt;Returning&lt;/b&gt;: two or more orders.</source>
        <translation>&lt;b&gt;回头客&lt;/b&gt;：下过两单或以上。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="98"/>
        <source>&lt;b&gt;Loyal&lt;/b&gt;: orders spread over %1 months or more, and in tier %2.</source>
        <translation>&lt;b&gt;忠实客户&lt;/b&gt;：下单时间跨度 %1 个月或以上，且价值分级为 %2。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="101"/>
        <source>&lt;b&gt;Dormant&lt;/b&gt;: no order for longer than %1 % of the customer&apos;s usual reorder interval, or %2 days after a single order (the same rule as the dormant reminder).</source>
        <translation>&lt;b&gt;沉睡客户&lt;/b&gt;：距上次下单的时间超过该客户平时复购间隔的 %1 %，或只下过一单且已过 %2 天（与沉睡提醒的规则相同）。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="105"/>
        <source>&lt;b&gt;Lost&lt;/b&gt;: set by hand in the customer&apos;s details; never changed automatically.</source>
        <translation>&lt;b&gt;已流失&lt;/b&gt;：在客户资料中手动设置，系统不会自动更改。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="108"/>
        <source>&lt;b&gt;Value tier&lt;/b&gt;, by the Pareto rule on the last %1 months&apos; order value in the reporting currency: the biggest customers making up the first %2 % of the value are A, the next ones up to %3 % are B, the rest C. The rating you set by hand stays as it is; both are shown.</source>
        <translation>&lt;b&gt;价值分级&lt;/b&gt;：按帕累托法则，以报表币种统计最近 %1 个月的订单金额；金额最大、累计占前 %2 % 的客户为 A 级，其后累计至 %3 % 的为 B 级，其余为 C 级。您手动设置的评级保持不变，两者同时显示。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="114"/>
        <source>&lt;b&gt;RFM&lt;/b&gt; scores recency (days since the last order), frequency (number of orders) and monetary value (all orders), each 1–5 by fifths of the customers who ordered; 5 is best.</source>
        <translation>&lt;b&gt;RFM&lt;/b&gt; 评分：最近一次下单距今天数（R）、下单次数（F）和累计订单金额（M），按已下单客户的五等分各评 1–5 分，5 分最好。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="118"/>
        <source>&lt;b&gt;Lifecycle stage&lt;/b&gt;, computed from the orders every day:</source>
        <translation>&lt;b&gt;生命周期阶段&lt;/b&gt;，每天根据订单自动计算：</translation>
    </message>
</context>
<context>
    <name>SegmentRulesDialog</name>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="29"/>
        <source>Stage and tier rules</source>
        <translation>阶段与分级规则</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="44"/>
        <location filename="../../trade_crm/ui/segment_rules.py" line="45"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="50"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="52"/>
        <source>Tier A: customers making up the first</source>
        <translation>A 级：累计占前</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="53"/>
        <source>Tier B: the next ones, up to</source>
        <translation>B 级：其后累计至</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="54"/>
        <source>Order value counted over the last</source>
        <translation>统计最近的订单金额</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="55"/>
        <source>Loyal: orders spread over at least</source>
        <translation>忠实客户：下单跨度至少</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="56"/>
        <source>Loyal: only customers in tiers</source>
        <translation>忠实客户：仅限以下分级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="57"/>
        <source>Dormant after this share of the usual reorder interval</source>
        <translation>超过平时复购间隔的此比例即为沉睡</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="58"/>
        <source>Dormant after a single order</source>
        <translation>仅下过一单时，多久后视为沉睡</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="49"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="50"/>
        <source>Customers&apos; working hours start</source>
        <translation>客户工作时间开始</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="51"/>
        <source>Customers&apos; working hours end</source>
        <translation>客户工作时间结束</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>团队服务器</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../trade_crm/ui/shell/settings_dialog.py" line="1"/>
        <source>Mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="65"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="67"/>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="76"/>
        <source>A new language shows after you restart Trade CRM.</source>
        <translation>重启 Trade CRM 后生效。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="81"/>
        <source>Outside these hours a customer&apos;s local time is shown greyed.</source>
        <translation>在此时间之外，客户的当地时间显示为灰色。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="91"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="92"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="95"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <location filename="../../trade_crm/ui/pipeline_board.py" line="72"/>
        <source>%1 more in the list view</source>
        <translation>另有 %1 个，请在列表视图中查看</translation>
    </message>
</context>
<context>
    <name>StageNamesDialog</name>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="184"/>
        <source>Stage names</source>
        <translation>阶段名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="194"/>
        <source>Default names</source>
        <translation>恢复默认名称</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="75"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="78"/>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="78"/>
        <source>Merged into existing customers</source>
        <translation>合并到现有客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="79"/>
        <source>Skipped matches</source>
        <translation>跳过的重复项</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="79"/>
        <source>New contacts</source>
        <translation>新联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="80"/>
        <source>Rows not imported (problems)</source>
        <translation>未导入的行（有问题）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="97"/>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="99"/>
        <source>Undo this import</source>
        <translation>撤销本次导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="121"/>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="123"/>
        <source>Every imported customer is tagged %1.</source>
        <translation>每个导入的客户都已加上标签 %1。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="127"/>
        <source>%1 customer(s) were updated from the exported book.</source>
        <translation>已根据导出的文件更新 %1 个客户。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="132"/>
        <source>You can undo this import now or later from File &gt; Import history.</source>
        <translation>您可以现在撤销本次导入，也可以稍后在“文件 &gt; 导入历史”中撤销。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="136"/>
        <source>Undoing the import…</source>
        <translation>正在撤销导入…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="140"/>
        <source>Import undone</source>
        <translation>导入已撤销</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_result_pages.py" line="142"/>
        <source>The import was undone: %1 customer(s) removed, %2 restored to how they were before.</source>
        <translation>已撤销导入：删除 %1 个客户，%2 个客户已恢复原样。</translation>
    </message>
</context>
<context>
    <name>ChangeText</name>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>other name</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>follow-up</source>
        <translation>跟进日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>probability</source>
        <translation>成交概率</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>and %1 more</source>
        <translation>等另外 %1 项</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>the customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>email or phone</source>
        <translation>邮箱或电话</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>timeline entry</source>
        <translation>时间线记录</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>share with</source>
        <translation>共享给</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>%1 returned the customer to the pool</source>
        <translation>%1 将客户退回公海</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>%1 claimed the customer for %2</source>
        <translation>%1 为 %2 认领了客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>%1 handed the customer over from %2 to %3</source>
        <translation>%1 将客户从 %2 移交给 %3</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>%1 changed %2</source>
        <translation>%1 修改了 %2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>%1 created the customer</source>
        <translation>%1 创建了客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>%1 shared the customer with %2</source>
        <translation>%1 将客户共享给 %2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>%1 stopped sharing the customer with %2</source>
        <translation>%1 取消了与 %2 的客户共享</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>%1 added %2</source>
        <translation>%1 添加了 %2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>%1 removed %2</source>
        <translation>%1 删除了 %2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/change_text.py" line="1"/>
        <source>%1 changed %2: %3</source>
        <translation>%1 修改了 %2：%3</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../trade_crm/ui/customers/timeline_view.py" line="62"/>
        <source>Proforma invoice</source>
        <translation>形式发票</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_day.py" line="1"/>
        <source>(media not in the export)</source>
        <translation>（导出文件中没有此媒体）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_day.py" line="1"/>
        <source>Unfold to read the day&apos;s messages</source>
        <translation>展开阅读当天的消息</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/timeline_view.py" line="1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/timeline_view.py" line="1"/>
        <source>Someone else&apos;s mailbox: only this entry is shared</source>
        <translation>他人的邮箱：只共享了这条记录</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/timeline_view.py" line="1"/>
        <source>Double-click to read this message</source>
        <translation>双击阅读这封邮件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/timeline_view.py" line="1"/>
        <source>Sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/timeline_view.py" line="1"/>
        <source>Received</source>
        <translation>收到</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customers/timeline_view.py" line="1"/>
        <source>%n message(s) · %1</source>
        <comment>a mail thread folded under its newest message</comment>
        <translation>
            <numerusform>%n 封邮件 · %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/timeline_view.py" line="1"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/timeline_view.py" line="1"/>
        <source>Show changes</source>
        <translation>显示变更</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/timeline_view.py" line="1"/>
        <source>Show who changed this customer&apos;s details, and when</source>
        <translation>显示谁在何时修改了此客户的资料</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="43"/>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="44"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="45"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="46"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="47"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="48"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="49"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="50"/>
        <source>Inquiry</source>
        <translation>询盘</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="51"/>
        <source>Sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="52"/>
        <source>Quotation</source>
        <translation>报价</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="53"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="54"/>
        <source>Greeting</source>
        <translation>问候</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="55"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="56"/>
        <source>Stage change</source>
        <translation>阶段变更</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="57"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/timeline_view.py" line="59"/>
        <source>Handover</source>
        <translation>移交</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="81"/>
        <source>Select a customer to see its timeline.</source>
        <translation>选择一个客户以查看其时间线。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="89"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="89"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="89"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="89"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="90"/>
        <source>Amount / follow-up</source>
        <translation>金额 / 跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="124"/>
        <source>What happened? Press Enter to log it</source>
        <translation>发生了什么？按回车记录</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="127"/>
        <source>No follow-up</source>
        <translation>不安排跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="128"/>
        <source>Follow up in 3 days</source>
        <translation>3 天后跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="129"/>
        <source>Follow up in 1 week</source>
        <translation>1 周后跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="130"/>
        <source>Follow up in 2 weeks</source>
        <translation>2 周后跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="131"/>
        <source>Pick a date…</source>
        <translation>选择日期…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="141"/>
        <source>Log</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="189"/>
        <source>Say in a few words what happened.</source>
        <translation>请简单写下发生了什么。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="218"/>
        <source>No contact</source>
        <translation>不指定联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="220"/>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="229"/>
        <source>Nothing logged yet: log the first call or email above.</source>
        <translation>还没有记录：在上方记录第一次电话或邮件。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="235"/>
        <source>MMMM yyyy</source>
        <comment>month group header, a QDate format</comment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/timeline_view.py" line="261"/>
        <source>Follow up %1</source>
        <translation>跟进 %1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Logged offline: sent to the team server when it answers again</source>
        <translation>离线记录：团队服务器恢复响应后发送</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="122"/>
        <source>Open Trade CRM</source>
        <translation>打开 Trade CRM</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="123"/>
        <source>Today&apos;s reminders</source>
        <translation>今日提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="124"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="135"/>
        <location filename="../../trade_crm/ui/tray.py" line="143"/>
        <source>Trade CRM</source>
        <translation>Trade CRM</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/tray.py" line="143"/>
        <source>Trade CRM: %1 due</source>
        <translation>Trade CRM：%1 条到期</translation>
    </message>
</context>
<context>
    <name>ValidityDialog</name>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="155"/>
        <source>Quotation sent</source>
        <translation>已发报价</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="156"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="160"/>
        <source>“%1” moves to quotation. When the quotation expires without an order, a follow-up reminder comes up.</source>
        <translation>“%1”进入报价阶段。报价过期仍未下单时，会生成跟进提醒。</translation>
    </message>
</context>
<context>
    <name>ReminderText</name>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>ddd d MMM</source>
        <translation>M月d日 ddd</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Follow up with %1</source>
        <translation>跟进 %1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>The follow-up day you planned.</source>
        <translation>您计划的跟进日。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>their own cadence</source>
        <translation>单独设定的周期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>%1 customers</source>
        <translation>%1 类客户</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>last contact %n day(s) ago</source>
        <translation>
            <numerusform>上次联系在 %n 天前</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>no contact logged yet</source>
        <translation>尚未记录过联系</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Every %1 (%2); %3.</source>
        <translation>每 %1（%2）；%3。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Keep in touch with %1</source>
        <translation>与 %1 保持联系</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>No reply to the quotation sent to %1</source>
        <translation>%1 未回复报价</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Quotation sent on %1; nothing logged since.</source>
        <translation>报价发送于 %1；此后没有任何记录。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Quotation for %1 has expired</source>
        <translation>%1 的报价已过期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Valid until %1; no order since. Renew it or ask for a decision.</source>
        <translation>有效期至 %1；此后没有下单。请更新报价，或请客户做决定。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>New Year</source>
        <translation>新年</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Christmas</source>
        <translation>圣诞节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Lunar New Year</source>
        <translation>农历新年</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Eid al-Fitr</source>
        <translation>开斋节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Eid al-Adha</source>
        <translation>宰牲节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Diwali</source>
        <translation>排灯节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Holi</source>
        <translation>洒红节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Nowruz</source>
        <translation>诺鲁孜节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Thanksgiving</source>
        <translation>感恩节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Rosh Hashanah</source>
        <translation>犹太新年</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>National day (%1)</source>
        <translation>国庆日（%1）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>%1 in %2 on %3: greet %n customer(s)</source>
        <translation>
            <numerusform>%2 %1（%3）：问候 %n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Prepare greetings for your customers in %1.</source>
        <translation>为%1的客户准备节日问候。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Tell customers about the closure: %1, %2 – %3 (%n day(s) off)</source>
        <translation>
            <numerusform>告知客户放假安排：%1，%2 – %3（放假 %n 天）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Send a closure notice, and agree on orders that must ship before the break.</source>
        <translation>发送放假通知，并确认必须在假期前发货的订单。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>A contact</source>
        <translation>一位联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Birthday of %1 (%2) on %3</source>
        <translation>%1（%2）%3 生日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Send a short personal note.</source>
        <translation>发一条简短的个人问候。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>%1: no order for %n day(s)</source>
        <translation>
            <numerusform>%1：已 %n 天没有下单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Ordered once, %n day(s) ago (%1); a single order is followed up after %2.</source>
        <translation>
            <numerusform>只下过一次单，在 %n 天前（%1）；只下过一次单的客户在 %2后跟进。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/reminder_text.py" line="1"/>
        <source>Usually orders every %1; last order %n day(s) ago (%2).</source>
        <translation>
            <numerusform>通常每 %1下一次单；上次下单在 %n 天前（%2）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/text.py" line="1"/>
        <source>Birthday greeting to %1</source>
        <translation>向 %1 送上生日祝福</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminders/text.py" line="1"/>
        <source>Greeted for %1</source>
        <translation>%1问候已发送</translation>
    </message>
</context>
<context>
    <name>EncodingNames</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Unicode</source>
        <translation>Unicode</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日文</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩文</translation>
    </message>
    <message>
        <source>Western European</source>
        <translation>西欧</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>西里尔文</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>希腊文</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>希伯来文</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯文</translation>
    </message>
    <message>
        <source>Central European</source>
        <translation>中欧</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>Open + closed in the last 30 days</source>
        <translation>进行中 + 近 30 天结束的</translation>
    </message>
    <message>
        <source>Open + closed in the last 90 days</source>
        <translation>进行中 + 近 90 天结束的</translation>
    </message>
    <message>
        <source>Open + closed in the last 12 months</source>
        <translation>进行中 + 近 12 个月结束的</translation>
    </message>
    <message>
        <source>Open + every closed deal</source>
        <translation>进行中 + 全部已结束的</translation>
    </message>
    <message>
        <source>Deals still open always count; won and lost ones count when they closed in this period.</source>
        <translation>进行中的商机始终计入；赢单和丢单只计入在此期间结束的。</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>国庆日</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../trade_crm/ui/team/handover_dialog.py" line="0"/>
        <source>Hand over customers</source>
        <translation>移交客户</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/team/handover_dialog.py" line="0"/>
        <source>%1 (%n customer(s))</source>
        <translation>
            <numerusform>%1（%n 个客户）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/team/handover_dialog.py" line="0"/>
        <source>%1 (%n customer(s), no login: left)</source>
        <translation>
            <numerusform>%1（%n 个客户，无登录账号：已离职）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/handover_dialog.py" line="0"/>
        <source>Every customer of one person goes to another, each with an entry on its timeline. Use it when someone leaves or changes territory.</source>
        <translation>把一个人的全部客户移交给另一个人，每个客户的时间线上都会记一笔。适用于有人离职或调整负责区域时。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/handover_dialog.py" line="0"/>
        <source>From</source>
        <translation>移出人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/handover_dialog.py" line="0"/>
        <source>To</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/handover_dialog.py" line="0"/>
        <source>Hand over</source>
        <translation>移交</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/handover_dialog.py" line="0"/>
        <source>Nobody owns customers yet.</source>
        <translation>还没有人负责任何客户。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/handover_dialog.py" line="0"/>
        <source>Choose someone else to take them over.</source>
        <translation>请选择另一个人来接收。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/team/handover_dialog.py" line="0"/>
        <source>%n customer(s) of %1 will belong to %2.</source>
        <translation>
            <numerusform>%1 的 %n 个客户将归 %2 负责。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/team/handover_dialog.py" line="0"/>
        <source>Hand over all %n customer(s) of %1 to %2?

%2 becomes their owner and %1 no longer sees them.</source>
        <translation>
            <numerusform>把 %1 的全部 %n 个客户移交给 %2？

%2 将成为负责人，%1 将不再看到这些客户。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message>
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>Show the public &amp;pool</source>
        <translation>查看公海(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>List the customers nobody owns: anyone may claim them</source>
        <translation>列出无人负责的客户：任何人都可以领取</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>&amp;Claim from the pool</source>
        <translation>从公海领取(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>Make the selected pool customers yours</source>
        <translation>把选中的公海客户领取为自己的客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>Put &amp;back into the pool</source>
        <translation>退回公海(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>Give the selected customers up: anyone may claim them</source>
        <translation>放弃选中的客户：任何人都可以领取</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>&amp;Hand over customers…</source>
        <translation>移交客户(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>Give every customer of one person to another (managers)</source>
        <translation>把一个人的全部客户移交给另一个人（仅限经理）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>Tea&amp;m</source>
        <translation>团队(&amp;M)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>%n customer(s) claimed from the pool</source>
        <translation>
            <numerusform>已从公海领取 %n 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>%n customer(s) put back into the pool</source>
        <translation>
            <numerusform>已把 %n 个客户退回公海</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>%n customer(s) handed over from %1 to %2</source>
        <translation>
            <numerusform>已把 %n 个客户从 %1 移交给 %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>Pool &amp;rule…</source>
        <translation>公海规则(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/actions.py" line="0"/>
        <source>When customers go back to the pool, and the claim cap (managers)</source>
        <translation>客户何时退回公海，以及领取上限（仅限经理）</translation>
    </message>
</context>
<context>
    <name>PoolSettingsDialog</name>
    <message>
        <location filename="../../trade_crm/ui/team/pool_settings_dialog.py" line="0"/>
        <source>Public pool rule</source>
        <translation>公海规则</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/pool_settings_dialog.py" line="0"/>
        <source>Return customers nobody follows up to the public pool</source>
        <translation>无人跟进的客户退回公海</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/pool_settings_dialog.py" line="0"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/pool_settings_dialog.py" line="0"/>
        <source> customers</source>
        <translation> 个客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/pool_settings_dialog.py" line="0"/>
        <source>Every day each salesperson's customers without a call, email, meeting or other contact for this long (never contacted: created this long ago) go back to the pool, each with an entry on its timeline. A customer that changed hands gets the full time again.</source>
        <translation>每天，每位销售在这段时间内没有电话、邮件、会面等任何联系的客户（从未联系过的：创建已超过这段时间）退回公海，每个客户的时间线上都会记一笔。客户换了负责人后，重新计算整段时间。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/pool_settings_dialog.py" line="0"/>
        <source>Back to the pool after</source>
        <translation>多久后退回公海</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/pool_settings_dialog.py" line="0"/>
        <source>Claim only while owning fewer than</source>
        <translation>负责的客户少于此数时才能领取</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a team server</source>
        <translation>连接团队服务器</translation>
    </message>
    <message>
        <source>Leave empty to use the one kept in the keyring</source>
        <translation>留空则使用密钥环中保存的密码</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>The password is kept in this computer's keyring, never in the settings or the customer book. Your customer book on this computer stays as it is.</source>
        <translation>密码保存在本机的密钥环中，绝不写入设置或客户簿。本机上的客户簿保持原样。</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Connecting to a team server</source>
        <translation>正在连接团队服务器</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Use the book on this computer</source>
        <translation>使用本机上的客户簿</translation>
    </message>
</context>
<context>
    <name>TeamServerBox</name>
    <message>
        <source>Open now: %1</source>
        <translation>当前打开：%1</translation>
    </message>
    <message>
        <source>the customer book on this computer</source>
        <translation>本机上的客户簿</translation>
    </message>
    <message>
        <source>Connect to a team server…</source>
        <translation>连接团队服务器…</translation>
    </message>
    <message>
        <source>On a team server the company keeps every customer, and colleagues share them. Trade CRM starts again on the book you choose here.</source>
        <translation>在团队服务器上，公司保存所有客户，同事之间可以共享。Trade CRM 将重新启动并打开您在此选择的客户簿。</translation>
    </message>
    <message>
        <source>Team server</source>
        <translation>团队服务器</translation>
    </message>
    <message>
        <source>On a team server the company keeps every customer, and colleagues share them. Trade CRM opens the book you choose here from its next start.</source>
        <translation>在团队服务器上，公司保存所有客户，同事之间可以共享。Trade CRM 会在下次启动时打开您在此选择的客户簿。</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Offline: showing your customers as of %1; what you log is queued.</source>
        <translation>离线：显示的是截至 %1 的客户；您记录的内容已排队等待发送。</translation>
    </message>
    <message>
        <source>Try the team server again</source>
        <translation>重试连接团队服务器</translation>
    </message>
    <message numerus="yes">
        <source>%n new customer(s)</source>
        <translation>
            <numerusform>%n 位新客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n timeline entry(ies)</source>
        <translation>
            <numerusform>%n 条时间线记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued: %1</source>
        <translation>排队中：%1</translation>
    </message>
</context>
<context>
    <name>CopySync</name>
    <message>
        <source>Refreshing the copy for trips</source>
        <translation>正在刷新出差用的副本</translation>
    </message>
    <message>
        <source>%1 entries logged offline were sent to the team server</source>
        <translation>离线记录的 %1 条内容已发送到团队服务器</translation>
    </message>
    <message>
        <source>The copy for trips was not refreshed: %1</source>
        <translation>出差用的副本未能刷新：%1</translation>
    </message>
</context>
<context>
    <name>ServerDownBar</name>
    <message>
        <source>Work offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <source>The team server is not answering (%1). Work offline to go on with your customers on this computer; what you log is queued.</source>
        <translation>团队服务器没有响应（%1）。选择离线工作，可继续使用本机上的客户；您记录的内容会排队等待发送。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Other name</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Preferred language</source>
        <translation>首选语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Follow up on</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Probability</source>
        <translation>成交概率</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>%1 (contact %2)</source>
        <translation>%1（联系人 %2）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Someone else saved this record after you opened it. What only one of you changed has been merged. Choose which value to keep where you both changed the same field, then save.</source>
        <translation>您打开此记录后，其他人保存了修改。只有一方修改的内容已自动合并。对于双方都修改过的字段，请选择要保留的值，然后保存。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Yours</source>
        <translation>您的</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>you started from: %1</source>
        <translation>您打开时：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>saved by %1 at %2</source>
        <translation>%1 于 %2 保存</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>saved by %1</source>
        <translation>%1 保存</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>saved at %1</source>
        <translation>于 %1 保存</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/common/conflict_dialog.py" line="1"/>
        <source>saved by someone else</source>
        <translation>由他人保存</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="1"/>
        <source>Publish this book to a team server</source>
        <translation>将此客户簿发布到团队服务器</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="73"/>
        <source>Copies every customer of this book, with contacts, timeline, orders, reminders and import history, to the team server under your login. Publishing again adds only what is new or changed; nothing on the server is deleted, and this book stays as it is.</source>
        <translation>把此客户簿中的每位客户连同联系人、时间线、订单、提醒和导入记录复制到团队服务器，归属您的登录账号。再次发布只添加新增或更改的内容；服务器上的内容不会被删除，此客户簿保持不变。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="82"/>
        <source>from the keyring, if saved there</source>
        <translation>如已保存在密钥环中，则从中读取</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="88"/>
        <source>Server book:</source>
        <translation>服务器客户簿：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="89"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="1"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="111"/>
        <source>Give the server book as %1</source>
        <translation>请按此格式填写服务器客户簿：%1</translation>
    </message>
</context>
<context>
    <name>PublishSummaryDialog</name>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="125"/>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="126"/>
        <source>This book was published to %1 as %2 in %3 s.</source>
        <translation>此客户簿已以 %2 的身份发布到 %1，用时 %3 秒。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="129"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="129"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="129"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="129"/>
        <source>Server's kept</source>
        <translation>保留服务器版本</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="130"/>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="60"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="60"/>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="60"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="61"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="61"/>
        <source>Emails, phones and chats</source>
        <translation>邮箱、电话和聊天账号</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="62"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="62"/>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="62"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="63"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="63"/>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="64"/>
        <source>Not duplicates</source>
        <translation>非重复标记</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="64"/>
        <source>Search index</source>
        <translation>搜索索引</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="147"/>
        <source>%1 customer(s) changed here and on the server since the last publish: the server's copy was kept.</source>
        <translation>%1 位客户自上次发布以来在本机和服务器上都有更改：已保留服务器上的版本。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="150"/>
        <source>Skipped: what belongs to customers deleted on the server since the last publish.</source>
        <translation>跳过：属于自上次发布以来已在服务器上删除的客户的内容。</translation>
    </message>
</context>
<context>
    <name>PublishController</name>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="176"/>
        <source>&amp;Publish this book to a team server…</source>
        <translation>发布此客户簿到团队服务器(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="177"/>
        <source>Copy every customer of this book to the team server, under your login</source>
        <translation>把此客户簿的每位客户复制到团队服务器，归属您的登录账号</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="189"/>
        <source>The book open now is on the team server already. Open the book on this computer (Settings › Data) to publish it.</source>
        <translation>当前打开的客户簿已经在团队服务器上。请先打开本机上的客户簿（设置 › 数据）再发布。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="199"/>
        <source>Publishing the book</source>
        <translation>正在发布客户簿</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="201"/>
        <source>Connecting to the team server…</source>
        <translation>正在连接团队服务器…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="1"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="224"/>
        <source>Publishing %1: %2 of %3…</source>
        <translation>正在发布%1：%2 / %3…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="230"/>
        <source>Published to %1: %2 rows created, %3 updated</source>
        <translation>已发布到 %1：新建 %2 行，更新 %3 行</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="238"/>
        <source>Publishing failed: %1</source>
        <translation>发布失败：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/team/publish_dialog.py" line="241"/>
        <source>Publishing cancelled; nothing was published.</source>
        <translation>已取消发布；没有发布任何内容。</translation>
    </message>
</context>
<context>
    <name>MailController</name>
    <message>
        <location filename="../../trade_crm/ui/mail/actions.py" line="1"/>
        <source>&amp;New senders (%1+)…</source>
        <translation>新发件人 (%1+)(&amp;N)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/actions.py" line="1"/>
        <source>&amp;New senders (%n)…</source>
        <translation>
            <numerusform>新发件人 (%n)(&amp;N)…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/actions.py" line="1"/>
        <source>&amp;Mail</source>
        <translation>邮件(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/actions.py" line="1"/>
        <source>Mail from people who are not customers yet</source>
        <translation>来自尚不是客户的人的邮件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/actions.py" line="1"/>
        <source>&amp;New senders…</source>
        <translation>新发件人(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/actions.py" line="1"/>
        <source>Fetch new mail from your accounts now</source>
        <translation>立即从您的邮箱账户收取新邮件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/actions.py" line="1"/>
        <source>Fetch new mail from your accounts now (F5)</source>
        <translation>立即从您的邮箱账户收取新邮件 (F5)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/actions.py" line="1"/>
        <source>&amp;Sync mail</source>
        <translation>同步邮件(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MessageReaderDialog</name>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>%n remote image(s) or file(s) not loaded, to protect your privacy.</source>
        <translation>
            <numerusform>为保护您的隐私，未加载 %n 个远程图片或文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>This message has no formatted version: it was sent as plain text.</source>
        <translation>这封邮件没有排版格式：它是以纯文本发送的。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Fetching the formatted original…</source>
        <translation>正在获取原格式邮件…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Offline: the formatted original is on the mail server.</source>
        <translation>离线：原格式邮件在邮件服务器上。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>The mail server did not answer: %1</source>
        <translation>邮件服务器没有响应：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Fetching %1 from the mail server…</source>
        <translation>正在从邮件服务器获取 %1…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Offline: attachments are fetched from the mail server when you are online.</source>
        <translation>离线：联网后才能从邮件服务器获取附件。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Offline: the formatted original is on the mail server</source>
        <translation>离线：原格式邮件在邮件服务器上</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Could not read everything: %1</source>
        <translation>有部分内容无法读取：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Only the beginning of this long message was kept.</source>
        <translation>这封邮件很长，只保存了开头部分。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>A delivery failure notice: logged, but it changes no reminder.</source>
        <translation>退信通知：已记录，但不影响任何提醒。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>An automatic reply: logged, but it changes no reminder.</source>
        <translation>自动回复：已记录，但不影响任何提醒。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Sent by you.</source>
        <translation>由您发出。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>%n message(s): %1</source>
        <translation>
            <numerusform>%n 封邮件：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Thread</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Show the message as its sender formatted it; remote images are never loaded</source>
        <translation>按发件人的排版显示邮件；绝不加载远程图片</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Show formatted</source>
        <translation>显示原格式</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Attachments (%n)</source>
        <translation>
            <numerusform>附件 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Save…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>(this message has no text)</source>
        <translation>（此邮件没有正文）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/reader.py" line="1"/>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
</context>
<context>
    <name>NewSendersDialog</name>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>Customer created: the sender&apos;s mail is on its timeline.</source>
        <translation>客户已创建：发件人的邮件已进入其时间线。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>%1 is back on the list.</source>
        <translation>%1 已放回列表。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>%1 is ignored: their mail is no longer listed here.</source>
        <translation>已忽略 %1：其邮件不再列在这里。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>No ignored senders.</source>
        <translation>没有已忽略的发件人。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>No new senders: all your mail is with customers, ignored or internal.</source>
        <translation>没有新发件人：所有邮件都已归入客户、被忽略或属于内部邮件。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>Read the last message</source>
        <translation>阅读最近一封邮件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>Put back on the list</source>
        <translation>放回列表</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>Ignore this sender</source>
        <translation>忽略此发件人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>Create customer from this mail…</source>
        <translation>用这封邮件新建客户…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>Last mail</source>
        <translation>最近来信</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>Last subject</source>
        <translation>最近主题</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>Messages</source>
        <translation>邮件数</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>Domain</source>
        <translation>域名</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>Sender</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>Waiting</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>Mail from people who are not customers yet. Make a customer of those who are and their mail goes on the new customer&apos;s timeline; ignore the rest.</source>
        <translation>来自尚不是客户的人的邮件。把真正的客户建为客户，他们的邮件就会进入新客户的时间线；其余的可以忽略。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/senders_view.py" line="1"/>
        <source>New senders</source>
        <translation>新发件人</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Type the password or authorization code: it goes to this computer&apos;s keyring.</source>
        <translation>请填写密码或授权码：它会保存在本机的钥匙串中。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Not ready: %1</source>
        <translation>无法使用：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Ready: logged in, %n folder(s) (no Sent folder found: add it under Also sync folders).</source>
        <translation>
            <numerusform>就绪：已登录，共 %n 个文件夹（未找到已发送文件夹：请在“同时同步的文件夹”中添加）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Ready: logged in, %n folder(s), sent mail in “%1”.</source>
        <translation>
            <numerusform>就绪：已登录，共 %n 个文件夹，已发送邮件在“%1”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Type the password or authorization code first.</source>
        <translation>请先填写密码或授权码。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Give the IMAP server first.</source>
        <translation>请先填写 IMAP 服务器。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Kept in the keyring; type to change it</source>
        <translation>已保存在钥匙串中；输入新值即可更改</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>INBOX and the Sent folder are always read. Mail among your own domains is internal and never logged. The password stays in this computer&apos;s keyring.</source>
        <translation>始终读取收件箱和已发送文件夹。您自己域名之间的邮件属于内部邮件，不会记录。密码只保存在本机的钥匙串中。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Your own domains</source>
        <translation>您自己的域名</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Also sync folders</source>
        <translation>同时同步的文件夹</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Sync every</source>
        <translation>同步间隔</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Read mail since</source>
        <translation>读取此日期以来的邮件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Security</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>IMAP server</source>
        <translation>IMAP 服务器</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Password or code</source>
        <translation>密码或授权码</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Address</source>
        <translation>邮箱地址</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Provider</source>
        <translation>邮箱服务商</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Sync this account</source>
        <translation>同步此账户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>e.g. sunrise-lighting.cn</source>
        <translation>例如 sunrise-lighting.cn</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>e.g. Archive, Customers/Europe</source>
        <translation>例如 Archive, 客户/欧洲</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Usually your address</source>
        <translation>通常就是邮箱地址</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>TLS (SSL)</source>
        <translation>TLS (SSL)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>imap.example.com</source>
        <translation>imap.example.com</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>you@company.com</source>
        <translation>you@company.com</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Other (IMAP)</source>
        <translation>其他（IMAP）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Edit mail account</source>
        <translation>编辑邮箱账户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Add mail account</source>
        <translation>添加邮箱账户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Enter your mailbox password. The server must offer IMAP over TLS (port 993) or STARTTLS.</source>
        <translation>请填写邮箱密码。服务器须支持加密的 IMAP（TLS，端口 993）或 STARTTLS。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Microsoft accepts only OAuth sign-in for IMAP, which this version does not offer yet: a password will be refused.</source>
        <translation>微软的 IMAP 只接受 OAuth 登录，本版本暂不支持：密码会被拒绝。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Enter your mailbox password, or the client-specific password (客户端专用密码) when secure login is on.</source>
        <translation>请填写邮箱密码；如已开启安全登录，请填写客户端专用密码。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Enter an app password (made in your account&apos;s security settings with 2-step verification on), not your login password.</source>
        <translation>请填写应用专用密码（在账户安全设置中开启两步验证后生成），而不是登录密码。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Enter the authorization code (授权码) from your web mailbox&apos;s settings (POP3/IMAP/SMTP), not your login password.</source>
        <translation>请填写网页邮箱设置（POP3/IMAP/SMTP）中生成的授权码，而不是登录密码。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Keeping the password in this computer's keyring…</source>
        <translation>正在把密码保存到本机的钥匙串…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Reading (IMAP)</source>
        <translation>收信 (IMAP)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Sending (SMTP)</source>
        <translation>发信 (SMTP)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>The password could not be kept: %1</source>
        <translation>无法保存密码：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source> messages a day</source>
        <translation> 封/天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source> s between messages</source>
        <translation> 秒/封（两封邮件之间）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Daily cap</source>
        <translation>每日上限</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Empty: as kept (the reading password unless one was set)</source>
        <translation>留空：沿用已保存的（除非另设，否则与收信密码相同）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Empty: the same login name as for reading</source>
        <translation>留空：与收信登录名相同</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Empty: the same password or code as for reading</source>
        <translation>留空：与收信密码或授权码相同</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Li Wei
Sales Manager, Sunrise Lighting
+86 755 1234 5678</source>
        <translation>李伟
旭日照明 销售经理
+86 755 1234 5678</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Messages go one by one, never as one mail to many; providers block a mailbox that sends too fast or too much in a day.</source>
        <translation>邮件逐封发送，绝不群发一封；发得太快或一天发得太多，邮箱服务商会封禁该邮箱。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Pace</source>
        <translation>发送间隔</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>SMTP password</source>
        <translation>SMTP 密码</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>SMTP server</source>
        <translation>SMTP 服务器</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>The provider's usual cap (%1 a day)</source>
        <translation>服务商的常规上限（每天 %1 封）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/account_dialog.py" line="1"/>
        <source>smtp.example.com (empty: this account does not send)</source>
        <translation>smtp.example.com（留空：此账户不发信）</translation>
    </message>
</context>
<context>
    <name>MailSettingsPage</name>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>%1 removed.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>Remove %1? Its mail already on customers&apos; timelines stays; its password is deleted from the keyring.</source>
        <translation>删除 %1？已进入客户时间线的邮件会保留；其密码会从钥匙串中删除。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>Remove mail account</source>
        <translation>删除邮箱账户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>Saved. Mail › Sync mail fetches its mail now; it also syncs in the background.</source>
        <translation>已保存。“邮件 › 同步邮件”可立即收取；它也会在后台定时同步。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>No mail account yet: add one to see your customers&apos; mail on their timelines.</source>
        <translation>还没有邮箱账户：添加一个，客户的邮件就会出现在他们的时间线上。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>not synced</source>
        <translation>不同步</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>Changes on this page are saved at once.</source>
        <translation>本页的更改会立即保存。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>Never log mail from or to</source>
        <translation>从不记录与以下地址往来的邮件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>An address or a domain, e.g. newsletter@fair.com or bank.com</source>
        <translation>邮箱地址或域名，例如 newsletter@fair.com 或 bank.com</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>Mail accounts</source>
        <translation>邮箱账户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/settings_page.py" line="1"/>
        <source>Add account…</source>
        <translation>添加账户…</translation>
    </message>
</context>
<context>
    <name>MailSyncController</name>
    <message>
        <location filename="../../trade_crm/ui/mail/sync_controller.py" line="1"/>
        <source>Mail: sync cancelled; what was fetched is kept</source>
        <translation>邮件：已取消同步；已收取的邮件会保留</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/sync_controller.py" line="1"/>
        <source>Mail: the sync stopped: %1</source>
        <translation>邮件：同步已中止：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/sync_controller.py" line="1"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/sync_controller.py" line="1"/>
        <source>Mail: %1 fetched, %2 matched, %3 new senders, %4 skipped</source>
        <translation>邮件：收取 %1 封，匹配 %2 封，新发件人 %3 个，跳过 %4 封</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/sync_controller.py" line="1"/>
        <source>Mail: %1</source>
        <translation>邮件：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/sync_controller.py" line="1"/>
        <source>Mail: %1 — %2 of %3</source>
        <translation>邮件：%1 — %2 / %3</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/sync_controller.py" line="1"/>
        <source>Mail: stopping…</source>
        <translation>邮件：正在停止…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/sync_controller.py" line="1"/>
        <source>Mail: syncing…</source>
        <translation>邮件：正在同步…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/sync_controller.py" line="1"/>
        <source>Mail: no account yet (Settings › Mail)</source>
        <translation>邮件：还没有账户（设置 › 邮件）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/sync_controller.py" line="1"/>
        <source>Stop the mail sync; what was fetched so far is kept</source>
        <translation>停止邮件同步；已收取的邮件会保留</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/sync_controller.py" line="1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_files.py" line="1"/>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_files.py" line="1"/>
        <source>%1 is too big: mail servers take about %2 per message.</source>
        <translation>%1 太大：邮件服务器每封邮件约只接受 %2。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_files.py" line="1"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_files.py" line="1"/>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_files.py" line="1"/>
        <source>Drop files here to attach them</source>
        <translation>把文件拖到这里即可添加为附件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_files.py" line="1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_dialog.py" line="1"/>
        <source>%1 is not set up for sending: give its SMTP server in Settings › Mail.</source>
        <translation>%1 尚未设置发信：请在“设置 › 邮件”中填写其 SMTP 服务器。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_dialog.py" line="1"/>
        <source>%1 version; each recipient gets their own language's.</source>
        <translation>显示的是 %1 版本；每位收件人收到各自语言的版本。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_dialog.py" line="1"/>
        <source>Add a mail account first (Settings › Mail).</source>
        <translation>请先添加邮件账户（设置 › 邮件）。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_dialog.py" line="1"/>
        <source>Choose at least one recipient (To…).</source>
        <translation>请至少选择一位收件人（收件人…）。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_dialog.py" line="1"/>
        <source>Edited: this text goes to every recipient.</source>
        <translation>已修改：这段文字将发给每位收件人。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_dialog.py" line="1"/>
        <source>No email address for %1.</source>
        <translation>%1 没有邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_dialog.py" line="1"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/compose_dialog.py" line="1"/>
        <source>Send %n message(s)</source>
        <translation>
            <numerusform>发送 %n 封邮件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_dialog.py" line="1"/>
        <source>Some messages cannot be filled in: see the fields marked in red.</source>
        <translation>有些邮件无法填充：请查看标红的字段。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_dialog.py" line="1"/>
        <source>Write email</source>
        <translation>写邮件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_dialog.py" line="1"/>
        <source>now</source>
        <translation>立即</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_dialog.py" line="1"/>
        <source>No free morning in the next weeks for %1: send now, or later by hand.</source>
        <translation>未来几周内找不到适合 %1 的上午时段：请立即发送，或稍后手动发送。</translation>
    </message>
</context>
<context>
    <name>ComposeForm</name>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>%1 (no email address)</source>
        <translation>%1（无邮箱地址）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>%1 (not set up for sending)</source>
        <translation>%1（未设置发信）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Addresses, separated by commas (copied on every message)</source>
        <translation>多个地址用逗号分隔（每封邮件都抄送）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Also send a simple HTML version</source>
        <translation>同时发送简单的 HTML 版本</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>At each recipient's local morning (9–11, not on their weekend or holidays)</source>
        <translation>在每位收件人当地的上午（9–11 点，避开其周末和节假日）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Bcc</source>
        <translation>密送</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Blank letter</source>
        <translation>空白信件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Choose a recipient to see their mail.</source>
        <translation>选择一位收件人以查看其邮件。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Choose among the contacts' addresses: one message each</source>
        <translation>从联系人的邮箱中选择：每人一封</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Each recipient's language</source>
        <translation>每位收件人的语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>For %1</source>
        <translation>发给 %1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Greeting: %1</source>
        <translation>节日问候：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>No template: write it here</source>
        <translation>不用模板：直接在此撰写</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Quotation chaser</source>
        <translation>报价跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Sample follow-up</source>
        <translation>样品跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Sends</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Thank-you after a fair</source>
        <translation>展会后致谢</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>To…</source>
        <translation>收件人…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>When</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Write here; merge fields like {contact.first_name} are filled in for each recipient.</source>
        <translation>在此撰写；{contact.first_name} 等合并字段会为每位收件人自动填充。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>e.g. your own address, for your records</source>
        <translation>例如您自己的地址，便于存档</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 条</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>any holiday</source>
        <translation>通用节日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>New Year</source>
        <translation>新年</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Christmas</source>
        <translation>圣诞节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Lunar New Year</source>
        <translation>春节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Eid al-Fitr</source>
        <translation>开斋节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Eid al-Adha</source>
        <translation>宰牲节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Diwali</source>
        <translation>排灯节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Holi</source>
        <translation>洒红节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Nowruz</source>
        <translation>诺鲁孜节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Thanksgiving</source>
        <translation>感恩节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>Rosh Hashanah</source>
        <translation>犹太新年</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_form.py" line="1"/>
        <source>National Day</source>
        <translation>国庆日</translation>
    </message>
</context>
<context>
    <name>MailOutController</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_actions.py" line="1"/>
        <source>%n message(s) in the outbox.</source>
        <translation>
            <numerusform>发件箱中有 %n 封邮件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_actions.py" line="1"/>
        <source>&amp;Outbox (%n failed)…</source>
        <translation>
            <numerusform>发件箱（%n 封失败）(&amp;O)…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_actions.py" line="1"/>
        <source>&amp;Outbox…</source>
        <translation>发件箱(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_actions.py" line="1"/>
        <source>&amp;Write email…</source>
        <translation>写邮件(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_actions.py" line="1"/>
        <source>Messages waiting to go, sent and failed</source>
        <translation>待发送、已发送和发送失败的邮件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_actions.py" line="1"/>
        <source>Write to the selected customers: one message each</source>
        <translation>给所选客户写邮件：每位一封</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_actions.py" line="1"/>
        <source>Write to the selected customers: one message each (Ctrl+Shift+M)</source>
        <translation>给所选客户写邮件：每位一封 (Ctrl+Shift+M)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_actions.py" line="1"/>
        <source>%n customer(s) left out: their greeting is in the outbox already.</source>
        <translation>
            <numerusform>已略过 %n 位客户：他们的节日问候已在发件箱中。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n 封失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n message(s) back in the queue for another try.</source>
        <translation>
            <numerusform>%n 封邮件已重新排队，将再试一次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n message(s) back in the queue.</source>
        <translation>
            <numerusform>%n 封邮件已重新排队。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n message(s) cancelled: they will not be sent.</source>
        <translation>
            <numerusform>已取消 %n 封邮件：不会再发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n message(s) paused: they wait until you resume them.</source>
        <translation>
            <numerusform>已暂停 %n 封邮件：恢复后才会发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n paused</source>
        <translation>
            <numerusform>%n 封已暂停</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 封待发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Cancel message</source>
        <translation>取消邮件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Message saved.</source>
        <translation>邮件已保存。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Nothing here: messages you write or plan wait here until they go.</source>
        <translation>这里是空的：您撰写或计划的邮件在发出前会在此等候。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Send what is due now instead of waiting for the next run</source>
        <translation>立即发送已到时间的邮件，不必等下一轮</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_view.py" line="1"/>
        <source>Waiting and failed</source>
        <translation>待发送和失败的</translation>
    </message>
</context>
<context>
    <name>OutboxEditDialog</name>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_edit.py" line="1"/>
        <source>As soon as the account's pace allows</source>
        <translation>在账户的发送间隔允许时尽快发送</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_edit.py" line="1"/>
        <source>Edit message</source>
        <translation>编辑邮件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_edit.py" line="1"/>
        <source>Send at</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_edit.py" line="1"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_edit.py" line="1"/>
        <source>That is %1.</source>
        <translation>即 %1。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_edit.py" line="1"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
</context>
<context>
    <name>OutboxRunner</name>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_runner.py" line="1"/>
        <source>%1 (and %2 more)</source>
        <translation>%1（另有 %2 封）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_runner.py" line="1"/>
        <source>%1 cannot send</source>
        <translation>%1 无法发信</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_runner.py" line="1"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n 封失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_runner.py" line="1"/>
        <source>%n message(s) could not be sent</source>
        <translation>
            <numerusform>%n 封邮件未能发出</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_runner.py" line="1"/>
        <source>%n sent</source>
        <translation>
            <numerusform>已发送 %n 封</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/mail/outbox_runner.py" line="1"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 封待发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_runner.py" line="1"/>
        <source>Outbox: %1</source>
        <translation>发件箱：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_runner.py" line="1"/>
        <source>Outbox: the run stopped: %1</source>
        <translation>发件箱：发送中断：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_runner.py" line="1"/>
        <source>offline: the messages stay queued</source>
        <translation>离线：邮件继续排队</translation>
    </message>
</context>
<context>
    <name>OutboxText</name>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_text.py" line="1"/>
        <source>%1 (%2), %3 here</source>
        <translation>%1（%2），本地 %3</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_text.py" line="1"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_text.py" line="1"/>
        <source>cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_text.py" line="1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_text.py" line="1"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_text.py" line="1"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_text.py" line="1"/>
        <source>queued: goes out next</source>
        <translation>已排队：即将发出</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_text.py" line="1"/>
        <source>scheduled for %1</source>
        <translation>计划于 %1 发送</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_text.py" line="1"/>
        <source>sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_text.py" line="1"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/outbox_text.py" line="1"/>
        <source>sent %1</source>
        <translation>已于 %1 发送</translation>
    </message>
</context>
<context>
    <name>RecipientPickerDialog</name>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_recipients.py" line="1"/>
        <source>Choose recipients</source>
        <translation>选择收件人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_recipients.py" line="1"/>
        <source>Each address ticked gets its own message, filled in for that contact.</source>
        <translation>勾选的每个地址各收到一封为该联系人填好的邮件。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/mail/compose_recipients.py" line="1"/>
        <source>Filter by name, company or address</source>
        <translation>按姓名、公司或地址筛选</translation>
    </message>
</context>
<context>
    <name>WhatsAppImportController</name>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_actions.py" line="1"/>
        <source>Import &amp;WhatsApp chat…</source>
        <translation>导入 &amp;WhatsApp 聊天记录…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_actions.py" line="1"/>
        <source>Put a chat exported from WhatsApp (.txt or .zip) on its customer&apos;s timeline</source>
        <translation>把从 WhatsApp 导出的聊天记录（.txt 或 .zip）放到客户的时间线上</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_actions.py" line="1"/>
        <source>Import WhatsApp chat</source>
        <translation>导入 WhatsApp 聊天记录</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_actions.py" line="1"/>
        <source>WhatsApp chat export (*.txt *.zip);;All files (*)</source>
        <translation>WhatsApp 聊天导出文件 (*.txt *.zip);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>WhatsAppImportDialog</name>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>day/month/year</source>
        <translation>日/月/年</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>month/day/year</source>
        <translation>月/日/年</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>year/month/day</source>
        <translation>年/月/日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Dates read as %1: no day or month in the file is over 12, and only this order keeps the messages in time order.</source>
        <translation>日期按%1读取：文件中没有大于 12 的日或月，只有这个顺序能让消息按时间排列。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Dates read as %1, your date order: every day and month in the file is 12 or less, so the file cannot tell them apart.</source>
        <translation>日期按你的日期顺序（%1）读取：文件中的日和月都不大于 12，无法区分。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Some characters could not be read as %1 and were replaced.</source>
        <translation>部分字符无法按 %1 读取，已被替换。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Not in the zip, not attached: %1.</source>
        <translation>压缩包中没有，未附加：%1。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>A .txt export holds no media: export the chat with media to attach them.</source>
        <translation>.txt 导出文件不含媒体文件：导出时选择“附带媒体”才能附加。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>%n line(s) without a date and time kept as part of the message before them.</source>
        <translation>
            <numerusform>%n 行没有日期和时间，已并入前一条消息。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>%n line(s) before the first message not imported (line %1).</source>
        <translation>
            <numerusform>第一条消息之前的 %n 行未导入（第 %1 行）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>%n line(s) with a date that does not exist kept with the message before them (line %1).</source>
        <translation>
            <numerusform>%n 行的日期不存在，已并入前一条消息（第 %1 行）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>%n media left out of the export (&quot;without media&quot;).</source>
        <translation>
            <numerusform>%n 个媒体文件未包含在导出中（“不附带媒体”）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Import WhatsApp chat</source>
        <translation>导入 WhatsApp 聊天记录</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Reading the chat…</source>
        <translation>正在读取聊天记录…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Search the book for another customer…</source>
        <translation>在客户库中搜索其他客户…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Participants:</source>
        <translation>参与者：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Messages:</source>
        <translation>消息：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Days:</source>
        <translation>天数：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Media:</source>
        <translation>媒体文件：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Day / time</source>
        <translation>日期 / 时间</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>From</source>
        <translation>发送人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Each day of the chat becomes one WhatsApp entry on the customer&apos;s timeline.</source>
        <translation>聊天中的每一天成为客户时间线上的一条 WhatsApp 记录。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>%1 messages, %2 – %3</source>
        <translation>%1 条消息，%2 – %3</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>%1 new · %2 with new messages · %3 already there</source>
        <translation>新增 %1 天 · %2 天有新消息 · %3 天已存在</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>%1 found · %2 missing</source>
        <translation>找到 %1 个 · 缺少 %2 个</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Choose the customer…</source>
        <translation>选择客户…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Several customers have this number: choose one.</source>
        <translation>多个客户有这个号码：请选择一个。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>No customer in the book has this chat&apos;s number or name: choose one, or search.</source>
        <translation>客户库中没有客户有这个聊天的号码或名字：请选择一个，或搜索。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Matched by the number %1 (%2).</source>
        <translation>按号码 %1 匹配（%2）。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Matched by the contact&apos;s name %1.</source>
        <translation>按联系人姓名 %1 匹配。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Chosen by you.</source>
        <translation>由你选择。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>new messages</source>
        <translation>有新消息</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>already there</source>
        <translation>已存在</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>No customer found</source>
        <translation>未找到客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Comparing the chat with the customer&apos;s timeline…</source>
        <translation>正在与客户时间线比对聊天记录…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Imported: %1 new days, %2 days with new messages, %3 messages, %4 media attached.</source>
        <translation>已导入：新增 %1 天，%2 天有新消息，%3 条消息，附加了 %4 个媒体文件。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Nothing new: every day of this chat is on the timeline already.</source>
        <translation>没有新内容：这个聊天的每一天都已在时间线上。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Not in the export: %1.</source>
        <translation>导出文件中没有：%1。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/import_export/whatsapp_dialog.py" line="1"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <name>FilesPane</name>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>Timeline entry</source>
        <translation>时间线记录</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>No files yet. Drop files here or on a timeline entry, paste one, or choose Attach…</source>
        <translation>还没有文件。把文件拖到这里或拖到某条时间线记录上，粘贴一个，或点“添加附件…”</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>Paste file</source>
        <translation>粘贴文件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>On %1's computer</source>
        <translation>在 %1 的电脑上</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>Missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>%1 is attached on %2's computer; only its name is shared</source>
        <translation>%1 是在 %2 的电脑上添加的；只共享了文件名</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/files_pane.py" line="1"/>
        <source>%1 is not in the attachments folder on this computer</source>
        <translation>%1 不在这台电脑的附件文件夹里</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/install.py" line="1"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>AttachmentsController</name>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Delete %n file(s)</source>
        <translation>
            <numerusform>删除 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Files (%1)</source>
        <translation>文件 (%1)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>“%1” is %2, more than the %3 you set in Settings › Data. Attach it anyway?</source>
        <translation>“%1”有 %2，超过了您在“设置 › 数据”中设定的 %3。仍要添加吗？</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>The pasted file</source>
        <translation>粘贴的文件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Large file</source>
        <translation>大文件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Attaching…</source>
        <translation>正在添加附件…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Attached %n file(s)</source>
        <translation>
            <numerusform>已添加 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>The file was not attached: %1</source>
        <translation>文件未能添加：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>The clipboard holds no file or picture to attach</source>
        <translation>剪贴板里没有可添加的文件或图片</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Pasted picture</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>“%1” is on %2's computer: it was attached there, and only its name is shared.</source>
        <translation>“%1”在 %2 的电脑上：文件是在那里添加的，只共享了文件名。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>“%1” is missing from this computer's attachments folder. Restore a backup, or attach it again.</source>
        <translation>这台电脑的附件文件夹里没有“%1”。请恢复一个备份，或重新添加该文件。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>File missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>No application opens %1 here: its folder is shown</source>
        <translation>这台电脑上没有能打开 %1 的程序：已打开它所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>This computer cannot open files itself. The file is here:
%1</source>
        <translation>这台电脑无法直接打开文件。文件在这里：
%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Rename file</source>
        <translation>重命名文件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Deleted “%1”</source>
        <translation>已删除“%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Deleted %n file(s)</source>
        <translation>
            <numerusform>已删除 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/attachments/controller.py" line="1"/>
        <source>Files restored</source>
        <translation>文件已恢复</translation>
    </message>
</context>
<context>
    <name>FilesCheckBox</name>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>Attached files</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>never ask</source>
        <translation>从不询问</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>Ask before attaching a file larger than:</source>
        <translation>添加超过此大小的文件前先询问：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>Check files</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>Clean up</source>
        <translation>清理</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>Remove the stored files no customer names any more</source>
        <translation>删除已不属于任何客户的存储文件</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>Checks that every attached file is on this computer.</source>
        <translation>检查每个附件是否都在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>Missing: %1 (customer #%2)</source>
        <translation>缺失：%1（客户 #%2）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>%1 stored files no customer names (%2)</source>
        <translation>%1 个存储文件不属于任何客户（%2）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>All %1 attached files are here.</source>
        <translation>全部 %1 个附件都在。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>%1 files checked: %2 missing.</source>
        <translation>已检查 %1 个文件：缺失 %2 个。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/backup/files_check.py" line="1"/>
        <source>Removed %1 stored files no customer names.</source>
        <translation>已删除 %1 个不属于任何客户的存储文件。</translation>
    </message>
</context>
<context>
    <name>WhatsAppMessageDialog</name>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>Send WhatsApp message</source>
        <translation>发送 WhatsApp 消息</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>The customer's language</source>
        <translation>客户的语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>e.g. Eid al-Fitr</source>
        <translation>例如：开斋节</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>e.g. Canton Fair</source>
        <translation>例如：广交会</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>WhatsApp sends the message: after sending it there, come back and click “I sent it” to log it on the timeline.</source>
        <translation>消息由 WhatsApp 发送：在那里发出后，回到这里点击“我已发送”，把它记录到时间线上。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>Open WhatsApp</source>
        <translation>打开 WhatsApp</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>I sent it</source>
        <translation>我已发送</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>Holiday</source>
        <translation>节日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>Trade fair</source>
        <translation>展会</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>Greeting (any holiday)</source>
        <translation>节日问候（任意节日）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>Greeting: %1</source>
        <translation>节日问候：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>Thank you for visiting our booth</source>
        <translation>感谢参观展位</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>Quotation chaser</source>
        <translation>报价跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>Sample follow-up</source>
        <translation>样品跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>Blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>%1: no value for %2. Fill it in above, or pick another template.</source>
        <translation>%1：%2 没有值。请在上方填写，或选择其他模板。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>%1: no value for %2. Add it to the contact or the customer, or pick another template.</source>
        <translation>%1：%2 没有值。请在联系人或客户资料中补上，或选择其他模板。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customers/whatsapp_message_dialog.py" line="1"/>
        <source>No contact of this customer has a WhatsApp or phone number: add one to a contact first.</source>
        <translation>该客户的联系人都没有 WhatsApp 或电话号码：请先为联系人添加一个。</translation>
    </message>
</context>
<context>
    <name>CustomerPickerDialog</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/customer_picker.py" line="29"/>
        <source>Type a customer's name</source>
        <translation>输入客户名称</translation>
    </message>
</context>
<context>
    <name>DocumentOutputs</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="64"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="66"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="67"/>
        <source>Save Excel…</source>
        <translation>保存 Excel…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="69"/>
        <source>Built-in layout…</source>
        <translation>内置版式…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="70"/>
        <source>From my template…</source>
        <translation>用我的模板…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="72"/>
        <source>Email PDF…</source>
        <translation>邮件发送 PDF…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="74"/>
        <source>Sent by hand</source>
        <translation>已另行发送</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="75"/>
        <source>Sent another way (WhatsApp, print): put it on the timeline with its PDF</source>
        <translation>已通过其他方式发送（WhatsApp、打印）：连同 PDF 记入时间线</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="77"/>
        <source>Document language</source>
        <translation>单据语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="105"/>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="105"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="108"/>
        <source>Excel template</source>
        <translation>Excel 模板</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="108"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="111"/>
        <source>Save Excel</source>
        <translation>保存 Excel</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="118"/>
        <source>Writing the document…</source>
        <translation>正在生成单据…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="131"/>
        <source>Written: %1</source>
        <translation>已生成：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/outputs.py" line="147"/>
        <source>Marked sent: the timeline has it with the PDF</source>
        <translation>已标记为已发送：时间线已记录并附上 PDF</translation>
    </message>
</context>
<context>
    <name>ImagePicker</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="53"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="54"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="73"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="81"/>
        <source>Choose an image</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="81"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>LinesTable</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_lines.py" line="152"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_lines.py" line="152"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_lines.py" line="152"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_lines.py" line="152"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_lines.py" line="153"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_lines.py" line="153"/>
        <source>Disc. %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_lines.py" line="153"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_lines.py" line="154"/>
        <source>Check</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_lines.py" line="294"/>
        <source>Proposed: the tier price for this quantity. Type to change it.</source>
        <translation>建议价：该数量对应的阶梯价。直接输入即可修改。</translation>
    </message>
</context>
<context>
    <name>PartyBox</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="47"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="48"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="49"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="61"/>
        <source>New product</source>
        <translation>新建产品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="61"/>
        <source>Edit product</source>
        <translation>编辑产品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="64"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="65"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="66"/>
        <source>Packing</source>
        <translation>包装</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="67"/>
        <source>Photos</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="88"/>
        <source>e.g. LP-6060-40W</source>
        <translation>例如 LP-6060-40W</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="94"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="99"/>
        <source>for your margin; never printed</source>
        <translation>用于计算利润，不会打印</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="101"/>
        <source>comma-separated</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="105"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="105"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="111"/>
        <source>Add language</source>
        <translation>添加语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="120"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="121"/>
        <source>Name (English)</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="122"/>
        <source>Other languages</source>
        <translation>其他语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="123"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="124"/>
        <source>HS code</source>
        <translation>海关编码</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="125"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="126"/>
        <source>MOQ</source>
        <translation>起订量</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="127"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="128"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="129"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="136"/>
        <source>From quantity</source>
        <translation>起始数量</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="136"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="139"/>
        <source>Add tier</source>
        <translation>添加阶梯</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="139"/>
        <source>Remove tier</source>
        <translation>删除阶梯</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="155"/>
        <source>Pieces per carton</source>
        <translation>每箱数量</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="155"/>
        <source>Carton length (cm)</source>
        <translation>外箱长 (cm)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="156"/>
        <source>Carton width (cm)</source>
        <translation>外箱宽 (cm)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="156"/>
        <source>Carton height (cm)</source>
        <translation>外箱高 (cm)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="157"/>
        <source>Carton volume (CBM)</source>
        <translation>外箱体积 (CBM)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="157"/>
        <source>N.W. per carton (kg)</source>
        <translation>每箱净重 (kg)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="158"/>
        <source>G.W. per carton (kg)</source>
        <translation>每箱毛重 (kg)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="173"/>
        <source>Add photos…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="173"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="226"/>
        <source>Add photos</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="226"/>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_dialog.py" line="240"/>
        <source>%1 (from the size)</source>
        <translation>%1（按尺寸计算）</translation>
    </message>
</context>
<context>
    <name>ProductFiles</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_files.py" line="38"/>
        <source>%1 new, %2 updated, %3 unchanged, %4 refused (of %5 rows)</source>
        <translation>新增 %1，更新 %2，未变 %3，拒绝 %4（共 %5 行）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_files.py" line="41"/>
        <source>%1 without a price: a quotation line will need one typed</source>
        <translation>%1 个没有价格：报价行需手动填写价格</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_files.py" line="44"/>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
</context>
<context>
    <name>ProductsWindow</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="48"/>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="50"/>
        <source>Search SKU, name (any language), HS code or tag</source>
        <translation>搜索货号、名称（任意语言）、海关编码或标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="52"/>
        <source>New product…</source>
        <translation>新建产品…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="53"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="54"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="55"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="56"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="57"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="57"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="57"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="57"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="58"/>
        <source>MOQ</source>
        <translation>起订量</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="58"/>
        <source>Price from</source>
        <translation>起价</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="58"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="58"/>
        <source>Pcs/carton</source>
        <translation>每箱数量</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="101"/>
        <source>%n product(s) shown</source>
        <translation>
            <numerusform>已显示 %n 个产品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="146"/>
        <source>Import products</source>
        <translation>导入产品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="146"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="151"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="151"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="169"/>
        <source>%1

Import these products now?</source>
        <translation>%1

现在导入这些产品吗？</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="171"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="180"/>
        <source>Export products</source>
        <translation>导出产品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="180"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/product_window.py" line="194"/>
        <source>%1 products written to %2</source>
        <translation>已将 %1 个产品写入 %2</translation>
    </message>
</context>
<context>
    <name>ProformaDialog</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="89"/>
        <source>Buyer</source>
        <translation>买方</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="90"/>
        <source>Consignee</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="91"/>
        <source>Consignee same as buyer</source>
        <translation>收货人同买方</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="95"/>
        <source>e.g. Ningbo, China</source>
        <translation>例如 Ningbo, China</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="96"/>
        <source>e.g. Jebel Ali, UAE</source>
        <translation>例如 Jebel Ali, UAE</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="98"/>
        <source>Port of loading</source>
        <translation>装运港</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="99"/>
        <source>Port of discharge</source>
        <translation>目的港</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="109"/>
        <source>Seller profile…</source>
        <translation>卖方资料…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="122"/>
        <source>Issue proforma invoice</source>
        <translation>开具形式发票</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="123"/>
        <source>Ordered</source>
        <translation>已下单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="124"/>
        <source>The buyer ordered: make the order with the PI's amount</source>
        <translation>买方已下单：按形式发票金额创建订单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="125"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="133"/>
        <source>Cancel PI</source>
        <translation>作废形式发票</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="163"/>
        <source>Proforma invoice from %1</source>
        <translation>根据 %1 开具形式发票</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="184"/>
        <source>Proforma invoice %1 (%2)</source>
        <translation>形式发票 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="193"/>
        <source>Packing: %1 cartons · %2 CBM · N.W. %3 kg · G.W. %4 kg</source>
        <translation>包装：%1 箱 · %2 立方米 · 净重 %3 kg · 毛重 %4 kg</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="203"/>
        <source>The seller profile has no company name.</source>
        <translation>卖方资料中没有公司名称。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="207"/>
        <source>The PI cannot be issued yet: %1</source>
        <translation>暂时无法开具形式发票：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/proforma_dialog.py" line="266"/>
        <source>Ordered: the order is on the customer's page</source>
        <translation>已下单：订单已显示在客户页面</translation>
    </message>
</context>
<context>
    <name>QuotationDialog</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="92"/>
        <source>named place, e.g. Ningbo</source>
        <translation>指定地点，例如 Ningbo</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="97"/>
        <source>e.g. 30 days after deposit</source>
        <translation>例如 收到定金后 30 天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="109"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="110"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="111"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="112"/>
        <source>Incoterm</source>
        <translation>贸易术语</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="114"/>
        <source>Payment terms</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="115"/>
        <source>Lead time</source>
        <translation>交货期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="116"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="117"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="122"/>
        <source>Add line</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="123"/>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="130"/>
        <source>Worked out from the products' cost; shown to you, never printed.</source>
        <translation>根据产品成本计算；仅供您查看，不会打印。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="139"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="140"/>
        <source>Revise</source>
        <translation>修订</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="141"/>
        <source>Duplicate for…</source>
        <translation>复制给…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="142"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="143"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="144"/>
        <source>Proforma invoice…</source>
        <translation>形式发票…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="145"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="177"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="183"/>
        <source>(no contact)</source>
        <translation>（无联系人）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="211"/>
        <source>New quotation</source>
        <translation>新建报价单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="212"/>
        <source>Quotation %1 (%2)</source>
        <translation>报价单 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="293"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="304"/>
        <source>Version %1 made: the earlier one stays as it was sent</source>
        <translation>已生成第 %1 版：之前的版本保持发送时的样子</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_editor.py" line="323"/>
        <source>Duplicate for another customer</source>
        <translation>复制给其他客户</translation>
    </message>
</context>
<context>
    <name>QuoteStatus</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="16"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="17"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="18"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="19"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="20"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="21"/>
        <source>superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="22"/>
        <source>ordered</source>
        <translation>已下单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="23"/>
        <source>issued</source>
        <translation>已开具</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="24"/>
        <source>cancelled</source>
        <translation>已作废</translation>
    </message>
</context>
<context>
    <name>QuoteTotals</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="35"/>
        <source>Total %1 %2</source>
        <translation>合计 %1 %2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="43"/>
        <source>Margin —</source>
        <translation>利润 —</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="47"/>
        <source>Margin %1 %2</source>
        <translation>利润 %1 %2</translation>
    </message>
</context>
<context>
    <name>QuotesController</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/install.py" line="36"/>
        <source>&amp;Products…</source>
        <translation>产品(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/install.py" line="37"/>
        <source>Your product catalog: prices by quantity, packing, photos</source>
        <translation>您的产品目录：阶梯价、包装、图片</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/install.py" line="38"/>
        <source>New &amp;quotation…</source>
        <translation>新建报价单(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/install.py" line="39"/>
        <source>A quotation for the selected customer</source>
        <translation>为选中的客户新建报价单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/install.py" line="40"/>
        <source>&amp;Seller profile…</source>
        <translation>卖方资料(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/install.py" line="41"/>
        <source>Your company, bank and numbering as printed on quotations and PIs</source>
        <translation>报价单和形式发票上打印的公司、银行信息和编号规则</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/install.py" line="62"/>
        <source>&amp;Quotes</source>
        <translation>报价(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/install.py" line="129"/>
        <source>New quotation</source>
        <translation>新建报价单</translation>
    </message>
</context>
<context>
    <name>QuotesPane</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/customer_quotes.py" line="80"/>
        <source>Valid until %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/customer_quotes.py" line="30"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/customer_quotes.py" line="30"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/customer_quotes.py" line="30"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/customer_quotes.py" line="30"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/customer_quotes.py" line="31"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/customer_quotes.py" line="31"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/customer_quotes.py" line="34"/>
        <source>New quotation…</source>
        <translation>新建报价单…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/customer_quotes.py" line="35"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/customer_quotes.py" line="67"/>
        <source>Quotation</source>
        <translation>报价单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/customer_quotes.py" line="67"/>
        <source>Proforma invoice</source>
        <translation>形式发票</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/install.py" line="52"/>
        <source>Quotes</source>
        <translation>报价</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/install.py" line="71"/>
        <source>Quotes (%1)</source>
        <translation>报价 (%1)</translation>
    </message>
</context>
<context>
    <name>SellerProfileDialog</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="93"/>
        <source>Seller profile</source>
        <translation>卖方资料</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="100"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="101"/>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="102"/>
        <source>Logo, signature, stamp</source>
        <translation>标志、签名、印章</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="103"/>
        <source>Numbering</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="123"/>
        <source>Company (English)</source>
        <translation>公司名称（英文）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="124"/>
        <source>Company (local)</source>
        <translation>公司名称（本地）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="125"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="126"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="127"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="128"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="134"/>
        <source>Beneficiary</source>
        <translation>收款人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="135"/>
        <source>Bank name</source>
        <translation>银行名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="136"/>
        <source>Bank address</source>
        <translation>银行地址</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="137"/>
        <source>SWIFT/BIC</source>
        <translation>SWIFT/BIC</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="138"/>
        <source>Account number</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="139"/>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="140"/>
        <source>A proforma invoice is issued only with the beneficiary, the bank, the SWIFT/BIC and an account number or IBAN.</source>
        <translation>形式发票须填写收款人、银行、SWIFT/BIC 以及账号或 IBAN 才能开具。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="149"/>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="149"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="150"/>
        <source>Stamp</source>
        <translation>印章</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="162"/>
        <source>Quotations</source>
        <translation>报价单</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="164"/>
        <source>Proforma invoices</source>
        <translation>形式发票</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="166"/>
        <source>{yyyy} {yy} {MM} {dd} {yyMMdd}: the date; {n}: the next free number; {customer}: the customer's code</source>
        <translation>{yyyy} {yy} {MM} {dd} {yyMMdd}：日期；{n}：下一个可用序号；{customer}：客户代码</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/seller_dialog.py" line="180"/>
        <source>For example: %1</source>
        <translation>示例：%1</translation>
    </message>
</context>
<context>
    <name>QuoteWarning</name>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="33"/>
        <source>below the MOQ of %1 %2</source>
        <translation>低于起订量 %1 %2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="35"/>
        <source>no price: type a unit price</source>
        <translation>无价格：请填写单价</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="37"/>
        <source>no exchange rate: the margin is unknown</source>
        <translation>无汇率：无法计算利润</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="39"/>
        <source>no exchange rate for the product's currency</source>
        <translation>缺少该产品币种的汇率</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/quotes/quote_totals.py" line="41"/>
        <source>the product is no longer in the catalog</source>
        <translation>该产品已不在产品目录中</translation>
    </message>
</context>
</TS>
