import { lessonLengthSeconds, type LessonKind, type StudyMode } from '@kaimen/shared';
import { lessonItem, topicItem, type LessonRecord, type TopicRecord } from '../../functions/src/study/content-store';
import { createPlan, getPlan } from '../../functions/src/study/plan-store';
import { sanitizeArticle } from '../../functions/src/study/sanitize';

/**
 * Demo study content (written for this demo, all invented): three topics published by the province
 * and a study plan for the demo branch. Audio lessons carry no media file (the demo downloads
 * nothing); their player says so and their length is the stated duration.
 */
type DemoLesson = [id: string, title: string, kind: LessonKind, mode: StudyMode, body: string, durationSeconds?: number];

const p = (...paras: string[]) => paras.map((x) => `<p>${x}</p>`).join('');

const demoTopics: { id: string; title: string; summary: string; lessons: DemoLesson[] }[] = [
  {
    id: 'demo-topic-rule-of-law',
    title: '法治为民 初心如磐',
    summary: '围绕“司法行政为民”开展集中学习：读原文、听领读、谈体会，把学习成效体现在窗口服务中。',
    lessons: [
      ['demo-lesson-rl-1', '读原文：把群众的事当成自己的事', 'article', 'self_study', p(
        '司法行政工作面对的是一件件具体的“小事”：一份公证、一次调解、一通热线电话。对群众来说，这些小事就是大事。',
        '学习原文，要读懂其中的人民立场：办事先想群众难不难，流程先看群众烦不烦，结果先问群众满不满意。',
        '请结合本岗位，想一想：群众最近一次在我们窗口等了多久？有没有让群众多跑一趟？',
      )],
      ['demo-lesson-rl-2', '原文领读：依法办事与热情服务', 'audio', 'lecture', p(
        '本课为原文领读音频，由支部书记领读，时长约三分钟。建议边听边在笔记本上记下触动自己的句子。',
        '（演示数据未附音频文件，正式使用时由管理员上传录音地址。）',
      ), 180],
      ['demo-lesson-rl-3', '专家解读：公证执业中的诚信底线', 'article', 'expert', p(
        '公证的生命在于真实与合法。专家提示，最容易出问题的环节往往不是复杂的疑难案件，而是日常中“差不多就行”的核对。',
        '一是身份核实不走过场；二是告知义务讲清讲透；三是材料留存完整可查。每一个环节都守住了，公信力才有底气。',
        '学习后请对照近期办理的三件业务，逐项自查。',
      )],
    ],
  },
  {
    id: 'demo-topic-red-stories',
    title: '红色故事天天听',
    summary: '每天一个红色故事，五分钟听完。在通勤路上、午休片刻，让初心常温常新。',
    lessons: [
      ['demo-lesson-rs-1', '一盏马灯照山路', 'audio', 'event', p(
        '讲述一名山区基层法律工作者三十年走村入户、为乡亲调解纠纷的故事。',
        '（演示数据未附音频文件。）',
      ), 300],
      ['demo-lesson-rs-2', '一封迟到的感谢信', 'article', 'sharing', p(
        '一位老人把一封感谢信送到公证处时，距离那次上门办证已经过去了两年。信里只有一句话：“你们没嫌我腿脚慢。”',
        '支部把这封信放在了晨读时间分享。大家说，群众记住的往往不是我们办了多少件，而是我们有没有把他们放在心上。',
      )],
      ['demo-lesson-rs-3', '读书班：《红岩》选读', 'video', 'reading_class', p(
        '本课为读书班影视研学内容，观看后在支部读书班上交流心得。',
        '（演示数据未附视频文件。）',
      ), 600],
    ],
  },
  {
    id: 'demo-topic-branch',
    title: '支部书记领学 · 本月主题',
    summary: '支部书记围绕本月主题领学，党员每日晨读十分钟并分享学习心得。',
    lessons: [
      ['demo-lesson-br-1', '书记领学：把支部建在业务链上', 'article', 'secretary_led', p(
        '律师事务所、公证处、司法鉴定机构人员分散、业务繁忙，支部工作更要和业务结合起来。',
        '本月领学提出三个做法：业务例会前十分钟学习，疑难案件中党员先上，服务评价中党员亮身份。',
      )],
      ['demo-lesson-br-2', '巡回指导：学习台账怎么记', 'article', 'inspection', p(
        '巡回指导组在检查中发现，有的支部学习记录只写“已学习”，看不出学了什么、谁参加、有什么收获。',
        '规范的学习记录应当写清学习内容、学习形式、参加人员和交流发言要点，线上学习由系统自动记入档案。',
      )],
      ['demo-lesson-br-3', '年度评学：学习积分怎么算', 'article', 'evaluation', p(
        '学习积分按活动类型累计：阅读图文、收听音视频、学习时长、心得分享和集中学习分别计分，每类每天设有上限。',
        '积分和课程完成情况一并记入个人学习档案，作为年度考评的参考。',
      )],
    ],
  },
];

/** Seeds the demo topics, their lessons and a plan for the demo branch; existing items are left alone. */
export async function seedStudy(
  putNew: (item: Record<string, unknown>) => Promise<boolean>, now: Date, orgPaths: Map<string, string>,
): Promise<number> {
  let written = 0;
  const createdAt = now.toISOString();
  const root = orgPaths.get('jn')!;
  for (const [ti, t] of demoTopics.entries()) {
    const topic: TopicRecord = {
      id: t.id, title: t.title, summary: t.summary, orgId: 'jn', orgPath: root, order: ti * 10, published: true,
      lessonCount: t.lessons.length, createdAt, updatedAt: createdAt,
    };
    if (await putNew(topicItem(topic))) written++;
    for (const [li, [id, title, kind, mode, body, durationSeconds]] of t.lessons.entries()) {
      const base = { kind, body: await sanitizeArticle(body), ...(durationSeconds ? { durationSeconds } : {}) };
      const lesson: LessonRecord = {
        id, topicId: t.id, title, mode, ...base, order: li * 10, published: true,
        lengthSeconds: lessonLengthSeconds(base), createdAt, updatedAt: createdAt,
      };
      if (await putNew(lessonItem(lesson))) written++;
    }
  }
  const planId = 'demo-plan-lj-dh-gz-b1';
  if (!(await getPlan(planId))) {
    await createPlan({
      id: planId, title: '本季度专题学习计划', requirements: '完成“法治为民 初心如磐”和“支部书记领学”两个专题的全部课程，每人至少提交一篇学习心得。',
      topicIds: ['demo-topic-rule-of-law', 'demo-topic-branch'], orgIds: ['lj-dh-gz-b1'],
      deadline: new Date(now.getTime() + 30 * 86_400_000).toISOString(), ownerOrgId: 'lj-dh-gz-b1', createdAt,
      ownerOrgPath: orgPaths.get('lj-dh-gz-b1')!, targetPaths: [orgPaths.get('lj-dh-gz-b1')!],
    });
    written++;
  }
  return written;
}
