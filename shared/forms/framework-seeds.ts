/**
 * The scored frameworks as the seeds print them (SPEC §4), with the seed units' own scores and inputs:
 * the blank templates a clerk fills (framework-entry.ts) are these with every judged value cleared,
 * and the printed scores are the worked examples the tests reproduce.
 *
 * Seed 000 (眉山市政务服务管理局 2023): 附件1.1 部门预算绩效评价指标体系 (DEPT_OVERALL_MS) and the
 * 专项预算项目绩效评价指标体系 of 附件2 (PROJECT_SPECIAL_MS, project 天府市民云(眉山)站点),
 * with weights and 自评得分 as printed; formulas condensed from the seed (SPEC §4.2, §4.4).
 * 附件2 prints the 个性指标 weight as "8%" (M-17); it is transcribed as 8.
 *
 * Seed 001 (益阳市大通湖区政务中心 2020): the 附件5 部门整体支出绩效自评指标计分表 (DEPT_OVERALL_DTH).
 * Its lost 一级 names are INFERRED as 投入 / 过程 (SPEC §4.5); its missing 二级 name (12分) stays null.
 */
import type { FrameworkItemJson, FrameworkJson } from './framework';

const OVERALL = { l1: '总体绩效', l1_weight: '65' } as const;
const PROJECT = { l1: '项目绩效', l1_weight: '35' } as const;

export const MS_FW1_SEED000: FrameworkJson = {
  framework: 'DEPT_OVERALL_MS',
  fiscal_year: 2023,
  title: '部门预算绩效评价指标体系',
  total_score: '95.78',
  items: [
    {
      ...OVERALL, l2: '履职效能', l2_weight: '19', l3: '数量指标履职效果;质量指标履职效果;时效指标履职效果;群众满意度履职效果', weight: '19', method: '比率分值法',
      explanation: '部门整体绩效目标中选定4-6个核心职能目标,反映该项职能目标完成效果情况',
      formula: '年终完成履职效果目标数量÷年初目标设置总数×100%×指标分值;履职效能总分为各项履职效果得分的和', self_score: '19',
    },
    {
      ...OVERALL, l2: '预算管理', l2_weight: '21', l3: '预算编制质量', weight: '8', method: '比率分值法',
      formula: '(1-财政拨款预算偏离度)×4+(1-资产配置预算偏离度)×2+(1-政府采购预算偏离度)×2;偏离度=|预算执行数-年初预算数|÷年初预算数', self_score: '7',
    },
    {
      ...OVERALL, l2: '预算管理', l2_weight: '21', l3: '支出执行进度', weight: '6', method: '比率分值法',
      formula: '1至6月执行数÷(部门预算数×50%)×2+(1-1至6月预警占比×0.8-1至6月违规占比×0.2)+1至10月执行数÷(部门预算数×83.33%)×2+(1-1至10月预警占比×0.8-1至10月违规占比×0.2)', self_score: '5.05',
    },
    { ...OVERALL, l2: '预算管理', l2_weight: '21', l3: '预算年终结余', weight: '2', method: '比率分值法', formula: '(1-部门整体预算结余率)×2', self_score: '2' },
    {
      ...OVERALL, l2: '预算管理', l2_weight: '21', l3: '严控一般性支出', weight: '5', method: '比率分值法',
      formula: '基础分值(年初预算较上年压减1分;预算执行较上年压减1分)+加分值(年初预算每压减1%得0.2分,≤1分;执行每压减1%得0.4分,≤2分)', self_score: '4',
    },
    { ...OVERALL, l2: '财务管理', l2_weight: '10', l3: '财务管理制度', weight: '4', method: '缺(错)项扣分法', formula: '已制定制度得2分;制度得到落实得2分', self_score: '4' },
    { ...OVERALL, l2: '财务管理', l2_weight: '10', l3: '财务岗位设置', weight: '2', method: '是否评分法', formula: '合理设岗且不相容岗位分离得2分,否则不得分', self_score: '2' },
    { ...OVERALL, l2: '财务管理', l2_weight: '10', l3: '资金使用规范', weight: '4', method: '缺(错)项扣分法', formula: '发现一处不符合扣1分,扣完为止', self_score: '4' },
    {
      ...OVERALL, l2: '资产管理', l2_weight: '9', l3: '人均资产变化率', weight: '3', method: '分级评分法', params: { N_a: '7.22', N_b: '6.76' },
      formula: '(a) X≤N 1.5;N<X≤1.2N 0.9;1.2N<X≤1.4N 0.6;X>1.4N 0.3。(b) X≤0 1.5;0<X≤N 0.9;N<X≤2N 0.6;X>2N 0', self_score: '3',
    },
    {
      ...OVERALL, l2: '资产管理', l2_weight: '9', l3: '资产利用率', weight: '3', method: '分级评分法', params: { N_furniture: '9.82', N_equipment: '40' },
      formula: 'X>N 1.5;0.8N<X≤N 0.9;0.6N<X≤0.8N 0.6;X≤0.6N 0.3(家具、设备各1.5分)', self_score: '3',
    },
    {
      ...OVERALL, l2: '资产管理', l2_weight: '9', l3: '资产盘活率', weight: '3', method: '分级评分法',
      formula: '闲置资产占比变化率<60% 2.4;60%-80% 1.8;80-100% 1.2;>100% 0;两年均无闲置资产或本年无闲置资产 3', self_score: '3',
    },
    { ...OVERALL, l2: '采购管理', l2_weight: '6', l3: '支持中小企业发展', weight: '3', method: '是否评分法', formula: '不符合要求的扣3分', self_score: '3' },
    {
      ...OVERALL, l2: '采购管理', l2_weight: '6', l3: '采购执行率', weight: '3', method: '比率分值法',
      formula: '当年政府采购实际支付总金额÷(当年政府采购总预算数-当年已完成采购项目节约金额)×3', self_score: '2.98',
    },
    { ...PROJECT, l2: '项目决策', l2_weight: '12', l3: '决策程序', weight: '4', method: '比率分值法', formula: '4-未履行事前评估程序的阶段项目(含一次性)数÷阶段项目总数×4', self_score: '4' },
    { ...PROJECT, l2: '项目决策', l2_weight: '12', l3: '目标设置', weight: '4', method: '比率分值法', formula: '4-目标与任务量、预算不匹配的项目数÷总数×4', self_score: '4' },
    { ...PROJECT, l2: '项目决策', l2_weight: '12', l3: '项目入库', weight: '4', method: '比率分值法', formula: '4-规定时间(9月30日)未入库项目数÷最终安排项目总数×4', self_score: '4' },
    { ...PROJECT, l2: '项目执行', l2_weight: '12', l3: '执行同向', weight: '4', method: '比率分值法', formula: '4-列支内容与目标方向不符项目数÷总数×4', self_score: '4' },
    { ...PROJECT, l2: '项目执行', l2_weight: '12', l3: '项目调整', weight: '4', method: '比率分值法', formula: '4-应采取未采取处置措施项目数÷应采取处置措施项目总数×4', self_score: '4' },
    {
      ...PROJECT, l2: '项目执行', l2_weight: '12', l3: '执行结果', weight: '4', method: '比率分值法',
      formula: '结余率<10%的常年项目数÷常年项目总数×2+结余率<10%的一次性和阶段项目数÷其总数×2', self_score: '2.75',
    },
    { ...PROJECT, l2: '目标实现', l2_weight: '11', l3: '目标完成', weight: '4', method: '比率分值法', formula: '完成数量指标的阶段项目(含一次性)数÷总数×4', self_score: '4' },
    { ...PROJECT, l2: '目标实现', l2_weight: '11', l3: '目标偏离', weight: '4', method: '比率分值法', formula: '偏离度≤30%的已完成数量指标个数÷已完成数量指标个数×4', self_score: '4' },
    { ...PROJECT, l2: '目标实现', l2_weight: '11', l3: '实现效果', weight: '3', method: '比率分值法', formula: '完成效益指标的阶段项目(含一次性)数÷总数×3', self_score: '3' },
    { l1: '扣分项', l1_weight: '10', l3: '预算绩效存在问题', is_deduction: true, method: '缺(错)项扣分法', formula: '每有一个问题点扣1分,扣完为止', self_score: '0' },
    { l1: '扣分项', l1_weight: '10', l3: '被评价部门配合度', is_deduction: true, method: '缺(错)项扣分法', formula: '每发现一次拒不配合扣1分,扣完为止', self_score: '0' },
  ],
};

const GENERAL = { l1: '通用指标', l1_weight: '54' } as const;
const SPECIAL = { l1: '专用指标', l1_weight: '30', alternative_group: '专用指标' } as const;

function special(alternative: string, l3: string, weight: string, self_score: string | null): FrameworkItemJson {
  return { ...SPECIAL, l2: alternative.replace(/\(.*\)$/, ''), l2_weight: '30', alternative, l3, weight, self_score };
}

export const MS_FW2_SEED000: FrameworkJson = {
  framework: 'PROJECT_SPECIAL_MS',
  fiscal_year: 2023,
  title: '专项预算项目绩效评价指标体系',
  total_score: '98',
  chosen: { 专用指标: '民生保障' },
  items: [
    { ...GENERAL, l2: '项目决策', l2_weight: '18', l3: '决策程序', weight: '6', method: '缺(错)项扣分法', self_score: '6' },
    { ...GENERAL, l2: '项目决策', l2_weight: '18', l3: '规划论证', weight: '6', method: '缺(错)项扣分法', self_score: '6' },
    { ...GENERAL, l2: '项目决策', l2_weight: '18', l3: '资金投向', weight: '6', method: '缺(错)项扣分法', self_score: '6' },
    { ...GENERAL, l2: '项目管理', l2_weight: '18', l3: '制度办法', weight: '2', method: '是否评分法', self_score: '2' },
    { ...GENERAL, l2: '项目管理', l2_weight: '18', l3: '分配管理', weight: '10', method: '缺(错)项扣分法', self_score: '10' },
    { ...GENERAL, l2: '项目管理', l2_weight: '18', l3: '绩效监管', weight: '6', method: '缺(错)项扣分法', self_score: '6' },
    { ...GENERAL, l2: '项目实施', l2_weight: '9', l3: '预算执行', weight: '6', method: '比率分值法', self_score: '6' },
    { ...GENERAL, l2: '项目实施', l2_weight: '9', l3: '资金使用', weight: '3', method: '缺(错)项扣分法', self_score: '3' },
    { ...GENERAL, l2: '项目结果', l2_weight: '9', l3: '目标完成', weight: '6', method: '比率分值法', self_score: '6' },
    { ...GENERAL, l2: '项目结果', l2_weight: '9', l3: '完成时效', weight: '3', method: '比率分值法', self_score: '3' },
    special('产业发展', '符合性', '10', '0'),
    special('产业发展', '成长性', '10', '0'),
    special('产业发展', '经济性', '10', '0'),
    special('民生保障', '区域均衡性', '10', '10'),
    special('民生保障', '对象精准性', '10', '10'),
    special('民生保障', '标准合理性', '5', '5'),
    special('民生保障', '群众满意度', '5', '5'),
    special('基础设施(在建项目)', '工程进度', '15', '0'),
    special('基础设施(在建项目)', '资金拨付', '15', '0'),
    special('基础设施(建成项目)', '项目验收', '10', '0'),
    special('基础设施(建成项目)', '功能实现', '10', '0'),
    special('基础设施(建成项目)', '后续管护', '10', '0'),
    special('行政运转', '用途合规性', '10', null),
    special('行政运转', '程序合规性', '10', null),
    special('行政运转', '标准合规性', '10', null),
    { l1: '个性指标', l1_weight: '16', l3: '运营第三年超到50万注册用户', weight: '8', method: '是否评分法', self_score: '8' },
    {
      l1: '个性指标', l1_weight: '16', l3: '服务对象满意度指标', weight: '8', method: '比率分值法',
      scoring_notes: '服务对象满意度指标100%得8分,95%以上得6分,90%以上得4分,85%以上得2分,85%以下不得分。',
      rule: { type: 'tiers_min', measure: { num: ['满意度'], den: [] }, tiers: [['100', '8'], ['95', '6'], ['90', '4'], ['85', '2']], otherwise: '0' },
      // 95 %: the 满意度 完成值 of the same project's 自评表 (seed 000 附件1.2, 天府市民云).
      inputs: { 满意度: '95' },
      remark: '分值印为“8%”',
      self_score: '6',
    },
    { l1: '扣分项', l1_weight: '10', l3: '绩效管理存在问题', is_deduction: true, method: '缺(错)项扣分法', self_score: '0' },
    { l1: '扣分项', l1_weight: '10', l3: '被评价部门配合度', is_deduction: true, method: '缺(错)项扣分法', self_score: '0' },
  ],
};

/** 附件5 计分表. Rules are declared where the 评价标准 is computable; inputs come from the seed's own tables (S-9). */
export const DTH_SCORE_TABLE_SEED001: FrameworkJson = {
  framework: 'DEPT_OVERALL_DTH',
  fiscal_year: 2020,
  title: '2020年部门整体支出绩效自评指标计分表',
  total_score: '90',
  items: [
    {
      l1: '投入', l1_weight: '15', l2: '预算配置', l2_weight: '15', l3: '在职人员控制率', weight: '7',
      scoring_notes: '100%为标准。在职人员控制率≦100%,计7分;每超过一个百分点扣0.2分,扣完为止。',
      formula: '在职人员控制率=(在职人员数/编制数)×100%',
      rule: { type: 'over_threshold', measure: { num: ['在职人员数'], den: ['编制数'] }, threshold: '100', per_pp: '0.2' },
      inputs: { 在职人员数: '6', 编制数: '7' },
      self_score: '7',
    },
    {
      l1: '投入', l1_weight: '15', l2: '预算配置', l2_weight: '15', l3: '“三公经费”变动率', weight: '8',
      scoring_notes: '“三公经费”变动率≦0,计8分;“三公经费”>0,每超过一个百分点扣0.8分,扣完为止。',
      formula: '“三公经费”变动率=[(本年度“三公经费”预算数-上年度“三公经费”预算数)/上年度“三公经费”预算数]×100%',
      rule: { type: 'over_threshold', measure: { num: ['本年预算数', '-上年预算数'], den: ['上年预算数'] }, threshold: '0', per_pp: '0.8' },
      inputs: { 上年预算数: '20', 本年预算数: '18' },
      self_score: '8',
    },
    {
      l1: '过程', l1_weight: '50', l2: '预算执行', l2_weight: '20', l3: '预算完成率', weight: '5',
      scoring_notes: '100%计满分,每低于5%扣2分,扣完为止。',
      formula: '预算完成率=(上年结转+年初预算+本年追加预算-年末结余/上年结转+年初预算+本年追加预算)×100%',
      rule: { type: 'under_steps', measure: { num: ['上年结转', '年初预算', '本年追加预算', '-年末结余'], den: ['上年结转', '年初预算', '本年追加预算'] }, full: '100', step: '5', per: '2' },
      inputs: { 上年结转: '5.35', 年初预算: '149.03', 本年追加预算: '444.96', 年末结余: '20.40' },
      self_score: '5',
    },
    {
      l1: '过程', l1_weight: '50', l2: '预算执行', l2_weight: '20', l3: '预算控制率', weight: '5',
      scoring_notes: '预算控制率=0,计5分;0-10%(含),计4分;10-20%(含),计3分;20-30%(含),计2分;大于30%不得分',
      formula: '预算控制率=(本年追加预算/年初预算)×100%',
      rule: { type: 'tiers_max', measure: { num: ['本年追加预算'], den: ['年初预算'] }, tiers: [['0', '5'], ['10', '4'], ['20', '3'], ['30', '2']], otherwise: '0' },
      inputs: { 本年追加预算: '444.96', 年初预算: '149.03' },
      self_score: '0',
    },
    {
      l1: '过程', l1_weight: '50', l2: '预算执行', l2_weight: '20', l3: '新建楼堂馆所面积控制率', weight: '5',
      scoring_notes: '100%以下(含)计满分,每超出5%扣2分,扣完为止。没有楼梯馆所项目的部门按满分计算',
      formula: '楼堂馆所面积控制率=实际建设面积/批准建设面积×100%',
      rule: { type: 'over_steps', measure: { num: ['实际建设面积'], den: ['批准建设面积'] }, threshold: '100', step: '5', per: '2' },
      self_score: '5',
    },
    {
      l1: '过程', l1_weight: '50', l2: '预算执行', l2_weight: '20', l3: '新建楼堂馆所投资概算控制率', weight: '5',
      scoring_notes: '100%以下(含)计满分,每超出5%扣2分,扣完为止。',
      formula: '楼堂馆所投资预算控制率=实际投资金额/批准投资金额×100%',
      rule: { type: 'over_steps', measure: { num: ['实际投资金额'], den: ['批准投资金额'] }, threshold: '100', step: '5', per: '2' },
      self_score: '5',
    },
    {
      l1: '过程', l1_weight: '50', l2: '预算管理', l2_weight: '30', l3: '公用经费控制率', weight: '7',
      scoring_notes: '100%以下(含)计满分,每超出1%扣1分,扣完为止。',
      formula: '公用经费控制率=(实际支出公用经费总额/预算安排公用经费总额)×100%',
      rule: { type: 'over_threshold', measure: { num: ['实际支出公用经费总额'], den: ['预算安排公用经费总额'] }, threshold: '100', per_pp: '1' },
      self_score: '2',
    },
    {
      l1: '过程', l1_weight: '50', l2: '预算管理', l2_weight: '30', l3: '“三公经费”控制率', weight: '8',
      scoring_notes: '100%以下(含)计满分,每超出1%扣1分,扣完为止。',
      formula: '“三公经费”控制率=(“三公经费”实际支出数/“三公经费”预算安排数)×100%',
      rule: { type: 'over_threshold', measure: { num: ['“三公经费”实际支出数'], den: ['“三公经费”预算安排数'] }, threshold: '100', per_pp: '1' },
      inputs: { '“三公经费”实际支出数': '5.52', '“三公经费”预算安排数': '18' },
      self_score: '8',
    },
    {
      l1: '过程', l1_weight: '50', l2: '预算管理', l2_weight: '30', l3: '管理制度健全性', weight: '8',
      scoring_notes: '每出现一例不符合要求的扣2分,扣完为止。',
      rule: { type: 'per_case', input: '不符合要求例数', per: '2' },
      self_score: '8',
    },
    {
      l1: '过程', l1_weight: '50', l2: '预算管理', l2_weight: '30', l3: '资金使用合规性', weight: '5',
      scoring_notes: '每出现一例不符合要求的扣1分,扣完为止。',
      rule: { type: 'per_case', input: '不符合要求例数', per: '1' },
      self_score: '5',
    },
    {
      l1: '过程', l1_weight: '50', l2: '预算管理', l2_weight: '30', l3: '预决算信息公开性', weight: '2',
      scoring_notes: '每出现一例不符合要求的扣1分,扣完为止。',
      rule: { type: 'per_case', input: '不符合要求例数', per: '1' },
      self_score: '2',
    },
    {
      l1: '产出及效率', l1_weight: '35', l2: '职责履行', l2_weight: '8', l3: '目标任务实际完成率', weight: '8',
      scoring_notes: '该项得分=(年度综合目标管理考核得分/总分)*8',
      rule: { type: 'ratio', measure: { num: ['年度综合目标管理考核得分'], den: ['总分'] } },
      self_score: '8',
    },
    {
      l1: '产出及效率', l1_weight: '35', l2: '履职效益', l2_weight: '15', l3: '经济效益、社会效益、生态效益', weight: '15',
      params: { 经济效益: '5', 社会效益: '5', 生态效益: '5' },
      scoring_notes: '此三项指标为设置部门整体支出绩效评价指标时必须考虑的要素,可根据部门实际情况有选择的进行设置,并将其细化为相应的个性化指标。',
      remark: '经济效益的分值印为“5人”',
      self_score: '15',
    },
    {
      l1: '产出及效率', l1_weight: '35', l2: null, l2_weight: '12', l3: '行政效能', weight: '6',
      scoring_notes: '促进部门改进文风会风,加强经费及资产管理,推动网上办事,提高行政效率,降低行政成本效果较好的计6分;一般3分;无效果或者效果不明显0分。',
      rule: { type: 'choice', input: '效果', options: { 较好: '6', 一般: '3', 无效果或者效果不明显: '0' } },
      self_score: '6',
    },
    {
      l1: '产出及效率', l1_weight: '35', l2: null, l2_weight: '12', l3: '社会公众或服务对象满意度', weight: '6',
      scoring_notes: '90%(含)以上计6分;80%(含)-90%,计4分;70%(含)-80%,计2分;低于70%计0分。',
      rule: { type: 'tiers_min', measure: { num: ['满意度'], den: [] }, tiers: [['90', '6'], ['80', '4'], ['70', '2']], otherwise: '0' },
      self_score: '6',
    },
  ],
};
