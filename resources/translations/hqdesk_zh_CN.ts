<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgendaExport</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Franchisee code</source>
        <translation>加盟商编号</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Honorific</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>周年</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Contact / store</source>
        <translation>联系人 / 门店</translation>
    </message>
    <message>
        <source>Double-click to open the franchisee's profile</source>
        <translation>双击打开加盟商档案</translation>
    </message>
    <message>
        <source>Addressed as {honorific}</source>
        <translation>称呼：{honorific}</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Today and the next 14 days</source>
        <translation>今天及未来 14 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下月</translation>
    </message>
    <message>
        <source>The next 12 months</source>
        <translation>未来 12 个月</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>My franchisees</source>
        <translation>我的加盟商</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected events (Ctrl+C), to paste into Excel or a message</source>
        <translation>复制所选事件（Ctrl+C），可粘贴到 Excel 或消息中</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the selected events (all of them if none is selected) as CSV</source>
        <translation>将所选事件（未选择时为全部事件）保存为 CSV</translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>How many days before a contract ends its renewal is shown (for everyone)</source>
        <translation>合同到期前多少天显示续签提醒（对所有人生效）</translation>
    </message>
    <message>
        <source>Tick at least one kind of event.</source>
        <translation>请至少勾选一种事件类型。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No events in this range.</source>
        <translation>此范围内没有事件。</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Contract renewals show %n day(s) ahead</source>
        <translation>
            <numerusform>合同续签提前 %n 天显示</numerusform>
        </translation>
    </message>
    <message>
        <source>Contract renewals</source>
        <translation>合同续签</translation>
    </message>
    <message>
        <source>Show a contract's renewal this many days before it ends:</source>
        <translation>在合同到期前多少天显示续签提醒：</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>导出事件</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported</source>
        <translation>
            <numerusform>已导出 %n 个事件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgingItemsModel</name>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Open amount</source>
        <translation>未结金额</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>账龄区间</translation>
    </message>
</context>
<context>
    <name>AgingView</name>
    <message>
        <source>Not due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Unapplied credit</source>
        <translation>未核销贷项</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Over {days} days</source>
        <translation>{days} 天以上</translation>
    </message>
    <message>
        <source>{low}-{high} days</source>
        <translation>{low}-{high} 天</translation>
    </message>
    <message>
        <source>Double-click to see the documents behind this amount.</source>
        <translation>双击查看构成该金额的单据。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Days overdue at which each bucket ends, in increasing order, separated by commas.</source>
        <translation>各账龄区间截止的逾期天数，按从小到大排列，以逗号分隔。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <source>Bucket bounds (days)</source>
        <translation>账龄区间（天）</translation>
    </message>
    <message>
        <source>Double-click an amount to see its documents.</source>
        <translation>双击金额可查看其单据。</translation>
    </message>
    <message>
        <source>Enter the date of the report as yyyy-mm-dd.</source>
        <translation>请按 yyyy-mm-dd 格式输入报表日期。</translation>
    </message>
    <message>
        <source>Enter the bucket bounds as whole numbers of days in increasing order, separated by commas, e.g. 30,60,90,180,365.</source>
        <translation>请输入账龄区间的天数：整数，从小到大，以逗号分隔，例如 30,60,90,180,365。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n franchisee(s) with money open as of {date}.</source>
        <translation>
            <numerusform>截至 {date}，共 %n 个加盟商有未结款项。</numerusform>
        </translation>
    </message>
    <message>
        <source>{code} {name}: {column} as of {date}</source>
        <translation>{code} {name}：{column}（截至 {date}）</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s), {amount} in all</source>
        <translation>
            <numerusform>共 %n 张单据，合计 {amount}</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the aging report</source>
        <translation>导出账龄分析表</translation>
    </message>
    <message>
        <source>aging-{date}.csv</source>
        <translation>账龄分析-{date}.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>AlternativesModel</name>
    <message>
        <source>Alternative</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Credit sales</source>
        <translation>赊销额</translation>
    </message>
    <message>
        <source>Collection days</source>
        <translation>平均收账天数</translation>
    </message>
    <message>
        <source>Bad-debt loss rate %</source>
        <translation>坏账损失率 %</translation>
    </message>
    <message>
        <source>Share taking the discount %</source>
        <translation>享受折扣的比例 %</translation>
    </message>
    <message>
        <source>Discount days</source>
        <translation>折扣期（天）</translation>
    </message>
    <message>
        <source>Cash discount %</source>
        <translation>现金折扣 %</translation>
    </message>
    <message>
        <source>Collection cost</source>
        <translation>收账费用</translation>
    </message>
    <message>
        <source>Other costs</source>
        <translation>其他费用</translation>
    </message>
</context>
<context>
    <name>Analytics</name>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <source>Sales falling {n} months in a row</source>
        <translation>销售额连续 {n} 个月下降</translation>
    </message>
    <message>
        <source>Overdue amount rising</source>
        <translation>逾期金额持续上升</translation>
    </message>
    <message>
        <source>No visit for {n} days</source>
        <translation>{n} 天未拜访</translation>
    </message>
    <message>
        <source>Sales this month</source>
        <translation>本月销售额</translation>
    </message>
    <message>
        <source>Sales year to date</source>
        <translation>本年累计销售额</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>Overdue share</source>
        <translation>逾期占比</translation>
    </message>
    <message>
        <source>DSO (days)</source>
        <translation>应收账款周转天数（DSO）</translation>
    </message>
    <message>
        <source>Bad-debt loss rate (12 months)</source>
        <translation>坏账损失率（近 12 个月）</translation>
    </message>
    <message>
        <source>Same period last year</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <source>Normal rate</source>
        <translation>正常损失率</translation>
    </message>
</context>
<context>
    <name>AnalyticsFilterBar</name>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>All account managers</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>Franchisee code</source>
        <translation>加盟商编号</translation>
    </message>
    <message numerus="yes">
        <source>Last %n month(s)</source>
        <translation>
            <numerusform>最近 %n 个月</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Tier {tier}</source>
        <translation>{tier} 级</translation>
    </message>
    <message>
        <source>No franchisee has the code {code}.</source>
        <translation>没有编号为 {code} 的加盟商。</translation>
    </message>
</context>
<context>
    <name>AnalyticsTab</name>
    <message>
        <source>Sales &amp; receivables</source>
        <translation>销售与应收</translation>
    </message>
    <message>
        <source>Monthly sales and the same month last year</source>
        <translation>月度销售额与去年同月</translation>
    </message>
    <message>
        <source>Aging at each month end</source>
        <translation>各月末账龄</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Same month last year</source>
        <translation>去年同月</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Sales (¥)</source>
        <translation>销售额（¥）</translation>
    </message>
    <message>
        <source>Month end</source>
        <translation>月末</translation>
    </message>
    <message>
        <source>Open invoices (¥)</source>
        <translation>未结发票（¥）</translation>
    </message>
    <message>
        <source>As of {date}</source>
        <translation>截至 {date}</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>Sales this month &lt;b&gt;{month}&lt;/b&gt; ({month_change} against last year) · this year &lt;b&gt;{ytd}&lt;/b&gt; ({ytd_change}) · receivables &lt;b&gt;{receivables}&lt;/b&gt;, overdue &lt;b&gt;{overdue}&lt;/b&gt; · DSO &lt;b&gt;{dso}&lt;/b&gt;</source>
        <translation>本月销售额 &lt;b&gt;{month}&lt;/b&gt;（同比 {month_change}）· 本年 &lt;b&gt;{ytd}&lt;/b&gt;（同比 {ytd_change}）· 应收账款 &lt;b&gt;{receivables}&lt;/b&gt;，逾期占比 &lt;b&gt;{overdue}&lt;/b&gt; · DSO &lt;b&gt;{dso}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>AnniversariesModel</name>
    <message>
        <source>Anniversary</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Lunar calendar</source>
        <translation>农历</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Opening the demo database (created on first use)…</source>
        <translation>正在打开演示数据库（首次使用时创建）…</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>The database server asks for a password for {url}</source>
        <translation>数据库服务器要求输入 {url} 的密码</translation>
    </message>
    <message>
        <source>hqdesk cannot open the database</source>
        <translation>hqdesk 无法打开数据库</translation>
    </message>
    <message>
        <source>Database settings…</source>
        <translation>数据库设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Create a new database there</source>
        <translation>在此处新建数据库</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The window keeps its language until you open it again or restart hqdesk.</source>
        <translation>窗口保持原语言，直到重新打开窗口或重新启动 hqdesk。</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>hqdesk backups (*.sqlite3)</source>
        <translation>hqdesk 备份文件 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The database was backed up to {path} ({size} MB).</source>
        <translation>数据库已备份到 {path}（{size} MB）。</translation>
    </message>
</context>
<context>
    <name>BehindModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>Reassign to…</source>
        <translation>转交给…</translation>
    </message>
    <message>
        <source>Add or remove tags…</source>
        <translation>添加或移除标签…</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <source>Bulk actions</source>
        <translation>批量操作</translation>
    </message>
    <message>
        <source>Act on all selected franchisees (Ctrl+click or Shift+click to select)</source>
        <translation>对所有选中的加盟商操作（按住 Ctrl 或 Shift 单击可多选）</translation>
    </message>
    <message>
        <source>Reassign to another account manager</source>
        <translation>转交给其他客户经理</translation>
    </message>
    <message>
        <source>New account manager</source>
        <translation>新客户经理</translation>
    </message>
    <message>
        <source>Add or remove tags</source>
        <translation>添加或移除标签</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Separated by commas, e.g. 重点, 新店</source>
        <translation>以逗号分隔，例如：重点, 新店</translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Enter the tags to add or to remove.</source>
        <translation>请输入要添加或移除的标签。</translation>
    </message>
    <message>
        <source>Change the status</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message numerus="yes">
        <source>%n franchisee(s) changed.</source>
        <translation>
            <numerusform>已更改 %n 个加盟商。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message numerus="yes">
        <source>Applies to %n selected franchisee(s). All of them change, or none.</source>
        <translation>
            <numerusform>作用于选中的 %n 个加盟商：要么全部更改，要么都不更改。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>The calendar covers 1900-01-01 to 2100-12-31.</source>
        <translation>日历的范围是 1900-01-01 至 2100-12-31。</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>The calendar lists at most three years at once.</source>
        <translation>日历一次最多列出三年。</translation>
    </message>
    <message>
        <source>Birthday of {contact}</source>
        <translation>{contact}生日</translation>
    </message>
    <message>
        <source>Lunar birthday of {contact} ({lunar})</source>
        <translation>{contact}农历生日（{lunar}）</translation>
    </message>
    <message>
        <source>{store}: first anniversary of opening</source>
        <translation>{store}开业1周年</translation>
    </message>
    <message>
        <source>{store}: {years} years since opening</source>
        <translation>{store}开业{years}周年</translation>
    </message>
    <message>
        <source>Contract of {franchisee} ends</source>
        <translation>{franchisee}合同到期</translation>
    </message>
    <message>
        <source>Visit due: {franchisee}</source>
        <translation>应回访：{franchisee}</translation>
    </message>
    <message>
        <source>Visit overdue: {franchisee}</source>
        <translation>回访已逾期：{franchisee}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Your password for hqdesk. On a shared PostgreSQL database where you connect with your own database login, that login's password changes with it: one password for both.</source>
        <translation>您的 hqdesk 密码。在共享的 PostgreSQL 数据库上，如果您使用自己的数据库登录名连接，该登录名的密码会随之一起更改：两者使用同一个密码。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>请输入您的当前密码。</translation>
    </message>
    <message>
        <source>The new passwords do not match.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>* {month} so far (to {day}); last year: the whole month</source>
        <translation>* {month}截至 {day} 日；去年为整月</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Picture (PNG)…</source>
        <translation>图片 (PNG)…</translation>
    </message>
    <message>
        <source>Data (CSV)…</source>
        <translation>数据 (CSV)…</translation>
    </message>
    <message>
        <source>Data (Excel)…</source>
        <translation>数据 (Excel)…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Nothing to show for this choice.</source>
        <translation>此筛选条件下没有数据。</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>无法写入 {path}。</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Every row is checked before anything is written. Fix the file and check again, or choose what to do with rows already in hqdesk.</source>
        <translation>写入之前会检查每一行。请修改文件后重新检查，或选择如何处理 hqdesk 中已有的记录。</translation>
    </message>
    <message>
        <source>S&amp;top checking</source>
        <translation>停止检查(&amp;T)</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Copy problems</source>
        <translation>复制问题(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export problems…</source>
        <translation>导出问题(&amp;E)…</translation>
    </message>
    <message>
        <source>Update them with the file's values</source>
        <translation>用文件中的值更新</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>For all of them:</source>
        <translation>全部：</translation>
    </message>
    <message>
        <source>Matched by</source>
        <translation>匹配依据</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>In hqdesk</source>
        <translation>hqdesk 中的记录</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Checking every row of {name}…</source>
        <translation>正在检查 {name} 的每一行…</translation>
    </message>
    <message>
        <source>The check failed: {reason}</source>
        <translation>检查失败：{reason}</translation>
    </message>
    <message>
        <source>Check stopped. Nothing was written; check again to import.</source>
        <translation>检查已停止，未写入任何数据；请重新检查后再导入。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix in the file: nothing can be imported until they are fixed.</source>
        <translation>
            <numerusform>文件中有 %n 个问题需要修正：修正之前无法导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every row is fine. Import will create {created}, update {updated} and skip {skipped}.</source>
        <translation>所有行均无问题。导入将新建 {created} 条、更新 {updated} 条、跳过 {skipped} 条。</translation>
    </message>
    <message numerus="yes">
        <source>Every row is fine, and none is in hqdesk yet: Import will create all %n.</source>
        <translation>
            <numerusform>每一行都没有问题，且均尚未在 hqdesk 中：导入将新建全部 %n 条。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Problems: %n</source>
        <translation>
            <numerusform>问题：%n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) already in hqdesk</source>
        <translation>
            <numerusform>%n 行在 hqdesk 中已有记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Export problems</source>
        <translation>导出问题</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
</context>
<context>
    <name>CollectionPolicyDialog</name>
    <message>
        <source>New collection policy</source>
        <translation>新建催收政策</translation>
    </message>
    <message>
        <source>Edit collection policy</source>
        <translation>编辑催收政策</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Days overdue tolerated by the credit check</source>
        <translation>信用检查容忍的逾期天数</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Dunning levels (days overdue strictly increasing)</source>
        <translation>催收级别（逾期天数严格递增）</translation>
    </message>
    <message>
        <source>From days overdue</source>
        <translation>逾期天数起</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Letter template</source>
        <translation>函件模板</translation>
    </message>
    <message>
        <source>Add a level</source>
        <translation>添加级别</translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>Letterhead</source>
        <translation>信笺抬头</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>The company's details at the top of letters. They are shared by every user of this database.</source>
        <translation>信函顶部显示的公司信息，由此数据库的所有用户共用。</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>移除 Logo</translation>
    </message>
    <message>
        <source>PNG or JPG; wide logos are scaled to 600 pixels.</source>
        <translation>PNG 或 JPG 格式；较宽的 Logo 将缩放至 600 像素。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Only an administrator can change the letterhead.</source>
        <translation>仅管理员可修改信笺抬头。</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无 Logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>hqdesk cannot read this file as an image. Choose a PNG or JPG file.</source>
        <translation>hqdesk 无法将此文件识别为图片，请选择 PNG 或 JPG 文件。</translation>
    </message>
    <message>
        <source>The letterhead below is now the saved one; make your changes again if they are still needed, then press OK.</source>
        <translation>下方显示的是已保存的信笺抬头；如仍需修改，请重新修改后点击“确定”。</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>(not yet: leave it new)</source>
        <translation>（暂不指派：保持“新建”）</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>指派…</translation>
    </message>
    <message>
        <source>Start work…</source>
        <translation>开始处理…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <source>Franchisee's satisfaction</source>
        <translation>加盟商满意度</translation>
    </message>
    <message>
        <source>1 – very unhappy</source>
        <translation>1 – 非常不满意</translation>
    </message>
    <message>
        <source>2 – unhappy</source>
        <translation>2 – 不满意</translation>
    </message>
    <message>
        <source>3 – neutral</source>
        <translation>3 – 一般</translation>
    </message>
    <message>
        <source>4 – happy</source>
        <translation>4 – 满意</translation>
    </message>
    <message>
        <source>5 – very happy</source>
        <translation>5 – 非常满意</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>转派</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>(ask the franchisee)</source>
        <translation>（请询问加盟商）</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新投诉</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>What happened, in the franchisee's words</source>
        <translation>按加盟商的原话记录发生了什么</translation>
    </message>
    <message>
        <source>Products or invoices</source>
        <translation>相关产品或发票</translation>
    </message>
    <message>
        <source>e.g. product code, invoice number</source>
        <translation>例如：产品编号、发票号码</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>指派给</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Add a comment to the timeline</source>
        <translation>在处理记录中添加备注</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Reassign…</source>
        <translation>转派…</translation>
    </message>
    <message>
        <source>Log complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>A new complaint starts as &lt;b&gt;new&lt;/b&gt;; name an assignee to assign it at once.</source>
        <translation>新投诉的状态为&lt;b&gt;新建&lt;/b&gt;；选择处理人即可立即指派。</translation>
    </message>
    <message>
        <source>Your role cannot log complaints.</source>
        <translation>您的角色不能登记投诉。</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Type a code or a name</source>
        <translation>输入编号或名称</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Complaint {number}</source>
        <translation>投诉 {number}</translation>
    </message>
    <message>
        <source>assignee: {name}</source>
        <translation>处理人：{name}</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>尚未指派</translation>
    </message>
    <message>
        <source>logged by {name}</source>
        <translation>登记人：{name}</translation>
    </message>
    <message>
        <source>due {when}</source>
        <translation>截止 {when}</translation>
    </message>
    <message>
        <source>OVERDUE: was {due}</source>
        <translation>已逾期：{due}</translation>
    </message>
    <message>
        <source>Response due {response}; resolution due {resolution}.</source>
        <translation>响应截止 {response}；解决截止 {resolution}。</translation>
    </message>
    <message>
        <source>Take it…</source>
        <translation>由我处理…</translation>
    </message>
    <message>
        <source>Resume work…</source>
        <translation>继续处理…</translation>
    </message>
    <message>
        <source>Closed: read only. Reopen it to change it.</source>
        <translation>已结案：只读。重新打开后才能修改。</translation>
    </message>
    <message>
        <source>Only the assignee or an administrator changes this complaint.</source>
        <translation>只有处理人或管理员可以修改此投诉。</translation>
    </message>
    <message>
        <source>Response within {response} h, resolution within {resolution} h of receipt.</source>
        <translation>受理后 {response} 小时内响应，{resolution} 小时内解决。</translation>
    </message>
</context>
<context>
    <name>ComplaintSettings</name>
    <message>
        <source>Complaint categories</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Add main category</source>
        <translation>添加主类别</translation>
    </message>
    <message>
        <source>Add below selected</source>
        <translation>在所选类别下添加</translation>
    </message>
    <message>
        <source>Rename selected</source>
        <translation>重命名所选类别</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>A category is never deleted: deactivate it, and complaints already filed under it keep it. Deactivating a category takes its sub-categories out of use too.</source>
        <translation>类别不会被删除：请停用它，已归入该类别的投诉保留原类别。停用一个类别也会停用其下的子类别。</translation>
    </message>
    <message>
        <source>Response and resolution times</source>
        <translation>响应与解决时限</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Response (hours)</source>
        <translation>响应（小时）</translation>
    </message>
    <message>
        <source>Resolution (hours)</source>
        <translation>解决（小时）</translation>
    </message>
    <message>
        <source>Calendar hours from receipt (48 h = 2 days). The response is due when someone starts work; new times apply to complaints logged after saving.</source>
        <translation>自受理起按自然小时计算（48 小时 = 2 天）。开始处理即视为已响应；新时限只适用于保存之后登记的投诉。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>ComplaintTimeline</name>
    <message>
        <source>Logged</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Reassigned to {name}</source>
        <translation>转派给 {name}</translation>
    </message>
    <message>
        <source>Details corrected</source>
        <translation>更正了投诉信息</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>ComplaintsModel</name>
    <message>
        <source>{when} (overdue)</source>
        <translation>{when}（已逾期）</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（未指派）</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Overdue: the due time has passed.</source>
        <translation>已逾期：已超过截止时间。</translation>
    </message>
    <message>
        <source>Click to sort</source>
        <translation>点击排序</translation>
    </message>
</context>
<context>
    <name>ComplaintsView</name>
    <message>
        <source>Number, franchisee code or name</source>
        <translation>投诉编号、加盟商编号或名称</translation>
    </message>
    <message>
        <source>Open (not resolved)</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>全部严重程度</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>全部处理人</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>新投诉…</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n 条投诉</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else changed this record</source>
        <translation>其他用户已修改此记录</translation>
    </message>
    <message>
        <source>What they changed, next to what you were about to save:</source>
        <translation>对方的修改与您准备保存的内容对比如下：</translation>
    </message>
    <message>
        <source>They did not change any field you were editing (they may have changed the status or archived the record).</source>
        <translation>对方未修改您正在编辑的字段（可能更改了状态或归档了该记录）。</translation>
    </message>
    <message>
        <source>Reload their version</source>
        <translation>重新载入对方版本</translation>
    </message>
    <message>
        <source>Discard your edits and show the record as it is now.</source>
        <translation>放弃您的修改，显示该记录的当前内容。</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Close this message. Nothing is saved; your edits stay in the form.</source>
        <translation>关闭此提示。不会保存任何内容，您的修改仍保留在表单中。</translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation>用我的版本覆盖</translation>
    </message>
    <message>
        <source>Save your version over theirs. Their changes are lost.</source>
        <translation>用您的版本覆盖对方的版本，对方的修改将丢失。</translation>
    </message>
    <message>
        <source>Keep both changes</source>
        <translation>保留双方的修改</translation>
    </message>
    <message>
        <source>You changed other fields than they did: save their version with your edits on top.</source>
        <translation>您与对方修改的是不同字段：在对方版本的基础上保存您的修改。</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Their value</source>
        <translation>对方的值</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>您的值</translation>
    </message>
    <message>
        <source>(you did not change it)</source>
        <translation>（您未修改）</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Contact: {name}</source>
        <translation>联系人：{name}</translation>
    </message>
    <message>
        <source>e.g. 先生, 女士, 总</source>
        <translation>如：先生、女士、总</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>如：{example}</translation>
    </message>
    <message>
        <source>Letter language</source>
        <translation>信函语言</translation>
    </message>
    <message>
        <source>Not set (Simplified Chinese)</source>
        <translation>未设置（简体中文）</translation>
    </message>
    <message>
        <source>Primary contact of the franchisee</source>
        <translation>加盟商的主要联系人</translation>
    </message>
    <message>
        <source>Celebrates the lunar calendar birthday</source>
        <translation>过农历生日</translation>
    </message>
    <message>
        <source>Add anniversary</source>
        <translation>添加纪念日</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Gifts, tea or wine, topics to avoid…</source>
        <translation>礼品、茶或酒、忌讳话题…</translation>
    </message>
    <message>
        <source>Lunar calendar: {date}</source>
        <translation>农历：{date}</translation>
    </message>
    <message>
        <source>Birthday today ({date})</source>
        <translation>今天生日（{date}）</translation>
    </message>
    <message numerus="yes">
        <source>Next birthday: {date}, in %n day(s)</source>
        <translation>
            <numerusform>下次生日：{date}，还有 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>(lunar {date})</source>
        <translation>（农历 {date}）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Next birthday: {date}</source>
        <translation>下次生日：{date}</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
</context>
<context>
    <name>CreditCheck</name>
    <message>
        <source>The franchisee's settlement term is advance payment: the order ships only after {amount} has been paid.</source>
        <translation>该加盟商的结算方式为预付款：须收到 {amount} 后方可发货。</translation>
    </message>
    <message>
        <source>Cash on delivery: collect {amount} when the goods are delivered.</source>
        <translation>货到付款：交货时收取 {amount}。</translation>
    </message>
    <message>
        <source>The franchisee has no credit limit: no goods on credit until a credit manager sets one (open balance {balance}, order {amount}).</source>
        <translation>该加盟商没有信用额度：在信用经理设定额度之前不得赊销（未结余额 {balance}，本单 {amount}）。</translation>
    </message>
    <message>
        <source>Open balance {balance} plus this order {amount} makes {exposure}, over the credit limit {limit} ({share}%).</source>
        <translation>未结余额 {balance} 加本单 {amount} 共 {exposure}，超过信用额度 {limit}（{share}%）。</translation>
    </message>
    <message>
        <source>Open balance {balance} plus this order {amount} makes {exposure}: {share}% of the credit limit {limit} (warning above {warn}%).</source>
        <translation>未结余额 {balance} 加本单 {amount} 共 {exposure}：占信用额度 {limit} 的 {share}%（超过 {warn}% 即预警）。</translation>
    </message>
    <message>
        <source>Open balance {balance} plus this order {amount} makes {exposure}: {share}% of the credit limit {limit}.</source>
        <translation>未结余额 {balance} 加本单 {amount} 共 {exposure}：占信用额度 {limit} 的 {share}%。</translation>
    </message>
    <message>
        <source>{overdue} is overdue, the oldest by {days} days: more than the {tolerance} days the collection policy {policy} tolerates.</source>
        <translation>逾期款项 {overdue}，最长逾期 {days} 天：超过催收政策“{policy}”容忍的 {tolerance} 天。</translation>
    </message>
    <message>
        <source>{overdue} is overdue, the oldest by {days} days: within the {tolerance} days the collection policy {policy} tolerates.</source>
        <translation>逾期款项 {overdue}，最长逾期 {days} 天：在催收政策“{policy}”容忍的 {tolerance} 天以内。</translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation>没有逾期款项。</translation>
    </message>
    <message>
        <source>Dunning level {level} ({action}) is reached: from {hold_days} days overdue the collection policy {policy} puts the franchisee on credit hold.</source>
        <translation>已达到催收级别 {level}（{action}）：按催收政策“{policy}”，逾期 {hold_days} 天起信用冻结。</translation>
    </message>
    <message>
        <source>The franchisee is on credit hold: {reason}</source>
        <translation>该加盟商已被信用冻结：{reason}</translation>
    </message>
    <message>
        <source>The franchisee's expected bad-debt loss rate {rate}% is above the credit standard {standard}%.</source>
        <translation>该加盟商的预计坏账损失率 {rate}% 高于信用标准 {standard}%。</translation>
    </message>
    <message>
        <source>No credit sales from {start} to {end}: there is no actual loss rate to compare with the normal rate {normal}%.</source>
        <translation>{start} 至 {end} 没有赊销：没有实际坏账损失率可与正常损失率 {normal}% 比较。</translation>
    </message>
    <message>
        <source>From {start} to {end} write-offs of {write_offs} on credit sales of {sales} make an actual bad-debt loss rate of {actual}%, above the normal rate {normal}%. Tighten: a stricter credit standard, shorter settlement terms and a stricter collection policy.</source>
        <translation>{start} 至 {end}，赊销 {sales}，核销坏账 {write_offs}，实际坏账损失率 {actual}%，高于正常损失率 {normal}%。建议收紧：更严格的信用标准、更短的结算期限和更严格的催收政策。</translation>
    </message>
    <message>
        <source>From {start} to {end} write-offs of {write_offs} on credit sales of {sales} make an actual bad-debt loss rate of {actual}%, below {band}% (80% of the normal rate {normal}%). There is room to loosen to win orders: a more generous credit standard, longer terms or higher limits.</source>
        <translation>{start} 至 {end}，赊销 {sales}，核销坏账 {write_offs}，实际坏账损失率 {actual}%，低于 {band}%（正常损失率 {normal}% 的 80%）。有放宽的空间以争取订单：更宽松的信用标准、更长的结算期限或更高的额度。</translation>
    </message>
    <message>
        <source>From {start} to {end} write-offs of {write_offs} on credit sales of {sales} make an actual bad-debt loss rate of {actual}%, in line with the normal rate {normal}% (between {band}% and {normal}%): keep the policy.</source>
        <translation>{start} 至 {end}，赊销 {sales}，核销坏账 {write_offs}，实际坏账损失率 {actual}%，与正常损失率 {normal}% 相符（介于 {band}% 与 {normal}% 之间）：维持现行政策。</translation>
    </message>
    <message>
        <source>Dunning level {level}: {days} days overdue ({amount}) as of {date}.</source>
        <translation>催收级别 {level}：截至 {date} 逾期 {days} 天（{amount}）。</translation>
    </message>
</context>
<context>
    <name>CreditCheckDialog</name>
    <message>
        <source>Check an order: {name}</source>
        <translation>检查订单：{name}</translation>
    </message>
    <message>
        <source>Order amount (¥)</source>
        <translation>订单金额（¥）</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>订单日期</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>why this order may go ahead all the same</source>
        <translation>说明为何此订单仍可放行</translation>
    </message>
    <message>
        <source>Override the block</source>
        <translation>越权放行</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>放行理由</translation>
    </message>
    <message>
        <source>Override kept: {reason}</source>
        <translation>已记录放行：{reason}</translation>
    </message>
</context>
<context>
    <name>CreditPolicyView</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tolerance (days)</source>
        <translation>容忍天数</translation>
    </message>
    <message>
        <source>Dunning levels</source>
        <translation>催收级别</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>信用档案数</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Company credit policy</source>
        <translation>公司信用政策</translation>
    </message>
    <message>
        <source>Normal bad-debt loss rate (%)</source>
        <translation>正常坏账损失率（%）</translation>
    </message>
    <message>
        <source>Set by finance: the loss rate the business plans with.</source>
        <translation>由财务设定：经营计划采用的损失率。</translation>
    </message>
    <message>
        <source>Credit standard (%)</source>
        <translation>信用标准（%）</translation>
    </message>
    <message>
        <source>The highest expected bad-debt loss rate at which a franchisee may buy on credit.</source>
        <translation>加盟商可以赊购的最高预计坏账损失率。</translation>
    </message>
    <message>
        <source>Aging bucket bounds (days)</source>
        <translation>账龄区间界限（天）</translation>
    </message>
    <message>
        <source>Default collection policy</source>
        <translation>默认催收政策</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Policy advice (last 12 months)</source>
        <translation>政策建议（最近 12 个月）</translation>
    </message>
    <message>
        <source>Collection policies</source>
        <translation>催收政策</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>CreditProfileDialog</name>
    <message>
        <source>Propose a credit change</source>
        <translation>提议信用变更</translation>
    </message>
    <message>
        <source>Change the credit profile</source>
        <translation>修改信用档案</translation>
    </message>
    <message>
        <source>Settlement term</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <source>Days (net days or grace days)</source>
        <translation>天数（账期天数或宽限天数）</translation>
    </message>
    <message>
        <source>Credit limit (¥, empty: no credit)</source>
        <translation>信用额度（¥，留空：不赊销）</translation>
    </message>
    <message>
        <source>Collection policy</source>
        <translation>催收政策</translation>
    </message>
    <message>
        <source>Company default</source>
        <translation>公司默认</translation>
    </message>
    <message>
        <source>Derive from the payment history</source>
        <translation>根据付款记录推算</translation>
    </message>
    <message>
        <source>Expected bad-debt loss rate (%)</source>
        <translation>预计坏账损失率（%）</translation>
    </message>
    <message>
        <source>Credit hold</source>
        <translation>信用冻结</translation>
    </message>
    <message>
        <source>Reason for the hold</source>
        <translation>冻结原因</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>变更理由</translation>
    </message>
    <message>
        <source>Send the proposal</source>
        <translation>提交提议</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close this dialog to see their change, then try again.</source>
        <translation>请关闭此对话框查看对方的修改，然后重试。</translation>
    </message>
</context>
<context>
    <name>CreditTab</name>
    <message>
        <source>Settlement term</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Collection policy</source>
        <translation>催收政策</translation>
    </message>
    <message>
        <source>Expected loss rate</source>
        <translation>预计损失率</translation>
    </message>
    <message>
        <source>Credit hold</source>
        <translation>信用冻结</translation>
    </message>
    <message>
        <source>Reason for the hold</source>
        <translation>冻结原因</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <source>no credit</source>
        <translation>不赊销</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>{user} (proposal {id})</source>
        <translation>{user}（提议 {id}）</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>提议时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>提议人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decision note</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Propose a change…</source>
        <translation>提议变更…</translation>
    </message>
    <message>
        <source>Check an order…</source>
        <translation>检查订单…</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>变更提议</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Changes to the credit profile</source>
        <translation>信用档案变更记录</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>{term}: {days} days</source>
        <translation>{term}：{days} 天</translation>
    </message>
    <message>
        <source>{term} + {days} days</source>
        <translation>{term} + {days} 天</translation>
    </message>
    <message>
        <source>none (no goods on credit)</source>
        <translation>无（不赊销）</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>from its payment history (36 months)</source>
        <translation>根据付款记录（36 个月）</translation>
    </message>
    <message>
        <source>the company's normal rate (too little history)</source>
        <translation>公司正常损失率（历史记录不足）</translation>
    </message>
    <message>
        <source>yes: {reason}</source>
        <translation>是：{reason}</translation>
    </message>
    <message>
        <source>No credit profile yet: the defaults apply.</source>
        <translation>尚无信用档案：适用默认值。</translation>
    </message>
    <message>
        <source>Reject the proposal</source>
        <translation>驳回提议</translation>
    </message>
    <message>
        <source>Why (the account manager reads it)</source>
        <translation>理由（客户经理可见）</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Where hqdesk keeps its data.</source>
        <translation>hqdesk 的数据存储位置。</translation>
    </message>
    <message>
        <source>Currently open: {database}</source>
        <translation>当前数据库：{database}</translation>
    </message>
    <message>
        <source>This computer (SQLite file)</source>
        <translation>本机（SQLite 文件）</translation>
    </message>
    <message>
        <source>Shared server (PostgreSQL)</source>
        <translation>共享服务器（PostgreSQL）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Create a new, empty database in this file if there is none</source>
        <translation>如该文件不存在，在此新建一个空数据库</translation>
    </message>
    <message>
        <source>For one user. The file must be on this computer, not on a network share.</source>
        <translation>适用于单用户。文件必须保存在本机，不能位于网络共享位置。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>name or address, e.g. db.hq.local</source>
        <translation>名称或地址，如 db.hq.local</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database name</source>
        <translation>数据库名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>leave empty to keep the saved password</source>
        <translation>留空则保留已保存的密码</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>hqdesk opens the chosen database when you press OK.</source>
        <translation>点击“确定”后，hqdesk 将打开所选数据库。</translation>
    </message>
    <message>
        <source>A new database choice takes effect the next time hqdesk starts.</source>
        <translation>更改的数据库将在 hqdesk 下次启动时生效。</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{path} is on a network share. SQLite cannot lock files safely over a network, so several users would damage it. Keep the file on this computer, or choose “Shared server (PostgreSQL)” above.</source>
        <translation>{path} 位于网络共享位置。SQLite 无法通过网络安全地锁定文件，多人同时使用会损坏数据。请将文件保存在本机，或在上方选择“共享服务器（PostgreSQL）”。</translation>
    </message>
    <message>
        <source>There is no database at {path}. Check the path, or tick “Create a new, empty database in this file” to start a new one there.</source>
        <translation>{path} 处没有数据库。请检查路径，或勾选“如该文件不存在，在此新建一个空数据库”以在该处新建数据库。</translation>
    </message>
    <message>
        <source>Enter the path of the database file.</source>
        <translation>请填写数据库文件路径。</translation>
    </message>
    <message>
        <source>Enter the full path of the file, starting with the drive (e.g. D:\hqdesk\hqdesk.sqlite3).</source>
        <translation>请填写包含盘符的完整文件路径（如 D:\hqdesk\hqdesk.sqlite3）。</translation>
    </message>
    <message>
        <source>Enter the server's name or address.</source>
        <translation>请填写服务器名称或地址。</translation>
    </message>
    <message>
        <source>Enter the name of the database.</source>
        <translation>请填写数据库名。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>There is no database there yet: hqdesk creates a new, empty one when you press OK.</source>
        <translation>该处还没有数据库：按“确定”后 hqdesk 将新建一个空数据库。</translation>
    </message>
    <message>
        <source>Connected: {version}</source>
        <translation>连接成功：{version}</translation>
    </message>
</context>
<context>
    <name>DiscardTyped</name>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Discard what you have typed in {title}?</source>
        <translation>放弃您在“{title}”中输入的内容？</translation>
    </message>
</context>
<context>
    <name>DueVisitsModel</name>
    <message>
        <source>Due</source>
        <translation>应拜访日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次拜访</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Overdue by %n day(s)</source>
        <translation>
            <numerusform>⚠ 已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message>
        <source> (follow-up)</source>
        <translation>（跟进）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>DunningView</name>
    <message>
        <source>Run date</source>
        <translation>运行日期</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Letter template</source>
        <translation>函件模板</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Amount overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Run dunning</source>
        <translation>运行催收</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>待办任务</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Mark done…</source>
        <translation>标记完成…</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>跳过…</translation>
    </message>
    <message>
        <source>Enter the date to run dunning as of.</source>
        <translation>请输入催收的截至日期。</translation>
    </message>
    <message>
        <source>Dunning as of {date}: {overdue} franchisees with overdue invoices, {new} new tasks.</source>
        <translation>截至 {date} 的催收：{overdue} 家加盟商有逾期发票，新增 {new} 项任务。</translation>
    </message>
    <message>
        <source>Mark the task done</source>
        <translation>标记任务完成</translation>
    </message>
    <message>
        <source>Skip the task</source>
        <translation>跳过任务</translation>
    </message>
</context>
<context>
    <name>Enums</name>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>老板</translation>
    </message>
    <message>
        <source>General manager</source>
        <translation>总经理</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <source>Store manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>筹备中</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Renovating</source>
        <translation>装修中</translation>
    </message>
    <message>
        <source>Not given (Simplified Chinese)</source>
        <translation>未指定（简体中文）</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已指派</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>合作中</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停合作</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Credit manager</source>
        <translation>信用经理</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>只读用户</translation>
    </message>
    <message>
        <source>view franchisees</source>
        <translation>查看加盟商</translation>
    </message>
    <message>
        <source>create franchisees</source>
        <translation>新建加盟商</translation>
    </message>
    <message>
        <source>edit this franchisee</source>
        <translation>编辑此加盟商</translation>
    </message>
    <message>
        <source>change this franchisee's status</source>
        <translation>更改此加盟商的状态</translation>
    </message>
    <message>
        <source>archive franchisees</source>
        <translation>归档加盟商</translation>
    </message>
    <message>
        <source>reassign account managers</source>
        <translation>重新分配客户经理</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>edit the company letterhead</source>
        <translation>编辑公司信笺抬头</translation>
    </message>
    <message>
        <source>import franchisees</source>
        <translation>导入加盟商</translation>
    </message>
    <message>
        <source>view history</source>
        <translation>查看变更记录</translation>
    </message>
    <message>
        <source>overwrite another user's changes</source>
        <translation>覆盖其他用户的修改</translation>
    </message>
    <message>
        <source>configure tiers</source>
        <translation>配置等级</translation>
    </message>
    <message>
        <source>change credit profiles</source>
        <translation>修改信用档案</translation>
    </message>
    <message>
        <source>propose a credit change</source>
        <translation>提出信用调整申请</translation>
    </message>
    <message>
        <source>approve or reject credit changes</source>
        <translation>审批信用调整申请</translation>
    </message>
    <message>
        <source>configure the credit policy</source>
        <translation>配置信用政策</translation>
    </message>
    <message>
        <source>record invoices and payments</source>
        <translation>登记发票和回款</translation>
    </message>
    <message>
        <source>write off bad debt</source>
        <translation>核销坏账</translation>
    </message>
    <message>
        <source>override a credit block</source>
        <translation>越权放行被拦截的信用检查</translation>
    </message>
    <message>
        <source>run dunning</source>
        <translation>运行催收</translation>
    </message>
    <message>
        <source>work on dunning actions</source>
        <translation>处理催收任务</translation>
    </message>
    <message>
        <source>log visits of this franchisee</source>
        <translation>记录该加盟商的拜访</translation>
    </message>
    <message>
        <source>change this franchisee's visit plan</source>
        <translation>修改该加盟商的拜访计划</translation>
    </message>
    <message>
        <source>configure the visit cadence of each tier</source>
        <translation>设置各等级的拜访周期</translation>
    </message>
    <message>
        <source>log complaints</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>handle this complaint</source>
        <translation>处理此投诉</translation>
    </message>
    <message>
        <source>configure complaint categories and times</source>
        <translation>设置投诉类别与时限</translation>
    </message>
    <message>
        <source>edit letter templates</source>
        <translation>编辑信函模板</translation>
    </message>
    <message>
        <source>generate letters to this franchisee</source>
        <translation>给该加盟商生成信函</translation>
    </message>
    <message>
        <source>Advance payment</source>
        <translation>预付款</translation>
    </message>
    <message>
        <source>Cash on delivery</source>
        <translation>货到付款</translation>
    </message>
    <message>
        <source>Net days</source>
        <translation>账期天数</translation>
    </message>
    <message>
        <source>Monthly settlement</source>
        <translation>月结</translation>
    </message>
    <message>
        <source>Quarterly settlement</source>
        <translation>季结</translation>
    </message>
    <message>
        <source>Half-yearly settlement</source>
        <translation>半年结</translation>
    </message>
    <message>
        <source>Yearly settlement</source>
        <translation>年结</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>贷项通知单</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Write-off</source>
        <translation>坏账核销</translation>
    </message>
    <message>
        <source>Reminder letter</source>
        <translation>提醒函</translation>
    </message>
    <message>
        <source>Phone call task</source>
        <translation>电话催收任务</translation>
    </message>
    <message>
        <source>Visit task</source>
        <translation>上门拜访任务</translation>
    </message>
    <message>
        <source>Credit hold</source>
        <translation>信用冻结</translation>
    </message>
    <message>
        <source>Final demand letter</source>
        <translation>最后催告函</translation>
    </message>
    <message>
        <source>Legal review</source>
        <translation>法务审查</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>拦截</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>实地拜访</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Market survey</source>
        <translation>市场调研</translation>
    </message>
    <message>
        <source>New-product promotion</source>
        <translation>新品推广</translation>
    </message>
    <message>
        <source>Suggestion collection</source>
        <translation>收集建议</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Complaint follow-up</source>
        <translation>投诉跟进</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>不采纳</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Store anniversary</source>
        <translation>开业周年</translation>
    </message>
    <message>
        <source>Contract renewal</source>
        <translation>合同续签</translation>
    </message>
    <message>
        <source>Visit due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Chinese New Year's Eve</source>
        <translation>除夕</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Lantern Festival</source>
        <translation>元宵节</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>端午节</translation>
    </message>
    <message>
        <source>Qixi Festival</source>
        <translation>七夕</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <source>Double Ninth Festival</source>
        <translation>重阳节</translation>
    </message>
    <message>
        <source>New Year's Day</source>
        <translation>元旦</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>国庆节</translation>
    </message>
    <message>
        <source>Strict</source>
        <translation>严格</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Lenient</source>
        <translation>宽松</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Festival greeting</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <source>Birthday wishes</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>活动邀请</translation>
    </message>
    <message>
        <source>Credit terms change</source>
        <translation>信用条件调整通知</translation>
    </message>
    <message>
        <source>Account statement</source>
        <translation>对账单</translation>
    </message>
    <message>
        <source>Payment reminder</source>
        <translation>付款提醒</translation>
    </message>
    <message>
        <source>Final demand for payment</source>
        <translation>最后催款通知</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The operation failed.</source>
        <translation>操作失败。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not {action}.</source>
        <translation>您的角色（{role}）无权{action}。</translation>
    </message>
    <message>
        <source>The record was not found; another user may have deleted it.</source>
        <translation>未找到该记录，可能已被其他用户删除。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>{user} changed this record at {when} while you were editing it. Nothing was saved.</source>
        <translation>在您编辑期间，{user} 于 {when} 修改了此记录。未保存任何内容。</translation>
    </message>
    <message>
        <source>The database could not be opened: the server has no database {name}.</source>
        <translation>无法打开数据库：服务器上没有名为 {name} 的数据库。</translation>
    </message>
    <message>
        <source>The database could not be opened: the server has no database user {name}.</source>
        <translation>无法打开数据库：服务器上没有数据库用户 {name}。</translation>
    </message>
    <message>
        <source>The database could not be opened: this database user may not connect to it.</source>
        <translation>无法打开数据库：此数据库用户无权连接该数据库。</translation>
    </message>
    <message>
        <source>The database could not be opened: the server at {where} does not answer. Check the address and that the server is running.</source>
        <translation>无法打开数据库：位于 {where} 的服务器没有响应。请检查地址，并确认服务器正在运行。</translation>
    </message>
    <message>
        <source>The database could not be opened: the server does not answer. Check the address and that the server is running.</source>
        <translation>无法打开数据库：服务器没有响应。请检查地址，并确认服务器正在运行。</translation>
    </message>
    <message>
        <source>The database could not be opened: the file cannot be opened or written. Check the folder and your rights to it.</source>
        <translation>无法打开数据库：无法打开或写入该文件。请检查文件夹以及您对它的访问权限。</translation>
    </message>
    <message>
        <source>The database could not be opened: hqdesk works with SQLite and PostgreSQL only.</source>
        <translation>无法打开数据库：hqdesk 只支持 SQLite 和 PostgreSQL 数据库。</translation>
    </message>
    <message>
        <source>The database could not be opened: the database address is not valid.</source>
        <translation>无法打开数据库：数据库地址无效。</translation>
    </message>
    <message>
        <source>This franchisee is archived, so it can no longer be changed. Nothing was saved. An administrator can restore it from the archive first.</source>
        <translation>该加盟商已归档，不能再修改，未保存任何内容。管理员可先将其从归档中恢复。</translation>
    </message>
    <message>
        <source>This franchisee still has open business. Archive it anyway? Nothing was changed yet.</source>
        <translation>该加盟商仍有未结业务。仍要归档吗？目前尚未做任何更改。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of hqdesk (schema {db_revision}). Nothing was changed. Install the newer hqdesk to open it.</source>
        <translation>此数据库由更高版本的 hqdesk 写入（结构版本 {db_revision}），未做任何更改。请安装新版 hqdesk 后再打开。</translation>
    </message>
    <message>
        <source>The database could not be opened. The details say what the server or the file reported.</source>
        <translation>无法打开数据库。详细信息中列出了服务器或文件报告的原因。</translation>
    </message>
    <message>
        <source>The database file {path} is on a network share. SQLite cannot lock files safely over a network, so several users would corrupt it. Keep the file on this computer, or use a shared PostgreSQL server (Settings &gt; Database).</source>
        <translation>数据库文件 {path} 位于网络共享位置。SQLite 无法通过网络安全地锁定文件，多人同时使用会损坏数据。请将文件保存在本机，或使用共享的 PostgreSQL 服务器（设置 &gt; 数据库）。</translation>
    </message>
    <message>
        <source>The database server did not accept the password for {user}.</source>
        <translation>数据库服务器不接受 {user} 的密码。</translation>
    </message>
    <message>
        <source>The database settings were saved, but the password could not be kept in the system's password store ({detail}). hqdesk will ask for the password each time it starts.</source>
        <translation>数据库设置已保存，但密码无法保存到系统密码库（{detail}）。hqdesk 每次启动时将要求输入密码。</translation>
    </message>
    <message>
        <source>Demo data goes into an empty database only, and this one already holds {count} franchisees. Nothing was changed.</source>
        <translation>演示数据只能导入空数据库，而此数据库已有 {count} 个加盟商。未做任何更改。</translation>
    </message>
    <message>
        <source>Demo data goes into an empty database only, and this one already holds {count} users. The demo accounts have published passwords and must not be added next to real ones. Nothing was changed.</source>
        <translation>演示数据只能导入空数据库，而此数据库已有 {count} 个用户。演示账号的密码是公开的，不能与真实账号放在一起。未做任何更改。</translation>
    </message>
    <message>
        <source>The user name {username} is taken.</source>
        <translation>用户名 {username} 已被使用。</translation>
    </message>
    <message>
        <source>This database already has users; sign in instead.</source>
        <translation>此数据库已有用户，请直接登录。</translation>
    </message>
    <message>
        <source>Another user changed this record while you were editing it. Nothing was saved.</source>
        <translation>在您编辑期间，其他用户修改了此记录。未保存任何内容。</translation>
    </message>
    <message>
        <source>The database could not complete the action; nothing was saved. The details say why.</source>
        <translation>数据库未能完成此操作，未保存任何内容。详细信息中说明了原因。</translation>
    </message>
    <message>
        <source>The database could not be reached. Check the connection and try again; nothing was saved.</source>
        <translation>无法连接数据库。请检查网络连接后重试；未保存任何内容。</translation>
    </message>
    <message>
        <source>The database refused this to your database login; nothing was saved. An administrator can check the hqdesk roles (hqdesk-admin db create-roles).</source>
        <translation>数据库拒绝了您的数据库登录执行此操作，未保存任何内容。管理员可以检查 hqdesk 角色（hqdesk-admin db create-roles）。</translation>
    </message>
    <message>
        <source>The database server did not answer within {seconds} s, so hqdesk stopped waiting. Nothing was saved. Check the network connection or ask the administrator whether the server is running, then try again.</source>
        <translation>数据库服务器在 {seconds} 秒内没有响应，hqdesk 已停止等待。没有保存任何内容。请检查网络连接，或询问管理员服务器是否在运行，然后重试。</translation>
    </message>
    <message>
        <source>Another user is writing to the database (an import, perhaps) and did not finish within {seconds} s. Nothing was saved; try again in a moment.</source>
        <translation>另一位用户（可能是一次导入）正在写入数据库，{seconds} 秒内没有完成。没有保存任何内容；请稍后重试。</translation>
    </message>
    <message>
        <source>Something went wrong and the action was not completed. The details are in the log file:
{path}</source>
        <translation>出现错误，操作未完成。详细信息请查看日志文件：
{path}</translation>
    </message>
    <message>
        <source>hqdesk</source>
        <translation>hqdesk</translation>
    </message>
    <message>
        <source>Your account has been disabled or removed by an administrator. Nothing was changed.</source>
        <translation>您的账号已被管理员停用或删除。未做任何更改。</translation>
    </message>
    <message>
        <source>The database refused this change: your database login may not make it. Nothing was changed.</source>
        <translation>数据库拒绝了此更改：您的数据库登录账号无权进行此操作。未做任何更改。</translation>
    </message>
    <message>
        <source>There is no hqdesk user {name}: a personal login belongs to the hqdesk user of the same name. Add the user first (hqdesk-admin user add {name} --role {role}); nothing was changed.</source>
        <translation>没有名为 {name} 的 hqdesk 用户：个人登录账号属于同名的 hqdesk 用户。请先添加该用户（hqdesk-admin user add {name} --role {role}）；未做任何更改。</translation>
    </message>
    <message>
        <source>The hqdesk user {name} is {user_role}, not {role}: the login's group follows the user's role. Nothing was changed.</source>
        <translation>hqdesk 用户 {name} 的角色是 {user_role}，不是 {role}：登录账号所属的组随用户角色而定。未做任何更改。</translation>
    </message>
    <message>
        <source>The hqdesk user {name} is deactivated; nothing was changed.</source>
        <translation>hqdesk 用户 {name} 已停用；未做任何更改。</translation>
    </message>
    <message>
        <source>There is no database file at {path}. Check the path, or create a new database there.</source>
        <translation>{path} 处没有数据库文件。请检查路径，或在该处新建数据库。</translation>
    </message>
    <message>
        <source>This database connection uses the personal login {login}: only the user {login} can sign in on it. To work as {username}, connect with {username}'s own database login.</source>
        <translation>此数据库连接使用个人登录账号 {login}：只有用户 {login} 可以在此登录。如需以 {username} 身份工作，请使用 {username} 自己的数据库登录账号连接。</translation>
    </message>
    <message>
        <source>Its status is Active: it still trades under the brand. Terminate it first if it has left.</source>
        <translation>其状态为“合作中”：仍在使用本品牌经营。如已退出，请先将其终止。</translation>
    </message>
    <message>
        <source>Its status is Suspended: the franchise has not been terminated.</source>
        <translation>其状态为“暂停合作”：加盟关系尚未终止。</translation>
    </message>
    <message>
        <source>Its contract has not ended yet.</source>
        <translation>其合同尚未到期。</translation>
    </message>
    <message>
        <source>The save was cancelled while it waited for another user's change to the database. Nothing was saved; your changes are still in the form.</source>
        <translation>保存已取消：它在等待其他用户对数据库的修改完成时被取消。没有保存任何内容；您的修改仍在表单中。</translation>
    </message>
    <message>
        <source>The password was not changed: the database server did not let hqdesk change the password of the database login {name}, which must stay the same as the hqdesk password. Reset it with hqdesk connected as the owner of the tables (a role with CREATEROLE), or ask the database administrator.</source>
        <translation>密码未更改：数据库服务器不允许 hqdesk 更改数据库登录名 {name} 的密码，而该密码必须与 hqdesk 密码保持一致。请以数据表所有者（具有 CREATEROLE 权限的角色）连接 hqdesk 后重置，或联系数据库管理员。</translation>
    </message>
    <message>
        <source>This complaint is closed, so it is read only. Reopen it first. Nothing was saved.</source>
        <translation>此投诉已结案，只读。请先重新打开。未保存任何内容。</translation>
    </message>
    <message>
        <source>There is no franchisee with the code {code}.</source>
        <translation>没有编号为 {code} 的加盟商。</translation>
    </message>
    <message>
        <source>The ledger cannot take this document.</source>
        <translation>账簿无法接收此单据。</translation>
    </message>
    <message>
        <source>{number} cannot be deleted: other documents depend on it (a payment, credit note or write-off names it, or credit was applied to it by hand). Nothing was deleted.</source>
        <translation>{number} 不能删除：有其他单据依赖它（某笔收款、贷项通知单或核销指向它，或已手工核销到它）。未删除任何内容。</translation>
    </message>
    <message>
        <source>{number} came from the ERP import and cannot be deleted here. Correct it in the ERP (for example with a credit note) and import that.</source>
        <translation>{number} 来自 ERP 导入，不能在此删除。请在 ERP 中更正（例如开具贷项通知单）后再导入。</translation>
    </message>
    <message>
        <source>{path}: the value is not valid.</source>
        <translation>{path}：值无效。</translation>
    </message>
    <message>
        <source>{path}: missing; it is required.</source>
        <translation>{path}：缺少，此项必填。</translation>
    </message>
    <message>
        <source>{path}: must be a number.</source>
        <translation>{path}：必须是数字。</translation>
    </message>
    <message>
        <source>{path}: must not be negative.</source>
        <translation>{path}：不能为负数。</translation>
    </message>
    <message>
        <source>{path}: must be greater than zero.</source>
        <translation>{path}：必须大于零。</translation>
    </message>
    <message>
        <source>{path}: must be a fraction between 0 and 1 (0.02 is 2 %).</source>
        <translation>{path}：必须是 0 到 1 之间的小数（0.02 即 2%）。</translation>
    </message>
    <message>
        <source>{path}: unknown field (expected one of: {known}).</source>
        <translation>{path}：未知字段（应为以下之一：{known}）。</translation>
    </message>
    <message>
        <source>{path}: must be a JSON object.</source>
        <translation>{path}：必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>{path}: must be a non-empty list.</source>
        <translation>{path}：必须是非空列表。</translation>
    </message>
    <message>
        <source>{path}: every alternative needs a name.</source>
        <translation>{path}：每个方案都需要名称。</translation>
    </message>
    <message>
        <source>{path}: another alternative already has this name.</source>
        <translation>{path}：已有其他方案使用此名称。</translation>
    </message>
    <message>
        <source>{path}: give either collection_days or payment_mix (exactly one of them).</source>
        <translation>{path}：collection_days 与 payment_mix 须且只能填写其一。</translation>
    </message>
    <message>
        <source>{path}: give either bad_debt_rate or bad_debt_amount (exactly one of them).</source>
        <translation>{path}：bad_debt_rate 与 bad_debt_amount 须且只能填写其一。</translation>
    </message>
    <message>
        <source>{path}: the shares add up to {total}; they must add up to 1.</source>
        <translation>{path}：各比例合计为 {total}，必须合计为 1。</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start}).</source>
        <translation>期间的结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <source>The report could not be written to {path}: {reason}</source>
        <translation>报表无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Sales cannot be grouped by {by}.</source>
        <translation>销售额不能按 {by} 分组。</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server: back it up on the server with pg_dump --format=custom --file=hqdesk.dump DBNAME, and restore with pg_restore --clean --if-exists --dbname=DBNAME hqdesk.dump (see the README). hqdesk never copies a server's files.</source>
        <translation>此数据库位于 PostgreSQL 服务器上：请在服务器上用 pg_dump --format=custom --file=hqdesk.dump DBNAME 备份，用 pg_restore --clean --if-exists --dbname=DBNAME hqdesk.dump 恢复（见 README）。hqdesk 从不复制服务器的文件。</translation>
    </message>
    <message>
        <source>There is no database file at {path}.</source>
        <translation>{path} 处没有数据库文件。</translation>
    </message>
    <message>
        <source>{file} is not a SQLite database ({detail}).</source>
        <translation>{file} 不是 SQLite 数据库（{detail}）。</translation>
    </message>
    <message>
        <source>{file} is damaged: {detail}.</source>
        <translation>{file} 已损坏：{detail}。</translation>
    </message>
    <message>
        <source>{file} is not an hqdesk database: it has no {tables} table.</source>
        <translation>{file} 不是 hqdesk 数据库：缺少 {tables} 表。</translation>
    </message>
    <message>
        <source>{file} has no schema revision.</source>
        <translation>{file} 没有数据库结构版本。</translation>
    </message>
    <message>
        <source>The backup cannot be the database file itself.</source>
        <translation>备份文件不能是数据库文件本身。</translation>
    </message>
    <message>
        <source>There is no file at {file}.</source>
        <translation>{file} 处没有文件。</translation>
    </message>
    <message>
        <source>The file to restore is the database itself.</source>
        <translation>要恢复的文件就是数据库本身。</translation>
    </message>
    <message>
        <source>{file} is not a SQLite database (not an hqdesk backup).</source>
        <translation>{file} 不是 SQLite 数据库（不是 hqdesk 备份）。</translation>
    </message>
    <message>
        <source>{file} was written by a newer hqdesk (schema {revision}); update hqdesk first.</source>
        <translation>{file} 由较新版本的 hqdesk 写入（结构版本 {revision}）；请先升级 hqdesk。</translation>
    </message>
    <message>
        <source>The letter template {template} has an error in the {part}, line {line}: {problem}</source>
        <translation>信函模板 {template} 的{part}第 {line} 行有错误：{problem}</translation>
    </message>
    <message>
        <source>The letters were cancelled after {done} of {total}. Nothing was written or recorded.</source>
        <translation>信函已在完成 {done}/{total} 封时取消。未写入任何文件，也未记录任何信函。</translation>
    </message>
    <message>
        <source>The letter to {franchisee} cannot be printed: no font has the character {char} ({where}). Nothing was printed.</source>
        <translation>无法打印给 {franchisee} 的信函：没有字体包含字符“{char}”（{where}）。未打印任何内容。</translation>
    </message>
    <message>
        <source>No letters can be made from this selection. Nothing was written.</source>
        <translation>无法根据所选范围生成信函。未写入任何内容。</translation>
    </message>
    <message>
        <source>An invitation needs the event's name, date and place.</source>
        <translation>邀请函需要填写活动名称、日期和地点。</translation>
    </message>
    <message>
        <source>There is no festival {festival}; choose one of: {keys}.</source>
        <translation>没有节日 {festival}；请从以下选择：{keys}。</translation>
    </message>
    <message>
        <source>Letters are written in Simplified Chinese (zh_CN) or English (en), not {language}.</source>
        <translation>信函语言只能是简体中文（zh_CN）或英文（en），不能是 {language}。</translation>
    </message>
    <message>
        <source>The statement period starts ({start}) after it ends ({end}).</source>
        <translation>对账期间的开始日期（{start}）晚于结束日期（{end}）。</translation>
    </message>
    <message>
        <source>There is no letter template {template} in {language}.</source>
        <translation>没有 {language} 的信函模板 {template}。</translation>
    </message>
    <message>
        <source>No franchisee in the selection gets this letter. Nothing was written.</source>
        <translation>所选范围内没有加盟商需要这封信函。未写入任何内容。</translation>
    </message>
    <message>
        <source>The PDF cannot show {characters} (no font on this computer has them): nothing was written. Excel and CSV files hold them.</source>
        <translation>PDF 无法显示 {characters}（本机没有含这些字的字体）：未写入任何文件。Excel 和 CSV 文件可以保存这些字。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Export to Excel or CSV…</source>
        <translation>导出到 Excel 或 CSV…</translation>
    </message>
    <message>
        <source>Export to Excel or CSV</source>
        <translation>导出到 Excel 或 CSV</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>%n row(s) written to {file}</source>
        <translation>已将 %n 行写入 {file}</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Brand store name</source>
        <translation>门店品牌名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Registered capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <source>Business scope</source>
        <translation>经营范围</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Settlement term</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <source>Days (net or grace)</source>
        <translation>天数（账期或宽限）</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Collection policy</source>
        <translation>催收政策</translation>
    </message>
    <message>
        <source>Expected bad-debt loss rate</source>
        <translation>预期坏账损失率</translation>
    </message>
    <message>
        <source>Loss rate from payment history</source>
        <translation>损失率按回款历史推算</translation>
    </message>
    <message>
        <source>Credit hold</source>
        <translation>信用冻结</translation>
    </message>
    <message>
        <source>Hold reason</source>
        <translation>冻结原因</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <source>Proposed changes</source>
        <translation>申请的调整</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Decision note</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Applies to invoice</source>
        <translation>对应发票</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Settled on</source>
        <translation>结清日期</translation>
    </message>
    <message>
        <source>Dunning run</source>
        <translation>催收批次</translation>
    </message>
    <message>
        <source>Dunning level</source>
        <translation>催收级别</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Overdue amount</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Status since</source>
        <translation>状态起始日期</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>加盟日期</translation>
    </message>
    <message>
        <source>Contract start</source>
        <translation>合同开始日期</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>合同到期日期</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Form of address</source>
        <translation>称谓</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Lunar calendar birthday</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Anniversaries</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>Hobbies</source>
        <translation>爱好</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>开业日期</translation>
    </message>
    <message>
        <source>Floor area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Lunar calendar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>拜访日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>拜访人</translation>
    </message>
    <message>
        <source>Also from HQ</source>
        <translation>总部同行人员</translation>
    </message>
    <message>
        <source>Met with</source>
        <translation>接待人</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Follow-up status</source>
        <translation>跟进状态</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Visit every (months)</source>
        <translation>拜访周期（月）</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Products or invoices</source>
        <translation>相关产品或发票</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Logged by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Response due</source>
        <translation>响应截止</translation>
    </message>
    <message>
        <source>Resolution due</source>
        <translation>解决截止</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the first administrator</source>
        <translation>创建首个管理员</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator account; the administrator then adds the other users and their roles.</source>
        <translation>此数据库尚无用户。请创建管理员账号，再由管理员添加其他用户并分配角色。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>FranchiseeFilterBar</name>
    <message>
        <source>Search name or pinyin, code, city, contact, phone, tag…</source>
        <translation>搜索名称或拼音、编号、城市、联系人、电话、标签…</translation>
    </message>
    <message>
        <source>Finds part of a name in Chinese, in pinyin (changsha) or by pinyin initials (cs); the code, unified social credit code, address, a tag; a contact's name, phone, WeChat ID or e-mail.</source>
        <translation>可按名称的部分汉字、拼音（changsha）或拼音首字母（cs）查找；也可按编号、统一社会信用代码、地址、标签，以及联系人的姓名、电话、微信号或邮箱查找。</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部大区</translation>
    </message>
    <message>
        <source>All account managers</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>My franchisees</source>
        <translation>我的加盟商</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message numerus="yes">
        <source>%n statuses</source>
        <translation>
            <numerusform>%n 种状态</numerusform>
        </translation>
    </message>
    <message>
        <source>Tier {tier}</source>
        <translation>{tier} 级</translation>
    </message>
</context>
<context>
    <name>FranchiseeForm</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Location and contract</source>
        <translation>地区与合同</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>如：{example}</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位字符</translation>
    </message>
    <message>
        <source>Registered capital (¥)</source>
        <translation>注册资本（¥）</translation>
    </message>
    <message>
        <source>Separated by commas, e.g. 重点, 新店</source>
        <translation>以逗号分隔，如：重点, 新店</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>{name} (inactive)</source>
        <translation>{name}（已停用）</translation>
    </message>
</context>
<context>
    <name>FranchiseeListModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>合同到期日期</translation>
    </message>
    <message numerus="yes">
        <source>The contract ended on {date}, %n day(s) ago.</source>
        <translation>
            <numerusform>合同已于{date}到期，已过期 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>The contract ends today.</source>
        <translation>合同今天到期。</translation>
    </message>
    <message numerus="yes">
        <source>The contract ends in %n day(s).</source>
        <translation>
            <numerusform>合同将在 %n 天后到期。</numerusform>
        </translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>FranchiseesView</name>
    <message>
        <source>New franchisee</source>
        <translation>新建加盟商</translation>
    </message>
    <message>
        <source>New franchisee ({key})</source>
        <translation>新建加盟商（{key}）</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>清除搜索和筛选条件</translation>
    </message>
    <message numerus="yes">
        <source>%n franchisee(s)</source>
        <translation>
            <numerusform>%n 个加盟商</numerusform>
        </translation>
    </message>
    <message>
        <source>Import franchisees, contacts or stores…</source>
        <translation>导入加盟商、联系人或门店…</translation>
    </message>
    <message>
        <source>The franchisees could not be loaded.</source>
        <translation>无法加载加盟商。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>There are no franchisees yet.</source>
        <translation>暂无加盟商。</translation>
    </message>
    <message>
        <source>Click “New franchisee” to add the first one.</source>
        <translation>点击“新建加盟商”添加第一个加盟商。</translation>
    </message>
    <message>
        <source>Set some of the filters back to “All”.</source>
        <translation>请将部分筛选条件改回“全部”。</translation>
    </message>
    <message>
        <source>No franchisee matches “{text}”.</source>
        <translation>没有与“{text}”匹配的加盟商。</translation>
    </message>
    <message>
        <source>No franchisee matches these filters.</source>
        <translation>没有符合筛选条件的加盟商。</translation>
    </message>
    <message>
        <source>Check the spelling, or clear the search and set the filters to “All”.</source>
        <translation>请检查拼写，或清除搜索内容并将筛选条件设为“全部”。</translation>
    </message>
    <message>
        <source>Check the spelling, or search for a shorter part of the name.</source>
        <translation>请检查拼写，或只输入名称中的一部分再试。</translation>
    </message>
    <message>
        <source>Archived franchisees are hidden: tick “Show archived” to include them.</source>
        <translation>已归档的加盟商已隐藏：勾选“显示已归档”即可显示。</translation>
    </message>
</context>
<context>
    <name>HealthAnalyticsView</name>
    <message>
        <source>Only franchisees at risk of leaving</source>
        <translation>仅显示有流失风险的加盟商</translation>
    </message>
    <message>
        <source>Score 0-100: sales trend 40% (last 3 months against a year earlier), payment 30% (days overdue), complaints 15% (open ones), contact 15% (days since the last visit). 70 or more healthy, below 40 at risk.</source>
        <translation>评分 0-100：销售趋势 40%（最近 3 个月与去年同期相比），回款 30%（逾期天数），投诉 15%（未结投诉），联系 15%（距上次拜访天数）。70 分及以上为健康，低于 40 分为有风险。</translation>
    </message>
    <message>
        <source>Franchisees and sales by ABC class</source>
        <translation>按 ABC 分类的加盟商数与销售额</translation>
    </message>
    <message>
        <source>Health score</source>
        <translation>健康评分</translation>
    </message>
    <message>
        <source>Value segments (ABC, RFM)</source>
        <translation>价值分层（ABC、RFM）</translation>
    </message>
    <message numerus="yes">
        <source>%n franchisee(s) at risk of leaving</source>
        <translation>
            <numerusform>%n 家加盟商有流失风险</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>共 %n 家合作中</numerusform>
        </translation>
    </message>
    <message>
        <source>Franchisees</source>
        <translation>加盟商数</translation>
    </message>
    <message>
        <source>{abc}: {share} of sales</source>
        <translation>{abc} 类：占销售额 {share}</translation>
    </message>
    <message>
        <source>Class {abc}</source>
        <translation>{abc} 类</translation>
    </message>
    <message>
        <source>ABC class by sales</source>
        <translation>按销售额的 ABC 分类</translation>
    </message>
    <message>
        <source>Class {abc}: {sales} of sales</source>
        <translation>{abc} 类：销售额 {sales}</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
</context>
<context>
    <name>HealthModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Sales, last 3 months</source>
        <translation>最近 3 个月销售额</translation>
    </message>
    <message>
        <source>A year earlier</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Days since visit</source>
        <translation>距上次拜访天数</translation>
    </message>
    <message>
        <source>At risk because</source>
        <translation>风险原因</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未拜访</translation>
    </message>
    <message>
        <source>Sales trend {sales}/100, payment {payment}/100, complaints {complaints}/100, contact {contact}/100</source>
        <translation>销售趋势 {sales}/100，回款 {payment}/100，投诉 {complaints}/100，联系 {contact}/100</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Franchisee created</source>
        <translation>新建加盟商</translation>
    </message>
    <message>
        <source>Profile changed</source>
        <translation>修改资料</translation>
    </message>
    <message>
        <source>Franchisee deleted</source>
        <translation>删除加盟商</translation>
    </message>
    <message>
        <source>Contact added</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Contact changed</source>
        <translation>修改联系人</translation>
    </message>
    <message>
        <source>Contact deleted</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Store added</source>
        <translation>添加门店</translation>
    </message>
    <message>
        <source>Store changed</source>
        <translation>修改门店</translation>
    </message>
    <message>
        <source>Store deleted</source>
        <translation>删除门店</translation>
    </message>
    <message>
        <source>Anniversary added</source>
        <translation>添加纪念日</translation>
    </message>
    <message>
        <source>Anniversary changed</source>
        <translation>修改纪念日</translation>
    </message>
    <message>
        <source>Anniversary removed</source>
        <translation>移除纪念日</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <source>Visit logged</source>
        <translation>记录拜访</translation>
    </message>
    <message>
        <source>Visit changed</source>
        <translation>修改拜访</translation>
    </message>
    <message>
        <source>Visit deleted</source>
        <translation>删除拜访</translation>
    </message>
    <message>
        <source>Suggestion noted</source>
        <translation>记录建议</translation>
    </message>
    <message>
        <source>Suggestion followed up</source>
        <translation>跟进建议</translation>
    </message>
    <message>
        <source>Suggestion removed</source>
        <translation>删除建议</translation>
    </message>
    <message>
        <source>Visit plan set</source>
        <translation>设定拜访计划</translation>
    </message>
    <message>
        <source>Visit plan changed</source>
        <translation>修改拜访计划</translation>
    </message>
    <message>
        <source>Visit plan follows the tier again</source>
        <translation>拜访计划恢复按等级</translation>
    </message>
    <message>
        <source>Anniversary added for {contact}</source>
        <translation>添加{contact}的纪念日</translation>
    </message>
    <message>
        <source>Anniversary changed for {contact}</source>
        <translation>修改{contact}的纪念日</translation>
    </message>
    <message>
        <source>Anniversary removed for {contact}</source>
        <translation>移除{contact}的纪念日</translation>
    </message>
    <message>
        <source>Outside the app</source>
        <translation>外部修改</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}：{old} → {new}</translation>
    </message>
    <message>
        <source>{what}: {name}</source>
        <translation>{what}：{name}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{date} (lunar calendar)</source>
        <translation>{date}（农历）</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Restored from the archive</source>
        <translation>从归档中恢复</translation>
    </message>
    <message>
        <source>Initial status</source>
        <translation>初始状态</translation>
    </message>
    <message>
        <source>Complaint logged</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Complaint changed</source>
        <translation>投诉变更</translation>
    </message>
    <message>
        <source>Complaint timeline</source>
        <translation>投诉处理记录</translation>
    </message>
    <message>
        <source>Credit profile set</source>
        <translation>已建立信用档案</translation>
    </message>
    <message>
        <source>Credit profile changed</source>
        <translation>信用档案已修改</translation>
    </message>
    <message>
        <source>Credit change proposed</source>
        <translation>已提出信用调整申请</translation>
    </message>
    <message>
        <source>Credit proposal decided</source>
        <translation>信用调整申请已审批</translation>
    </message>
    <message>
        <source>Ledger document recorded</source>
        <translation>已登记往来单据</translation>
    </message>
    <message>
        <source>Ledger document changed</source>
        <translation>往来单据已修改</translation>
    </message>
    <message>
        <source>Ledger document deleted</source>
        <translation>往来单据已删除</translation>
    </message>
    <message>
        <source>Dunning action due</source>
        <translation>催收动作待办</translation>
    </message>
    <message>
        <source>Dunning action worked</source>
        <translation>催收动作已处理</translation>
    </message>
    <message>
        <source>Dunning action removed</source>
        <translation>催收动作已删除</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Changes made outside hqdesk, directly in the database, are marked here.</source>
        <translation>未通过 hqdesk、直接在数据库中所做的修改会在此标出。</translation>
    </message>
    <message>
        <source>{user} ({login})</source>
        <translation>{user}（{login}）</translation>
    </message>
    <message>
        <source>database login: {login}</source>
        <translation>数据库登录名：{login}</translation>
    </message>
    <message>
        <source>Changed directly in the database, not through hqdesk.</source>
        <translation>直接在数据库中修改，未通过 hqdesk。</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Status changes</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>All changes</source>
        <translation>全部变更</translation>
    </message>
    <message>
        <source>Select a change to see all its fields.</source>
        <translation>选择一条变更记录以查看全部字段。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
</context>
<context>
    <name>HomeFigures</name>
    <message>
        <source>Click to see the list behind this figure.</source>
        <translation>点击查看此数字背后的明细。</translation>
    </message>
    <message>
        <source>{change} against last year ({previous})</source>
        <translation>同比 {change}（去年 {previous}）</translation>
    </message>
    <message>
        <source>last year {previous}</source>
        <translation>去年 {previous}</translation>
    </message>
    <message>
        <source>normal rate {rate}</source>
        <translation>正常损失率 {rate}</translation>
    </message>
    <message>
        <source>of receivables past due</source>
        <translation>应收账款已逾期</translation>
    </message>
    <message>
        <source>days of sales not yet collected</source>
        <translation>天的销售额尚未收回</translation>
    </message>
    <message>
        <source>open invoices less unapplied credit</source>
        <translation>未结发票减未核销款项</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Was due</source>
        <translation>应完成时间</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>My overdue complaints</source>
        <translation>我的逾期投诉</translation>
    </message>
    <message>
        <source>Dunning actions due</source>
        <translation>待办催收措施</translation>
    </message>
    <message>
        <source>On credit hold</source>
        <translation>信用冻结</translation>
    </message>
    <message>
        <source>No overdue complaint.</source>
        <translation>没有逾期投诉。</translation>
    </message>
    <message>
        <source>No dunning action due.</source>
        <translation>没有待办催收措施。</translation>
    </message>
    <message>
        <source>No franchisee on credit hold.</source>
        <translation>没有被信用冻结的加盟商。</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Hello, {name}</source>
        <translation>您好，{name}</translation>
    </message>
    <message>
        <source>Today and the next 14 days</source>
        <translation>今天及未来 14 天</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{file} is not a workbook that can be read ({detail}). Open it in Excel and save it again as .xlsx.</source>
        <translation>{file} 不是可读取的工作簿（{detail}）。请在 Excel 中打开并重新另存为 .xlsx。</translation>
    </message>
    <message>
        <source>{file} is neither UTF-8 nor GBK/GB18030 text. In Excel, save it as "CSV UTF-8" or "CSV (逗号分隔)".</source>
        <translation>{file} 既不是 UTF-8 文本，也不是 GBK/GB18030 文本。请在 Excel 中另存为“CSV UTF-8”或“CSV (逗号分隔)”。</translation>
    </message>
    <message>
        <source>{file} is not valid CSV after row {row}: {detail}</source>
        <translation>{file} 在第 {row} 行之后不是有效的 CSV：{detail}</translation>
    </message>
    <message>
        <source>{file} has no worksheet.</source>
        <translation>{file} 中没有工作表。</translation>
    </message>
    <message>
        <source>{file} is damaged: its worksheet stores row {row} twice. Open it in Excel and save it again.</source>
        <translation>{file} 已损坏：其工作表中第 {row} 行出现了两次。请在 Excel 中打开并重新保存。</translation>
    </message>
    <message>
        <source>{file} cannot be read after row {row} ({detail}). Open it in Excel and save it again as .xlsx.</source>
        <translation>{file} 在第 {row} 行之后无法读取（{detail}）。请在 Excel 中打开并重新另存为 .xlsx。</translation>
    </message>
    <message>
        <source>The cell holds {length} characters; a cell may hold at most {limit}.</source>
        <translation>该单元格有 {length} 个字符；一个单元格最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Only .csv, .xlsx and .xlsm files can be imported; save the file from Excel as .xlsx or CSV.</source>
        <translation>只能导入 .csv、.xlsx 和 .xlsm 文件；请在 Excel 中另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The file cannot be read: {detail}</source>
        <translation>无法读取文件：{detail}</translation>
    </message>
    <message>
        <source>The file is empty: its first row must hold the column names.</source>
        <translation>文件是空的：第一行必须是列名。</translation>
    </message>
    <message>
        <source>Column {letter} has values but no name in the header row.</source>
        <translation>第 {letter} 列有数据，但标题行中没有列名。</translation>
    </message>
    <message>
        <source>Unknown column "{header}": rename it to a column of the import template or delete it.</source>
        <translation>未知列“{header}”：请改名为导入模板中的列，或删除该列。</translation>
    </message>
    <message>
        <source>Column "{header}" could mean {fields}: map it to one of them (or to none).</source>
        <translation>列“{header}”可能是 {fields}：请把它对应到其中一个字段（或不导入）。</translation>
    </message>
    <message>
        <source>Two columns mean {column}: "{first}" and "{second}"; keep one.</source>
        <translation>有两列都表示 {column}：“{first}”和“{second}”；请只保留一列。</translation>
    </message>
    <message>
        <source>The file has no {column} column; it is required.</source>
        <translation>文件缺少必填列 {column}。</translation>
    </message>
    <message>
        <source>The mapping sends column "{header}" to {field}, which this import does not have.</source>
        <translation>映射把列“{header}”对应到 {field}，但此导入没有这个字段。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Store brand name</source>
        <translation>门店品牌名</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Registered capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <source>Business scope</source>
        <translation>经营范围</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Join date</source>
        <translation>加盟日期</translation>
    </message>
    <message>
        <source>Contract start</source>
        <translation>合同开始日期</translation>
    </message>
    <message>
        <source>Contract end</source>
        <translation>合同结束日期</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>合作状态</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Contact's mobile</source>
        <translation>联系人手机</translation>
    </message>
    <message>
        <source>Contact's role</source>
        <translation>联系人角色</translation>
    </message>
    <message>
        <source>Contact's phone</source>
        <translation>联系人电话</translation>
    </message>
    <message>
        <source>Contact's birthday</source>
        <translation>联系人生日</translation>
    </message>
    <message>
        <source>Credit limit (yuan)</source>
        <translation>信用额度（元）</translation>
    </message>
    <message>
        <source>Settlement term</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <source>A date with a time of day ({value}): a date column takes the day only. Format the cell as a date without time in Excel, or write the date as YYYY-MM-DD.</source>
        <translation>日期带有时刻（{value}）：日期列只接受日期。请在 Excel 中把单元格设为不含时间的日期格式，或写成 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>The cell shows the Excel error {value}: correct the formula or type the value.</source>
        <translation>该单元格显示 Excel 错误 {value}：请修正公式或直接输入数值。</translation>
    </message>
    <message>
        <source>A date or time ({value}) where text belongs: Excel turned what was typed into a date. Format the {column} column as Text in Excel, type the values again and save.</source>
        <translation>此处应为文本，却是日期或时间（{value}）：Excel 已把输入的内容变成了日期。请在 Excel 中把 {column} 列设为文本格式，重新输入后保存。</translation>
    </message>
    <message>
        <source>The code arrived as a number ({value}), so Excel may have dropped leading zeros (002 becomes 2). Format the code column as Text in Excel, type the codes again and save.</source>
        <translation>编码被读成了数字（{value}），Excel 可能已去掉前导零（002 变成 2）。请在 Excel 中把编码列设为“文本”格式，重新输入编码并保存。</translation>
    </message>
    <message>
        <source>Unknown status {value}; use prospect, active, suspended or terminated.</source>
        <translation>未知状态 {value}；请使用 prospect、active、suspended 或 terminated。</translation>
    </message>
    <message>
        <source>Unknown value {value}; use yes or no (是/否, 1/0).</source>
        <translation>无法识别的值 {value}；请填写是或否（yes/no、1/0）。</translation>
    </message>
    <message>
        <source>Unknown contact role {value}; use owner, manager, finance, purchasing, store_manager or other.</source>
        <translation>未知联系人角色 {value}；请使用 owner、manager、finance、purchasing、store_manager 或 other。</translation>
    </message>
    <message>
        <source>Unknown gender {value}; use male, female or unknown.</source>
        <translation>未知的性别 {value}；请填写 male（男）、female（女）或 unknown（未知）。</translation>
    </message>
    <message>
        <source>Unknown store status {value}; use planned, open, renovating or closed.</source>
        <translation>未知的门店状态 {value}；请填写 planned（筹建）、open（营业）、renovating（装修）或 closed（关闭）。</translation>
    </message>
    <message>
        <source>Franchisee code</source>
        <translation>加盟商编号</translation>
    </message>
    <message>
        <source>Franchisee's unified social credit code</source>
        <translation>加盟商统一社会信用代码</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Honorific</source>
        <translation>称呼</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Birthday on the lunar calendar</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Hobbies</source>
        <translation>爱好</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Opening date</source>
        <translation>开业日期</translation>
    </message>
    <message>
        <source>Store status</source>
        <translation>门店状态</translation>
    </message>
    <message>
        <source>Floor area (m²)</source>
        <translation>面积（平方米）</translation>
    </message>
    <message>
        <source>Franchisee {code} already has a contact {name} (same {matched_by}): choose update, skip or create for this row.</source>
        <translation>加盟商 {code} 已有联系人 {name}（{matched_by} 相同）：请为此行选择更新、跳过或新建。</translation>
    </message>
    <message>
        <source>Franchisee {code} already has a store {name}: choose update, skip or create for this row.</source>
        <translation>加盟商 {code} 已有门店 {name}：请为此行选择更新、跳过或新建。</translation>
    </message>
    <message>
        <source>Row {row} already updates {name}; keep one of the two rows.</source>
        <translation>第 {row} 行已更新 {name}；两行只保留一行。</translation>
    </message>
    <message>
        <source>{name} is the primary contact of {code}; an import does not change which contact is the primary one. Leave is_primary empty here and change it in the profile's Contacts tab.</source>
        <translation>{name} 是 {code} 的主要联系人；导入不会更改主要联系人。请将此处的 is_primary 留空，并在档案的“联系人”页中更改。</translation>
    </message>
    <message>
        <source>Row {row} already makes a contact of this franchisee the primary one; mark only one.</source>
        <translation>第 {row} 行已将该加盟商的一位联系人设为主要联系人；只能标记一位。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not edit franchisee {code}: it is looked after by another account manager.</source>
        <translation>您的角色（{role}）不能编辑加盟商 {code}：它由另一位客户经理负责。</translation>
    </message>
    <message>
        <source>The file has neither a franchisee_code nor a franchisee_uscc column: each row must say which franchisee it belongs to.</source>
        <translation>文件中既没有 franchisee_code 列，也没有 franchisee_uscc 列：每一行都必须注明所属的加盟商。</translation>
    </message>
    <message>
        <source>Say which franchisee this row belongs to: its code or its credit code.</source>
        <translation>请注明这一行所属的加盟商：填写其编码或统一社会信用代码。</translation>
    </message>
    <message>
        <source>No franchisee has the unified social credit code {uscc}.</source>
        <translation>没有加盟商的统一社会信用代码是 {uscc}。</translation>
    </message>
    <message>
        <source>The code {code} and the credit code {uscc} belong to different franchisees.</source>
        <translation>编码 {code} 与统一社会信用代码 {uscc} 属于不同的加盟商。</translation>
    </message>
    <message>
        <source>The cell cannot be read: {value}</source>
        <translation>无法读取该单元格：{value}</translation>
    </message>
    <message>
        <source>The unified social credit code arrived as a number ({value}): Excel keeps only 15 digits of a number, so digits are already lost. Format the uscc column as Text in Excel, type the codes again and save.</source>
        <translation>信用代码被读成了数字（{value}）：Excel 的数字只保留 15 位，已有数字丢失。请在 Excel 中把 uscc 列设为“文本”格式，重新输入代码并保存。</translation>
    </message>
    <message>
        <source>A number ({value}) where a date belongs: format the cell as a date in Excel, or write the date as YYYY-MM-DD.</source>
        <translation>此处应为日期，却是数字（{value}）：请在 Excel 中把单元格设为日期格式，或写成 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>Not a date: {value}. Write dates as YYYY-MM-DD or YYYY/MM/DD, or use an Excel date cell.</source>
        <translation>不是日期：{value}。日期请写成 YYYY-MM-DD 或 YYYY/MM/DD，或使用 Excel 日期单元格。</translation>
    </message>
    <message>
        <source>Not an amount: {value}. Write the amount in yuan, such as 1000000 or 1,000,000.00.</source>
        <translation>不是金额：{value}。请以元为单位填写，例如 1000000 或 1,000,000.00。</translation>
    </message>
    <message>
        <source>Not an amount that can be stored: {value}.</source>
        <translation>不是可以保存的金额：{value}。</translation>
    </message>
    <message>
        <source>At most 2 decimal places (fen).</source>
        <translation>最多两位小数（到分）。</translation>
    </message>
    <message>
        <source>The cell holds a formula without a saved result (the file was not saved by Excel). Open the file in Excel, save it and import again.</source>
        <translation>该单元格是没有保存计算结果的公式（文件不是由 Excel 保存的）。请用 Excel 打开并保存后再导入。</translation>
    </message>
    <message>
        <source>No user has the user name or display name {name}.</source>
        <translation>没有用户名或显示名为 {name} 的用户。</translation>
    </message>
    <message>
        <source>Several users are called {name}: use the user name.</source>
        <translation>有多个用户叫 {name}：请填写用户名。</translation>
    </message>
    <message>
        <source>{name} cannot be given franchisees: only active account managers and administrators can.</source>
        <translation>不能把加盟商分配给 {name}：只有在职的客户经理和管理员可以负责加盟商。</translation>
    </message>
    <message>
        <source>The code {code} is also on row {row}.</source>
        <translation>编码 {code} 也出现在第 {row} 行。</translation>
    </message>
    <message>
        <source>The unified social credit code {uscc} is also on row {row}.</source>
        <translation>信用代码 {uscc} 也出现在第 {row} 行。</translation>
    </message>
    <message>
        <source>The check character does not match, and the code ends in 000: Excel probably stored it as a number and kept only 15 digits. Format the uscc column as Text, type the codes again and save.</source>
        <translation>校验码不符，且代码以 000 结尾：Excel 很可能把它存成了数字，只保留了 15 位。请把 uscc 列设为“文本”格式，重新输入代码并保存。</translation>
    </message>
    <message>
        <source>Another user added franchisees with the same codes or unified social credit codes during the import. Nothing was imported; run the import again to see which rows.</source>
        <translation>导入期间其他用户添加了编码或信用代码相同的加盟商。未导入任何数据；请重新导入以查看是哪些行。</translation>
    </message>
    <message>
        <source>Another user changed franchisees this file updates while it was being imported. Nothing was imported; run the import again.</source>
        <translation>导入期间，另一位用户修改了此文件要更新的加盟商。未导入任何数据；请重新导入。</translation>
    </message>
    <message>
        <source>Unknown kind {value}; use invoice or credit_note.</source>
        <translation>未知类型 {value}；请使用 invoice（发票）或 credit_note（贷项通知单）。</translation>
    </message>
    <message>
        <source>Only a credit note names an invoice: leave applies_to empty on an invoice row.</source>
        <translation>只有贷项通知单才指向发票：发票行的 applies_to 请留空。</translation>
    </message>
    <message>
        <source>There is no invoice {number} of franchisee {code} in the ledger or in this file; a credit note can only reduce an invoice that exists.</source>
        <translation>账簿和本文件中都没有加盟商 {code} 的发票 {number}；贷项通知单只能冲减已存在的发票。</translation>
    </message>
    <message>
        <source>The {column} cell is empty; it is required.</source>
        <translation>{column} 单元格为空；此列必填。</translation>
    </message>
    <message>
        <source>No franchisee has the code {code}.</source>
        <translation>没有编码为 {code} 的加盟商。</translation>
    </message>
    <message>
        <source>The number {number} is also on row {row}.</source>
        <translation>编号 {number} 在第 {row} 行也出现了。</translation>
    </message>
    <message>
        <source>There is already a {kind} numbered {number} in the ledger.</source>
        <translation>账簿中已有编号为 {number} 的{kind}。</translation>
    </message>
    <message>
        <source>Invoice {number} belongs to franchisee {owner}, not to {code}.</source>
        <translation>发票 {number} 属于加盟商 {owner}，而不是 {code}。</translation>
    </message>
    <message>
        <source>The {kind} {reference} of franchisee {owner} names this invoice number, but this row gives it to {code}.</source>
        <translation>加盟商 {owner} 的{kind} {reference} 指向此发票号，但本行把它记在 {code} 名下。</translation>
    </message>
    <message>
        <source>Another user recorded documents with the same numbers during the import. Nothing was imported; run the import again to see which rows.</source>
        <translation>导入期间另一位用户录入了相同编号的单据。未导入任何内容；请重新导入以查看是哪些行。</translation>
    </message>
    <message>
        <source>Salesforce Account export</source>
        <translation>Salesforce 客户（Account）导出</translation>
    </message>
    <message>
        <source>Unknown settlement term {value}; use e.g. 预付, 货到付款, 月结, 月结30天, 季结, 半年结, 年结, net 30 or 30天.</source>
        <translation>无法识别的结算方式 {value}；请使用例如 预付、货到付款、月结、月结30天、季结、半年结、年结、net 30 或 30天。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not change credit terms: remove the {column} column (or its values), or ask a credit manager to import the file.</source>
        <translation>您的角色（{role}）不能修改信用条件：请删除 {column} 列（或其中的值），或请信用经理导入此文件。</translation>
    </message>
    <message>
        <source>Franchisee {code} already has this {matched_by}: a new franchisee cannot take it. Update or skip the row.</source>
        <translation>加盟商 {code} 已使用此 {matched_by}：新加盟商不能再用。请更新或跳过此行。</translation>
    </message>
    <message>
        <source>Row {row} already updates franchisee {code}; keep one of the two rows.</source>
        <translation>第 {row} 行已更新加盟商 {code}；两行只保留一行。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not give franchisee {code} to another account manager.</source>
        <translation>您的角色（{role}）不能把加盟商 {code} 转给另一位客户经理。</translation>
    </message>
    <message>
        <source>Franchisee {code} is archived: restore it before updating it.</source>
        <translation>加盟商 {code} 已归档：请先恢复，再更新。</translation>
    </message>
    <message>
        <source>An import does not change the status of an existing franchisee ({code} is {status}); change it in the profile, where the reason is recorded.</source>
        <translation>导入不会修改已有加盟商的合作状态（{code} 为 {status}）；请在档案中修改，以便记录原因。</translation>
    </message>
    <message>
        <source>There is no saved mapping {name} for {entity}. Saved: {names}.</source>
        <translation>{entity} 没有名为 {name} 的已保存映射。已保存：{names}。</translation>
    </message>
    <message>
        <source>Unknown choice for rows already in hqdesk: {choice}; use update, skip or create.</source>
        <translation>对已在 hqdesk 中的行的处理方式 {choice} 无法识别；请使用 update（更新）、skip（跳过）或 create（新建）。</translation>
    </message>
    <message>
        <source>ERPNext Customer export</source>
        <translation>ERPNext 客户导出文件</translation>
    </message>
    <message>
        <source>Odoo contacts export</source>
        <translation>Odoo 联系人导出文件</translation>
    </message>
    <message>
        <source>The company "{company}" of this person is not in the file: export the companies together with their contacts.</source>
        <translation>此联系人所属的公司“{company}”不在文件中：请将公司及其联系人一起导出。</translation>
    </message>
    <message>
        <source>Several companies in the file are called "{company}": export with the "Related Company/External ID" (parent_id/id) column so each person names one.</source>
        <translation>文件中有多个名为“{company}”的公司：请导出时包含“Related Company/External ID”（parent_id/id）列，使每个联系人只对应一家公司。</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Importing {name}: all rows or none…</source>
        <translation>正在导入 {name}：全部导入或全部不导入…</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Done: {created} created, {updated} updated, {skipped} skipped.</source>
        <translation>完成：新建 {created} 条，更新 {updated} 条，跳过 {skipped} 条。</translation>
    </message>
    <message>
        <source>The franchisee list shows the changes now.</source>
        <translation>加盟商列表已显示这些变更。</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>未导入任何数据</translation>
    </message>
    <message>
        <source>Nothing was written: the file changed or another user changed hqdesk since the check.</source>
        <translation>未写入任何数据：检查之后文件已改动，或其他用户修改了 hqdesk 中的数据。</translation>
    </message>
    <message>
        <source>Row {row}: </source>
        <translation>第 {row} 行：</translation>
    </message>
    <message>
        <source>Nothing was written. {reason}</source>
        <translation>未写入任何数据。{reason}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Your role may not import; ask an administrator.</source>
        <translation>您的角色无权导入，请联系管理员。</translation>
    </message>
    <message>
        <source>Import franchisees, contacts or stores</source>
        <translation>导入加盟商、联系人或门店</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>The import is being written; the window closes when it is done.</source>
        <translation>正在写入导入的数据，完成后即可关闭窗口。</translation>
    </message>
    <message>
        <source>Franchisees</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>recognised layout</source>
        <translation>识别出的格式</translation>
    </message>
    <message>
        <source>template header</source>
        <translation>模板表头</translation>
    </message>
    <message>
        <source>guessed from the header</source>
        <translation>根据表头推测</translation>
    </message>
    <message>
        <source>saved mapping</source>
        <translation>已保存的映射</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <source>code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>legal name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Create new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>chosen by you</source>
        <translation>您选择的</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Language of the user interface</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The new language is applied when you press OK: the main window opens again in it (column widths are fitted to the new language). Unsaved changes are asked about first.</source>
        <translation>按“确定”后立即使用新语言：主窗口将以新语言重新打开（列宽按新语言重新调整）。如有未保存的修改，会先询问您。</translation>
    </message>
    <message>
        <source>The new language is applied when you press OK.</source>
        <translation>按“确定”后立即使用新语言。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>LedgerDialogs</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>New invoice</source>
        <translation>新建发票</translation>
    </message>
    <message>
        <source>New credit note</source>
        <translation>新建贷项通知单</translation>
    </message>
    <message>
        <source>New payment</source>
        <translation>新建收款</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>发票号</translation>
    </message>
    <message>
        <source>Credit note number</source>
        <translation>贷项通知单号</translation>
    </message>
    <message>
        <source>Payment reference</source>
        <translation>收款参考号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Settlement term: {term}, {days} days. The due date follows from it; change it if the invoice says otherwise.</source>
        <translation>结算方式：{term}，{days} 天。到期日据此计算；如发票另有约定，请修改。</translation>
    </message>
    <message>
        <source>Reduces invoice</source>
        <translation>冲减发票</translation>
    </message>
    <message>
        <source>Pays invoice (optional)</source>
        <translation>支付发票（可选）</translation>
    </message>
    <message>
        <source>Without an invoice, the credit pays this franchisee's open invoices dated on or before it, oldest due date first; what is left stays unapplied credit.</source>
        <translation>未指定发票时，按到期日从早到晚支付该加盟商在此日期及之前的未结发票；余额作为未核销贷项保留。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Write off bad debt</source>
        <translation>核销坏账</translation>
    </message>
    <message>
        <source>Invoice {number} of {date}: {open} open. A write-off reduces the open amount and counts in the bad-debt loss rate.</source>
        <translation>发票 {number}（{date}）：未结 {open}。核销会减少未结金额，并计入坏账损失率。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Apply credit to an invoice</source>
        <translation>将贷项核销到发票</translation>
    </message>
    <message>
        <source>{kind} {number}: {left} unapplied. The amount applied by hand is kept whatever documents arrive later.</source>
        <translation>{kind} {number}：未核销 {left}。手工核销的金额无论之后录入什么单据都会保留。</translation>
    </message>
    <message>
        <source>{number} of {date}, {open} open</source>
        <translation>{number}（{date}），未结 {open}</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>借方</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>贷方</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结金额</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>结清日</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>核销日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>%n day(s) overdue</source>
        <translation>逾期 %n 天</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手工</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>New invoice…</source>
        <translation>新建发票…</translation>
    </message>
    <message>
        <source>New credit note…</source>
        <translation>新建贷项通知单…</translation>
    </message>
    <message>
        <source>New payment…</source>
        <translation>新建收款…</translation>
    </message>
    <message>
        <source>Apply credit…</source>
        <translation>核销到发票…</translation>
    </message>
    <message>
        <source>Write off…</source>
        <translation>核销坏账…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Undo allocation</source>
        <translation>撤销核销</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>往来账</translation>
    </message>
    <message>
        <source>Ledger (%n)</source>
        <translation>往来账 (%n)</translation>
    </message>
    <message>
        <source>Settlement term: {term}, {days} days · open invoices {open} · of which overdue {overdue} · unapplied credit {unapplied} · balance {balance}</source>
        <translation>结算方式：{term}，{days} 天 · 未结发票 {open} · 其中逾期 {overdue} · 未核销贷项 {unapplied} · 余额 {balance}</translation>
    </message>
    <message>
        <source>Allocations of {kind} {number}</source>
        <translation>{kind} {number} 的核销明细</translation>
    </message>
    <message>
        <source>Only a document entered by hand that no other document depends on can be deleted.</source>
        <translation>只能删除手工录入且没有其他单据依赖的单据。</translation>
    </message>
    <message>
        <source>Delete the {kind} {number}? The allocations are recomputed.</source>
        <translation>删除{kind} {number}？核销将重新计算。</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>删除单据</translation>
    </message>
</context>
<context>
    <name>LetterFields</name>
    <message>
        <source>Salutation with honorific</source>
        <translation>称呼（含敬称）</translation>
    </message>
    <message>
        <source>Contact's full name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <source>Contact's surname</source>
        <translation>联系人姓氏</translation>
    </message>
    <message>
        <source>Franchisee code</source>
        <translation>加盟商编号</translation>
    </message>
    <message>
        <source>Franchisee's legal name</source>
        <translation>加盟商公司名称</translation>
    </message>
    <message>
        <source>Store brand name</source>
        <translation>门店品牌名称</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Years since joining the brand</source>
        <translation>加盟年数</translation>
    </message>
    <message>
        <source>Main store's name</source>
        <translation>主门店名称</translation>
    </message>
    <message>
        <source>Main store's opening date</source>
        <translation>主门店开业日期</translation>
    </message>
    <message>
        <source>Years since the store opened</source>
        <translation>门店开业年数</translation>
    </message>
    <message>
        <source>Date of the letter</source>
        <translation>信函日期</translation>
    </message>
    <message>
        <source>Account manager's name</source>
        <translation>客户经理姓名</translation>
    </message>
    <message>
        <source>Account manager's e-mail</source>
        <translation>客户经理邮箱</translation>
    </message>
    <message>
        <source>Our company's name (letterhead)</source>
        <translation>本公司名称（信笺抬头）</translation>
    </message>
    <message>
        <source>Our company's phone</source>
        <translation>本公司电话</translation>
    </message>
    <message>
        <source>Settlement term</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <source>Remittance bank</source>
        <translation>收款开户银行</translation>
    </message>
    <message>
        <source>Remittance account number</source>
        <translation>收款账号</translation>
    </message>
    <message>
        <source>Remittance account holder</source>
        <translation>收款户名</translation>
    </message>
    <message>
        <source>Festival's name</source>
        <translation>节日名称</translation>
    </message>
    <message>
        <source>Festival's date</source>
        <translation>节日日期</translation>
    </message>
    <message>
        <source>Festival key (spring_festival, mid_autumn...)</source>
        <translation>节日代码（spring_festival、mid_autumn 等）</translation>
    </message>
    <message>
        <source>Birthday this year</source>
        <translation>今年生日</translation>
    </message>
    <message>
        <source>Anniversary (years since opening)</source>
        <translation>周年数（开业年数）</translation>
    </message>
    <message>
        <source>Anniversary as an ordinal</source>
        <translation>周年数（序数）</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>活动日期</translation>
    </message>
    <message>
        <source>Event place</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>Reply by (date)</source>
        <translation>回复截止日期</translation>
    </message>
    <message>
        <source>Reply to (name and phone)</source>
        <translation>回复联系人（姓名及电话）</translation>
    </message>
    <message>
        <source>Former credit limit</source>
        <translation>原信用额度</translation>
    </message>
    <message>
        <source>New credit limit</source>
        <translation>新信用额度</translation>
    </message>
    <message>
        <source>Former settlement term</source>
        <translation>原结算方式</translation>
    </message>
    <message>
        <source>New settlement term</source>
        <translation>新结算方式</translation>
    </message>
    <message>
        <source>Date of the change</source>
        <translation>调整日期</translation>
    </message>
    <message>
        <source>Reason recorded with the change</source>
        <translation>调整原因</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>对账期间开始</translation>
    </message>
    <message>
        <source>Period end (as of)</source>
        <translation>对账期间结束（截至日）</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>期末余额</translation>
    </message>
    <message>
        <source>Closing balance in capital numerals</source>
        <translation>期末余额（大写）</translation>
    </message>
    <message>
        <source>Overdue amount as of the end</source>
        <translation>截至期末的逾期金额</translation>
    </message>
    <message>
        <source>"yes" when anything is overdue, else empty</source>
        <translation>有逾期款项时为“yes”，否则为空</translation>
    </message>
    <message>
        <source>Number of ledger lines in the period</source>
        <translation>期间内往来明细笔数</translation>
    </message>
    <message>
        <source>Dunning level</source>
        <translation>催收级别</translation>
    </message>
    <message>
        <source>Overdue amount</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <source>Overdue amount in capital numerals</source>
        <translation>逾期金额（大写）</translation>
    </message>
    <message>
        <source>Days overdue (oldest invoice)</source>
        <translation>逾期天数（最早一笔发票）</translation>
    </message>
    <message>
        <source>Due date of the oldest overdue invoice</source>
        <translation>最早逾期发票的到期日</translation>
    </message>
    <message>
        <source>Pay by (letter date + 10 days)</source>
        <translation>付款截止日（信函日期后 10 天）</translation>
    </message>
    <message>
        <source>Whole open balance</source>
        <translation>全部未清余额</translation>
    </message>
</context>
<context>
    <name>LetterPreview</name>
    <message>
        <source>The letter file could not be opened for printing: {path}</source>
        <translation>无法打开要打印的信函文件：{path}</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save to folder…</source>
        <translation>保存到文件夹…</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>暂无内容。</translation>
    </message>
    <message>
        <source>of {n}</source>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Save the letters to a folder</source>
        <translation>将信函保存到文件夹</translation>
    </message>
</context>
<context>
    <name>LetterSettingsPage</name>
    <message>
        <source>Letterhead in English</source>
        <translation>英文信头</translation>
    </message>
    <message>
        <source>Printed at the top of letters in English. Left empty, English letters show the Chinese name and address of Settings › Company.</source>
        <translation>印在英文信函的顶部。留空时，英文信函使用“设置 › 公司”中的中文名称和地址。</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>e.g. Jinhui Jewellery Group HQ</source>
        <translation>例如 Jinhui Jewellery Group HQ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Remittance details</source>
        <translation>汇款信息</translation>
    </message>
    <message>
        <source>Printed on account statements and dunning letters: where the franchisee pays. Check the account number twice.</source>
        <translation>印在对账单和催款函上，告诉加盟商往哪里付款。请仔细核对账号。</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>e.g. ICBC Changsha Branch</source>
        <translation>例如 中国工商银行长沙分行</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Empty: the company's name</source>
        <translation>留空：使用公司名称</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The details below are the saved ones now; make your changes again if still needed.</source>
        <translation>下面显示的是现已保存的信息；如仍需修改，请重新修改。</translation>
    </message>
</context>
<context>
    <name>LetterTemplates</name>
    <message>
        <source>Only administrators change the templates; you can read them.</source>
        <translation>只有管理员可以修改模板；您可以查看。</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Merge fields (click to insert)</source>
        <translation>合并字段（点击插入）</translation>
    </message>
    <message>
        <source>The preview fills in example data.</source>
        <translation>预览使用示例数据。</translation>
    </message>
    <message>
        <source>Revert to default…</source>
        <translation>恢复默认…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>A sample franchisee</source>
        <translation>示例加盟商</translation>
    </message>
    <message>
        <source>version {n}</source>
        <translation>第 {n} 版</translation>
    </message>
    <message>
        <source>Unsaved template</source>
        <translation>模板未保存</translation>
    </message>
    <message>
        <source>The template has changes that are not saved. Discard them?</source>
        <translation>模板有未保存的修改。放弃这些修改吗？</translation>
    </message>
    <message>
        <source>The sample letter appears here.</source>
        <translation>示例信函显示在这里。</translation>
    </message>
    <message>
        <source>Line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <source>Your text is still in the editor: copy it, reload the template, and apply your changes.</source>
        <translation>您的文本仍在编辑器中：请复制它，重新载入模板后再应用您的修改。</translation>
    </message>
    <message>
        <source>Revert to default</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Replace this template with the one shipped with hqdesk? Letters already written keep theirs.</source>
        <translation>用 hqdesk 自带的模板替换此模板吗？已生成的信函保持不变。</translation>
    </message>
</context>
<context>
    <name>Letters</name>
    <message>
        <source>not your franchisee: its account manager or an administrator writes to it</source>
        <translation>不是您负责的加盟商：由其客户经理或管理员发函</translation>
    </message>
    <message>
        <source>the primary contact's birthday is not on file</source>
        <translation>未登记主要联系人的生日</translation>
    </message>
    <message>
        <source>the birthday is not in the coming {days} days</source>
        <translation>生日不在未来 {days} 天内</translation>
    </message>
    <message>
        <source>no store with an opening date</source>
        <translation>没有登记开业日期的门店</translation>
    </message>
    <message>
        <source>the store opens on {day}</source>
        <translation>门店将于 {day} 开业</translation>
    </message>
    <message>
        <source>the store's anniversary is not in the coming {days} days</source>
        <translation>门店开业周年不在未来 {days} 天内</translation>
    </message>
    <message>
        <source>the store opened less than a year ago</source>
        <translation>门店开业不满一年</translation>
    </message>
    <message>
        <source>no change of credit limit or settlement term on record</source>
        <translation>没有信用额度或结算方式变更的记录</translation>
    </message>
    <message>
        <source>nothing overdue long enough for a dunning level</source>
        <translation>没有逾期到需要催款的款项</translation>
    </message>
</context>
<context>
    <name>LettersEngine</name>
    <message>
        <source>Festival greeting</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <source>Birthday wishes</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <source>Store anniversary</source>
        <translation>开业周年</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>邀请函</translation>
    </message>
    <message>
        <source>Credit-term change</source>
        <translation>信用条件变更</translation>
    </message>
    <message>
        <source>Account statement</source>
        <translation>对账单</translation>
    </message>
    <message>
        <source>Dunning letter</source>
        <translation>催款函</translation>
    </message>
    <message>
        <source>no font has the character {char} ({where})</source>
        <translation>没有字体包含字符 {char}（{where}）</translation>
    </message>
</context>
<context>
    <name>LettersForm</name>
    <message>
        <source>Festival greeting</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <source>Birthday wishes</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <source>Store anniversary</source>
        <translation>开业周年</translation>
    </message>
    <message>
        <source>Invitation to an event</source>
        <translation>活动邀请函</translation>
    </message>
    <message>
        <source>Notice of a credit-term change</source>
        <translation>信用条件变更通知</translation>
    </message>
    <message>
        <source>Account statement</source>
        <translation>对账单</translation>
    </message>
    <message>
        <source>Dunning letter</source>
        <translation>催款函</translation>
    </message>
    <message>
        <source>Calendar events in a date range</source>
        <translation>日期范围内的日程事件</translation>
    </message>
    <message>
        <source>Franchisees matching a filter</source>
        <translation>符合筛选条件的加盟商</translation>
    </message>
    <message>
        <source>The dunning run's to-do list</source>
        <translation>催收运行的待办清单</translation>
    </message>
    <message>
        <source>All active franchisees</source>
        <translation>全部合作中的加盟商</translation>
    </message>
    <message>
        <source>Franchisees I pick</source>
        <translation>手动选择的加盟商</translation>
    </message>
    <message>
        <source>Each contact's preferred language</source>
        <translation>按联系人的首选语言</translation>
    </message>
    <message>
        <source>Simplified Chinese for all</source>
        <translation>全部使用简体中文</translation>
    </message>
    <message>
        <source>English for all</source>
        <translation>全部使用英文</translation>
    </message>
    <message>
        <source>One combined PDF</source>
        <translation>合并为一个 PDF</translation>
    </message>
    <message>
        <source>One PDF per franchisee</source>
        <translation>每个加盟商一个 PDF</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>两者都要</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>e.g. Annual dealer gala</source>
        <translation>例如：年度经销商大会</translation>
    </message>
    <message>
        <source>e.g. reply by 20 December to Ms Li, 0571-8888 6666</source>
        <translation>例如：12月20日前回复李女士，0571-8888 6666</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>RSVP</source>
        <translation>回复方式</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To (as of)</source>
        <translation>至（截止日）</translation>
    </message>
    <message>
        <source>Each franchisee's level in the run</source>
        <translation>按运行中各加盟商的级别</translation>
    </message>
    <message>
        <source>Level {n}</source>
        <translation>第 {n} 级</translation>
    </message>
    <message>
        <source>Dunning level</source>
        <translation>催收级别</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>信函日期</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Events from</source>
        <translation>事件从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>All account managers</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>合作状态</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>The open letter tasks of the latest dunning run, each at its franchisee's level.</source>
        <translation>最近一次催收运行中未完成的信函任务，各按加盟商的级别。</translation>
    </message>
    <message>
        <source>Every active franchisee that is not archived.</source>
        <translation>所有未归档的合作中加盟商。</translation>
    </message>
    <message>
        <source>Code, name or pinyin…</source>
        <translation>编号、名称或拼音…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Folder for the PDF files</source>
        <translation>PDF 文件所在文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Folder for the letters</source>
        <translation>信函文件夹</translation>
    </message>
    <message numerus="yes">
        <source>%n franchisee(s) picked</source>
        <translation>
            <numerusform>已选择 %n 个加盟商</numerusform>
        </translation>
    </message>
    <message>
        <source>Name the event the letter invites to.</source>
        <translation>请填写邀请的活动名称。</translation>
    </message>
    <message>
        <source>Give the date of the event.</source>
        <translation>请填写活动日期。</translation>
    </message>
    <message>
        <source>Give the place of the event.</source>
        <translation>请填写活动地点。</translation>
    </message>
    <message>
        <source>Give the statement period (from and to).</source>
        <translation>请填写对账期间（起止日期）。</translation>
    </message>
    <message>
        <source>The statement period ends before it starts.</source>
        <translation>对账期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Give the range of the calendar events (from and to).</source>
        <translation>请填写日程事件的日期范围（起止）。</translation>
    </message>
    <message>
        <source>The range of the calendar events ends before it starts.</source>
        <translation>日程事件范围的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Pick at least one franchisee: find them by code or name and tick them.</source>
        <translation>请至少选择一个加盟商：按编号或名称查找并勾选。</translation>
    </message>
    <message>
        <source>“{text}” is not a date (yyyy-mm-dd).</source>
        <translation>“{text}”不是日期（yyyy-mm-dd）。</translation>
    </message>
</context>
<context>
    <name>LettersModel</name>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Addressed to</source>
        <translation>收信人</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Skipped: {why}</source>
        <translation>跳过：{why}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>About</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Template version</source>
        <translation>模板版本</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>as shipped</source>
        <translation>自带模板</translation>
    </message>
    <message>
        <source>changed {when} by {who}</source>
        <translation>{who} 于 {when} 修改</translation>
    </message>
</context>
<context>
    <name>LettersTab</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Reprint…</source>
        <translation>重新打印…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>No letter has been written to this franchisee yet.</source>
        <translation>尚未给该加盟商生成过信函。</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>{kind} of {date}</source>
        <translation>{date} 的{kind}</translation>
    </message>
    <message>
        <source>Save the letter as</source>
        <translation>信函另存为</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>LettersView</name>
    <message>
        <source>Show recipients</source>
        <translation>显示收件人</translation>
    </message>
    <message>
        <source>Write letters</source>
        <translation>生成信函</translation>
    </message>
    <message>
        <source>Choose the letter and the recipients, then press Show recipients.</source>
        <translation>请选择信函和收件人，然后点击“显示收件人”。</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The choice changed: press Show recipients to see who gets a letter.</source>
        <translation>选择已更改：点击“显示收件人”查看谁会收到信函。</translation>
    </message>
    <message>
        <source>Finding the recipients…</source>
        <translation>正在查找收件人…</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) to write</source>
        <translation>
            <numerusform>待生成 %n 封信函</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>跳过 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a warning</source>
        <translation>
            <numerusform>%n 个有警告</numerusform>
        </translation>
    </message>
    <message>
        <source>No letter to write: every recipient is skipped (see Remarks).</source>
        <translation>没有需要生成的信函：所有收件人都被跳过（见备注）。</translation>
    </message>
    <message>
        <source>Choose the folder for the PDF files.</source>
        <translation>请选择 PDF 文件所在的文件夹。</translation>
    </message>
    <message>
        <source>Cancelled: no letter was recorded.</source>
        <translation>已取消：未记录任何信函。</translation>
    </message>
    <message>
        <source>The letters were not written: nothing was recorded.</source>
        <translation>信函未生成：未记录任何内容。</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>Writing the letters…</source>
        <translation>正在生成信函…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) written</source>
        <translation>
            <numerusform>已生成 %n 封信函</numerusform>
        </translation>
    </message>
    <message>
        <source>The letters appear here once they are written.</source>
        <translation>信函生成后显示在这里。</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
</context>
<context>
    <name>LimitUseModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用率</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>hqdesk – franchisee relationships and credit</source>
        <translation>hqdesk – 加盟商关系与信用管理</translation>
    </message>
    <message>
        <source>Signed in as {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Import franchisees, contacts or stores…</source>
        <translation>导入加盟商、联系人或门店(&amp;I)…</translation>
    </message>
    <message>
        <source>Your role may not import; ask an administrator.</source>
        <translation>您的角色无权导入，请联系管理员。</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About hqdesk</source>
        <translation>关于 hqdesk(&amp;A)</translation>
    </message>
    <message>
        <source>About hqdesk</source>
        <translation>关于 hqdesk</translation>
    </message>
    <message>
        <source>hqdesk {version}
Franchisee relationships and credit management for headquarters.</source>
        <translation>hqdesk {version}
总部加盟商关系与信用管理系统。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Check which field each column of the file goes to. Change a column with the list above it; choose “— not imported —” for a column hqdesk should leave out.</source>
        <translation>请核对文件的每一列对应哪个字段。用列上方的下拉框修改；不需要导入的列请选“— 不导入 —”。</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the saved mapping chosen in the list (for every user)</source>
        <translation>删除列表中选中的已保存映射（对所有用户）</translation>
    </message>
    <message>
        <source>&amp;Save mapping as…</source>
        <translation>映射另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Saved mapping:</source>
        <translation>已保存的映射：</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>The file could not be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message numerus="yes">
        <source>%n data row(s)</source>
        <translation>
            <numerusform>%n 行数据</numerusform>
        </translation>
    </message>
    <message>
        <source>Mapped by the saved mapping “{name}”.</source>
        <translation>按已保存的映射“{name}”对应。</translation>
    </message>
    <message>
        <source>Recognised: {layout}.</source>
        <translation>已识别：{layout}。</translation>
    </message>
    <message>
        <source>hqdesk's template headers.</source>
        <translation>hqdesk 模板表头。</translation>
    </message>
    <message>
        <source>Columns guessed from their headers: check them.</source>
        <translation>列是根据表头推测的，请核对。</translation>
    </message>
    <message>
        <source>header in row {row}</source>
        <translation>表头在第 {row} 行</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>（无表头）</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>对应方式</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>A column without a header cannot be imported.</source>
        <translation>没有表头的列无法导入。</translation>
    </message>
    <message>
        <source>Still to map (required): {fields}.</source>
        <translation>尚未对应的必填字段：{fields}。</translation>
    </message>
    <message>
        <source>Mapped by more than one column: {fields}. Keep one column for each.</source>
        <translation>以下字段对应了多列：{fields}。每个字段只保留一列。</translation>
    </message>
    <message>
        <source>The file has no data rows.</source>
        <translation>文件中没有数据行。</translation>
    </message>
    <message>
        <source>Ready: every required field has a column. Next checks every row.</source>
        <translation>就绪：每个必填字段都有对应的列。“下一步”将检查每一行。</translation>
    </message>
    <message>
        <source>Delete saved mapping</source>
        <translation>删除已保存的映射</translation>
    </message>
    <message>
        <source>Delete the saved mapping “{name}”? It is shared: no user will find it any more. The columns shown now stay as they are.</source>
        <translation>删除已保存的映射“{name}”？该映射为共用，删除后所有用户都将无法再使用。当前显示的列对应保持不变。</translation>
    </message>
    <message>
        <source>Saved mapping “{name}” deleted.</source>
        <translation>已删除保存的映射“{name}”。</translation>
    </message>
    <message>
        <source>Save mapping as</source>
        <translation>映射另存为</translation>
    </message>
    <message>
        <source>Name of the mapping (for the next file of this shape):</source>
        <translation>映射名称（用于下次同样格式的文件）：</translation>
    </message>
    <message>
        <source>A mapping named “{name}” exists (last saved by {user}). Replace it?</source>
        <translation>名为“{name}”的映射已存在（最后由 {user} 保存）。要替换吗？</translation>
    </message>
    <message>
        <source>Mapping saved as “{name}”.</source>
        <translation>映射已保存为“{name}”。</translation>
    </message>
</context>
<context>
    <name>ObservedModel</name>
    <message>
        <source>Settlement term</source>
        <translation>结算方式</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Franchisees</source>
        <translation>加盟商数</translation>
    </message>
    <message>
        <source>Credit sales</source>
        <translation>赊销额</translation>
    </message>
    <message>
        <source>Collection days</source>
        <translation>平均收账天数</translation>
    </message>
    <message>
        <source>Write-offs</source>
        <translation>坏账核销</translation>
    </message>
    <message>
        <source>Bad-debt loss rate</source>
        <translation>坏账损失率</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>yyyy-mm-dd</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>Pick from the calendar (Alt+Down)</source>
        <translation>从日历中选择（Alt+↓）</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Franchisees</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Aging</source>
        <translation>账龄分析</translation>
    </message>
    <message>
        <source>Dunning</source>
        <translation>催收</translation>
    </message>
    <message>
        <source>Credit policy</source>
        <translation>信用政策</translation>
    </message>
    <message>
        <source>Credit policy simulator</source>
        <translation>信用政策模拟</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>客户关系</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
</context>
<context>
    <name>PickPage</name>
    <message>
        <source>What to import</source>
        <translation>导入什么</translation>
    </message>
    <message>
        <source>Choose what the file holds and the file itself (CSV or Excel). You may also drop the file on this page. No file yet? Download a template, fill it in and come back.</source>
        <translation>选择文件的内容类型和文件本身（CSV 或 Excel），也可以把文件拖到此页。还没有文件？请下载模板，填好后再回来。</translation>
    </message>
    <message>
        <source>A .csv or .xlsx file</source>
        <translation>.csv 或 .xlsx 文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>English headers</source>
        <translation>英文表头</translation>
    </message>
    <message>
        <source>Chinese headers</source>
        <translation>中文表头</translation>
    </message>
    <message>
        <source>&amp;Download template…</source>
        <translation>下载模板(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Import:</source>
        <translation>导入(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>What happens next:
1. Columns: you see the file's first rows and check which field each column goes to.
2. Check: every row is checked; nothing is written yet. Problems are listed by row and column.
3. Import: all rows are written together, or none if anything goes wrong.</source>
        <translation>接下来：
1. 列对应：查看文件的前几行，核对每一列对应哪个字段。
2. 检查：检查每一行，此时不写入任何数据；问题按行和列列出。
3. 导入：所有行一起写入；任何一处出错则全部不写入。</translation>
    </message>
    <message>
        <source>hqdesk reads .csv and .xlsx files; this one is {suffix}.</source>
        <translation>hqdesk 只能读取 .csv 和 .xlsx 文件；此文件为 {suffix}。</translation>
    </message>
    <message>
        <source>without an extension</source>
        <translation>无扩展名</translation>
    </message>
    <message>
        <source>There is no file {name} there.</source>
        <translation>该位置没有文件 {name}。</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.xlsm *.csv);;All files (*)</source>
        <translation>Excel 或 CSV (*.xlsx *.xlsm *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Template saved as {path}. Fill in one row per record; columns marked * are required.</source>
        <translation>模板已保存为 {path}。每条记录填一行；带 * 的列为必填。</translation>
    </message>
    <message>
        <source>The template could not be saved: {reason}</source>
        <translation>无法保存模板：{reason}</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Archived: read only. Restore it from the archive to change it.</source>
        <translation>已归档：只读。从归档中恢复后即可修改。</translation>
    </message>
    <message>
        <source>Archived: read only. An administrator can restore it from the archive.</source>
        <translation>已归档：只读。管理员可以将其从归档中恢复。</translation>
    </message>
    <message>
        <source>Read only: your role ({role}) can view franchisees but not change them.</source>
        <translation>只读：您的角色（{role}）可查看加盟商，但不能修改。</translation>
    </message>
    <message>
        <source>Read only: this franchisee has no account manager yet. An administrator can assign it to you.</source>
        <translation>只读：此加盟商尚未分配客户经理，可由管理员分配给您。</translation>
    </message>
    <message>
        <source>Read only: {manager} looks after this franchisee; only they or an administrator can change it.</source>
        <translation>只读：此加盟商由 {manager} 负责，仅其本人或管理员可以修改。</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>其他用户</translation>
    </message>
    <message>
        <source>Your role ({role}) cannot add franchisees.</source>
        <translation>您的角色（{role}）不能新增加盟商。</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Select a franchisee, or press Ctrl+N to add one</source>
        <translation>请选择一个加盟商，或按 Ctrl+N 新建</translation>
    </message>
    <message>
        <source>Undo the changes you have not saved (Esc)</source>
        <translation>撤销未保存的修改 (Esc)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Discard your unsaved changes to {name}?</source>
        <translation>放弃对“{name}”未保存的修改？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save your changes to {name}?</source>
        <translation>是否保存对 {name} 的修改？</translation>
    </message>
    <message>
        <source>If you don't save, your changes are lost.</source>
        <translation>如不保存，修改将丢失。</translation>
    </message>
    <message>
        <source>Archive franchisee</source>
        <translation>归档加盟商</translation>
    </message>
    <message>
        <source>Archive {name}? It disappears from the list unless archived franchisees are shown; nothing is deleted and it can be restored.</source>
        <translation>确定要归档“{name}”吗？归档后它不再出现在列表中（勾选“显示已归档”可查看）；数据不会删除，可随时恢复。</translation>
    </message>
    <message>
        <source>{name} still does business with you. Archive it anyway?</source>
        <translation>{name}仍与公司有业务往来。仍要归档吗？</translation>
    </message>
    <message>
        <source>Archive anyway</source>
        <translation>仍要归档</translation>
    </message>
    <message>
        <source>Nothing was saved: your rights to this franchisee have changed.</source>
        <translation>未保存任何内容：您对该加盟商的权限已变更。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{user} changed this franchisee after you opened it. When you save, you will see what they changed.</source>
        <translation>您打开此加盟商后，{user} 修改了它。保存时将显示对方修改的内容。</translation>
    </message>
    <message>
        <source>This franchisee no longer exists; another user may have deleted it.</source>
        <translation>此加盟商已不存在，可能已被其他用户删除。</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>未保存：请更正标红的字段。</translation>
    </message>
    <message>
        <source>Not saved. Saving again shows the same conflict until you reload their version.</source>
        <translation>未保存。在重新载入对方版本之前，再次保存仍会出现同样的编辑冲突。</translation>
    </message>
    <message>
        <source>Leave the new franchisee without saving it (Esc)</source>
        <translation>不保存，退出新建加盟商（Esc）</translation>
    </message>
    <message>
        <source>Save the new franchisee first.</source>
        <translation>请先保存新加盟商。</translation>
    </message>
    <message>
        <source>A new franchisee starts as a prospect; change the status after saving.</source>
        <translation>新加盟商的初始状态为“意向”，保存后可变更状态。</translation>
    </message>
    <message>
        <source>the new franchisee</source>
        <translation>新加盟商</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>ProfileHeader</name>
    <message>
        <source>unsaved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>归档…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save ({key})</source>
        <translation>保存 ({key})</translation>
    </message>
    <message>
        <source>New franchisee</source>
        <translation>新建加盟商</translation>
    </message>
    <message>
        <source>Tier {tier}</source>
        <translation>{tier} 级</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Restore from archive</source>
        <translation>从归档中恢复</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>ProfileTabs</name>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contacts (%n)</source>
        <translation>联系人 (%n)</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Delete the contact {name}?</source>
        <translation>确定删除联系人 {name} 吗？</translation>
    </message>
    <message>
        <source>Make primary</source>
        <translation>设为主要联系人</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Stores (%n)</source>
        <translation>门店 (%n)</translation>
    </message>
    <message>
        <source>Delete store</source>
        <translation>删除门店</translation>
    </message>
    <message>
        <source>Delete the store {name}?</source>
        <translation>确定删除门店 {name} 吗？</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Complaints (%n)</source>
        <translation>投诉 (%n)</translation>
    </message>
    <message>
        <source>Log complaint…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
</context>
<context>
    <name>ProfileWindow</name>
    <message>
        <source>Franchisee profile</source>
        <translation>加盟商档案</translation>
    </message>
</context>
<context>
    <name>ReceivablesAnalyticsView</name>
    <message>
        <source>Under 50%</source>
        <translation>低于 50%</translation>
    </message>
    <message>
        <source>50% to 80%</source>
        <translation>50% 至 80%</translation>
    </message>
    <message>
        <source>80% to 100%</source>
        <translation>80% 至 100%</translation>
    </message>
    <message>
        <source>Over the limit</source>
        <translation>超出额度</translation>
    </message>
    <message>
        <source>Aging at each month end</source>
        <translation>各月末账龄</translation>
    </message>
    <message>
        <source>Overdue amount and share of receivables</source>
        <translation>逾期金额及其占应收账款比例</translation>
    </message>
    <message>
        <source>Days sales outstanding (DSO)</source>
        <translation>应收账款周转天数 (DSO)</translation>
    </message>
    <message>
        <source>Bad-debt loss rate, rolling 12 months</source>
        <translation>坏账损失率（滚动 12 个月）</translation>
    </message>
    <message>
        <source>Credit-limit use</source>
        <translation>信用额度使用情况</translation>
    </message>
    <message>
        <source>Click a bar to see the franchisees behind it.</source>
        <translation>点击柱形查看其背后的加盟商。</translation>
    </message>
    <message>
        <source>As of {date}</source>
        <translation>截至 {date}</translation>
    </message>
    <message>
        <source>Month end</source>
        <translation>月末</translation>
    </message>
    <message>
        <source>Open invoices (¥)</source>
        <translation>未结发票（¥）</translation>
    </message>
    <message>
        <source>Unapplied credit</source>
        <translation>未核销款项</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Share of receivables</source>
        <translation>占应收账款比例</translation>
    </message>
    <message>
        <source>Overdue (¥)</source>
        <translation>逾期金额（¥）</translation>
    </message>
    <message>
        <source>Share overdue</source>
        <translation>逾期占比</translation>
    </message>
    <message>
        <source>DSO</source>
        <translation>应收账款周转天数 (DSO)</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Credit sales of the month</source>
        <translation>当月赊销额</translation>
    </message>
    <message>
        <source>Loss rate</source>
        <translation>坏账损失率</translation>
    </message>
    <message>
        <source>Normal rate ({rate})</source>
        <translation>正常损失率（{rate}）</translation>
    </message>
    <message>
        <source>12 months ending with</source>
        <translation>截至该月的 12 个月</translation>
    </message>
    <message>
        <source>Write-offs ÷ credit sales</source>
        <translation>核销额 ÷ 赊销额</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Write-offs</source>
        <translation>坏账核销</translation>
    </message>
    <message>
        <source>Credit sales</source>
        <translation>赊销额</translation>
    </message>
    <message>
        <source>Normal rate</source>
        <translation>正常损失率</translation>
    </message>
    <message>
        <source>Franchisees</source>
        <translation>加盟商数</translation>
    </message>
    <message numerus="yes">
        <source>%n franchisee(s) owing money without a credit limit</source>
        <translation>
            <numerusform>%n 家加盟商无信用额度但有欠款</numerusform>
        </translation>
    </message>
    <message>
        <source>Receivables ÷ credit limit</source>
        <translation>应收账款 ÷ 信用额度</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用率</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>区间</translation>
    </message>
    <message>
        <source>{what} as of {date}</source>
        <translation>截至 {date} 的{what}</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Open the Aging page as of {date}</source>
        <translation>打开截至 {date} 的账龄分析</translation>
    </message>
    <message numerus="yes">
        <source>%n franchisee(s)</source>
        <translation>
            <numerusform>%n 家加盟商</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Credit-limit use {band}: %n franchisee(s)</source>
        <translation>
            <numerusform>信用额度使用率 {band}：%n 家加盟商</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelationshipAnalyticsView</name>
    <message>
        <source>Complaints by category</source>
        <translation>按类别的投诉</translation>
    </message>
    <message>
        <source>Complaints received by month</source>
        <translation>每月收到的投诉</translation>
    </message>
    <message>
        <source>Visits made against plan by account manager</source>
        <translation>各客户经理的拜访完成与计划</translation>
    </message>
    <message>
        <source>No complaints in this period.</source>
        <translation>此期间没有投诉。</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n 件投诉</numerusform>
        </translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉数</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>Category (most complaints first)</source>
        <translation>类别（按投诉数从多到少）</translation>
    </message>
    <message>
        <source>80% of complaints</source>
        <translation>80% 的投诉</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>No franchisee has a visit plan.</source>
        <translation>没有加盟商有拜访计划。</translation>
    </message>
    <message>
        <source>No account manager</source>
        <translation>无客户经理</translation>
    </message>
    <message>
        <source>Visits planned</source>
        <translation>计划拜访次数</translation>
    </message>
    <message>
        <source>Visits made</source>
        <translation>实际拜访次数</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访次数</translation>
    </message>
    <message>
        <source>{name}: {franchisees} franchisees, {visited} visited, {overdue} overdue, {achieved} of plan</source>
        <translation>{name}：{franchisees} 家加盟商，已拜访 {visited} 家，逾期 {overdue} 家，完成计划的 {achieved}</translation>
    </message>
    <message>
        <source>Franchisees</source>
        <translation>加盟商数</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>已拜访</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>完成率</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Aging</source>
        <translation>账龄报表</translation>
    </message>
    <message>
        <source>What each franchisee owes as of a date, by days overdue (not due, 1-30 days… over 365 days), with the unapplied credit and the total; the totals as the last row.</source>
        <translation>截至某日各加盟商的欠款，按逾期天数分区间（未到期、1-30天……365天以上），含未核销款项与合计；最后一行为总计。</translation>
    </message>
    <message>
        <source>KPIs by franchisee</source>
        <translation>加盟商应收指标</translation>
    </message>
    <message>
        <source>For each franchisee in the list: credit sales, collections, write-offs, opening and closing receivables, overdue amount and share, DSO (average balance and countback) and the bad-debt loss rate of the period; the last row is the whole book.</source>
        <translation>列表中每个加盟商在期间内的赊销额、回款额、核销坏账、期初与期末应收、逾期金额与占比、应收周转天数（平均余额法与倒推法）及坏账损失率；最后一行为全部加盟商合计。</translation>
    </message>
    <message>
        <source>Sales by franchisee and month</source>
        <translation>加盟商月度销售</translation>
    </message>
    <message>
        <source>Credit sales (invoices less credit notes) of each franchisee, a column for every month of the period, the franchisee's total and a totals row.</source>
        <translation>每个加盟商的赊销额（发票减贷项通知单），期间内每月一列，另有加盟商合计列和总计行。</translation>
    </message>
    <message>
        <source>Visit log</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <source>Every visit of the period, newest first: date, franchisee, kind, purpose, who from HQ, met with, outcome, next follow-up, suggestions made and still open.</source>
        <translation>期间内的全部拜访，最新的在前：日期、加盟商、方式、目的、总部人员、接待人、结果、下次跟进、提出的建议数及未结建议数。</translation>
    </message>
    <message>
        <source>Complaint summary</source>
        <translation>投诉汇总</translation>
    </message>
    <message>
        <source>Complaints received in the period per category, most first, with their share and the cumulative share (the Pareto line); then the total.</source>
        <translation>期间内收到的投诉按类别统计，数量多的在前，含占比与累计占比（帕累托线）；最后为合计。</translation>
    </message>
    <message>
        <source>Franchisee directory</source>
        <translation>加盟商名录</translation>
    </message>
    <message>
        <source>Every franchisee by code: legal name, store brand, region, province, city, tier, status, account manager, primary contact, phone and contract end.</source>
        <translation>按编号列出全部加盟商：名称、门店品牌、大区、省份、城市、等级、状态、客户经理、主要联系人、电话和合同到期日。</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部大区</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>All account managers</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>Include archived franchisees</source>
        <translation>包括已归档的加盟商</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <source>CSV (UTF-8)</source>
        <translation>CSV (UTF-8)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至日期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Headers in</source>
        <translation>表头语言</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>生成…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Tier {tier}</source>
        <translation>{tier} 级</translation>
    </message>
    <message>
        <source>Enter the date the report is as of (yyyy-mm-dd).</source>
        <translation>请输入报表的截至日期（yyyy-mm-dd）。</translation>
    </message>
    <message>
        <source>Enter the first and the last day of the period (yyyy-mm-dd).</source>
        <translation>请输入期间的第一天和最后一天（yyyy-mm-dd）。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>%v of %m rows</source>
        <translation>%v / %m 行</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written…</source>
        <translation>
            <numerusform>已写入 %n 行…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to {file}</source>
        <translation>
            <numerusform>已将 %n 行写入 {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>已取消：未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password for {name} ({username}).</source>
        <translation>为 {name}（{username}）设置新密码。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
</context>
<context>
    <name>RowListTab</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>查看…</translation>
    </message>
</context>
<context>
    <name>SalesAnalyticsView</name>
    <message>
        <source>Monthly sales and the same month last year</source>
        <translation>月度销售额与去年同月</translation>
    </message>
    <message>
        <source>Top franchisees and their cumulative share</source>
        <translation>销售额领先的加盟商及累计占比</translation>
    </message>
    <message>
        <source>Click a month to see its sales by franchisee.</source>
        <translation>点击某个月份查看各加盟商的销售额。</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Same month last year</source>
        <translation>去年同月</translation>
    </message>
    <message>
        <source>{total} in all, last year {last}</source>
        <translation>合计 {total}，去年 {last}</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Sales (¥)</source>
        <translation>销售额（¥）</translation>
    </message>
    <message>
        <source>No sales in this period.</source>
        <translation>此期间没有销售。</translation>
    </message>
    <message>
        <source>The top 20% of {n} franchisees bring {share} of sales.</source>
        <translation>{n} 家加盟商中前 20% 贡献了 {share} 的销售额。</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>Franchisee (by sales)</source>
        <translation>加盟商（按销售额排序）</translation>
    </message>
    <message>
        <source>Cumulative share of all sales</source>
        <translation>占全部销售额的累计比例</translation>
    </message>
    <message>
        <source>80% of sales</source>
        <translation>80% 的销售额</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Sales from {start} to {end} by franchisee</source>
        <translation>{start} 至 {end} 各加盟商销售额</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>SalesRowsModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
</context>
<context>
    <name>SegmentsModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>Last invoice</source>
        <translation>最近发票</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票数</translation>
    </message>
    <message>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>Recency {r}, frequency {f}, value {m} (5 best, by quintile)</source>
        <translation>最近度 {r}，频率 {f}，金额 {m}（按五分位，5 为最好）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to hqdesk</source>
        <translation>登录 hqdesk</translation>
    </message>
    <message>
        <source>hqdesk · franchisees and credit</source>
        <translation>hqdesk · 加盟商关系与信用管理</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>SimulatorResults</name>
    <message>
        <source>Alternative</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Contribution margin</source>
        <translation>边际贡献</translation>
    </message>
    <message>
        <source>Collection days</source>
        <translation>平均收账天数</translation>
    </message>
    <message>
        <source>Average receivable</source>
        <translation>应收账款平均余额</translation>
    </message>
    <message>
        <source>Opportunity cost</source>
        <translation>应收账款机会成本</translation>
    </message>
    <message>
        <source>Bad-debt cost</source>
        <translation>坏账成本</translation>
    </message>
    <message>
        <source>Discount cost</source>
        <translation>现金折扣成本</translation>
    </message>
    <message>
        <source>Collection cost</source>
        <translation>收账费用</translation>
    </message>
    <message>
        <source>Other costs</source>
        <translation>其他费用</translation>
    </message>
    <message>
        <source>Net benefit</source>
        <translation>净收益</translation>
    </message>
    <message>
        <source>Change against the first</source>
        <translation>较第一方案增减</translation>
    </message>
</context>
<context>
    <name>SimulatorView</name>
    <message>
        <source>{term} {days} (as is)</source>
        <translation>{term} {days} 天（现行）</translation>
    </message>
    <message>
        <source>{term} +{days} (as is)</source>
        <translation>{term} +{days} 天（现行）</translation>
    </message>
    <message>
        <source>{term} (as is)</source>
        <translation>{term}（现行）</translation>
    </message>
    <message>
        <source>Load from the ledger</source>
        <translation>从台账载入</translation>
    </message>
    <message>
        <source>12 months to</source>
        <translation>截至日期（近 12 个月）</translation>
    </message>
    <message>
        <source>Variable costs as a percentage of sales (80 = 80 %).</source>
        <translation>变动成本占销售额的百分比（80 即 80%）。</translation>
    </message>
    <message>
        <source>The yearly return the money tied up in receivables could earn elsewhere, in percent.</source>
        <translation>应收账款占用资金用于其他投资可获得的年收益率（百分比）。</translation>
    </message>
    <message>
        <source>Days in the year</source>
        <translation>全年天数</translation>
    </message>
    <message>
        <source>Variable cost ratio %</source>
        <translation>变动成本率 %</translation>
    </message>
    <message>
        <source>Capital cost % a year</source>
        <translation>资金成本率 %（年）</translation>
    </message>
    <message>
        <source>Add alternative</source>
        <translation>添加方案</translation>
    </message>
    <message>
        <source>Remove alternative</source>
        <translation>删除方案</translation>
    </message>
    <message>
        <source>Enter the last day of the 12 months as yyyy-mm-dd.</source>
        <translation>请按 yyyy-mm-dd 格式输入 12 个月期间的最后一天。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Credit sales: invoices less credit notes in the 12 months to {date}. Collection days: days from each invoice to the payments and credit notes allocated to it in those months, weighted by amount. Bad-debt loss rate: write-offs / credit sales.</source>
        <translation>赊销额：截至 {date} 的 12 个月内的发票减贷项通知单。平均收账天数：该期间内核销到各发票的收款和贷项通知单，自发票日期起算的天数，按金额加权。坏账损失率：坏账核销 ÷ 赊销额。</translation>
    </message>
    <message>
        <source>The ledger has no credit sales in the 12 months to {date}: add alternatives by hand.</source>
        <translation>台账中截至 {date} 的 12 个月内没有赊销：请手动添加方案。</translation>
    </message>
    <message>
        <source>Alternative {n}</source>
        <translation>方案 {n}</translation>
    </message>
    <message>
        <source>These figures cannot be computed: check the days in the year.</source>
        <translation>无法计算：请检查全年天数。</translation>
    </message>
    <message>
        <source>{field}: enter a number.</source>
        <translation>{field}：请输入数字。</translation>
    </message>
    <message>
        <source>Row {row}, {column}: enter a number.</source>
        <translation>第 {row} 行，{column}：请输入数字。</translation>
    </message>
    <message>
        <source>Recommended: {name}, net benefit {amount}.</source>
        <translation>推荐方案：{name}，净收益 {amount}。</translation>
    </message>
    <message>
        <source>Net benefit per alternative</source>
        <translation>各方案净收益</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>{status} since {date}</source>
        <translation>自 {date} 起为{status}</translation>
    </message>
    <message>
        <source>Change the status of {code}</source>
        <translation>变更 {code} 的状态</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Effective on</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Why? e.g. contract signed, overdue payments, shop closed…</source>
        <translation>变更原因，如：已签合同、货款逾期、门店关闭…</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>变更状态</translation>
    </message>
    <message>
        <source>Current status: {status}</source>
        <translation>当前状态：{status}</translation>
    </message>
    <message>
        <source>Reloaded. Check the current status and try again.</source>
        <translation>已重新载入，请确认当前状态后重试。</translation>
    </message>
</context>
<context>
    <name>StatusHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>记录时间</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>New store</source>
        <translation>新建门店</translation>
    </message>
    <message>
        <source>Store: {name}</source>
        <translation>门店：{name}</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>如：{example}</translation>
    </message>
</context>
<context>
    <name>StoresModel</name>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>开业日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Floor area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
</context>
<context>
    <name>SuggestionDialog</name>
    <message>
        <source>Follow up a suggestion</source>
        <translation>跟进建议</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>What HQ did about it, or answered</source>
        <translation>总部的处理或答复</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>The response is at most {limit} characters.</source>
        <translation>答复最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>{user} followed this suggestion up meanwhile: it shows their status now.</source>
        <translation>{user} 刚跟进了此建议，现显示其设置的状态。</translation>
    </message>
</context>
<context>
    <name>SuggestionListModel</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>拜访日期</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Last changed by</source>
        <translation>最后修改人</translation>
    </message>
</context>
<context>
    <name>SuggestionsEditModel</name>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>答复</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel the save</source>
        <translation>取消保存</translation>
    </message>
    <message>
        <source>Stop waiting: nothing is saved, and your changes stay in the form to save later.</source>
        <translation>停止等待：不会保存任何内容，您的修改保留在表单中，可稍后再保存。</translation>
    </message>
    <message>
        <source>Still saving: waiting for another user's change to the database to finish…</source>
        <translation>仍在保存：正在等待其他用户对数据库的修改完成…</translation>
    </message>
</context>
<context>
    <name>TierModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Franchisees</source>
        <translation>加盟商数</translation>
    </message>
</context>
<context>
    <name>TiersEditor</name>
    <message>
        <source>Tiers group franchisees for visit plans and credit. A tier that franchisees still have cannot be removed. Changes are saved when you press OK.</source>
        <translation>等级用于对加盟商分组，以便安排拜访计划和信用管理。仍有加盟商使用的等级不能删除。修改在按“确定”时保存。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>None of your tier changes were saved. The list below is the saved one now; make your changes again if still needed.</source>
        <translation>您的等级修改均未保存。下方列表为当前已保存的内容；如仍需要，请重新修改。</translation>
    </message>
    <message>
        <source>New tier</source>
        <translation>新建等级</translation>
    </message>
    <message>
        <source>Tier code (e.g. S):</source>
        <translation>等级编码（如 S）：</translation>
    </message>
    <message>
        <source>The tier {code} exists already.</source>
        <translation>等级 {code} 已存在。</translation>
    </message>
    <message>
        <source>Rename tier</source>
        <translation>重命名等级</translation>
    </message>
    <message>
        <source>Name of tier {code}:</source>
        <translation>等级 {code} 的名称：</translation>
    </message>
    <message numerus="yes">
        <source>The tier {code} is given to %n franchisee(s); give them another tier first.</source>
        <translation>
            <numerusform>等级 {code} 仍有 %n 个加盟商使用；请先为他们更换等级。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>移除等级</translation>
    </message>
    <message>
        <source>Remove the tier {code}?</source>
        <translation>确定移除等级 {code} 吗？</translation>
    </message>
</context>
<context>
    <name>UpcomingPanel</name>
    <message>
        <source>My franchisees</source>
        <translation>我的加盟商</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>Nothing in the next 14 days.</source>
        <translation>未来 14 天内没有事件。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>The passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Edit user {username}</source>
        <translation>编辑用户 {username}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>for signing in, e.g. zhang.wei</source>
        <translation>用于登录，如 zhang.wei</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>A user name cannot be changed.</source>
        <translation>用户名不可更改。</translation>
    </message>
    <message>
        <source>Hand franchisees over to</source>
        <translation>将加盟商转交给</translation>
    </message>
    <message>
        <source>Nobody: they keep this manager, shown as inactive</source>
        <translation>不转交：保留该客户经理，显示为已停用</translation>
    </message>
    <message>
        <source>The franchisees this user manages go to the chosen account manager when you save.</source>
        <translation>保存时，该用户负责的加盟商将转交给所选的客户经理。</translation>
    </message>
    <message numerus="yes">
        <source>Hand their %n franchisee(s) over to</source>
        <translation>
            <numerusform>将其负责的 %n 个加盟商转交给</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter an e-mail address like name@example.com, or leave it empty.</source>
        <translation>请填写邮箱地址，如 name@example.com，或留空。</translation>
    </message>
    <message>
        <source>The form now shows the saved user; make your changes again if they are still needed.</source>
        <translation>表单已显示已保存的用户信息；如仍需修改，请重新修改。</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>This user cannot sign in.</source>
        <translation>此用户无法登录。</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s), {active} active</source>
        <translation>
            <numerusform>%n 个用户，{active} 个已启用</numerusform>
        </translation>
    </message>
    <message>
        <source>The password of {username} was changed.</source>
        <translation>{username} 的密码已修改。</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Enter the contact's name.</source>
        <translation>请填写联系人姓名。</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Choose the franchisee who complained.</source>
        <translation>请选择投诉的加盟商。</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>请选择类别。</translation>
    </message>
    <message>
        <source>Describe the complaint in the franchisee's words.</source>
        <translation>请按加盟商的原话描述投诉内容。</translation>
    </message>
    <message>
        <source>Enter when it was received.</source>
        <translation>请输入受理时间。</translation>
    </message>
    <message>
        <source>A complaint cannot be received in the future.</source>
        <translation>受理时间不能晚于现在。</translation>
    </message>
    <message>
        <source>Enter a date from 2000 on.</source>
        <translation>请输入 2000 年以后的日期。</translation>
    </message>
    <message>
        <source>A complaint cannot go from {old} to {new}.</source>
        <translation>投诉不能从“{old}”变为“{new}”。</translation>
    </message>
    <message>
        <source>Choose who handles the complaint.</source>
        <translation>请选择处理人。</translation>
    </message>
    <message>
        <source>Say how the complaint was resolved.</source>
        <translation>请填写处理结果。</translation>
    </message>
    <message>
        <source>Give the root cause.</source>
        <translation>请填写根本原因。</translation>
    </message>
    <message>
        <source>Give the corrective action, so it does not happen again.</source>
        <translation>请填写纠正措施，防止再次发生。</translation>
    </message>
    <message>
        <source>Give the franchisee's satisfaction, from 1 (very unhappy) to 5 (very happy).</source>
        <translation>请填写加盟商满意度，1（非常不满意）到 5（非常满意）。</translation>
    </message>
    <message>
        <source>Say why the complaint is reopened.</source>
        <translation>请说明重新打开的原因。</translation>
    </message>
    <message>
        <source>Write the comment first.</source>
        <translation>请先填写备注。</translation>
    </message>
    <message>
        <source>Give the category a name.</source>
        <translation>请填写类别名称。</translation>
    </message>
    <message>
        <source>{severity}: times are from 1 hour to 365 days.</source>
        <translation>{severity}：时限须在 1 小时到 365 天之间。</translation>
    </message>
    <message>
        <source>{severity}: the resolution time cannot be shorter than the response time.</source>
        <translation>{severity}：解决时限不能短于响应时限。</translation>
    </message>
    <message>
        <source>The text contains a NUL character (an invisible control character, code 0), which cannot be stored. Remove it.</source>
        <translation>文本中含有 NUL 字符（编码为 0 的不可见控制字符），无法保存。请将其删除。</translation>
    </message>
    <message>
        <source>The text contains a broken character (half of a character pair, as a damaged copy and paste can leave), which cannot be stored. Type the text again or remove the broken character.</source>
        <translation>文本中含有损坏的字符（半个字符对，常见于复制粘贴出错），无法保存。请重新输入或删除该字符。</translation>
    </message>
    <message>
        <source>A mainland mobile number has 11 digits and starts with 13-19.</source>
        <translation>大陆手机号为 11 位数字，以 13-19 开头。</translation>
    </message>
    <message>
        <source>This does not look like a phone number.</source>
        <translation>电话号码格式不正确。</translation>
    </message>
    <message>
        <source>This does not look like an e-mail address.</source>
        <translation>邮箱地址格式不正确。</translation>
    </message>
    <message>
        <source>A birthday cannot be in the future.</source>
        <translation>生日不能晚于今天。</translation>
    </message>
    <message>
        <source>Enter a birthday after 1900.</source>
        <translation>请填写 1900 年以后的生日。</translation>
    </message>
    <message>
        <source>Every anniversary needs a name.</source>
        <translation>请为每个纪念日填写名称。</translation>
    </message>
    <message>
        <source>The name of an anniversary has at most {limit} characters.</source>
        <translation>纪念日名称最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The letter language is Simplified Chinese or English.</source>
        <translation>信函语言为简体中文或英文。</translation>
    </message>
    <message>
        <source>Enter the store's name.</source>
        <translation>请填写门店名称。</translation>
    </message>
    <message>
        <source>The floor area is in square metres, between 0 and 100,000.</source>
        <translation>面积以平方米为单位，范围为 0 至 100,000。</translation>
    </message>
    <message>
        <source>An open store cannot have an opening date in the future; mark it as planned.</source>
        <translation>营业中的门店开业日期不能晚于今天；请将状态设为“筹备中”。</translation>
    </message>
    <message>
        <source>The franchisee already has this status.</source>
        <translation>加盟商已是此状态。</translation>
    </message>
    <message>
        <source>A franchisee cannot go from {old} to {new}.</source>
        <translation>加盟商不能从“{old}”变更为“{new}”。</translation>
    </message>
    <message>
        <source>Give a reason for the status change.</source>
        <translation>请填写状态变更原因。</translation>
    </message>
    <message>
        <source>Give the date of the change.</source>
        <translation>请填写变更日期。</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The current status began on {since}: a change cannot be dated before that.</source>
        <translation>当前状态始于 {since}，变更日期不能早于该日期。</translation>
    </message>
    <message>
        <source>Enter the franchisee code.</source>
        <translation>请填写加盟商编码。</translation>
    </message>
    <message>
        <source>Enter the company's legal name.</source>
        <translation>请填写公司名称。</translation>
    </message>
    <message>
        <source>Enter the city.</source>
        <translation>请填写城市。</translation>
    </message>
    <message>
        <source>Choose a tier.</source>
        <translation>请选择等级。</translation>
    </message>
    <message>
        <source>Use letters, digits, '-' and '_' only, starting with a letter or digit.</source>
        <translation>只能使用字母、数字、'-' 和 '_'，且须以字母或数字开头。</translation>
    </message>
    <message>
        <source>Unknown tier {tier}; known tiers: {tiers}.</source>
        <translation>等级 {tier} 不存在；现有等级：{tiers}。</translation>
    </message>
    <message>
        <source>Registered capital cannot be negative.</source>
        <translation>注册资本不能为负数。</translation>
    </message>
    <message>
        <source>Registered capital is too large.</source>
        <translation>注册资本数额过大。</translation>
    </message>
    <message>
        <source>The contract cannot end before it starts.</source>
        <translation>合同到期日期不能早于合同开始日期。</translation>
    </message>
    <message>
        <source>A tag has at most 30 characters.</source>
        <translation>每个标签最多 30 个字符。</translation>
    </message>
    <message>
        <source>The tags together have at most {limit} characters, counting a comma between two tags.</source>
        <translation>所有标签合计最多 {limit} 个字符（标签之间的逗号也计算在内）。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters.</source>
        <translation>统一社会信用代码为 18 位。</translation>
    </message>
    <message>
        <source>A unified social credit code uses only digits and capital letters except I, O, S, V, Z.</source>
        <translation>统一社会信用代码只能包含数字和大写字母（不含 I、O、S、V、Z）。</translation>
    </message>
    <message>
        <source>Characters 3 to 8 of the code are the region number: digits only.</source>
        <translation>代码第 3 至 8 位为行政区划码，只能是数字。</translation>
    </message>
    <message>
        <source>The check character does not match: the code has a typo.</source>
        <translation>校验位不符，代码可能输入有误。</translation>
    </message>
    <message>
        <source>The logo file is larger than 2 MB.</source>
        <translation>Logo 文件超过 2 MB。</translation>
    </message>
    <message>
        <source>Another franchisee already has the code {code}.</source>
        <translation>编码 {code} 已被其他加盟商使用。</translation>
    </message>
    <message>
        <source>Franchisee {code} already has this unified social credit code.</source>
        <translation>加盟商 {code} 已使用此统一社会信用代码。</translation>
    </message>
    <message>
        <source>Choose an active user as account manager.</source>
        <translation>请选择已启用的用户作为客户经理。</translation>
    </message>
    <message>
        <source>Franchisee {code} cannot be changed this way; nothing was changed:</source>
        <translation>加盟商 {code} 不能这样更改，所有加盟商均未更改：</translation>
    </message>
    <message>
        <source>A tier code has 1 to 10 letters or digits.</source>
        <translation>等级编码为 1 至 10 位字母或数字。</translation>
    </message>
    <message>
        <source>The tier {code} exists already.</source>
        <translation>等级 {code} 已存在。</translation>
    </message>
    <message>
        <source>{n} franchisees have the tier {code}; give them another tier first.</source>
        <translation>有 {n} 个加盟商属于等级 {code}，请先为其调整等级。</translation>
    </message>
    <message>
        <source>2 to 64 letters, digits, '.', '-' or '_'.</source>
        <translation>2 至 64 位字母、数字、'.'、'-' 或 '_'。</translation>
    </message>
    <message>
        <source>A password has at least {n} characters.</source>
        <translation>密码至少 {n} 个字符。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>You cannot remove your own administrator rights.</source>
        <translation>不能取消您自己的管理员权限。</translation>
    </message>
    <message>
        <source>This is not your current password.</source>
        <translation>这不是您的当前密码。</translation>
    </message>
    <message>
        <source>Enter a date as yyyy-mm-dd, or leave the field empty.</source>
        <translation>请按 yyyy-mm-dd 格式输入日期，或留空。</translation>
    </message>
    <message>
        <source>Enter a date as yyyy-mm-dd.</source>
        <translation>请按 yyyy-mm-dd 格式填写日期。</translation>
    </message>
    <message>
        <source>Enter the floor area in square metres, e.g. 120.5.</source>
        <translation>请填写面积（平方米），如 120.5。</translation>
    </message>
    <message>
        <source>Enter an amount in yuan, e.g. 1000000.00.</source>
        <translation>请填写金额（元），如 1000000.00。</translation>
    </message>
    <message>
        <source>Some fields are not valid.</source>
        <translation>部分字段填写有误。</translation>
    </message>
    <message>
        <source>Enter a date between {earliest} and {latest}.</source>
        <translation>请输入 {earliest} 至 {latest} 之间的日期。</translation>
    </message>
    <message>
        <source>Enter a number such as 1234567.89 or 1,234,567.89 (commas only between groups of three digits).</source>
        <translation>请输入数字，例如 1234567.89 或 1,234,567.89（逗号只能用于每三位数字之间）。</translation>
    </message>
    <message>
        <source>At most {limit} characters; this text has {length}. Nothing was cut off: shorten it.</source>
        <translation>最多 {limit} 个字符，此文本有 {length} 个。内容未被截断，请自行缩短。</translation>
    </message>
    <message>
        <source>A cadence is between {low} and {high} months.</source>
        <translation>周期须在 {low} 到 {high} 个月之间。</translation>
    </message>
    <message>
        <source>Give the date of the visit.</source>
        <translation>请填写拜访日期。</translation>
    </message>
    <message>
        <source>A visit is logged once it has happened: its date cannot be in the future.</source>
        <translation>拜访发生后才记录：日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The next follow-up comes after the visit.</source>
        <translation>下次跟进日期须晚于拜访日期。</translation>
    </message>
    <message>
        <source>Choose who from HQ made the visit.</source>
        <translation>请选择总部的拜访人。</translation>
    </message>
    <message>
        <source>A logged complaint stays with its franchisee; log a new one.</source>
        <translation>已登记的投诉不能更换加盟商；请另行登记。</translation>
    </message>
    <message>
        <source>Only an assigned, in-progress or reopened complaint is reassigned.</source>
        <translation>只有已指派、处理中或重新打开的投诉可以转派。</translation>
    </message>
    <message>
        <source>There is a category {name} here already.</source>
        <translation>此处已有类别“{name}”。</translation>
    </message>
    <message>
        <source>The category {name} is no longer in use; choose another.</source>
        <translation>类别“{name}”已停用；请选择其他类别。</translation>
    </message>
    <message>
        <source>Choose a contact of this franchisee.</source>
        <translation>请选择该加盟商的联系人。</translation>
    </message>
    <message>
        <source>Choose an active administrator, account manager or credit manager to handle it.</source>
        <translation>请选择在职的管理员、客户经理或信用经理处理。</translation>
    </message>
    <message>
        <source>Enter a number of days from 0 to {most}.</source>
        <translation>请输入 0 到 {most} 之间的天数。</translation>
    </message>
    <message>
        <source>Level {n}: days overdue must be 0 to {max}.</source>
        <translation>级别 {n}：逾期天数须为 0 至 {max}。</translation>
    </message>
    <message>
        <source>Level {n}: days overdue must be more than the level before ({previous} days).</source>
        <translation>级别 {n}：逾期天数须大于上一级别（{previous} 天）。</translation>
    </message>
    <message>
        <source>Level {n}: unknown action.</source>
        <translation>级别 {n}：未知措施。</translation>
    </message>
    <message>
        <source>Level {n}: a letter needs a letter template.</source>
        <translation>级别 {n}：函件需要函件模板。</translation>
    </message>
    <message>
        <source>Level {n}: at most 50 characters.</source>
        <translation>级别 {n}：最多 50 个字符。</translation>
    </message>
    <message>
        <source>An order amount is more than 0, with at most two decimals.</source>
        <translation>订单金额须大于 0，最多两位小数。</translation>
    </message>
    <message>
        <source>Only a blocked order needs an override.</source>
        <translation>只有被拒绝的订单才需要越权放行。</translation>
    </message>
    <message>
        <source>Enter a rate from 0% to 100% (at most 4 decimals).</source>
        <translation>请输入 0% 至 100% 的比率（最多 4 位小数）。</translation>
    </message>
    <message>
        <source>Aging bounds are whole days, strictly increasing, separated by commas (e.g. 30,60,90).</source>
        <translation>账龄界限为整数天数，严格递增，以逗号分隔（例如 30,60,90）。</translation>
    </message>
    <message>
        <source>Choose an active collection policy.</source>
        <translation>请选择一个启用的催收政策。</translation>
    </message>
    <message>
        <source>A code has 1 to 20 letters or digits.</source>
        <translation>代码为 1 至 20 个字母或数字。</translation>
    </message>
    <message>
        <source>A name has 1 to 100 characters.</source>
        <translation>名称为 1 至 100 个字符。</translation>
    </message>
    <message>
        <source>Enter 0 to 3650 days.</source>
        <translation>请输入 0 至 3650 天。</translation>
    </message>
    <message>
        <source>A collection policy needs at least one level.</source>
        <translation>催收政策至少需要一个级别。</translation>
    </message>
    <message>
        <source>The code {code} is taken.</source>
        <translation>代码 {code} 已被使用。</translation>
    </message>
    <message>
        <source>The collection policy {policy} is the default or used by {n} credit profiles; choose another for them first.</source>
        <translation>催收政策“{policy}”是默认政策或被 {n} 个信用档案使用；请先为它们选择其他政策。</translation>
    </message>
    <message>
        <source>This value is not valid.</source>
        <translation>此值无效。</translation>
    </message>
    <message>
        <source>Advance payment and cash on delivery have no days (enter 0).</source>
        <translation>预付款和货到付款没有天数（请输入 0）。</translation>
    </message>
    <message>
        <source>Net days needs at least 1 day (or choose cash on delivery).</source>
        <translation>账期天数至少为 1 天（或选择货到付款）。</translation>
    </message>
    <message>
        <source>A credit limit is 0 or more, with at most two decimals.</source>
        <translation>信用额度须为 0 或以上，最多两位小数。</translation>
    </message>
    <message>
        <source>Enter a rate from 0% to 100%.</source>
        <translation>请输入 0% 至 100% 的比率。</translation>
    </message>
    <message>
        <source>Say why the franchisee is on hold.</source>
        <translation>请说明信用冻结的原因。</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>必须填写理由。</translation>
    </message>
    <message>
        <source>The proposal changes nothing.</source>
        <translation>该提议没有任何变更。</translation>
    </message>
    <message>
        <source>Say why the task is skipped.</source>
        <translation>请说明跳过任务的原因。</translation>
    </message>
    <message>
        <source>Enter the order amount.</source>
        <translation>请输入订单金额。</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <source>Enter the document number.</source>
        <translation>请输入单据编号。</translation>
    </message>
    <message>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Enter an amount greater than zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <source>At most 2 decimal places (fen).</source>
        <translation>最多 2 位小数（分）。</translation>
    </message>
    <message>
        <source>The amount cannot be more than {max} yuan.</source>
        <translation>金额不能超过 {max} 元。</translation>
    </message>
    <message>
        <source>Enter the date.</source>
        <translation>请输入日期。</translation>
    </message>
    <message>
        <source>The due date cannot be before the invoice date.</source>
        <translation>到期日不能早于发票日期。</translation>
    </message>
    <message>
        <source>This franchisee has no invoice {number}.</source>
        <translation>该加盟商没有发票 {number}。</translation>
    </message>
    <message>
        <source>Invoice {number} belongs to another franchisee ({code}).</source>
        <translation>发票 {number} 属于另一个加盟商（{code}）。</translation>
    </message>
    <message>
        <source>There is already a {kind} numbered {number}.</source>
        <translation>已有编号为 {number} 的{kind}。</translation>
    </message>
    <message>
        <source>A write-off may not exceed the invoice's open amount ({open} yuan).</source>
        <translation>核销金额不能超过发票的未结金额（{open} 元）。</translation>
    </message>
    <message>
        <source>Invoice {number} has nothing open to write off.</source>
        <translation>发票 {number} 没有可核销的未结金额。</translation>
    </message>
    <message>
        <source>Enter the reason.</source>
        <translation>请输入原因。</translation>
    </message>
    <message>
        <source>At most {max} yuan: the credit's unapplied amount and the invoice's open amount limit it.</source>
        <translation>最多 {max} 元：受贷项未核销金额和发票未结金额限制。</translation>
    </message>
    <message>
        <source>Only a payment's or a credit note's unapplied credit can be applied.</source>
        <translation>只能核销收款或贷项通知单的未核销金额。</translation>
    </message>
    <message>
        <source>Credit can only be applied to an invoice.</source>
        <translation>贷项只能核销到发票。</translation>
    </message>
    <message>
        <source>The credit and the invoice belong to different franchisees.</source>
        <translation>该贷项与发票属于不同的加盟商。</translation>
    </message>
    <message>
        <source>Record write-offs with Write off.</source>
        <translation>请通过“核销坏账”录入坏账核销。</translation>
    </message>
    <message>
        <source>A bank account number has 8 to 34 digits, grouped by spaces or hyphens if you like.</source>
        <translation>银行账号为 8 到 34 位数字，可用空格或连字符分组。</translation>
    </message>
    <message>
        <source>Name the bank of the account number.</source>
        <translation>请填写该账号的开户银行。</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>Mappings are for franchisees, contacts or stores, not {entity}.</source>
        <translation>映射只用于加盟商、联系人或门店，不能用于 {entity}。</translation>
    </message>
    <message>
        <source>The mapping sends column "{header}" to {field}, which this import does not have.</source>
        <translation>映射把列“{header}”对应到 {field}，但此导入没有这个字段。</translation>
    </message>
</context>
<context>
    <name>VisitCadencePage</name>
    <message>
        <source>How often the account managers visit the active franchisees of each tier. A tier on “Default” is visited every {months} months. A franchisee's own plan (its profile, Visits tab) comes first. A tier added just now gets its cadence here once saved.</source>
        <translation>客户经理拜访各等级合作中加盟商的周期。设为“默认”的等级每 {months} 个月拜访一次。加盟商单独设定的计划（档案的“拜访”页）优先。刚添加的等级保存后才能在此设定周期。</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Default (every {months} months)</source>
        <translation>默认（每 {months} 个月）</translation>
    </message>
    <message numerus="yes">
        <source> month(s)</source>
        <translation>
            <numerusform> 个月</numerusform>
        </translation>
    </message>
    <message>
        <source>Tier {tier}: visit every</source>
        <translation>{tier} 级：拜访周期</translation>
    </message>
    <message>
        <source>The cadences below are the saved ones now; set yours again.</source>
        <translation>下面是当前已保存的周期，请重新设定。</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>New visit</source>
        <translation>新建拜访</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>What you saw and heard: the store, sales, stock, the team…</source>
        <translation>所见所闻：门店、销售、库存、团队……</translation>
    </message>
    <message>
        <source>Add suggestion</source>
        <translation>添加建议</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>If it comes before the date the visit plan gives, the next visit is due on this date.</source>
        <translation>若早于拜访计划的日期，下次拜访以此日期为准。</translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <source>Save and open profile</source>
        <translation>保存并打开档案</translation>
    </message>
</context>
<context>
    <name>VisitListModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Franchisee</source>
        <translation>加盟商</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>拜访人</translation>
    </message>
    <message>
        <source>Met with</source>
        <translation>接待人</translation>
    </message>
    <message>
        <source>Open suggestions</source>
        <translation>待跟进建议</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
</context>
<context>
    <name>VisitPlanDialog</name>
    <message>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>Follow the tier {tier}: {cadence}</source>
        <translation>按 {tier} 级：{cadence}</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>每</translation>
    </message>
    <message numerus="yes">
        <source> month(s)</source>
        <translation>
            <numerusform> 个月</numerusform>
        </translation>
    </message>
    <message>
        <source>No regular visits</source>
        <translation>不定期拜访</translation>
    </message>
</context>
<context>
    <name>VisitPlanText</name>
    <message>
        <source>no regular visits</source>
        <translation>不定期拜访</translation>
    </message>
    <message numerus="yes">
        <source>every %n month(s)</source>
        <translation>
            <numerusform>每 %n 个月一次</numerusform>
        </translation>
    </message>
    <message>
        <source>its own plan</source>
        <translation>单独设定</translation>
    </message>
    <message>
        <source>tier {tier}</source>
        <translation>{tier} 级</translation>
    </message>
    <message>
        <source>tier {tier} has no cadence: the default</source>
        <translation>{tier} 级未设周期，按默认</translation>
    </message>
    <message>
        <source>Visits: {cadence} ({source})</source>
        <translation>拜访：{cadence}（{source}）</translation>
    </message>
    <message>
        <source>last visit {date}</source>
        <translation>上次拜访 {date}</translation>
    </message>
    <message>
        <source>no visit yet</source>
        <translation>尚未拜访</translation>
    </message>
    <message>
        <source>no visit due (only active franchisees are visited)</source>
        <translation>无待拜访（只拜访合作中的加盟商）</translation>
    </message>
    <message>
        <source>⚠ next visit was due {date}: overdue</source>
        <translation>⚠ 下次拜访应在 {date}：已逾期</translation>
    </message>
    <message>
        <source>next visit due {date}</source>
        <translation>下次拜访 {date}</translation>
    </message>
</context>
<context>
    <name>VisitsModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>拜访人</translation>
    </message>
    <message>
        <source>Met with</source>
        <translation>接待人</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>{total} ({open} open)</source>
        <translation>{total}（{open} 条待跟进）</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>the default, every %n month(s)</source>
        <translation>默认，每 %n 个月一次</translation>
    </message>
    <message>
        <source>Someone changed this visit plan meanwhile: it shows their choice now. Save again to replace it.</source>
        <translation>其他用户刚修改了此拜访计划，现显示其设置。再次保存将覆盖。</translation>
    </message>
    <message>
        <source>Visit plan…</source>
        <translation>拜访计划…</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Visits (%n)</source>
        <translation>拜访（%n）</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>删除拜访</translation>
    </message>
    <message>
        <source>Delete the visit of {date} and its suggestions?</source>
        <translation>删除 {date} 的拜访记录及其建议？</translation>
    </message>
</context>
<context>
    <name>VisitsView</name>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Next 14 days</source>
        <translation>未来 14 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Next 3 months</source>
        <translation>未来 3 个月</translation>
    </message>
    <message>
        <source>Due in</source>
        <translation>到期范围</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Log visit…</source>
        <translation>记录拜访…</translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <source>Due and overdue</source>
        <translation>待拜访与逾期</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <source>Any purpose</source>
        <translation>全部目的</translation>
    </message>
    <message>
        <source>Overdue franchisees only</source>
        <translation>只看逾期加盟商</translation>
    </message>
    <message>
        <source>Only the visits of franchisees whose next visit is overdue</source>
        <translation>只显示下次拜访已逾期的加盟商的拜访记录</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Open visit…</source>
        <translation>打开拜访…</translation>
    </message>
    <message>
        <source>Visit log</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <source>To follow up (open, in progress)</source>
        <translation>待跟进（待处理、处理中）</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>跟进…</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Me ({name})</source>
        <translation>我（{name}）</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n franchisee(s) to visit</source>
        <translation>
            <numerusform>%n 家加盟商待拜访</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 家逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 次拜访</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n 条建议</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>showing those of the latest visits, %n of them: choose a status or an account manager to see the rest</source>
        <translation>
            <numerusform>显示最近拜访的 %n 条：选择状态或客户经理可查看其余</numerusform>
        </translation>
    </message>
</context>
</TS>