import { defaultTypePoints, validateBankRows } from '@kaimen/shared';
import { putNew } from './put-new';
import { bankItem, fingerprintHash, fingerprintItem, questionItem, type QuestionRecord } from '../../functions/src/quiz/bank-store';
import { quizItem, quizTargetItem, type QuizRecord } from '../../functions/src/quiz/quiz-store';

/** A small demo bank (题库) and one open quiz for the demo branch's city, so `npm run dev` has something to take. */
export const demoBankId = 'qb-demo-lj';
export const demoQuizId = 'quiz-demo-lj';

const header = ['type', 'stem', 'optionA', 'optionB', 'optionC', 'optionD', 'optionE', 'optionF', 'answer', 'explanation', 'tags'];
const rows: string[][] = [
  ['single', '全国统一的公共法律服务热线号码是？', '12345', '12315', '12368', '12348', '', '', 'D', '12348 是公共法律服务热线；12345 为政务服务便民热线。', '公共法律服务'],
  ['single', '“三会一课”中的“一课”是指？', '按时上好党课', '业务培训课', '法治宣传课', '专题讲座', '', '', 'A', '“三会一课”即支部党员大会、支部委员会、党小组会和按时上好党课。', '组织生活'],
  ['single', '《中华人民共和国法律援助法》自何时起施行？', '2020年1月1日', '2021年1月1日', '2022年1月1日', '2023年1月1日', '', '', 'C', '法律援助法自 2022 年 1 月 1 日起施行。', '法律援助'],
  ['single', '法律援助机构应当自收到申请之日起多少日内作出是否给予法律援助的决定？', '7日', '10日', '15日', '30日', '', '', 'A', '法律援助法规定审查期限为七日。', '法律援助'],
  ['multiple', '下列哪些属于司法行政机关的工作？', '法律援助', '公证管理', '人民调解', '天气预报', '', '', 'ABC', '天气预报不属于司法行政工作。', '司法行政'],
  ['multiple', '“亮身份、亮承诺、亮岗牌”中的“三亮”包括？', '亮身份', '亮承诺', '亮岗牌', '亮业绩', '', '', 'ABC', '“三亮”即亮身份、亮承诺、亮岗牌。', '党员先锋'],
  ['judge', '党支部是党的基础组织。', '', '', '', '', '', '', '对', '党章规定，党支部是党的基础组织。', '党章'],
  ['judge', '人民调解委员会调解民间纠纷可以收取费用。', '', '', '', '', '', '', '错', '人民调解委员会调解民间纠纷不收取任何费用。', '人民调解'],
  ['judge', '公证机构办理公证应当遵守客观、公正的原则。', '', '', '', '', '', '', '对', '公证法规定公证机构办理公证应当遵守法律，坚持客观、公正的原则。', '公证'],
];

/** Seeds the demo bank and quiz; ids are fixed, so seeding again writes nothing. Returns the items written. */
export async function seedQuiz(orgPaths: Map<string, string>, now: Date): Promise<number> {
  const createdAt = now.toISOString();
  const orgId = 'lj';
  const orgPath = orgPaths.get(orgId)!;
  let written = 0;
  if (await putNew(bankItem({ id: demoBankId, title: '司法行政党建知识题库（示例）', orgId, orgPath, createdBy: 'seed', createdAt }))) written++;
  const { questions, errors } = validateBankRows([header, ...rows]);
  if (errors.length) throw new Error(`demo bank: ${JSON.stringify(errors)}`);
  for (const [i, q] of questions.entries()) {
    const { row: _row, ...content } = q;
    const record: QuestionRecord = { id: `qd-${String(i + 1).padStart(2, '0')}`, bankId: demoBankId, ...content, fingerprint: fingerprintHash(content), version: 1, createdAt, updatedAt: createdAt };
    if (await putNew(questionItem(record))) written++;
    if (await putNew(fingerprintItem(demoBankId, record.fingerprint, record.id))) written++;
  }
  const day = 86_400_000;
  const quiz: QuizRecord = {
    id: demoQuizId, title: '党建和法律服务知识小测试', description: '共 6 题，限时 10 分钟，可作答 2 次，取最高分。交卷后即可查看答案解析。',
    bankId: demoBankId, topicId: null, orgId, orgPath, orgIds: [orgId], targetPaths: [orgPath],
    draw: { single: 3, multiple: 1, judge: 2 }, questionIds: null, points: defaultTypePoints, questionCount: 6,
    maxScore: 3 * defaultTypePoints.single + defaultTypePoints.multiple + 2 * defaultTypePoints.judge, passScore: 7,
    timeLimitSeconds: 600, attemptsAllowed: 2, scoreRule: 'best', reviewPolicy: 'immediate',
    opensAt: new Date(now.getTime() - day).toISOString(), closesAt: new Date(now.getTime() + 60 * day).toISOString(),
    onlineWeight: 0.6, offlineMaxScore: 100, createdBy: 'seed', createdAt,
  };
  if (await putNew(quizItem(quiz))) written++;
  if (await putNew(quizTargetItem(quiz, orgId))) written++;
  return written;
}
