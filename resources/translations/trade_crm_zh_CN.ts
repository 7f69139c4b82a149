<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../trade_crm/app.py" line="64"/>
        <source>Trade CRM cannot open its database</source>
        <translation>Trade CRM 无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../trade_crm/app.py" line="65"/>
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
        <location filename="../../trade_crm/ui/charts.py" line="74"/>
        <source>Save as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/charts.py" line="104"/>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/charts.py" line="105"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
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
        <source>It keeps watching your reminders from the tray. Choose Quit in the tray menu to exit, or turn this off in Settings.</source>
        <translation>它会在托盘中继续留意您的提醒。要退出，请在托盘菜单中选择“退出”；也可以在设置中关闭此功能。</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message numerus="yes">
        <source>Delete %n customer(s)</source>
        <translation type="vanished">
            <numerusform>删除 %n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/commands.py" line="85"/>
        <source>Add tag “%1” to %n customer(s)</source>
        <translation type="unfinished">给 %n 个客户添加标签“%1”</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/commands.py" line="86"/>
        <source>Remove tag “%1” from %n customer(s)</source>
        <translation type="unfinished">从 %n 个客户移除标签“%1”</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/commands.py" line="106"/>
        <source>Rate %n customer(s) %1</source>
        <translation type="unfinished">将 %n 个客户评为 %1 级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/commands.py" line="107"/>
        <source>Clear the rating of %n customer(s)</source>
        <translation type="unfinished">清除 %n 个客户的评级</translation>
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
    <name>CustomerDialog</name>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="71"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="71"/>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="74"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="76"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="77"/>
        <source>Tags and custom fields</source>
        <translation>标签和自定义字段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="98"/>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="98"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="98"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="99"/>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="99"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="99"/>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="100"/>
        <source>Company size</source>
        <translation>公司规模</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="100"/>
        <source>Preferred language</source>
        <translation>首选语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="105"/>
        <source>Trade show</source>
        <translation>展会</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="105"/>
        <source>Website inquiry</source>
        <translation>网站询盘</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="106"/>
        <source>Marketplace (Alibaba, …)</source>
        <translation>B2B 平台（阿里巴巴等）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="106"/>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="107"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="112"/>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="118"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="125"/>
        <source>Lost customer (no more follow-ups)</source>
        <translation>已流失客户（不再跟进）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="130"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="133"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="134"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="138"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="145"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="154"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="170"/>
        <source>Type to search, e.g. Germany or 德国</source>
        <translation>输入搜索，例如 德国 或 Germany</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="175"/>
        <source>Separate tags with commas, e.g. VIP, Canton Fair 2026</source>
        <translation>多个标签用逗号分隔，例如 VIP, 2026广交会</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="182"/>
        <source>No custom fields yet. Add one for anything this form lacks, such as the port of discharge or a customs code.</source>
        <translation>还没有自定义字段。表单中没有的信息可以在这里添加，例如目的港或海关编码。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="189"/>
        <source>New field name, e.g. Port of discharge</source>
        <translation>新字段名称，例如 目的港</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="191"/>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="198"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="199"/>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="294"/>
        <source>Contact %1: %2</source>
        <translation>联系人 %1：%2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="299"/>
        <source>The customer needs a name.</source>
        <translation>请填写客户名称。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="300"/>
        <source>Unknown country: pick one from the list.</source>
        <translation>无法识别的国家，请从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="301"/>
        <source>Use a 3-letter currency code such as USD.</source>
        <translation>请使用三位字母的币种代码，例如 USD。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_dialog.py" line="302"/>
        <source>A custom field needs a name.</source>
        <translation>自定义字段需要名称。</translation>
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
        <location filename="../../trade_crm/ui/customer_list.py" line="145"/>
        <source>Filters (%1)</source>
        <translation>筛选 (%1)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_list.py" line="145"/>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_list.py" line="268"/>
        <source>Save current view…</source>
        <translation>保存当前视图…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_list.py" line="274"/>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_list.py" line="279"/>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_list.py" line="279"/>
        <source>Name of this view:</source>
        <translation>视图名称：</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="210"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="210"/>
        <source>Main contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="210"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="210"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="211"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="211"/>
        <source>Last contact</source>
        <translation>最后联系</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="211"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="213"/>
        <source>Country, and the time there now (grey outside working hours)</source>
        <translation>国家及当地当前时间（非工作时间显示为灰色）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="274"/>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="276"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="278"/>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="280"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="282"/>
        <source>%n months ago</source>
        <translation>
            <numerusform>%n 个月前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="283"/>
        <source>%n years ago</source>
        <translation>
            <numerusform>%n 年前</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="304"/>
        <source>%1: %2 local time</source>
        <translation>%1：当地时间 %2</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="306"/>
        <source>Outside working hours</source>
        <translation>非工作时间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="313"/>
        <source>Overdue by %n days</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="314"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/customer_table_model.py" line="314"/>
        <source>Due in %n days</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
        </translation>
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
        <location filename="../../trade_crm/ui/dashboard.py" line="62"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="63"/>
        <source>Exchange rates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="64"/>
        <source>How stages and tiers work…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="69"/>
        <source>Customers by country (top 15)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="69"/>
        <source>Customers by value tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="70"/>
        <source>Customers by lifecycle stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="70"/>
        <source>Sales pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="71"/>
        <source>Follow-up activity per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="71"/>
        <source>Orders per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="127"/>
        <source>%1 customers · money in %2 · stages and tiers of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="128"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="131"/>
        <source>No exchange rate for %1: their orders and deals are left out of the values. Add the rates under Exchange rates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="137"/>
        <source>Top %1 customers, last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="138"/>
        <source>Dormant customers: %1 (most valuable first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="146"/>
        <source>None</source>
        <translation type="unfinished">无</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="149"/>
        <source>by the last 12 months&apos; orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="155"/>
        <source>deals · value in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="158"/>
        <source>calls, emails, visits… logged, by week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="161"/>
        <source>thousand %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="164"/>
        <source>Customer</source>
        <translation type="unfinished">客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="164"/>
        <source>Country</source>
        <translation type="unfinished">国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="164"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="164"/>
        <source>Rating</source>
        <translation type="unfinished">评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="165"/>
        <source>Value, 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="165"/>
        <source>Last order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="166"/>
        <source>RFM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/dashboard.py" line="166"/>
        <source>Value, all orders</source>
        <translation type="unfinished"></translation>
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
        <location filename="../../trade_crm/ui/export_actions.py" line="207"/>
        <source>Customers %1.xlsx</source>
        <translation>客户 %1.xlsx</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="226"/>
        <source>Exporting to Excel…</source>
        <translation>正在导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="233"/>
        <source>Contacts %1.vcf</source>
        <translation>联系人 %1.vcf</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="234"/>
        <source>Export contacts as vCard</source>
        <translation>导出联系人为 vCard</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="235"/>
        <source>vCard file (*.vcf)</source>
        <translation>vCard 文件 (*.vcf)</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="241"/>
        <source>Exporting contacts…</source>
        <translation>正在导出联系人…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="247"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="248"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="271"/>
        <source>Saving the file…</source>
        <translation>正在保存文件…</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="275"/>
        <source>Writing customer %1 of %2…</source>
        <translation>正在写入第 %1 个客户，共 %2 个…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/export_actions.py" line="278"/>
        <source>Exported %Ln customer(s) to %1</source>
        <translation>
            <numerusform>已将 %Ln 个客户导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="283"/>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/export_actions.py" line="289"/>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
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
        <source>Any stage</source>
        <translation>所有阶段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="72"/>
        <location filename="../../trade_crm/ui/filter_bar.py" line="174"/>
        <source>Follow-up overdue</source>
        <translation>跟进已逾期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="73"/>
        <source>Not contacted for</source>
        <translation>未联系超过</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="77"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="80"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="81"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="84"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="85"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="106"/>
        <source>Any tag</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="165"/>
        <source>Country: %1</source>
        <translation>国家：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="168"/>
        <source>Tag: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="170"/>
        <source>Rating: %1</source>
        <translation>评级：%1</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="172"/>
        <source>Stage: %1</source>
        <translation>阶段：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/filter_bar.py" line="176"/>
        <source>Not contacted for %n days</source>
        <translation>
            <numerusform>超过 %n 天未联系</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="192"/>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/filter_bar.py" line="211"/>
        <source>Remove this filter</source>
        <translation>移除此筛选条件</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../trade_crm/ui/first_run.py" line="27"/>
        <source>Welcome to Trade CRM</source>
        <translation>欢迎使用 Trade CRM</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/first_run.py" line="33"/>
        <source>Your customer book is empty. Start in one of these ways:</source>
        <translation>客户库还是空的。可以从以下方式开始：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/first_run.py" line="37"/>
        <source>Add a customer</source>
        <translation>添加客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/first_run.py" line="38"/>
        <source>Type in a company and its contacts by hand.</source>
        <translation>手动录入一家公司及其联系人。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/first_run.py" line="41"/>
        <source>Load the demo book</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/first_run.py" line="42"/>
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
        <source>Use this text for every customer greeted in this language; the contact&apos;s name becomes {name}.</source>
        <translation>以后用此语言问候客户时都使用这段文字；联系人姓名会替换为 {name}。</translation>
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
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="56"/>
        <source>Potential</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="57"/>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="58"/>
        <source>Returning</source>
        <translation>回头客</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="59"/>
        <source>Loyal</source>
        <translation>忠实客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="60"/>
        <source>Dormant</source>
        <translation>沉睡客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/customer_table_model.py" line="61"/>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="52"/>
        <location filename="../../trade_crm/ui/main_window.py" line="288"/>
        <source>Trade CRM</source>
        <translation>Trade CRM 外贸客户管理</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="78"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="180"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="182"/>
        <source>%Ln shown</source>
        <translation>
            <numerusform>显示 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="184"/>
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln 个逾期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="239"/>
        <source>Delete “%1” with its contacts and timeline?</source>
        <translation>删除“%1”及其联系人和时间线？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="241"/>
        <source>Delete %Ln customers with their contacts and timelines?</source>
        <translation>
            <numerusform>删除这 %Ln 个客户及其联系人和时间线？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="243"/>
        <source>You can undo this with %1.</source>
        <translation>可以用 %1 撤销。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="244"/>
        <source>Delete customers</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="250"/>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="250"/>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="251"/>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="319"/>
        <source>About Trade CRM</source>
        <translation>关于 Trade CRM</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="320"/>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;An offline-first customer book for export sales: customers, contacts, follow-ups and reminders, on your own computer.&lt;/p&gt;&lt;p&gt;Icons are original drawings made for Trade CRM.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;为外贸业务员打造的离线客户管理工具：客户、联系人、跟进和提醒，都保存在你自己的电脑上。&lt;/p&gt;&lt;p&gt;图标为 Trade CRM 原创绘制。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="325"/>
        <source>Where is my data?</source>
        <translation>我的数据在哪里？</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="326"/>
        <source>Your customer book is this file:
%1

Back it up with the rest of your documents; copy it to move Trade CRM to another computer.</source>
        <translation>你的客户数据保存在这个文件中：
%1

请和其他文档一起备份；换电脑时复制此文件即可。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="329"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="67"/>
        <source>New opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="69"/>
        <source>e.g. 2,000 LED panels for the Dubai project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="82"/>
        <source>Expected close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="90"/>
        <source>Customer</source>
        <translation type="unfinished">客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="91"/>
        <source>Title</source>
        <translation type="unfinished">职位</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="92"/>
        <source>Stage</source>
        <translation type="unfinished">阶段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="93"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="94"/>
        <source>Currency</source>
        <translation type="unfinished">币种</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="95"/>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="105"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="121"/>
        <source>select a customer first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpportunityTableModel</name>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="204"/>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="204"/>
        <source>Customer</source>
        <translation type="unfinished">客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="204"/>
        <source>Stage</source>
        <translation type="unfinished">阶段</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="204"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="205"/>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="205"/>
        <source>Expected close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PipelineStage</name>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="40"/>
        <source>Inquiry</source>
        <translation type="unfinished">询盘</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="41"/>
        <source>Quotation</source>
        <translation type="unfinished">报价</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="42"/>
        <source>Sample</source>
        <translation type="unfinished">样品</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="43"/>
        <source>Negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="44"/>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/pipeline_cards.py" line="45"/>
        <source>Lost</source>
        <translation type="unfinished">已流失</translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="48"/>
        <source>Export reminders to calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="49"/>
        <source>Save the next 30 days of reminders as an .ics file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="81"/>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="95"/>
        <source>Export reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="83"/>
        <source>Calendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="96"/>
        <source>Could not write %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_controller.py" line="99"/>
        <source>%1 reminders saved to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderPane</name>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="44"/>
        <source>Nothing due today</source>
        <translation>今天没有待办提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="49"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="49"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="69"/>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="69"/>
        <source>Greetings</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="70"/>
        <source>Birthdays</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="70"/>
        <source>Dormant customers</source>
        <translation>沉睡客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="71"/>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="87"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="109"/>
        <source>%1 days overdue</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="111"/>
        <source>Since yesterday</source>
        <translation>昨天到期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="111"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="128"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="132"/>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="140"/>
        <source>Prepare greetings</source>
        <translation type="unfinished">准备节日问候</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="147"/>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="157"/>
        <source>1 day</source>
        <translation>1 天后</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="159"/>
        <source>1 week</source>
        <translation>1 周后</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="163"/>
        <source>Pick a date…</source>
        <translation>选择日期…</translation>
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
        <source>Two-letter code; its long holidays raise a closure notice 10 days ahead.</source>
        <translation>两位国家代码；长假前 10 天会提醒您通知客户放假安排。</translation>
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
    <name>SegmentRulesDialog</name>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="29"/>
        <source>Stage and tier rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="44"/>
        <location filename="../../trade_crm/ui/segment_rules.py" line="45"/>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="50"/>
        <source> days</source>
        <translation type="unfinished"> 天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="52"/>
        <source>Tier A: customers making up the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="53"/>
        <source>Tier B: the next ones, up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="54"/>
        <source>Order value counted over the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="55"/>
        <source>Loyal: orders spread over at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="56"/>
        <source>Loyal: only customers in tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="57"/>
        <source>Dormant after this share of the usual reorder interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/segment_rules.py" line="58"/>
        <source>Dormant after a single order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="46"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="47"/>
        <source>Customers&apos; working hours start</source>
        <translation>客户工作时间开始</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="48"/>
        <source>Customers&apos; working hours end</source>
        <translation>客户工作时间结束</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="60"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="62"/>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="71"/>
        <source>A new language shows after you restart Trade CRM.</source>
        <translation>重启 Trade CRM 后生效。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="76"/>
        <source>Outside these hours a customer&apos;s local time is shown greyed.</source>
        <translation>在此时间之外，客户的当地时间显示为灰色。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="86"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="87"/>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StageNamesDialog</name>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="184"/>
        <source>Stage names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="194"/>
        <source>Default names</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="156"/>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/opportunity_dialog.py" line="160"/>
        <source>“%1” moves to quotation. When the quotation expires without an order, a follow-up reminder comes up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
