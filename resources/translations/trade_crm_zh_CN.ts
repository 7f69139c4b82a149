<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../trade_crm/app.py" line="61"/>
        <source>Trade CRM cannot open its database</source>
        <translation>Trade CRM 无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../trade_crm/app.py" line="62"/>
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
        <location filename="../../trade_crm/ui/main_window.py" line="47"/>
        <location filename="../../trade_crm/ui/main_window.py" line="270"/>
        <source>Trade CRM</source>
        <translation>Trade CRM 外贸客户管理</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="73"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="165"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="167"/>
        <source>%Ln shown</source>
        <translation>
            <numerusform>显示 %Ln 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="169"/>
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln 个逾期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="222"/>
        <source>Delete “%1” with its contacts and timeline?</source>
        <translation>删除“%1”及其联系人和时间线？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trade_crm/ui/main_window.py" line="224"/>
        <source>Delete %Ln customers with their contacts and timelines?</source>
        <translation>
            <numerusform>删除这 %Ln 个客户及其联系人和时间线？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="226"/>
        <source>You can undo this with %1.</source>
        <translation>可以用 %1 撤销。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="227"/>
        <source>Delete customers</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="233"/>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="233"/>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="234"/>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="299"/>
        <source>About Trade CRM</source>
        <translation>关于 Trade CRM</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="300"/>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;An offline-first customer book for export sales: customers, contacts, follow-ups and reminders, on your own computer.&lt;/p&gt;&lt;p&gt;Icons are original drawings made for Trade CRM.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;为外贸业务员打造的离线客户管理工具：客户、联系人、跟进和提醒，都保存在你自己的电脑上。&lt;/p&gt;&lt;p&gt;图标为 Trade CRM 原创绘制。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="305"/>
        <source>Where is my data?</source>
        <translation>我的数据在哪里？</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="306"/>
        <source>Your customer book is this file:
%1

Back it up with the rest of your documents; copy it to move Trade CRM to another computer.</source>
        <translation>你的客户数据保存在这个文件中：
%1

请和其他文档一起备份；换电脑时复制此文件即可。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/main_window.py" line="309"/>
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
    <name>ReminderPane</name>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="43"/>
        <source>Nothing due today</source>
        <translation>今天没有待办提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="48"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="48"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="68"/>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="68"/>
        <source>Greetings</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="69"/>
        <source>Birthdays</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="69"/>
        <source>Dormant customers</source>
        <translation>沉睡客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="70"/>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="86"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="108"/>
        <source>%1 days overdue</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="110"/>
        <source>Since yesterday</source>
        <translation>昨天到期</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="110"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="127"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="131"/>
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="140"/>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="150"/>
        <source>1 day</source>
        <translation>1 天后</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="152"/>
        <source>1 week</source>
        <translation>1 周后</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/reminder_pane.py" line="156"/>
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
    <name>Settings</name>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="35"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="36"/>
        <source>Customers&apos; working hours start</source>
        <translation>客户工作时间开始</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="37"/>
        <source>Customers&apos; working hours end</source>
        <translation>客户工作时间结束</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="48"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="50"/>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="59"/>
        <source>A new language shows after you restart Trade CRM.</source>
        <translation>重启 Trade CRM 后生效。</translation>
    </message>
    <message>
        <location filename="../../trade_crm/ui/settings_dialog.py" line="64"/>
        <source>Outside these hours a customer&apos;s local time is shown greyed.</source>
        <translation>在此时间之外，客户的当地时间显示为灰色。</translation>
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
</TS>
