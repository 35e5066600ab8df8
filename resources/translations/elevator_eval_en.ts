<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>BuildingTab</name>
    <message>
        <source>建成年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地上住宅层数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>少于 4 层为重大干扰（应用默认规则，见规则集）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结构形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>危险性等级</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>《危险房屋鉴定标准》JGJ 125-2016 第6.1.4条：C、D 级为重大干扰；2001 年前建成且未鉴定的，需先鉴定（强干扰）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>层高（m）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>抗震设防烈度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>砖混结构且设防烈度 ≥ 8 度为强干扰</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设计使用年限（年）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼栋信息（同一楼栋各单元共用）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改楼栋信息会影响该楼栋的全部单元。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CensusModel</name>
    <message>
        <source>小区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建成年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>适宜性分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主要原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表决状态</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>投票 {door}：{vote}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>反对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>弃权</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未参与</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CostsTab</name>
    <message>
        <source>费用分摊模块尚未就绪</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountsChart</name>
    <message>
        <source>各分类单元数</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>未命名项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改 {door} 的 {field}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>文件模块尚未就绪</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>适合加装</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>较难加装</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不适合加装</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未评估</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>弱干扰</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>强干扰</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重大干扰</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>反对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>弃权</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未参与</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表决通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚需表决</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受阻（专有部分业主未同意）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>砖混</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>框架</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>剪力墙</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>半层入户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平层入户</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>燃气</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>给水</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>排水</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电力</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>通信</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>供热</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设备</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安装</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>井道结构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>土建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管线迁改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>底坑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设计监理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>维保</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年检</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分类规则依据《上海市既有多层住宅加装电梯前期调查与可行性评估技术导则（试行）》（2020）：有一项重大干扰或两项及以上强干扰为不适合加装，恰有一项强干扰为较难加装，其余为适合加装。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>《民法典》第二百七十八条：专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决，并经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意；第一千二百五十九条：“以上”包括本数。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>撤销(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重做(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（示例）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加梯评估</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} 个单元 · {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>示例项目无法打开：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”有未保存的修改。是否保存？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目名称（如街道名）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自动保存失败：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已自动保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现上次未正常退出时自动保存的副本：
{0}
是否恢复？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重新计算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近打开(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>语言 / Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建项目(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建一个空项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开项目(&amp;O)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开项目文件（.eeproj）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把项目保存到新文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入街道数据(&amp;I)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从 Excel/CSV 导入楼栋与住户，导入前逐行检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 Excel(&amp;X)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把普查表与住户导出为 Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出方案书 PDF(&amp;P)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出当前单元的加装方案书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批量生成方案书(&amp;B)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>为项目中每个单元生成方案书（后台运行，可取消）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在街道概览中搜索单元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>街道概览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>普查表：每个单元的适宜性分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单元详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前单元的编辑器</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>采购比选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报价、适配矩阵、全寿命成本与评分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重新评估全部单元（后台运行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>小区 → 楼栋 → 单元；颜色为适宜性分类（绿：适合，蓝：较难，红：不适合，同上海加装电梯评估“蓝图”的三色）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在重新评估全部单元…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于加梯评估</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加梯评估 —— 既有住宅加装电梯决策辅助。
适宜性分类依据《上海市既有多层住宅加装电梯前期调查与可行性评估技术导则（试行）》的干扰因素计数规则；业主表决依据《民法典》第二百七十八条、第一千二百五十九条。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelForm</name>
    <message>
        <source>未调查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无效的数值</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>搜索小区、楼栋、单元或原因（Ctrl+F）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分类：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法计算普查：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未命名项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>街道概览 — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {0} 个单元</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreinstallTab</name>
    <message>
        <source>先期预埋评估模块尚未就绪</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcurementView</name>
    <message>
        <source>采购比选模块尚未就绪</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteTab</name>
    <message>
        <source>入户方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可用井道场地 宽×深（m）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>小于所选入户方式的最小井道为强干扰（几何默认值见规则集）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在用地红线内</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超出用地红线为重大干扰</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加装后消防车道净宽（m）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>小于 4.0 m 为重大干扰：消防车道净宽不小于 4.0 m（GB 50016-2014（2018年版））</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与相邻建筑距离（m）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>小于 6.0 m 为强干扰（应用默认值：多层住宅常用防火间距 6 m，GB 50016 表5.2.2，待核实）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>占用私家庭院</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日照低于标准</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GB 50180-2018 日照标准</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>场地内管线</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>燃气管为强干扰，其他管线每种为弱干扰</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可挖底坑深度（mm）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>低于标准产品时需选用浅底坑产品（GB/T 28621-2023）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>顶层净空（mm）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>连廊可用进深（m）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现场踏勘（空白 = 未调查）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>程度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理建议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现的问题与处理建议（随输入即时更新）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法评估：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分类：{cls}（重大 {major}，强 {strong}，弱 {weak}）— {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>消除以下问题可改善分类：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitEditor</name>
    <message>
        <source>楼栋与结构</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现场踏勘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住户与表决</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>费用分摊</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>先期预埋</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表决数据有误</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoteGrid</name>
    <message>
        <source>单击循环切换：同意 → 反对 → 弃权 → 未参与；右键或按 Y / N / A / Del 直接设置</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VotesTab</name>
    <message>
        <source>门牌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>业主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>专有面积（m²）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>专有部分受影响</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表决</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同一业主的多套房屋按一人计，面积相加（民法典第二百七十八条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>井道或连廊占用该业主专有部分时，须经该业主同意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表决统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>楼层 × 门牌（顶层在上）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} 层</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} 号门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{door}：业主 {owner}，{area} m²，{vote}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>专有部分受影响：须本人同意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改 {0} 的业主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>面积必须是正数：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改 {0} 的面积</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改 {0} 的专有部分受影响</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表决数据有误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表决统计模块不可用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参与表决的专有面积</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参与表决的人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同意的专有面积</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同意的人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实际</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>要求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>反对人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>专有部分受影响、尚未同意的业主：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>规则集：{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已满足全部表决条件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还需要：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
