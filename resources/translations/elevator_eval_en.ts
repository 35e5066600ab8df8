<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>AssumptionsTable</name>
    <message>
        <source>假设</source>
        <translation>Assumption</translation>
    </message>
    <message>
        <source>低</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>最可能 / 值</source>
        <translation>Most likely / value</translation>
    </message>
    <message>
        <source>高</source>
        <translation>High</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>对本项目全部单元有效；双击数值修改，百分数直接写数字（如 4 表示 4%）。</source>
        <translation>Applies to every unit of the project; double-click a value to change it, percentages as plain numbers (4 means 4 %).</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>%/年</source>
        <translation>%/year</translation>
    </message>
    <message>
        <source>年</source>
        <translation>years</translation>
    </message>
    <message>
        <source>经验假设（本程序默认值）</source>
        <translation>Empirical assumption (program default)</translation>
    </message>
    <message>
        <source>见提示</source>
        <translation>See tooltip</translation>
    </message>
    <message>
        <source>{0}：须为数字</source>
        <translation>{0}: must be a number</translation>
    </message>
    <message>
        <source>{0}：须满足 低 ≤ 最可能 ≤ 高</source>
        <translation>{0}: needs low ≤ most likely ≤ high</translation>
    </message>
    <message>
        <source>{0}：超出允许范围</source>
        <translation>{0}: out of the allowed range</translation>
    </message>
    <message>
        <source>修改先期预埋假设：{0}</source>
        <translation>Change pre-installation assumption: {0}</translation>
    </message>
</context>
<context>
    <name>BallotReviewDialog</name>
    <message>
        <source>录入回收的征询表</source>
        <translation>Returned consent forms</translation>
    </message>
    <message>
        <source>选择扫描件…</source>
        <translation>Choose scans…</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>扫描件可为 PNG、JPEG 或多页 PDF（150–300 dpi）。</source>
        <translation>Scans may be PNG, JPEG or multi-page PDF (150–300 dpi).</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>单元</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>业主（门牌）</source>
        <translation>Owner (doors)</translation>
    </message>
    <message>
        <source>程序读取</source>
        <translation>Read as</translation>
    </message>
    <message>
        <source>置信度</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>状态与原因</source>
        <translation>Status and reason</translation>
    </message>
    <message>
        <source>录入</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>选择扫描件</source>
        <translation>Choose scans</translation>
    </message>
    <message>
        <source>扫描件 (*.png *.jpg *.jpeg *.pdf)</source>
        <translation>Scans (*.png *.jpg *.jpeg *.pdf)</translation>
    </message>
    <message>
        <source>选择扫描件所在文件夹</source>
        <translation>Choose the folder of scans</translation>
    </message>
    <message>
        <source>读取征询表</source>
        <translation>Reading consent forms</translation>
    </message>
    <message>
        <source>正在读取扫描件…</source>
        <translation>Reading scans…</translation>
    </message>
    <message>
        <source>读取失败</source>
        <translation>Reading failed</translation>
    </message>
    <message>
        <source>（无图像）</source>
        <translation>(no image)</translation>
    </message>
    <message>
        <source>程序读取：{vote}</source>
        <translation>Read as: {vote}</translation>
    </message>
    <message>
        <source>按 1 同意、2 反对、3 弃权、0 不计入</source>
        <translation>Press 1 yes, 2 no, 3 abstain, 0 do not count</translation>
    </message>
    <message>
        <source>共 {n} 份：计入 {a}，待复核 {b}（未处理 {p}），未计入 {c}，无法读取 {d}</source>
        <translation>{n} forms: {a} counted, {b} to review ({p} open), {c} not counted, {d} unreadable</translation>
    </message>
    <message>
        <source>（已取消，只读了一部分）</source>
        <translation> (cancelled: only part was read)</translation>
    </message>
    <message>
        <source>录入 {k} 份</source>
        <translation>Record {k}</translation>
    </message>
    <message>
        <source>请先保存项目</source>
        <translation>Save the project first</translation>
    </message>
    <message>
        <source>扫描件保存在项目文件旁的文件夹中，请先把项目另存为文件。</source>
        <translation>Scans are kept in a folder beside the project file: save the project to a file first.</translation>
    </message>
</context>
<context>
    <name>Ballots</name>
    <message>
        <source>不计入</source>
        <translation>Do not count</translation>
    </message>
    <message>
        <source>计入</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>待复核</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>未计入</source>
        <translation>Not counted</translation>
    </message>
    <message>
        <source>无法读取</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <source>已录入</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>录入纸质征询表 {n} 份</source>
        <translation>Record {n} paper consent forms</translation>
    </message>
    <message>
        <source>生成征询表签名密钥</source>
        <translation>Create the consent forms&apos; signing key</translation>
    </message>
    <message>
        <source>录入回收的征询表…</source>
        <translation>Returned consent forms…</translation>
    </message>
    <message>
        <source>读取扫描件中的征询表，复核后录入表决</source>
        <translation>Read consent forms from scans, review them and record the votes</translation>
    </message>
</context>
<context>
    <name>BuildingTab</name>
    <message>
        <source>建成年份</source>
        <translation>Year built</translation>
    </message>
    <message>
        <source>地上住宅层数</source>
        <translation>Storeys with dwellings</translation>
    </message>
    <message>
        <source>少于 4 层为重大干扰（应用默认规则，见规则集）</source>
        <translation>Fewer than 4 storeys is a major factor (app default rule, see the ruleset)</translation>
    </message>
    <message>
        <source>结构形式</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>危险性等级</source>
        <translation>Danger grade</translation>
    </message>
    <message>
        <source>《危险房屋鉴定标准》JGJ 125-2016 第6.1.4条：C、D 级为重大干扰；2001 年前建成且未鉴定的，需先鉴定（强干扰）</source>
        <translation>JGJ 125-2016 (dangerous building appraisal) §6.1.4: grades C and D are major factors; built before 2001 and never appraised: appraisal first (strong factor)</translation>
    </message>
    <message>
        <source>层高（m）</source>
        <translation>Storey height (m)</translation>
    </message>
    <message>
        <source>抗震设防烈度</source>
        <translation>Seismic intensity</translation>
    </message>
    <message>
        <source>砖混结构且设防烈度 ≥ 8 度为强干扰</source>
        <translation>Masonry with seismic intensity ≥ 8 is a strong factor</translation>
    </message>
    <message>
        <source>设计使用年限（年）</source>
        <translation>Design working life (years)</translation>
    </message>
    <message>
        <source>修改{0}</source>
        <translation>Change {0}</translation>
    </message>
    <message>
        <source>楼栋信息（同一楼栋各单元共用）</source>
        <translation>Building (shared by all units of the building)</translation>
    </message>
    <message>
        <source>修改楼栋信息会影响该楼栋的全部单元。</source>
        <translation>Changing the building data affects every unit of the building.</translation>
    </message>
</context>
<context>
    <name>CanvassTab</name>
    <message>
        <source>优先</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>业主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>门牌</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>面积 ㎡</source>
        <translation>Area m²</translation>
    </message>
    <message>
        <source>表决</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>意向</source>
        <translation>Intent</translation>
    </message>
    <message>
        <source>走访次数</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>最近走访</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>顾虑</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>反对</source>
        <translation>No</translation>
    </message>
    <message>
        <source>弃权</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <source>未投票</source>
        <translation>Not voted</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>记录走访</source>
        <translation>Log contact</translation>
    </message>
    <message>
        <source>登记：愿意加装</source>
        <translation>Register: interested</translation>
    </message>
    <message>
        <source>登记：不愿意</source>
        <translation>Register: not interested</translation>
    </message>
    <message>
        <source>意向登记（所选业主的全部户，日期同上）：</source>
        <translation>Intent (all doors of the selected owner, date as above):</translation>
    </message>
    <message>
        <source>为所选业主记录一次走访</source>
        <translation>Log a contact with the selected owner</translation>
    </message>
    <message>
        <source>需争取</source>
        <translation>Needed</translation>
    </message>
    <message>
        <source>愿意</source>
        <translation>Interested</translation>
    </message>
    <message>
        <source>不愿意</source>
        <translation>Not interested</translation>
    </message>
    <message>
        <source>业主编号：{0}</source>
        <translation>Owner ID: {0}</translation>
    </message>
    <message>
        <source>记录 {0} 的走访</source>
        <translation>Log a contact with {0}</translation>
    </message>
    <message>
        <source>窗口登记</source>
        <translation>window</translation>
    </message>
    <message>
        <source>登记 {0} 的意向</source>
        <translation>Register intent of {0}</translation>
    </message>
    <message>
        <source>登记意向</source>
        <translation>Register intent</translation>
    </message>
</context>
<context>
    <name>CensusModel</name>
    <message>
        <source>小区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>单元</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>建成年份</source>
        <translation>Year built</translation>
    </message>
    <message>
        <source>适宜性分类</source>
        <translation>Suitability</translation>
    </message>
    <message>
        <source>主要原因</source>
        <translation>Main reason</translation>
    </message>
    <message>
        <source>表决状态</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>评估中…</source>
        <translation>Assessing…</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>投票 {door}：{vote}</source>
        <translation>Vote {door}: {vote}</translation>
    </message>
    <message>
        <source>录入撤销</source>
        <translation>entry undone</translation>
    </message>
    <message>
        <source>更正：撤销第 {seq} 条记录（{reason}）</source>
        <translation>Correction: takes back entry {seq} ({reason})</translation>
    </message>
    <message>
        <source>更正：{reason}</source>
        <translation>Correction: {reason}</translation>
    </message>
</context>
<context>
    <name>ConsensusPanel</name>
    <message>
        <source>寻找各户都能接受的方案</source>
        <translation>Find a split every household accepts</translation>
    </message>
    <message>
        <source>线性规划：在各户填报的最高可接受出资内、低层不多于高层，求最均衡的分摊</source>
        <translation>Linear programming: the most even split within every household&apos;s stated maximum, lower floors paying no more than higher ones</translation>
    </message>
    <message>
        <source>门牌</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>最高可接受出资（元）</source>
        <translation>Maximum contribution (yuan)</translation>
    </message>
    <message>
        <source>建议分摊（元）</source>
        <translation>Proposed share (yuan)</translation>
    </message>
    <message>
        <source>业主填报的最高可接受出资额，双击修改；可写 80000 或 8万</source>
        <translation>The owner&apos;s stated maximum contribution; double-click to change; 80000 or 8万</translation>
    </message>
    <message>
        <source>各户填报的最高可接受出资（双击修改），然后寻找方案：</source>
        <translation>Every household&apos;s stated maximum contribution (double-click to change), then find a split:</translation>
    </message>
    <message>
        <source>输入已修改，请重新寻找方案</source>
        <translation>Inputs changed: find the split again</translation>
    </message>
    <message>
        <source>{0} 的最高可接受出资未采用：{1}</source>
        <translation>Maximum contribution of {0} not taken: {1}</translation>
    </message>
    <message>
        <source>修改 {0} 的最高可接受出资</source>
        <translation>Change the maximum contribution of {0}</translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>共识方案</source>
        <translation>Consensus split</translation>
    </message>
    <message>
        <source>正在求解…</source>
        <translation>Solving…</translation>
    </message>
</context>
<context>
    <name>CostsTab</name>
    <message>
        <source>补贴金额（元）</source>
        <translation>Subsidy (yuan)</translation>
    </message>
    <message>
        <source>补贴比例（%）</source>
        <translation>Percent of cost (%)</translation>
    </message>
    <message>
        <source>封顶金额（元）</source>
        <translation>Cap (yuan)</translation>
    </message>
    <message>
        <source>基础金额（元）</source>
        <translation>Base amount (yuan)</translation>
    </message>
    <message>
        <source>基础站数</source>
        <translation>Base number of stops</translation>
    </message>
    <message>
        <source>每站增减（元）</source>
        <translation>Per stop more or fewer (yuan)</translation>
    </message>
    <message>
        <source>最高金额（元）</source>
        <translation>Maximum (yuan)</translation>
    </message>
    <message>
        <source>预留井道时金额（元）</source>
        <translation>With a reserved shaft (yuan)</translation>
    </message>
    <message>
        <source>按层数分档（层数:元）</source>
        <translation>Tiers by storeys (storeys:yuan)</translation>
    </message>
    <message>
        <source>来源：</source>
        <translation>Source: </translation>
    </message>
    <message>
        <source>分摊方法；每种方法的来源见下拉项提示</source>
        <translation>Cost-sharing method; each method&apos;s source is in its tooltip</translation>
    </message>
    <message>
        <source>每户金额取整到该值的整数倍（元）；尾差按最大余数法分配</source>
        <translation>Every share is a multiple of this amount (yuan); leftovers go by the largest-remainder method</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>系数</source>
        <translation>Coefficient</translation>
    </message>
    <message>
        <source>免缴</source>
        <translation>Exempt</translation>
    </message>
    <message>
        <source>楼层受益系数；空白时使用所选系数表（应用默认表见规则集）</source>
        <translation>Floor benefit coefficient; blank uses the chosen table (app default table, see the rules)</translation>
    </message>
    <message>
        <source>补贴</source>
        <translation>Subsidies</translation>
    </message>
    <message>
        <source>参数</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>添加补贴</source>
        <translation>Add subsidy</translation>
    </message>
    <message>
        <source>按类型添加一条补贴，或采用某城市的补贴规则</source>
        <translation>Add a subsidy rule of a type, or apply a city&apos;s subsidy rules</translation>
    </message>
    <message>
        <source>采用城市补贴规则（替换现有补贴）</source>
        <translation>Apply a city rule set (replaces the subsidies)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>删除选中的补贴（可撤销）</source>
        <translation>Remove the selected subsidy (undoable)</translation>
    </message>
    <message>
        <source>无补偿</source>
        <translation>No compensation</translation>
    </message>
    <message>
        <source>每户定额（元）</source>
        <translation>Fixed per household (yuan)</translation>
    </message>
    <message>
        <source>占总价百分比</source>
        <translation>Percent of the total</translation>
    </message>
    <message>
        <source>受补偿楼层，如 1,2</source>
        <translation>Receiving floors, e.g. 1,2</translation>
    </message>
    <message>
        <source>免缴楼层不分摊建设费用（常见为一层；有的地方一、二层都不出资）</source>
        <translation>Exempt floors pay no capital share (commonly the ground floor; in some places the first two floors pay nothing)</translation>
    </message>
    <message>
        <source>给低层住户的补偿，由付费住户按各自的分摊比例出资（各地做法不一，由业主协商确定）</source>
        <translation>Compensation for the low floors, paid by the paying households in proportion to their shares (practice differs from place to place; the owners agree on it)</translation>
    </message>
    <message>
        <source>分摊方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>取整单位（元）</source>
        <translation>Rounding (yuan)</translation>
    </message>
    <message>
        <source>楼层系数与免缴楼层</source>
        <translation>Floor coefficients and exempt floors</translation>
    </message>
    <message>
        <source>低层补偿</source>
        <translation>Low-floor compensation</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>金额或百分比</source>
        <translation>Amount or percent</translation>
    </message>
    <message>
        <source>受补偿楼层</source>
        <translation>Receiving floors</translation>
    </message>
    <message>
        <source>门牌</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>面积（m²）</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <source>分摊（元）</source>
        <translation>Share (yuan)</translation>
    </message>
    <message>
        <source>补偿（元）</source>
        <translation>Compensation (yuan)</translation>
    </message>
    <message>
        <source>公积金（元）</source>
        <translation>Provident fund (yuan)</translation>
    </message>
    <message>
        <source>自付（元）</source>
        <translation>Out of pocket (yuan)</translation>
    </message>
    <message>
        <source>年运行费（元）</source>
        <translation>Running cost (yuan/yr)</translation>
    </message>
    <message>
        <source>负数为收到补偿，正数为出资</source>
        <translation>Negative: received; positive: paid into the pool</translation>
    </message>
    <message>
        <source>各户分摊与图表</source>
        <translation>Shares and chart</translation>
    </message>
    <message>
        <source>方法对比</source>
        <translation>Methods side by side</translation>
    </message>
    <message>
        <source>共识方案</source>
        <translation>Consensus</translation>
    </message>
    <message>
        <source>系数来自系数表“{0}”{1}；修改任一系数即改为本单元自定系数</source>
        <translation>Coefficients from the table &quot;{0}&quot;{1}; editing one makes them this unit&apos;s own</translation>
    </message>
    <message>
        <source>本单元自定系数</source>
        <translation>This unit&apos;s own coefficients</translation>
    </message>
    <message>
        <source>无法计算分摊：{0}</source>
        <translation>Cannot compute the shares: {0}</translation>
    </message>
    <message>
        <source>方法：{0}</source>
        <translation>Method: {0}</translation>
    </message>
    <message>
        <source>总造价 {0}</source>
        <translation>Total {0}</translation>
    </message>
    <message>
        <source>补贴 {0}</source>
        <translation>Subsidies {0}</translation>
    </message>
    <message>
        <source>业主合计 {0}</source>
        <translation>Owners pay {0}</translation>
    </message>
    <message>
        <source>补偿池 {0}</source>
        <translation>Compensation pool {0}</translation>
    </message>
    <message>
        <source>年运行费 {0}</source>
        <translation>Running cost {0}/yr</translation>
    </message>
    <message>
        <source>各户建设出资（{0}）</source>
        <translation>Capital share per household ({0})</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>最高/最低</source>
        <translation>Highest / lowest</translation>
    </message>
    <message>
        <source>顶层/二层</source>
        <translation>Top / 2nd floor</translation>
    </message>
    <message>
        <source>分摊方法：{0}</source>
        <translation>Method: {0}</translation>
    </message>
    <message>
        <source>取整单位须为大于 0 的金额（元），如 1、10、100；仍按原值计算</source>
        <translation>The rounding unit must be an amount above 0 (yuan), such as 1, 10, 100; the old value is still used</translation>
    </message>
    <message>
        <source>修改取整单位</source>
        <translation>Change rounding</translation>
    </message>
    <message>
        <source>修改免缴楼层</source>
        <translation>Change exempt floors</translation>
    </message>
    <message>
        <source>系数必须是非负数：{0}</source>
        <translation>A coefficient must be a non-negative number: {0}</translation>
    </message>
    <message>
        <source>修改 {0} 层系数</source>
        <translation>Change coefficient of floor {0}</translation>
    </message>
    <message>
        <source>补偿设置有误：金额或比例须为数字，楼层须为整数（以逗号分隔）</source>
        <translation>Compensation not read: the amount or percent must be a number, the floors whole numbers separated by commas</translation>
    </message>
    <message>
        <source>补偿金额</source>
        <translation>Compensation amount</translation>
    </message>
    <message>
        <source>补偿比例</source>
        <translation>Compensation percent</translation>
    </message>
    <message>
        <source>补偿设置未采用：{0}</source>
        <translation>Compensation not taken: {0}</translation>
    </message>
    <message>
        <source>修改补贴</source>
        <translation>Change subsidy</translation>
    </message>
    <message>
        <source>添加补贴：{0}</source>
        <translation>Add subsidy: {0}</translation>
    </message>
    <message>
        <source>删除补贴：{0}</source>
        <translation>Remove subsidy: {0}</translation>
    </message>
    <message>
        <source>采用补贴规则：{0}</source>
        <translation>Apply subsidy rules: {0}</translation>
    </message>
    <message>
        <source>修改低层补偿</source>
        <translation>Change low-floor compensation</translation>
    </message>
    <message>
        <source>双击修改参数</source>
        <translation>Double-click to change the parameters</translation>
    </message>
    <message>
        <source>{label}：{value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>双击一行修改补贴参数</source>
        <translation>Double-click a row to change the subsidy&apos;s parameters</translation>
    </message>
</context>
<context>
    <name>CountsChart</name>
    <message>
        <source>各分类单元数</source>
        <translation>Units per class</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>未命名项目</source>
        <translation>Untitled project</translation>
    </message>
    <message>
        <source>修改 {door} 的 {field}</source>
        <translation>Change {field} of {door}</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>加装方案书</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>供业主大会讨论的方案：现状、适宜性、表决、分摊</source>
        <translation>Proposal for the owners&apos; meeting: building, suitability, vote, cost shares</translation>
    </message>
    <message>
        <source>业主征询表</source>
        <translation>Consent forms</translation>
    </message>
    <message>
        <source>每户一页，供签字</source>
        <translation>One page per household, for signing</translation>
    </message>
    <message>
        <source>公示</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <source>公示稿；姓名脱敏、不含电话</source>
        <translation>Public notice; names masked, no phone numbers</translation>
    </message>
    <message>
        <source>表决进展通报</source>
        <translation>Vote progress notice</translation>
    </message>
    <message>
        <source>表决未通过时的进展通报；不作任何承诺</source>
        <translation>Progress report for a vote that has not passed; promises nothing</translation>
    </message>
    <message>
        <source>刷新预览</source>
        <translation>Refresh preview</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>导出当前文件（Ctrl+P）</source>
        <translation>Export this document (Ctrl+P)</translation>
    </message>
    <message>
        <source>文件类型</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>正在生成预览…</source>
        <translation>Writing the preview…</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>无法生成：{0}</source>
        <translation>Cannot write: {0}</translation>
    </message>
    <message>
        <source>共 {0} 页</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <source>待补充后再分发：</source>
        <translation>To complete before handing it out: </translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>正在写入 {0}…</source>
        <translation>Writing {0}…</translation>
    </message>
    <message>
        <source>已导出 {0}</source>
        <translation>Exported {0}</translation>
    </message>
    <message>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>已导出 {0}</source>
        <translation>Exported {0}</translation>
    </message>
    <message>
        <source>选择输出文件夹</source>
        <translation>Choose the output folder</translation>
    </message>
    <message>
        <source>批量生成方案书</source>
        <translation>Proposals for every unit</translation>
    </message>
    <message>
        <source>正在为 {0} 个单元生成方案书…</source>
        <translation>Writing proposals for {0} units…</translation>
    </message>
    <message>
        <source>已取消；已写入 {0} 个文件</source>
        <translation>Cancelled; {0} files written</translation>
    </message>
    <message>
        <source>已写入 {0} 个文件到 {1}</source>
        <translation>{0} files written to {1}</translation>
    </message>
    <message numerus="yes">
        <source>……另有 %n 个单元</source>
        <translation>
            <numerusform>… and %n more unit</numerusform>
            <numerusform>… and %n more units</numerusform>
        </translation>
    </message>
    <message>
        <source>部分单元未生成</source>
        <translation>Some units not written</translation>
    </message>
    <message numerus="yes">
        <source>%n 个单元的数据有误，未生成文件：</source>
        <translation>
            <numerusform>%n unit has bad data and was not written:</numerusform>
            <numerusform>%n units have bad data and were not written:</numerusform>
        </translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>生成失败</source>
        <translation>Writing failed</translation>
    </message>
    <message>
        <source>项目中还没有单元</source>
        <translation>The project has no units yet</translation>
    </message>
    <message>
        <source>正在写入 {0}…</source>
        <translation>Writing {0}…</translation>
    </message>
    <message>
        <source>导出普查报告</source>
        <translation>Export census report</translation>
    </message>
    <message>
        <source>导出报价比选</source>
        <translation>Export quote comparison</translation>
    </message>
    <message>
        <source>还没有可打印的比选：请先加载报价表并选择单元</source>
        <translation>Nothing to print yet: load a quotes workbook and choose units first</translation>
    </message>
</context>
<context>
    <name>Fault</name>
    <message>
        <source>详细信息已记录在 {0}</source>
        <translation>Details were written to {0}</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>The action was not completed</translation>
    </message>
</context>
<context>
    <name>FileGuard</name>
    <message>
        <source>文件已被打开</source>
        <translation>File already open</translation>
    </message>
    <message>
        <source>该项目正由 {0} 打开编辑。
以只读方式打开可避免互相覆盖修改。</source>
        <translation>{0} has this project open for editing.
Open it read-only so that neither of you overwrites the other&apos;s changes.</translation>
    </message>
    <message>
        <source>只读打开</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>仍然编辑</source>
        <translation>Edit anyway</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>无法合并</source>
        <translation>Cannot merge</translation>
    </message>
    <message>
        <source> 等 {0} 处</source>
        <translation> and others ({0} in all)</translation>
    </message>
    <message>
        <source>无法自动合并</source>
        <translation>Cannot merge automatically</translation>
    </message>
    <message>
        <source>您和对方都修改了：{0}。
未保存任何内容；请“另存为”新文件，或确认后覆盖。</source>
        <translation>You and the other editor both changed: {0}.
Nothing was saved; use Save As for a new file, or overwrite after confirming.</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>the project name</translation>
    </message>
    <message>
        <source>项目设置</source>
        <translation>the project settings</translation>
    </message>
    <message>
        <source>单元 {0}</source>
        <translation>unit {0}</translation>
    </message>
    <message>
        <source>楼栋 {0}</source>
        <translation>building {0}</translation>
    </message>
    <message>
        <source>小区 {0}</source>
        <translation>community {0}</translation>
    </message>
    <message>
        <source>文件已被他人修改</source>
        <translation>File changed by someone else</translation>
    </message>
    <message>
        <source>打开后，该文件已被其他人或其他窗口保存过。直接保存会覆盖对方的修改。</source>
        <translation>Since you opened it, this file was saved by someone else or another window. Saving now would overwrite their changes.</translation>
    </message>
    <message>
        <source>重新载入并合并我的修改</source>
        <translation>Reload and re-apply my changes</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <source>覆盖对方的修改…</source>
        <translation>Overwrite their changes…</translation>
    </message>
    <message>
        <source>确认覆盖</source>
        <translation>Confirm overwrite</translation>
    </message>
    <message>
        <source>确定要用您的版本覆盖“{0}”吗？对方保存的修改将丢失。</source>
        <translation>Overwrite &quot;{0}&quot; with your version? The changes the other editor saved will be lost.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>导入街道数据</source>
        <translation>Import street data</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>选择一个 Excel（.xlsx）或 CSV 文件。导入前会逐行检查，有错误时不会导入任何数据。</source>
        <translation>Choose an Excel (.xlsx) or CSV file. Every row is checked first; nothing is imported while there is an error.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>单元格内容</source>
        <translation>Cell value</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>下载导入模板…</source>
        <translation>Save the import template…</translation>
    </message>
    <message>
        <source>导入文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>选择导入文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>表格文件 (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>正在读取并检查 {0}…</source>
        <translation>Reading and checking {0}…</translation>
    </message>
    <message>
        <source>无法读取文件：{0}</source>
        <translation>Cannot read the file: {0}</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>发现 {0} 处错误、{1} 条提示：请改正文件后重新选择；有错误时不导入任何数据。</source>
        <translation>{0} errors and {1} notes: correct the file and choose it again; nothing is imported while there is an error.</translation>
    </message>
    <message>
        <source>可以导入：{0} 个小区、{1} 栋楼、{2} 个单元、{3} 户。</source>
        <translation>Ready to import: {0} communities, {1} buildings, {2} units, {3} households.</translation>
    </message>
    <message>
        <source>导入 {0}</source>
        <translation>Import {0}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>未评估</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>政府网站或主流媒体</source>
        <translation>government site or major media</translation>
    </message>
    <message>
        <source>行业媒体或转载</source>
        <translation>trade press or a reprint</translation>
    </message>
    <message>
        <source>未经核实的网页</source>
        <translation>unverified web page</translation>
    </message>
    <message>
        <source>原始资料：{0}</source>
        <translation>Found at: {0}</translation>
    </message>
    <message>
        <source>经验值（非官方来源）</source>
        <translation>Practice value (not an official source)</translation>
    </message>
    <message>
        <source>分类规则依据《上海市既有多层住宅加装电梯前期调查与可行性评估技术导则（试行）》（2020）：有一项重大干扰或两项及以上强干扰为不适合加装，恰有一项强干扰为较难加装，其余为适合加装。</source>
        <translation>Class rule of Shanghai&apos;s technical guideline for feasibility assessment of elevator retrofits in existing multi-storey housing (trial, 2020): one major or two or more strong factors: unsuitable; exactly one strong factor: difficult; otherwise suitable.</translation>
    </message>
    <message>
        <source>分类规则：{0}。
规则集：{1}</source>
        <translation>Class rule: {0}.
Ruleset: {1}</translation>
    </message>
    <message>
        <source>表决规则：{0}
依据：{1}</source>
        <translation>Consent rules: {0}
Source: {1}</translation>
    </message>
    <message>
        <source>本程序默认值（经验值）</source>
        <translation>Program default (empirical value)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>（示例）</source>
        <translation> (sample)</translation>
    </message>
    <message>
        <source>加梯评估</source>
        <translation>Elevator Eval</translation>
    </message>
    <message>
        <source>未保存</source>
        <translation>not saved</translation>
    </message>
    <message>
        <source>{n} 个单元 · {where}</source>
        <translation>{n} units · {where}</translation>
    </message>
    <message>
        <source>示例项目无法打开：{0}</source>
        <translation>The sample project cannot be opened: {0}</translation>
    </message>
    <message>
        <source>无法打开项目</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>“{0}”有未保存的修改。是否保存？</source>
        <translation>&quot;{0}&quot; has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>不保存</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>项目名称（如街道名）：</source>
        <translation>Project name (e.g. the street):</translation>
    </message>
    <message>
        <source>新项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>打开项目</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>自动保存失败：{0}</source>
        <translation>Autosave failed: {0}</translation>
    </message>
    <message>
        <source>已自动保存</source>
        <translation>Autosaved</translation>
    </message>
    <message>
        <source>自动保存副本未能删除：{0}</source>
        <translation>The autosave copy could not be deleted: {0}</translation>
    </message>
    <message>
        <source>恢复失败</source>
        <translation>Recovery failed</translation>
    </message>
    <message>
        <source>注意：此副本之后项目文件又被保存过；恢复后保存将提示合并。</source>
        <translation>Note: the project file was saved again after this copy; saving the recovered project will offer to merge.</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <source>发现上次未正常退出时自动保存的副本：
{0}
是否恢复？</source>
        <translation>An autosaved copy from a session that did not end normally was found:
{0}
Recover it?</translation>
    </message>
    <message>
        <source>重新计算</source>
        <translation>Recompute</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>语言 / Language</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>新建项目(&amp;N)</source>
        <translation>&amp;New project</translation>
    </message>
    <message>
        <source>新建一个空项目</source>
        <translation>Create an empty project</translation>
    </message>
    <message>
        <source>打开项目(&amp;O)…</source>
        <translation>&amp;Open project…</translation>
    </message>
    <message>
        <source>打开项目文件（.eeproj）</source>
        <translation>Open a project file (.eeproj)</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>保存项目</source>
        <translation>Save the project</translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>把项目保存到新文件</source>
        <translation>Save the project to a new file</translation>
    </message>
    <message>
        <source>导入街道数据(&amp;I)…</source>
        <translation>&amp;Import street data…</translation>
    </message>
    <message>
        <source>从 Excel/CSV 导入楼栋与住户，导入前逐行检查</source>
        <translation>Import buildings and households from Excel/CSV, checked row by row first</translation>
    </message>
    <message>
        <source>导出 Excel(&amp;X)…</source>
        <translation>E&amp;xport Excel…</translation>
    </message>
    <message>
        <source>把普查表与住户导出为 Excel</source>
        <translation>Export units and households to Excel</translation>
    </message>
    <message>
        <source>批量生成方案书(&amp;B)…</source>
        <translation>&amp;Batch proposals…</translation>
    </message>
    <message>
        <source>为项目中每个单元生成方案书（后台运行，可取消）</source>
        <translation>Write a proposal for every unit (in the background, cancellable)</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>在街道概览中搜索单元</source>
        <translation>Search units in the street overview</translation>
    </message>
    <message>
        <source>街道概览</source>
        <translation>Street overview</translation>
    </message>
    <message>
        <source>普查表：每个单元的适宜性分类</source>
        <translation>Census: the suitability class of every unit</translation>
    </message>
    <message>
        <source>单元详情</source>
        <translation>Unit editor</translation>
    </message>
    <message>
        <source>当前单元的编辑器</source>
        <translation>Editor of the current unit</translation>
    </message>
    <message>
        <source>采购比选</source>
        <translation>Procurement</translation>
    </message>
    <message>
        <source>报价、适配矩阵、全寿命成本与评分</source>
        <translation>Quotes, fit matrix, life-cycle cost and scores</translation>
    </message>
    <message>
        <source>办理进度</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>各阶段单元数、漏斗图、逾期与运维提醒</source>
        <translation>Units per stage, funnel chart, overdue units and upkeep reminders</translation>
    </message>
    <message>
        <source>重新评估全部单元（后台运行）</source>
        <translation>Reassess every unit (in the background)</translation>
    </message>
    <message>
        <source>表决记录(&amp;L)…</source>
        <translation>Vote &amp;log…</translation>
    </message>
    <message>
        <source>全部单元的表决变更记录与哈希链校验，可导出 CSV</source>
        <translation>Every recorded vote change of all units, with the hash-chain check; export to CSV</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>批量方案书</source>
        <translation>Batch proposals</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>小区 → 楼栋 → 单元；颜色为适宜性分类（绿：适合，蓝：较难，红：不适合，同上海加装电梯评估“蓝图”的三色）</source>
        <translation>Community → building → unit; colour = suitability (green: suitable, blue: difficult, red: unsuitable, the three colours of Shanghai&apos;s retrofit &quot;blueprint maps&quot;)</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>示例项目：{0}</source>
        <translation>sample project: {0}</translation>
    </message>
    <message>
        <source>正在重新评估全部单元…</source>
        <translation>Reassessing every unit…</translation>
    </message>
    <message>
        <source>关于加梯评估</source>
        <translation>About Elevator Eval</translation>
    </message>
    <message>
        <source>加梯评估 —— 既有住宅加装电梯决策辅助。
适宜性分类依据《上海市既有多层住宅加装电梯前期调查与可行性评估技术导则（试行）》的干扰因素计数规则；业主表决依据《民法典》第二百七十八条、第一千二百五十九条。</source>
        <translation>Elevator Eval — decision support for retrofitting elevators into existing housing.
Suitability follows the factor-count rule of Shanghai&apos;s feasibility guideline for elevator retrofits; the owners&apos; vote follows Civil Code Art. 278 and Art. 1259.</translation>
    </message>
    <message>
        <source>导出 PDF(&amp;P)…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <source>导出当前单元的方案书；在采购比选中导出报价比选报告</source>
        <translation>Export the current unit&apos;s proposal; in procurement, the quote comparison report</translation>
    </message>
    <message>
        <source>小区与楼栋(&amp;B)</source>
        <translation>&amp;Buildings</translation>
    </message>
    <message>
        <source>导出普查报告 PDF(&amp;C)…</source>
        <translation>Export &amp;census report PDF…</translation>
    </message>
    <message>
        <source>全街道的普查报告：每个单元的适宜性分类与汇总</source>
        <translation>The street&apos;s census report: every unit&apos;s suitability class and the totals</translation>
    </message>
    <message>
        <source>导出报价比选 PDF(&amp;Q)…</source>
        <translation>Export &amp;quote comparison PDF…</translation>
    </message>
    <message>
        <source>采购比选的报价比较、全寿命成本与评分</source>
        <translation>Quotes, life-cycle cost and scores of the procurement workspace</translation>
    </message>
    <message>
        <source>快速上手(&amp;Q)…</source>
        <translation>&amp;Quick start…</translation>
    </message>
    <message>
        <source>在示例街道上一步步完成第一个任务</source>
        <translation>Do a first task on the sample street, step by step</translation>
    </message>
    <message>
        <source>键盘快捷键(&amp;K)…</source>
        <translation>&amp;Keyboard shortcuts…</translation>
    </message>
    <message>
        <source>全部快捷键一览</source>
        <translation>Every keyboard shortcut</translation>
    </message>
    <message>
        <source>项目中还没有单元</source>
        <translation>The project has no units yet</translation>
    </message>
</context>
<context>
    <name>ModelForm</name>
    <message>
        <source>未调查</source>
        <translation>Not surveyed</translation>
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
        <source>未填</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>须为整数</source>
        <translation>Must be a whole number</translation>
    </message>
    <message>
        <source>须为数字</source>
        <translation>Must be a number</translation>
    </message>
    <message>
        <source>，不能空白</source>
        <translation>; cannot be empty</translation>
    </message>
    <message>
        <source>；仍按原值计算</source>
        <translation>; the old value is still used</translation>
    </message>
    <message>
        <source>须填写两个数，或都空白</source>
        <translation>give both numbers, or neither</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>搜索小区、楼栋、单元或原因（Ctrl+F）</source>
        <translation>Search community, building, unit or reason (Ctrl+F)</translation>
    </message>
    <message>
        <source>全部分类</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Sort</translation>
    </message>
    <message>
        <source>正在读取各单元的表决状态和主要原因…</source>
        <translation>Reading each unit&apos;s vote state and main reason…</translation>
    </message>
    <message>
        <source>分类：</source>
        <translation>Class:</translation>
    </message>
    <message>
        <source>无法计算普查：{0}</source>
        <translation>Cannot compute the census: {0}</translation>
    </message>
    <message>
        <source>未命名项目</source>
        <translation>Untitled project</translation>
    </message>
    <message>
        <source>街道概览 — {0}</source>
        <translation>Street overview — {0}</translation>
    </message>
    <message>
        <source>正在评估…</source>
        <translation>Assessing…</translation>
    </message>
    <message>
        <source>共 {0} 个单元</source>
        <translation>{0} units</translation>
    </message>
    <message>
        <source>项目中还没有单元。用菜单“小区与楼栋”或在左侧项目树上单击右键新建小区、楼栋和单元，或用 文件 → 导入街道数据；帮助 → 快速上手 介绍第一个任务。</source>
        <translation>The project has no units yet. Add a community, building and unit with the menu Buildings or a right-click on the project tree, or use File → Import street data; Help → Quick start shows a first task.</translation>
    </message>
</context>
<context>
    <name>PlanCanvas</name>
    <message>
        <source>尚无平面图</source>
        <translation>No site plan yet</translation>
    </message>
    <message>
        <source>本楼</source>
        <translation>this building</translation>
    </message>
    <message>
        <source>北</source>
        <translation>N</translation>
    </message>
</context>
<context>
    <name>PreinstallTab</name>
    <message>
        <source>评估年限（年）；默认值见先期预埋假设（应用默认，可在规则集中修改）</source>
        <translation>Horizon (years); the default is in the pre-installation assumptions (app default, editable in the rules)</translation>
    </message>
    <message>
        <source>自动（由表决状态估计）</source>
        <translation>Automatic (from the vote state)</translation>
    </message>
    <message>
        <source>计算</source>
        <translation>Compute</translation>
    </message>
    <message>
        <source>蒙特卡洛模拟在后台运行，可取消</source>
        <translation>The Monte Carlo simulation runs in the background and can be cancelled</translation>
    </message>
    <message>
        <source>输入</source>
        <translation>Inputs</translation>
    </message>
    <message>
        <source>评估年限（年）</source>
        <translation>Horizon (years)</translation>
    </message>
    <message>
        <source>每年达成表决概率</source>
        <translation>Consent probability per year</translation>
    </message>
    <message>
        <source>模拟次数</source>
        <translation>Draws</translation>
    </message>
    <message>
        <source>低</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>最可能</source>
        <translation>Most likely</translation>
    </message>
    <message>
        <source>费用项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>高</source>
        <translation>High</translation>
    </message>
    <message>
        <source>点击“计算”评估先期预埋是否划算。</source>
        <translation>Press &quot;Compute&quot; to value pre-works now against later.</translation>
    </message>
    <message>
        <source>以后再做的费用</source>
        <translation>Cost if done later</translation>
    </message>
    <message>
        <source>达成表决的年份</source>
        <translation>Year of consent</translation>
    </message>
    <message>
        <source>敏感性（龙卷风图）</source>
        <translation>Sensitivity (tornado)</translation>
    </message>
    <message>
        <source>蒙特卡洛分布</source>
        <translation>Monte Carlo distribution</translation>
    </message>
    <message>
        <source>无法读取输入：{0}</source>
        <translation>Cannot read the inputs: {0}</translation>
    </message>
    <message>
        <source>依据：{0}</source>
        <translation>Source: {0}</translation>
    </message>
    <message>
        <source>修改每年达成表决概率</source>
        <translation>Change consent probability per year</translation>
    </message>
    <message>
        <source>先期预埋评估</source>
        <translation>Pre-installation valuation</translation>
    </message>
    <message>
        <source>正在模拟…</source>
        <translation>Simulating…</translation>
    </message>
    <message>
        <source>无法计算：{0}</source>
        <translation>Cannot compute: {0}</translation>
    </message>
    <message>
        <source>期望值（据此判断）</source>
        <translation>Expected (decides)</translation>
    </message>
    <message>
        <source>最可能情形</source>
        <translation>Most likely case</translation>
    </message>
    <message>
        <source>净节省（现值）</source>
        <translation>Net saving (present value)</translation>
    </message>
    <message>
        <source>{0} 年内达成表决的概率</source>
        <translation>Probability of consent within {0} years</translation>
    </message>
    <message>
        <source>白做的概率</source>
        <translation>Probability the work is wasted</translation>
    </message>
    <message>
        <source>期望浪费</source>
        <translation>Expected waste</translation>
    </message>
    <message>
        <source>先期预埋划算</source>
        <translation>Pre-works pay off</translation>
    </message>
    <message>
        <source>先期预埋不划算</source>
        <translation>Pre-works do not pay off</translation>
    </message>
    <message>
        <source>现在做的费用 {0}；以后单独施工的额外费用 {1}</source>
        <translation>Cost now {0}; extra cost of a separate job later {1}</translation>
    </message>
    <message>
        <source>盈亏平衡：{0} 年内达成表决的概率至少 {1}</source>
        <translation>Break-even: a probability of consent within {0} years of at least {1}</translation>
    </message>
    <message>
        <source>蒙特卡洛 {0:,} 次：P10 {1}，P50 {2}，P90 {3}；划算的概率 {4}</source>
        <translation>Monte Carlo, {0:,} draws: P10 {1}, P50 {2}, P90 {3}; probability it pays off {4}</translation>
    </message>
    <message>
        <source>假设来源：</source>
        <translation>Assumptions: </translation>
    </message>
    <message>
        <source>第 t 年再做的费用（未折现）</source>
        <translation>Cost if done in year t (not discounted)</translation>
    </message>
    <message>
        <source>年</source>
        <translation>year</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>在第 t 年达成表决的概率</source>
        <translation>Probability of consent in year t</translation>
    </message>
    <message>
        <source>概率</source>
        <translation>probability</translation>
    </message>
    <message>
        <source>净节省的分布（元）</source>
        <translation>Distribution of the net saving (yuan)</translation>
    </message>
    <message>
        <source>输入取低值</source>
        <translation>input at its low value</translation>
    </message>
    <message>
        <source>输入取高值</source>
        <translation>input at its high value</translation>
    </message>
    <message>
        <source>各输入取低/高值时的期望净节省（元）</source>
        <translation>Expected net saving with each input at its low / high value (yuan)</translation>
    </message>
    <message>
        <source>每年达成表决的概率，以百分数输入（如 20 表示 20%）。留空则按表决状态估计（经验假设）</source>
        <translation>Annual probability of reaching consent in percent (20 means 20 %). Empty: estimated from the vote state (an empirical assumption)</translation>
    </message>
    <message>
        <source>本单元费用项（元）</source>
        <translation>This unit&apos;s cost items (yuan)</translation>
    </message>
    <message>
        <source>假设（可修改）</source>
        <translation>Assumptions (editable)</translation>
    </message>
    <message>
        <source>须为 0 到 100 之间的数</source>
        <translation>Must be a number from 0 to 100</translation>
    </message>
    <message>
        <source>输入有误，未计算。</source>
        <translation>Invalid input; nothing computed.</translation>
    </message>
</context>
<context>
    <name>ProcessImport</name>
    <message>
        <source>导入意向登记</source>
        <translation>Import intent registrations</translation>
    </message>
    <message>
        <source>导入线上表决结果</source>
        <translation>Import e-voting results</translation>
    </message>
    <message numerus="yes">
        <source>%n 行有误，未导入任何数据：</source>
        <translation>
            <numerusform>%n bad row; nothing was imported:</numerusform>
            <numerusform>%n bad rows; nothing was imported:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>将导入 %n 行：</source>
        <translation>
            <numerusform>%n row will be imported:</numerusform>
            <numerusform>%n rows will be imported:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcessTab</name>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>进入日期</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>责任方</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>关联文件（可选）</source>
        <translation>Linked document (optional)</translation>
    </message>
    <message>
        <source>推进到下一阶段</source>
        <translation>Move to next stage</translation>
    </message>
    <message>
        <source>办理阶段</source>
        <translation>Stages</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>异议人</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>门牌</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>阻碍（如：燃气公司未答复管线迁改）</source>
        <translation>Blocker (e.g. the gas company has not answered about moving the pipe)</translation>
    </message>
    <message>
        <source>登记阻碍</source>
        <translation>Record blocker</translation>
    </message>
    <message>
        <source>解除最早的阻碍</source>
        <translation>Clear oldest blocker</translation>
    </message>
    <message>
        <source>异议内容 / 答复 / 处理结果</source>
        <translation>Objection / reply / resolution text</translation>
    </message>
    <message>
        <source>登记异议</source>
        <translation>Record objection</translation>
    </message>
    <message>
        <source>答复所选</source>
        <translation>Reply to selected</translation>
    </message>
    <message>
        <source>办结所选</source>
        <translation>Resolve selected</translation>
    </message>
    <message>
        <source>公示异议（对外打印时姓名脱敏）</source>
        <translation>Objections to the notice (names masked in public print-outs)</translation>
    </message>
    <message>
        <source>办理进度数据有误：{0}</source>
        <translation>Procedure data is invalid: {0}</translation>
    </message>
    <message>
        <source>已在最后阶段</source>
        <translation>Already at the last stage</translation>
    </message>
    <message>
        <source>下一阶段：{0}</source>
        <translation>Next stage: {0}</translation>
    </message>
    <message>
        <source>尚不能推进：</source>
        <translation>cannot move yet: </translation>
    </message>
    <message>
        <source>阻碍：</source>
        <translation>Blockers: </translation>
    </message>
    <message>
        <source>（仅凭登记意向即可达到表决门槛，可优先启动）</source>
        <translation> (registered intent alone would meet the vote thresholds: start here)</translation>
    </message>
    <message>
        <source>意向登记：{0} 户中 {1} 户已登记，{2} 户愿意加装</source>
        <translation>Intent: {1} of {0} households registered, {2} interested</translation>
    </message>
    <message>
        <source>待答复</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>请先填写异议内容。</source>
        <translation>Please write the objection first.</translation>
    </message>
    <message>
        <source>请先在列表中选择异议，并在文字框中填写答复或办结情况。</source>
        <translation>Please choose an objection in the list and write the reply or the result in the text box.</translation>
    </message>
    <message>
        <source>不能办结</source>
        <translation>Cannot resolve</translation>
    </message>
    <message>
        <source>异议须先书面答复，才能办结。</source>
        <translation>An objection needs a written reply before it can be resolved.</translation>
    </message>
    <message>
        <source>答复异议</source>
        <translation>Reply to objection</translation>
    </message>
    <message>
        <source>办结异议</source>
        <translation>Resolve objection</translation>
    </message>
    <message>
        <source>请先填写阻碍事项。</source>
        <translation>Please write what is holding the unit up first.</translation>
    </message>
    <message>
        <source>解除阻碍</source>
        <translation>Clear blocker</translation>
    </message>
</context>
<context>
    <name>ProcessView</name>
    <message>
        <source>全部阶段</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>只看逾期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>统计日期：</source>
        <translation>As of:</translation>
    </message>
    <message>
        <source>阶段：</source>
        <translation>Stage:</translation>
    </message>
    <message>
        <source>单元</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>进入日期</source>
        <translation>Entered</translation>
    </message>
    <message>
        <source>本阶段天数</source>
        <translation>Days in stage</translation>
    </message>
    <message>
        <source>参考天数（经验值）</source>
        <translation>Expected days (rule of thumb)</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>责任方</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>未结异议</source>
        <translation>Open objections</translation>
    </message>
    <message>
        <source>阻碍</source>
        <translation>Blockers</translation>
    </message>
    <message>
        <source>推进到下一阶段</source>
        <translation>Move to next stage</translation>
    </message>
    <message>
        <source>导入意向登记…</source>
        <translation>Import intent…</translation>
    </message>
    <message>
        <source>导入线上表决…</source>
        <translation>Import e-votes…</translation>
    </message>
    <message>
        <source>办理进度数据有误：{0}</source>
        <translation>Procedure data is invalid: {0}</translation>
    </message>
    <message>
        <source>共 {0} 个单元，逾期 {1} 个（统计日期 {2}）</source>
        <translation>{0} units, {1} overdue (as of {2})</translation>
    </message>
    <message>
        <source>暂无运维提醒</source>
        <translation>No upkeep reminders</translation>
    </message>
    <message>
        <source>已到达（含其后阶段）</source>
        <translation>Reached (incl. later stages)</translation>
    </message>
    <message>
        <source>目前处于该阶段</source>
        <translation>In this stage now</translation>
    </message>
    <message>
        <source>办理漏斗（单元数）</source>
        <translation>Funnel (units)</translation>
    </message>
    <message>
        <source>选择一个单元以推进阶段</source>
        <translation>Select a unit to move it on</translation>
    </message>
    <message>
        <source>{0} 已在最后阶段</source>
        <translation>{0} is at the last stage</translation>
    </message>
    <message>
        <source>{0} 的下一阶段：{1}</source>
        <translation>Next stage of {0}: {1}</translation>
    </message>
    <message>
        <source>不能推进到“{0}”</source>
        <translation>Cannot move to &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>推进 {0} 到“{1}”</source>
        <translation>Move {0} to &quot;{1}&quot;</translation>
    </message>
</context>
<context>
    <name>ProcurementInputs</name>
    <message>
        <source> 年</source>
        <translation> years</translation>
    </message>
    <message>
        <source>全寿命成本的年数（电梯使用寿命，本程序默认 15 年，经验值）</source>
        <translation>Years of the life-cycle cost (the lift&apos;s service life; 15 years by default, an empirical value)</translation>
    </message>
    <message>
        <source>年折现率，以百分数输入，如 3 表示 3%（本程序默认值，经验值）</source>
        <translation>Yearly discount rate in percent: 3 means 3 % (a default of this program, an empirical value)</translation>
    </message>
    <message>
        <source> 分</source>
        <translation> pts</translation>
    </message>
    <message>
        <source>货物类价格分权重 {0}–{1} 分（{2}）</source>
        <translation>Price weight for goods: {0}–{1} points ({2})</translation>
    </message>
    <message>
        <source>年限</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>折现率</source>
        <translation>Discount rate</translation>
    </message>
    <message>
        <source>权重：价格</source>
        <translation>Weights: price</translation>
    </message>
    <message>
        <source>技术</source>
        <translation>technical</translation>
    </message>
    <message>
        <source>服务</source>
        <translation>service</translation>
    </message>
    <message>
        <source>折现率须为数字，如 3</source>
        <translation>The discount rate must be a number, e.g. 3</translation>
    </message>
    <message>
        <source>折现率须在 0% 到 20% 之间</source>
        <translation>The discount rate must be between 0 % and 20 %</translation>
    </message>
    <message>
        <source>三项权重之和须为 100 分，现为 {0} 分</source>
        <translation>The three weights must add up to 100 points; now {0}</translation>
    </message>
    <message>
        <source>价格分权重须在 {0}–{1} 分之间（{2}，{3}），现为 {4} 分</source>
        <translation>The price weight must be {0}–{1} points ({2}, {3}); it is {4}</translation>
    </message>
</context>
<context>
    <name>ProcurementView</name>
    <message>
        <source>加载报价表…</source>
        <translation>Load quotes…</translation>
    </message>
    <message>
        <source>读取厂家填好的报价 Excel（空白模板用“保存报价模板…”生成）</source>
        <translation>Read the quotes workbook the suppliers filled in (make the blank template with &quot;Save quotes template…&quot;)</translation>
    </message>
    <message>
        <source>保存报价模板…</source>
        <translation>Save quotes template…</translation>
    </message>
    <message>
        <source>保存空白的报价 Excel 模板（含各列说明），发给厂家填写</source>
        <translation>Save the blank quotes workbook (with what each column means) to send to the suppliers</translation>
    </message>
    <message>
        <source>绿：适配；红：不适配；黄：缺少踏勘数据。井道外廓须小于可用场地（GB 50763-2012 第3.7.2条无障碍轿厢）</source>
        <translation>Green: fits; red: does not fit; yellow: survey data missing. The shaft must fit the surveyed space (accessible car per GB 50763-2012 §3.7.2)</translation>
    </message>
    <message>
        <source>报价</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <source>适配矩阵</source>
        <translation>Fit matrix</translation>
    </message>
    <message>
        <source>全寿命成本与评分</source>
        <translation>Life-cycle cost and scores</translation>
    </message>
    <message>
        <source>敏感性</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <source>参与带量采购的单元（默认：适合与较难加装的单元）</source>
        <translation>Units in the bulk purchase (default: suitable and difficult units)</translation>
    </message>
    <message>
        <source>采购比选 — {0}</source>
        <translation>Procurement — {0}</translation>
    </message>
    <message>
        <source>未命名项目</source>
        <translation>Untitled project</translation>
    </message>
    <message>
        <source>项目记录的报价表找不到：{0}，请重新加载</source>
        <translation>The quotes workbook kept in the project is missing: {0}; please load it again</translation>
    </message>
    <message>
        <source>修改比选参数</source>
        <translation>Change the comparison settings</translation>
    </message>
    <message>
        <source>保存报价模板</source>
        <translation>Save quotes template</translation>
    </message>
    <message>
        <source>无法保存模板：{0}</source>
        <translation>Could not save the template: {0}</translation>
    </message>
    <message>
        <source>已保存报价模板 {0}</source>
        <translation>Quotes template saved: {0}</translation>
    </message>
    <message>
        <source>加载报价表</source>
        <translation>Load quotes</translation>
    </message>
    <message>
        <source>无法读取报价表：{0}</source>
        <translation>Cannot read the quotes: {0}</translation>
    </message>
    <message>
        <source>报价表有 {0} 处错误，未加载：</source>
        <translation>The quotes workbook has {0} errors and was not loaded:</translation>
    </message>
    <message>
        <source>已加载 {0} 个产品：{1}</source>
        <translation>{0} products loaded: {1}</translation>
    </message>
    <message>
        <source>加载报价表 {0}</source>
        <translation>Load quotes {0}</translation>
    </message>
    <message>
        <source>无法比选：{0}</source>
        <translation>Cannot compare: {0}</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>型号</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>载重（kg）</source>
        <translation>Load (kg)</translation>
    </message>
    <message>
        <source>轿厢（mm）</source>
        <translation>Car (mm)</translation>
    </message>
    <message>
        <source>井道外廓（mm）</source>
        <translation>Shaft footprint (mm)</translation>
    </message>
    <message>
        <source>底坑（mm）</source>
        <translation>Pit (mm)</translation>
    </message>
    <message>
        <source>顶层高度（mm）</source>
        <translation>Headroom (mm)</translation>
    </message>
    <message>
        <source>设备+安装+井道+土建（元）</source>
        <translation>Equipment + installation + shaft + civil (yuan)</translation>
    </message>
    <message>
        <source>连廊（元）</source>
        <translation>Corridor (yuan)</translation>
    </message>
    <message>
        <source>维保（元/年）</source>
        <translation>Maintenance (yuan/yr)</translation>
    </message>
    <message>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>适配</source>
        <translation>Fits</translation>
    </message>
    <message>
        <source>不适配</source>
        <translation>Misfits</translation>
    </message>
    <message>
        <source>待查</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>带量单价（元）</source>
        <translation>Bulk unit price (yuan)</translation>
    </message>
    <message>
        <source>平均全寿命成本现值（元）</source>
        <translation>Mean life-cycle cost, present value (yuan)</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>设备、安装、维保、电费、年检在使用年限内的现值</source>
        <translation>Present value of equipment, installation, maintenance, electricity and inspection over the service life</translation>
    </message>
    <message>
        <source>（非无障碍）</source>
        <translation> (not accessible)</translation>
    </message>
    <message>
        <source>中标候选：{0}</source>
        <translation>Winner: {0}</translation>
    </message>
    <message>
        <source>；价格权重在 {0:.1f}–{1:.1f} 之间时第一名不变</source>
        <translation>; the winner stays first for price weights {0:.1f}–{1:.1f}</translation>
    </message>
    <message>
        <source>；价格权重变化会改变第一名（见敏感性图）</source>
        <translation>; the winner changes with the price weight (see the sensitivity chart)</translation>
    </message>
    <message>
        <source>无效投标 {0}：{1}</source>
        <translation>Invalid bid {0}: {1}</translation>
    </message>
    <message>
        <source>输入评分</source>
        <translation>Enter the points</translation>
    </message>
    <message>
        <source>输入评分后显示排名对价格权重的敏感性</source>
        <translation>Enter the points to see how the ranking depends on the price weight</translation>
    </message>
    <message>
        <source>价格权重（分）</source>
        <translation>Price weight (points)</translation>
    </message>
    <message>
        <source>排名随价格权重的变化（红线为当前权重）</source>
        <translation>Ranking against the price weight (red line: current weight)</translation>
    </message>
    <message>
        <source>缺少踏勘数据</source>
        <translation>Survey data missing</translation>
    </message>
    <message>
        <source>打印报价比选…</source>
        <translation>Print quote comparison…</translation>
    </message>
    <message>
        <source>把报价比较、全寿命成本与评分导出为 PDF</source>
        <translation>Export the quotes, life-cycle cost and scores as PDF</translation>
    </message>
    <message>
        <source>打印普查报告…</source>
        <translation>Print census report…</translation>
    </message>
    <message>
        <source>把全街道的普查报告导出为 PDF</source>
        <translation>Export the street&apos;s census report as PDF</translation>
    </message>
    <message>
        <source>参数有误，未比选：{0}</source>
        <translation>Parameters invalid, nothing compared: {0}</translation>
    </message>
    <message>
        <source>采购台数</source>
        <translation>Lifts bought</translation>
    </message>
    <message>
        <source>单台价（元）</source>
        <translation>Single price (yuan)</translation>
    </message>
    <message>
        <source>带量节省（元）</source>
        <translation>Volume saving (yuan)</translation>
    </message>
    <message>
        <source>节省率</source>
        <translation>Saving rate</translation>
    </message>
    <message>
        <source>技术评分（0–100）</source>
        <translation>Technical score (0–100)</translation>
    </message>
    <message>
        <source>服务评分（0–100）</source>
        <translation>Service score (0–100)</translation>
    </message>
    <message>
        <source>按报价表的批量价格档：单台价与带量单价之差 × 台数</source>
        <translation>From the volume tiers of the quotes: (single price − volume price) × lifts</translation>
    </message>
    <message>
        <source>评委按 0–100 打分；本程序按权重 {0} 分折算</source>
        <translation>Evaluators score 0–100; the program converts to the weight of {0} points</translation>
    </message>
    <message>
        <source>评委打分 0–100，直接输入；折算为 {0} 分中的得分</source>
        <translation>Evaluators&apos; score 0–100, type it in; converted to points out of {0}</translation>
    </message>
    <message>
        <source>再采购到 {0} 台可用下一档单价 {1}</source>
        <translation>At {0} lifts the next tier price {1} applies</translation>
    </message>
    <message>
        <source>轿厢不满足无障碍要求（{0}），本次比选以无障碍轿厢为要求，其报价仅供参考，不能作为有效投标。</source>
        <translation>The car is not accessible ({0}); this comparison requires an accessible car, so the quote is for reference only and cannot be a valid bid.</translation>
    </message>
    <message>
        <source>价格分按低价优先法计算（满分 {0} 分）；技术、服务由评委按 0–100 打分，按权重 {1} 分、{2} 分折算。</source>
        <translation>Price points by the lowest-price benchmark method (out of {0}); technical and service are scored 0–100 by the evaluators and converted to weights of {1} and {2} points.</translation>
    </message>
    <message>
        <source>输入各产品的技术评分和服务评分（0–100）后计算综合得分。</source>
        <translation>Enter every product&apos;s technical and service score (0–100) to compute the totals.</translation>
    </message>
    <message>
        <source>评分须为 0 到 100 之间的数</source>
        <translation>A score must be a number from 0 to 100</translation>
    </message>
    <message>
        <source>{0} 的{1}未采用：{2}</source>
        <translation>{0}, {1} not taken: {2}</translation>
    </message>
    <message>
        <source>技术评分 {0}</source>
        <translation>Technical score {0}</translation>
    </message>
    <message>
        <source>服务评分 {0}</source>
        <translation>Service score {0}</translation>
    </message>
    <message>
        <source>综合得分（满分 100）</source>
        <translation>Total (out of 100)</translation>
    </message>
</context>
<context>
    <name>ProjectSettings</name>
    <message>
        <source>街道办事处</source>
        <translation>Street office</translation>
    </message>
    <message>
        <source>咨询单位</source>
        <translation>Consultant</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>盖章单位（印章文字）</source>
        <translation>Sealing body (seal text)</translation>
    </message>
    <message>
        <source>征询表交回期限</source>
        <translation>Consent forms: return by</translation>
    </message>
    <message>
        <source>征询表交回地点（空白 = 地址）</source>
        <translation>Consent forms: return to (blank = the address)</translation>
    </message>
    <message>
        <source>长期有效</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <source>自 {0} 起有效</source>
        <translation>Valid from {0}</translation>
    </message>
    <message>
        <source>有效至 {0}</source>
        <translation>Valid until {0}</translation>
    </message>
    <message>
        <source>有效期 {0} 至 {1}</source>
        <translation>Valid {0} to {1}</translation>
    </message>
    <message>
        <source>项目设置(&amp;T)…</source>
        <translation>Project se&amp;ttings…</translation>
    </message>
    <message>
        <source>表决规则、适宜性规则、城市表格与组织信息</source>
        <translation>Consent and suitability rules, city tables and the organisation profile</translation>
    </message>
</context>
<context>
    <name>ProjectSettingsDialog</name>
    <message>
        <source>项目设置</source>
        <translation>Project settings</translation>
    </message>
    <message>
        <source>表决与适宜性规则</source>
        <translation>Consent and suitability rules</translation>
    </message>
    <message>
        <source>表决规则</source>
        <translation>Consent rules</translation>
    </message>
    <message>
        <source>适宜性规则</source>
        <translation>Suitability rules</translation>
    </message>
    <message>
        <source>随表决规则</source>
        <translation>As named by the consent rules</translation>
    </message>
    <message>
        <source>城市表格与标准</source>
        <translation>City tables and standards</translation>
    </message>
    <message>
        <source>城市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>楼层系数表</source>
        <translation>Floor coefficient table</translation>
    </message>
    <message>
        <source>应用默认</source>
        <translation>App default</translation>
    </message>
    <message>
        <source>补贴规则</source>
        <translation>Subsidy rules</translation>
    </message>
    <message>
        <source>不指定</source>
        <translation>None chosen</translation>
    </message>
    <message>
        <source>日照标准</source>
        <translation>Sunlight standard</translation>
    </message>
    <message>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>组织信息（用于文件落款）</source>
        <translation>Organisation (printed on documents)</translation>
    </message>
    <message>
        <source>（本项目定义）</source>
        <translation> (defined in this project)</translation>
    </message>
    <message>
        <source>设置有误：{0}</source>
        <translation>Invalid setting: {0}</translation>
    </message>
    <message>
        <source>修改项目设置</source>
        <translation>Change project settings</translation>
    </message>
    <message>
        <source>修改项目设置 {0}</source>
        <translation>Change project setting {0}</translation>
    </message>
</context>
<context>
    <name>QuickStartDialog</name>
    <message>
        <source>快速上手</source>
        <translation>Quick start</translation>
    </message>
    <message>
        <source>第一次使用？在示例街道上走一遍：每一步点“带我去”，程序会打开对应的位置。示例不会被改动，除非您另存为自己的项目。</source>
        <translation>New here? Walk through the sample street: for each step press &quot;Take me there&quot; and the program opens the place. The sample is not changed unless you save it as your own project.</translation>
    </message>
    <message>
        <source>1. 打开示例街道</source>
        <translation>1. Open the sample street</translation>
    </message>
    <message>
        <source>示例街道有多个小区与单元，可随意试用。</source>
        <translation>The sample street has several communities and units to try things on.</translation>
    </message>
    <message>
        <source>2. 看普查表</source>
        <translation>2. Read the census</translation>
    </message>
    <message>
        <source>街道概览按适宜性把单元分为适合、较难、不适合三类；先看“较难加装”的单元。</source>
        <translation>The street overview sorts units into suitable, difficult and unsuitable; start with the difficult ones.</translation>
    </message>
    <message>
        <source>3. 录入一票</source>
        <translation>3. Record a vote</translation>
    </message>
    <message>
        <source>在“住户与表决”中单击一户的格子，选表决、来源（会议/纸质/线上/委托）和日期，确定。</source>
        <translation>In &quot;Households and votes&quot; click a household&apos;s cell, choose the vote, its source (meeting/paper/online/proxy) and date, OK.</translation>
    </message>
    <message>
        <source>4. 看费用分摊</source>
        <translation>4. Look at the cost shares</translation>
    </message>
    <message>
        <source>“费用分摊”列出每户出资；补贴、分摊方法都可修改，结果立即更新。</source>
        <translation>&quot;Cost sharing&quot; lists every household&apos;s share; subsidies and the method can be changed and the result updates at once.</translation>
    </message>
    <message>
        <source>5. 导出方案书</source>
        <translation>5. Export the proposal</translation>
    </message>
    <message>
        <source>“文件与打印”预览方案书；菜单 文件 → 导出 PDF 选择保存位置。</source>
        <translation>&quot;Documents&quot; previews the proposal; the menu File → Export PDF asks where to save it.</translation>
    </message>
    <message>
        <source>带我去</source>
        <translation>Take me there</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>表决格：预选同意 / 反对 / 弃权 / 未参与</source>
        <translation>Vote grid: preselect yes / no / abstain / absent</translation>
    </message>
    <message>
        <source>项目树：重命名 / 删除选中项</source>
        <translation>Project tree: rename / delete the selected item</translation>
    </message>
    <message>
        <source>输入框：撤销 / 重做（本框的输入已采用后撤销项目中的修改）</source>
        <translation>Text field: undo / redo (once the field&apos;s value is taken, the project&apos;s change)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>键盘快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Shortcut</translation>
    </message>
</context>
<context>
    <name>SitePlanTab</name>
    <message>
        <source>新建平面图</source>
        <translation>New site plan</translation>
    </message>
    <message>
        <source>导入 DXF…</source>
        <translation>Import DXF…</translation>
    </message>
    <message>
        <source>推荐井道位置</source>
        <translation>Suggest shaft positions</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>本楼</source>
        <translation>Own</translation>
    </message>
    <message>
        <source>高度（m）</source>
        <translation>Height (m)</translation>
    </message>
    <message>
        <source>轮廓 x,y; …（m）</source>
        <translation>Outline x,y; … (m)</translation>
    </message>
    <message>
        <source>添加相邻楼</source>
        <translation>Add neighbour</translation>
    </message>
    <message>
        <source>生成窗</source>
        <translation>Generate windows</translation>
    </message>
    <message>
        <source>窗生成器（楼层 × 每层窗数，按立面）</source>
        <translation>Window generator (floors × windows per floor, per façade)</translation>
    </message>
    <message>
        <source>层数</source>
        <translation>Floors</translation>
    </message>
    <message>
        <source>每层</source>
        <translation>Per floor</translation>
    </message>
    <message>
        <source>层高</source>
        <translation>Floor height</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>日照减少合计（小时）</source>
        <translation>Sun lost in total (h)</translation>
    </message>
    <message>
        <source>候选井道位置（双击采用）</source>
        <translation>Candidate shaft positions (double-click to use)</translation>
    </message>
    <message>
        <source>窗</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>加装前（小时）</source>
        <translation>Before (h)</translation>
    </message>
    <message>
        <source>加装后（小时）</source>
        <translation>After (h)</translation>
    </message>
    <message>
        <source>减少（小时）</source>
        <translation>Lost (h)</translation>
    </message>
    <message>
        <source>加装前达标</source>
        <translation>Meets before</translation>
    </message>
    <message>
        <source>加装后达标</source>
        <translation>Meets after</translation>
    </message>
    <message>
        <source>平面图有误：{0}</source>
        <translation>Site plan error: {0}</translation>
    </message>
    <message>
        <source>本单元尚无平面图：点“新建平面图”，或导入 DXF。</source>
        <translation>This unit has no site plan yet: click &quot;New site plan&quot;, or import a DXF.</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>北</source>
        <translation>N</translation>
    </message>
    <message>
        <source>东北</source>
        <translation>NE</translation>
    </message>
    <message>
        <source>东</source>
        <translation>E</translation>
    </message>
    <message>
        <source>东南</source>
        <translation>SE</translation>
    </message>
    <message>
        <source>南</source>
        <translation>S</translation>
    </message>
    <message>
        <source>西南</source>
        <translation>SW</translation>
    </message>
    <message>
        <source>西</source>
        <translation>W</translation>
    </message>
    <message>
        <source>西北</source>
        <translation>NW</translation>
    </message>
    <message>
        <source>立面 {0}（朝{1}）</source>
        <translation>Façade {0} (faces {1})</translation>
    </message>
    <message>
        <source>导入 DXF 总平面</source>
        <translation>Import a DXF site plan</translation>
    </message>
    <message>
        <source>DXF 图纸 (*.dxf)</source>
        <translation>DXF drawings (*.dxf)</translation>
    </message>
    <message>
        <source>DXF 有误：{0}</source>
        <translation>DXF error: {0}</translation>
    </message>
    <message>
        <source>无法识别：{0}</source>
        <translation>Cannot read: {0}</translation>
    </message>
    <message>
        <source>修改楼栋 {0}</source>
        <translation>Edit building {0}</translation>
    </message>
    <message>
        <source>生成窗 {0}</source>
        <translation>Generate {0} windows</translation>
    </message>
    <message>
        <source>移动井道</source>
        <translation>Move the shaft</translation>
    </message>
    <message>
        <source>红线内</source>
        <translation>inside the red line</translation>
    </message>
    <message>
        <source>超出红线</source>
        <translation>outside the red line</translation>
    </message>
    <message>
        <source>距相邻建筑 {0} m</source>
        <translation>{0} m to the nearest building</translation>
    </message>
    <message>
        <source>消防车道净宽 {0} m</source>
        <translation>fire lane clear {0} m</translation>
    </message>
    <message>
        <source>井道内管线：{0}</source>
        <translation>pipes in the shaft: {0}</translation>
    </message>
    <message>
        <source>占用私家庭院</source>
        <translation>occupies a private yard</translation>
    </message>
    <message>
        <source>实测：</source>
        <translation>Measured: </translation>
    </message>
    <message>
        <source>日照：需要位置和窗</source>
        <translation>Sunlight: needs a location and windows</translation>
    </message>
    <message>
        <source>日照计算中…</source>
        <translation>Computing sunlight…</translation>
    </message>
    <message numerus="yes">
        <source>{day} ≥ {h} 小时（真太阳时 {a:g}–{b:g} 时），%n 个窗降至标准以下</source>
        <translation>
            <numerusform>{day} ≥ {h} h (true solar time {a:g}–{b:g} h); %n window falls below the standard</numerusform>
            <numerusform>{day} ≥ {h} h (true solar time {a:g}–{b:g} h); %n windows fall below the standard</numerusform>
        </translation>
    </message>
    <message>
        <source>依据：{0}</source>
        <translation>Source: {0}</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{day} 真太阳时 {t}</source>
        <translation>{day}, true solar time {t}</translation>
    </message>
    <message>
        <source>正在比较候选位置…</source>
        <translation>Comparing candidate positions…</translation>
    </message>
    <message>
        <source>候选井道位置：没有放得下井道的位置（本楼的长边短于井道宽度）</source>
        <translation>Shaft positions: none fits (the building&apos;s long sides are shorter than the shaft&apos;s width)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>采用井道位置 {0}</source>
        <translation>Use shaft position {0}</translation>
    </message>
</context>
<context>
    <name>SiteTab</name>
    <message>
        <source>入户方式</source>
        <translation>Entry mode</translation>
    </message>
    <message>
        <source>可用井道场地 宽×深（m）</source>
        <translation>Space for the shaft, width × depth (m)</translation>
    </message>
    <message>
        <source>在用地红线内</source>
        <translation>Inside the red line</translation>
    </message>
    <message>
        <source>加装后消防车道净宽（m）</source>
        <translation>Fire lane width after installation (m)</translation>
    </message>
    <message>
        <source>与相邻建筑距离（m）</source>
        <translation>Distance to the neighbouring building (m)</translation>
    </message>
    <message>
        <source>占用私家庭院</source>
        <translation>Occupies a private courtyard</translation>
    </message>
    <message>
        <source>日照低于标准</source>
        <translation>Sunlight below standard</translation>
    </message>
    <message>
        <source>场地内管线</source>
        <translation>Pipes in the footprint</translation>
    </message>
    <message>
        <source>可挖底坑深度（mm）</source>
        <translation>Pit depth available (mm)</translation>
    </message>
    <message>
        <source>低于标准产品时需选用浅底坑产品（GB/T 28621-2023）</source>
        <translation>Below the standard product a reduced-pit product is needed (GB/T 28621-2023)</translation>
    </message>
    <message>
        <source>顶层净空（mm）</source>
        <translation>Headroom available (mm)</translation>
    </message>
    <message>
        <source>连廊可用进深（m）</source>
        <translation>Corridor depth available (m)</translation>
    </message>
    <message>
        <source>修改{0}</source>
        <translation>Change {0}</translation>
    </message>
    <message>
        <source>现场踏勘（空白 = 未调查）</source>
        <translation>Site survey (blank = not surveyed)</translation>
    </message>
    <message>
        <source>程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>处理建议</source>
        <translation>Remedy</translation>
    </message>
    <message>
        <source>发现的问题与处理建议（随输入即时更新）</source>
        <translation>Findings and remedies (update as you type)</translation>
    </message>
    <message>
        <source>小于所选入户方式的最小井道为{0}（几何默认值见规则集）</source>
        <translation>Smaller than the smallest shaft for the entry mode is a {0} factor (geometry defaults in the rules)</translation>
    </message>
    <message>
        <source>超出用地红线为{0}（{1}）</source>
        <translation>Outside the site red line is a {0} factor ({1})</translation>
    </message>
    <message>
        <source>占用私家庭院为{0}（{1}）</source>
        <translation>Taking a private courtyard is a {0} factor ({1})</translation>
    </message>
    <message>
        <source>加装后由达标降至不达标为{0}（{1}）</source>
        <translation>A window that meets the standard before and not after is a {0} factor ({1})</translation>
    </message>
    <message>
        <source>燃气管为{0}，其他管线每种为{1}</source>
        <translation>A gas pipe is a {0} factor; every other pipe type is a {1} factor</translation>
    </message>
    <message>
        <source>无法评估：{0}</source>
        <translation>Cannot assess: {0}</translation>
    </message>
    <message>
        <source>分类：{cls}（重大 {major}，强 {strong}，弱 {weak}）— {why}</source>
        <translation>Class: {cls} (major {major}, strong {strong}, weak {weak}) — {why}</translation>
    </message>
    <message>
        <source>依据：{0}</source>
        <translation>Source: {0}</translation>
    </message>
    <message>
        <source>消除以下问题可改善分类：</source>
        <translation>Removing these would improve the class:</translation>
    </message>
    <message>
        <source>小于 {0} m 为{1}（{2}）</source>
        <translation>Below {0} m: {1} ({2})</translation>
    </message>
    <message>
        <source>以下输入无效，下列结论仍按原值计算：{0}</source>
        <translation>These inputs are invalid; the results below still use the old values: {0}</translation>
    </message>
</context>
<context>
    <name>StreetActions</name>
    <message>
        <source>新建小区(&amp;C)…</source>
        <translation>New &amp;community…</translation>
    </message>
    <message>
        <source>在项目中新建一个小区</source>
        <translation>Add a community to the project</translation>
    </message>
    <message>
        <source>新建楼栋(&amp;B)…</source>
        <translation>New &amp;building…</translation>
    </message>
    <message>
        <source>在选中的小区中新建楼栋</source>
        <translation>Add a building to the selected community</translation>
    </message>
    <message>
        <source>新建单元(&amp;U)…</source>
        <translation>New &amp;unit…</translation>
    </message>
    <message>
        <source>在选中的楼栋中新建单元（一个楼梯间）</source>
        <translation>Add a unit (one stairwell) to the selected building</translation>
    </message>
    <message>
        <source>生成住户（层 × 户）(&amp;G)…</source>
        <translation>&amp;Generate households (floors × doors)…</translation>
    </message>
    <message>
        <source>按层数和每层户数为当前单元生成住户，如 6 层 × 2 户</source>
        <translation>Generate the current unit&apos;s households by floors and doors per floor, e.g. 6 floors × 2 doors</translation>
    </message>
    <message>
        <source>从剪贴板粘贴住户(&amp;P)</source>
        <translation>&amp;Paste households from the clipboard</translation>
    </message>
    <message>
        <source>从电子表格复制的行：门牌、楼层、面积、业主姓名、业主编号</source>
        <translation>Rows copied from a spreadsheet: door, floor, area, owner name, owner id</translation>
    </message>
    <message>
        <source>重命名(&amp;R)…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <source>重命名选中的小区、楼栋或单元</source>
        <translation>Rename the selected community, building or unit</translation>
    </message>
    <message>
        <source>删除(&amp;D)</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>删除选中的小区、楼栋或单元（可撤销）</source>
        <translation>Delete the selected community, building or unit (can be undone)</translation>
    </message>
    <message>
        <source>下载导入模板(&amp;T)…</source>
        <translation>Save the import &amp;template…</translation>
    </message>
    <message>
        <source>保存街道导入用的 Excel 模板（含示例行与说明）</source>
        <translation>Save the Excel template for importing a street (with example rows and notes)</translation>
    </message>
    <message>
        <source>请先选择</source>
        <translation>Select first</translation>
    </message>
    <message>
        <source>新建小区</source>
        <translation>New community</translation>
    </message>
    <message>
        <source>小区名称</source>
        <translation>Community name</translation>
    </message>
    <message>
        <source>请填写小区名称</source>
        <translation>Enter the community&apos;s name</translation>
    </message>
    <message>
        <source>请先在左侧选择一个小区（没有小区时先新建小区）</source>
        <translation>Select a community on the left first (add one when there is none)</translation>
    </message>
    <message>
        <source>新建楼栋</source>
        <translation>New building</translation>
    </message>
    <message>
        <source>楼栋名称</source>
        <translation>Building name</translation>
    </message>
    <message>
        <source>请填写楼栋名称</source>
        <translation>Enter the building&apos;s name</translation>
    </message>
    <message>
        <source>如 3号楼</source>
        <translation>e.g. Building 3</translation>
    </message>
    <message>
        <source>地上住宅层数</source>
        <translation>Storeys with dwellings</translation>
    </message>
    <message>
        <source> 层</source>
        <translation> storeys</translation>
    </message>
    <message>
        <source>建成年份</source>
        <translation>Year built</translation>
    </message>
    <message>
        <source>请先在左侧选择一个楼栋</source>
        <translation>Select a building on the left first</translation>
    </message>
    <message>
        <source>新建单元</source>
        <translation>New unit</translation>
    </message>
    <message>
        <source>单元编号</source>
        <translation>Unit id</translation>
    </message>
    <message>
        <source>请填写单元编号</source>
        <translation>Enter the unit&apos;s id</translation>
    </message>
    <message>
        <source>项目内唯一，用于文件名和命令行</source>
        <translation>Unique in the project; used in file names and on the command line</translation>
    </message>
    <message>
        <source>单元名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>请先在左侧选择一个单元</source>
        <translation>Select a unit on the left first</translation>
    </message>
    <message>
        <source>如 56.3</source>
        <translation>e.g. 56.3</translation>
    </message>
    <message>
        <source>已生成 {0} 户</source>
        <translation>{0} households generated</translation>
    </message>
    <message>
        <source>生成住户</source>
        <translation>Generate households</translation>
    </message>
    <message>
        <source>层数</source>
        <translation>Floors</translation>
    </message>
    <message>
        <source>每层户数</source>
        <translation>Doors per floor</translation>
    </message>
    <message>
        <source> 户</source>
        <translation> doors</translation>
    </message>
    <message>
        <source>从第几层起</source>
        <translation>From floor</translation>
    </message>
    <message>
        <source>每户专有面积（m²）</source>
        <translation>Exclusive area per household (m²)</translation>
    </message>
    <message>
        <source>生成后可在住户表中逐户修改</source>
        <translation>Change single households in the household table afterwards</translation>
    </message>
    <message>
        <source>门牌按“层号 + 两位户号”编排：101、102 … 602；已有的门牌保留不变。</source>
        <translation>Door numbers are the floor and a two-digit door: 101, 102 … 602; existing doors stay as they are.</translation>
    </message>
    <message>
        <source>无法粘贴住户</source>
        <translation>Cannot paste households</translation>
    </message>
    <message>
        <source>已粘贴：新增 {0} 户，更新 {1} 户</source>
        <translation>Pasted: {0} households added, {1} updated</translation>
    </message>
    <message>
        <source>请先在左侧选择要重命名的小区、楼栋或单元</source>
        <translation>Select the community, building or unit to rename on the left first</translation>
    </message>
    <message>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>新名称</source>
        <translation>New name</translation>
    </message>
    <message>
        <source>名称不能为空</source>
        <translation>The name cannot be empty</translation>
    </message>
    <message>
        <source>请先在左侧选择要删除的小区、楼栋或单元</source>
        <translation>Select the community, building or unit to delete on the left first</translation>
    </message>
    <message>
        <source>已删除 {0}（可用 Ctrl+Z 撤销）</source>
        <translation>Deleted {0} (Ctrl+Z undoes)</translation>
    </message>
    <message>
        <source>保存导入模板</source>
        <translation>Save import template</translation>
    </message>
    <message>
        <source>无法保存模板</source>
        <translation>Cannot save the template</translation>
    </message>
    <message>
        <source>已保存导入模板 {0}</source>
        <translation>Import template saved: {0}</translation>
    </message>
</context>
<context>
    <name>Structure</name>
    <message>
        <source>请填写小区名称</source>
        <translation>Enter the community&apos;s name</translation>
    </message>
    <message>
        <source>新建小区 {0}</source>
        <translation>New community {0}</translation>
    </message>
    <message>
        <source>请填写楼栋名称</source>
        <translation>Enter the building&apos;s name</translation>
    </message>
    <message>
        <source>新建楼栋 {0}</source>
        <translation>New building {0}</translation>
    </message>
    <message>
        <source>编号只能用字母、数字、-、_、.，最多 40 个字符</source>
        <translation>Use letters, digits, - _ . only, at most 40 characters</translation>
    </message>
    <message>
        <source>编号 {0} 已被使用</source>
        <translation>The id {0} is already used</translation>
    </message>
    <message>
        <source>新建单元 {0}</source>
        <translation>New unit {0}</translation>
    </message>
    <message>
        <source>名称不能为空</source>
        <translation>The name cannot be empty</translation>
    </message>
    <message>
        <source>重命名为 {0}</source>
        <translation>Rename to {0}</translation>
    </message>
    <message>
        <source>删除 {0}</source>
        <translation>Delete {0}</translation>
    </message>
    <message>
        <source>楼栋只有 {0} 层，不能生成到第 {1} 层</source>
        <translation>The building has {0} storeys; cannot generate up to floor {1}</translation>
    </message>
    <message>
        <source>这些门牌都已存在</source>
        <translation>These doors exist already</translation>
    </message>
    <message>
        <source>生成 {0} 户</source>
        <translation>Generate {0} households</translation>
    </message>
    <message>
        <source>剪贴板里没有住户行（门牌、楼层、面积，以制表符分隔）</source>
        <translation>No household rows on the clipboard (door, floor, area, separated by tabs)</translation>
    </message>
    <message>
        <source>门牌</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>面积</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>业主姓名</source>
        <translation>Owner name</translation>
    </message>
    <message>
        <source>业主编号</source>
        <translation>Owner id</translation>
    </message>
    <message>
        <source>第 {0} 行 {1}：{2}</source>
        <translation>Row {0}, {1}: {2}</translation>
    </message>
    <message>
        <source>第 {0} 行 {1}：楼栋只有 {2} 层</source>
        <translation>Row {0}, {1}: the building has {2} storeys</translation>
    </message>
    <message>
        <source>第 {0} 行 {1}：门牌 {2} 重复</source>
        <translation>Row {0}, {1}: door {2} appears twice</translation>
    </message>
    <message>
        <source>粘贴 {0} 户</source>
        <translation>Paste {0} households</translation>
    </message>
</context>
<context>
    <name>SubsidyDialog</name>
    <message>
        <source>添加补贴：{0}</source>
        <translation>Add subsidy: {0}</translation>
    </message>
    <message>
        <source>每档“最低层数:金额”，空格分隔；取满足条件的最高一档</source>
        <translation>Each tier as &quot;minimum storeys:amount&quot;, separated by spaces; the highest tier the building reaches applies</translation>
    </message>
    <message>
        <source>（可选）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <source>修改补贴：{0}</source>
        <translation>Change subsidy: {0}</translation>
    </message>
</context>
<context>
    <name>UnitEditor</name>
    <message>
        <source>楼栋与结构</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>现场踏勘</source>
        <translation>Site survey</translation>
    </message>
    <message>
        <source>总平面与日照</source>
        <translation>Site plan and sunlight</translation>
    </message>
    <message>
        <source>住户与表决</source>
        <translation>Households and votes</translation>
    </message>
    <message>
        <source>费用分摊</source>
        <translation>Cost sharing</translation>
    </message>
    <message>
        <source>先期预埋</source>
        <translation>Pre-installation</translation>
    </message>
    <message>
        <source>文件与打印</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>办理进度</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>Canvassing</translation>
    </message>
    <message>
        <source>运维</source>
        <translation>Upkeep</translation>
    </message>
</context>
<context>
    <name>UpkeepTab</name>
    <message>
        <source>导出年度收支公示 PDF…</source>
        <translation>Export yearly statement PDF…</translation>
    </message>
    <message>
        <source>导出各户缴费明细（内部）PDF…</source>
        <translation>Export the payments ledger (internal) PDF…</translation>
    </message>
    <message>
        <source>列出各户已缴与欠缴，标注“内部资料，不得张贴”，供使用管理人存档</source>
        <translation>Each door&apos;s payments and arrears, marked &quot;internal — not for posting&quot;, for the user-manager&apos;s file</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>缴费金额（元）</source>
        <translation>Amount paid (yuan)</translation>
    </message>
    <message>
        <source>为所选户登记缴费</source>
        <translation>Record payment of selected door</translation>
    </message>
    <message>
        <source>门牌</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>应分摊（元）</source>
        <translation>Share (yuan)</translation>
    </message>
    <message>
        <source>已缴（元）</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <source>欠缴（元）</source>
        <translation>Owed (yuan)</translation>
    </message>
    <message>
        <source>费用项目</source>
        <translation>Cost item</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>故障情况</source>
        <translation>Fault</translation>
    </message>
    <message>
        <source>修复日期</source>
        <translation>Fixed on</translation>
    </message>
    <message>
        <source>运行费台账（按约定的分摊办法）</source>
        <translation>Running-cost ledger (split by the agreed rule)</translation>
    </message>
    <message>
        <source>所选年度的运行费用</source>
        <translation>Running costs of the chosen year</translation>
    </message>
    <message>
        <source>所选年度的故障</source>
        <translation>Faults in the chosen year</translation>
    </message>
    <message>
        <source>本单元尚无运维记录（电梯投用后登记使用管理人、维保合同与运行费）。</source>
        <translation>No upkeep record yet (after the elevator is put into service, record its user-manager, maintenance contract and running costs).</translation>
    </message>
    <message>
        <source>使用管理人：{0}</source>
        <translation>User-manager: {0}</translation>
    </message>
    <message>
        <source>维保单位：{0}；年费 {1} 元；合同 {2} 至 {3}</source>
        <translation>Maintenance: {0}; yearly fee {1} yuan; contract {2} to {3}</translation>
    </message>
    <message>
        <source>定期检验：上次 {0}，下次到期 {1}</source>
        <translation>Periodic inspection: last {0}, next due {1}</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>未修复</source>
        <translation>Not fixed</translation>
    </message>
    <message numerus="yes">
        <source>合计 {0} 元；已缴 {1} 元；欠缴 {2} 元（%n 户未缴清）；备用金：年初 {3}，存入 {4}，支出 {5}，年末 {6} 元</source>
        <translation>
            <numerusform>Total {0} yuan; paid {1}; owed {2} (%n household not paid in full); reserve: start {3}, in {4}, out {5}, end {6} yuan</numerusform>
            <numerusform>Total {0} yuan; paid {1}; owed {2} (%n households not paid in full); reserve: start {3}, in {4}, out {5}, end {6} yuan</numerusform>
        </translation>
    </message>
    <message>
        <source>导出年度收支公示</source>
        <translation>Export yearly statement</translation>
    </message>
    <message>
        <source>导出各户缴费明细</source>
        <translation>Export the payments ledger</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>正在写入 {0}…</source>
        <translation>Writing {0}…</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>缴费金额</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <source>不能登记缴费</source>
        <translation>Cannot record the payment</translation>
    </message>
    <message>
        <source>登记 {0} 缴费</source>
        <translation>Record payment of {0}</translation>
    </message>
</context>
<context>
    <name>VoteEditor</name>
    <message>
        <source>表决录入 — {0}</source>
        <translation>Record vote — {0}</translation>
    </message>
    <message>
        <source>门牌 {door}{name}</source>
        <translation>Door {door}{name}</translation>
    </message>
    <message>
        <source>（{source}，{date}）</source>
        <translation> ({source}, {date})</translation>
    </message>
    <message>
        <source>当前：{0}</source>
        <translation>Now: {0}</translation>
    </message>
    <message>
        <source>最近一条记录：第 {seq} 条，{time}，{note}</source>
        <translation>Latest entry: no. {seq}, {time}, {note}</translation>
    </message>
    <message>
        <source>录入表决的工作人员</source>
        <translation>The clerk entering the vote</translation>
    </message>
    <message>
        <source>变更原因（必填）</source>
        <translation>Reason for the change (required)</translation>
    </message>
    <message>
        <source>备注（可选）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>如：业主书面申请更正</source>
        <translation>e.g. owner&apos;s written request to correct</translation>
    </message>
    <message>
        <source>如：委托人姓名、表决票编号</source>
        <translation>e.g. proxy&apos;s name, ballot number</translation>
    </message>
    <message>
        <source>表决</source>
        <translation>Vote</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>录入人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <source>表决没有改变</source>
        <translation>The vote has not changed</translation>
    </message>
    <message>
        <source>改变已记录的表决须填写原因</source>
        <translation>Changing a recorded vote needs a reason</translation>
    </message>
</context>
<context>
    <name>VoteGrid</name>
    <message>
        <source>单击录入表决（来源、日期、录入人）；右键或按 Y / N / A / Del 预选表决</source>
        <translation>Click to record a vote (source, date, clerk); right-click or Y / N / A / Del preselect the vote</translation>
    </message>
</context>
<context>
    <name>VoteLog</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>单元</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>门牌</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>业主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>原表决 → 新表决</source>
        <translation>Previous → new vote</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>方案版本</source>
        <translation>Scheme version</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>哈希（前 10 位）</source>
        <translation>Hash (first 10)</translation>
    </message>
    <message>
        <source>记录完整：{n} 条，哈希链校验通过</source>
        <translation>Log intact: {n} entries, hash chain verified</translation>
    </message>
    <message>
        <source>记录被改动：第 {k} 条起校验失败</source>
        <translation>Log altered from entry {k}</translation>
    </message>
    <message>
        <source>原表决</source>
        <translation>Previous vote</translation>
    </message>
    <message>
        <source>新表决</source>
        <translation>New vote</translation>
    </message>
</context>
<context>
    <name>VoteLogDialog</name>
    <message>
        <source>表决记录</source>
        <translation>Vote log</translation>
    </message>
</context>
<context>
    <name>VoteLogView</name>
    <message>
        <source>每条记录含上一条的 SHA-256 哈希；改动、删除或调换任何一条，从该条起校验失败。哈希链能让改动被发现，但不能阻止重写整条链，请另行公布最后一条的哈希。</source>
        <translation>Each entry carries the SHA-256 hash of the one before; changing, removing or reordering any entry makes the check fail from that entry on. The chain makes changes evident but cannot stop someone rebuilding the whole chain, so publish the hash of the last entry separately.</translation>
    </message>
    <message>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>单元 {0}</source>
        <translation>Unit {0}</translation>
    </message>
    <message>
        <source>全部单元</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>{where}：{m} 条表决变更，最新的在上；记录只增不改。</source>
        <translation>{where}: {m} vote changes, newest first; the log is append-only.</translation>
    </message>
    <message numerus="yes">
        <source>另有 %n 户的现有表决不在记录中（随表格或单元文件导入，或早于记录录入），须另有依据：{0}</source>
        <translation>
            <numerusform>The present vote of %n more household is not in the log (it came with an imported sheet or unit file, or was entered before the log was kept) and needs its own evidence: {0}</numerusform>
            <numerusform>The present votes of %n more households are not in the log (they came with an imported sheet or unit file, or were entered before the log was kept) and need their own evidence: {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>本条：{0}
上一条：{1}</source>
        <translation>This entry: {0}
Previous entry: {1}</translation>
    </message>
    <message>
        <source>回收征询表扫描件中的勾选框：{0}</source>
        <translation>Tick boxes on the returned form&apos;s scan: {0}</translation>
    </message>
    <message>
        <source>导出表决记录</source>
        <translation>Export vote log</translation>
    </message>
    <message>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
</context>
<context>
    <name>VotesTab</name>
    <message>
        <source>门牌</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>业主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>专有面积（m²）</source>
        <translation>Exclusive area (m²)</translation>
    </message>
    <message>
        <source>专有部分受影响</source>
        <translation>Exclusive part affected</translation>
    </message>
    <message>
        <source>表决</source>
        <translation>Vote</translation>
    </message>
    <message numerus="yes">
        <source>无法通过：除非业主 {who} 改投同意票</source>
        <translation>
            <numerusform>Cannot pass unless owner {who} changes their vote to yes</numerusform>
            <numerusform>Cannot pass unless owners {who} change their votes to yes</numerusform>
        </translation>
    </message>
    <message>
        <source>（共需 {n} 位业主改投同意）</source>
        <translation> ({n} owners in all would have to vote yes)</translation>
    </message>
    <message>
        <source>（其中专有部分受影响的业主必须同意）</source>
        <translation> (owners whose exclusive part is affected must agree)</translation>
    </message>
    <message>
        <source>业主编号</source>
        <translation>Owner ID</translation>
    </message>
    <message>
        <source>业主姓名</source>
        <translation>Owner&apos;s name</translation>
    </message>
    <message>
        <source>同一业主编号的多套房屋按一人计，面积相加（民法典第二百七十八条）；空白时以门牌为业主编号</source>
        <translation>Several dwellings with one owner ID count as one head with their areas added (Civil Code art. 278); blank means the door number is the owner ID</translation>
    </message>
    <message>
        <source>井道或连廊占用该业主专有部分时，须经该业主同意</source>
        <translation>When the shaft or corridor takes this owner&apos;s exclusive part, this owner must agree</translation>
    </message>
    <message>
        <source>表决统计</source>
        <translation>Tally</translation>
    </message>
    <message>
        <source>楼层 × 门牌（顶层在上）</source>
        <translation>Floor × door (top floor first)</translation>
    </message>
    <message>
        <source>表决记录…</source>
        <translation>Vote log…</translation>
    </message>
    <message>
        <source>本单元每次表决变更的记录（只增不改，哈希链校验）</source>
        <translation>Every recorded vote change of this unit (append-only, hash-chain checked)</translation>
    </message>
    <message>
        <source>{0} 层</source>
        <translation>Floor {0}</translation>
    </message>
    <message>
        <source>{0} 号门</source>
        <translation>Door {0}</translation>
    </message>
    <message>
        <source>{door}：业主 {owner}，{area} m²，{vote}</source>
        <translation>{door}: owner {owner}, {area} m², {vote}</translation>
    </message>
    <message>
        <source>专有部分受影响：须本人同意</source>
        <translation>Exclusive part affected: this owner must agree</translation>
    </message>
    <message>
        <source>业主编号：{0}</source>
        <translation>Owner ID: {0}</translation>
    </message>
    <message>
        <source>业主编号；空白时为门牌 {0}</source>
        <translation>Owner ID; blank means the door number {0}</translation>
    </message>
    <message>
        <source>修改 {0} 的业主姓名</source>
        <translation>Change the owner&apos;s name of {0}</translation>
    </message>
    <message>
        <source>修改 {0} 的业主</source>
        <translation>Change owner of {0}</translation>
    </message>
    <message>
        <source>修改 {0} 的面积</source>
        <translation>Change area of {0}</translation>
    </message>
    <message>
        <source>修改 {0} 的专有部分受影响</source>
        <translation>Change &quot;exclusive part affected&quot; of {0}</translation>
    </message>
    <message>
        <source>表决统计模块不可用</source>
        <translation>The consent tally is not available</translation>
    </message>
    <message>
        <source>参与表决的专有面积</source>
        <translation>Area taking part</translation>
    </message>
    <message>
        <source>参与表决的人数</source>
        <translation>Owners taking part</translation>
    </message>
    <message>
        <source>同意的专有面积</source>
        <translation>Area voting yes</translation>
    </message>
    <message>
        <source>同意的人数</source>
        <translation>Owners voting yes</translation>
    </message>
    <message>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>要求</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>反对人数</source>
        <translation>Owners voting no</translation>
    </message>
    <message>
        <source>专有部分受影响、尚未同意的业主：{0}</source>
        <translation>Affected owners who have not agreed: {0}</translation>
    </message>
    <message>
        <source>规则集：{0}</source>
        <translation>Ruleset: {0}</translation>
    </message>
    <message>
        <source>已满足全部表决条件。</source>
        <translation>Every consent condition is met.</translation>
    </message>
    <message numerus="yes">
        <source>还需要 %n 位业主同意，例如：{who}</source>
        <translation>
            <numerusform>Needed: %n more owner voting yes, e.g. {who}</numerusform>
            <numerusform>Needed: %n more owners voting yes, e.g. {who}</numerusform>
        </translation>
    </message>
    <message>
        <source>本单元适用的表决规则；默认随项目设置</source>
        <translation>The consent rules of this unit; by default those of the project settings</translation>
    </message>
    <message>
        <source>{0} 的面积未采用：{1}</source>
        <translation>Area of {0} not taken: {1}</translation>
    </message>
    <message>
        <source>随项目设置（{0}）</source>
        <translation>As the project settings ({0})</translation>
    </message>
    <message>
        <source>随项目设置</source>
        <translation>As the project settings</translation>
    </message>
    <message>
        <source>修改 {0} 的表决规则</source>
        <translation>Change the consent rules of {0}</translation>
    </message>
    <message>
        <source>表决规则</source>
        <translation>Consent rules</translation>
    </message>
    <message>
        <source>最近变更：第 {seq} 条，{time}，{source}{note}</source>
        <translation>Last change: entry {seq}, {time}, {source}{note}</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
