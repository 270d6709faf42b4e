<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
            <numerusform>截至 {date}，共 %n 个加盟商有未结款项。</numerusform></translation>
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
            <numerusform>共 %n 张单据，合计 {amount}</numerusform></translation>
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
        <translation>营业中</translation>
    </message>
    <message>
        <source>Renovating</source>
        <translation>装修中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
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
        <source>There is no franchisee with the code {code}.</source>
        <translation>没有编号为 {code} 的加盟商。</translation>
    </message>
    <message>
        <source>The report could not be written to {path}: {reason}</source>
        <translation>报表无法写入 {path}：{reason}</translation>
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
        <source>Status</source>
        <translation>状态</translation>
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
        <source>Two columns mean {column}: "{first}" and "{second}"; keep one.</source>
        <translation>有两列都表示 {column}：“{first}”和“{second}”；请只保留一列。</translation>
    </message>
    <message>
        <source>The file has no {column} column; it is required.</source>
        <translation>文件缺少必填列 {column}。</translation>
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
        <source>Unknown contact role {value}; use owner, manager, finance, purchasing, store_manager or other.</source>
        <translation>未知联系人角色 {value}；请使用 owner、manager、finance、purchasing、store_manager 或 other。</translation>
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
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
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
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Aging</source>
        <translation>账龄分析</translation>
    </message>
    <message>
        <source>Credit policy simulator</source>
        <translation>信用政策模拟</translation>
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
    <name>Tasks</name>
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
        <source>The list below is the saved one now; make your changes again if still needed.</source>
        <translation>下面的列表现为已保存的内容；如仍需要，请重新修改。</translation>
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
        <source>Enter a date as yyyy-mm-dd, or leave the field empty.</source>
        <translation>请按 yyyy-mm-dd 格式填写日期，或留空。</translation>
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
</context>
</TS>