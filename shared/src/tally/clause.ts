/**
 * The key clause of a suggestion, fit to be published as (part of) a checklist title: a short clause
 * of the writer's own words that names the problem, with no personal data — never a name, a phone or
 * ID number, an e-mail, an account or a house number. A clause that carries any is not used at all
 * (redacting inside a clause leaves fragments); when every clause does, there is none.
 */

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const HONORIFICS =
  '先生|女士|小姐|老师|师傅|大爷|大妈|大娘|大姐|大哥|阿姨|叔叔|奶奶|爷爷|老人|律师|主任|科长|所长|处长|局长|队长|警官|同志|经理|医生|法官|调解员|公证员|鉴定人|鉴定师|书记|站长|干部|社工|专员|工作人员|姐|哥|某';
const NAME_CONTEXT = new RegExp(
  [
    // "我叫…", "联系人：…", "姓名…", "签名…"
    '(?:我叫|我是|本人|联系人|姓名|名字|叫做|签名|署名|落款|当事人|申请人|委托人)',
    // 王律师, 张建国先生, 李某, 赵姐
    `[${SURNAMES}]\\p{Script=Han}{0,2}(?:${HONORIFICS})`,
    // 小王, 老李
    `(?:小|老|阿)[${SURNAMES}]`,
  ].join('|'),
  'u',
);
/** Digits (phones, IDs, house and case numbers, dates) and Latin runs (e-mail, WeChat ids); 12348 is the hotline's name. */
const NUMBER_OR_ACCOUNT = /@|[a-z0-9_.-]*\d[a-z0-9_.-]*|[a-z_]{5,}/giu;
const ADDRESS = /(?:\p{Script=Han}{1,8}(?:小区|花园|公寓|大厦|村|组|号楼|栋|单元|室))/u;

const CLAUSE_SPLIT = /[，。！？；,.!?;:：、…~～\n\r\t（）()【】[\]《》“”"'‘’]+|\s{1,}/u;
const LEADING_FILLER = /^(?:你好|您好|领导好|各位领导|领导|同志们|我觉得|我认为|我想说|我想问|我想反映|想反映|反映一下|反映个|反映|请问|说实话|说句实话|其实|另外|还有就是|还有|然后|但是|可是|就是|而且|总之|总的来说|个人觉得|我个人|感觉|哎|唉|啊|嗯)+/u;
const PLEASANTRY = /^(?:谢谢|感谢|辛苦|麻烦|拜托|祝|希望领导重视|望采纳|请重视|此致|敬礼)/u;

const TITLE_CLAUSE_MAX = 18;
/** Problems are said with negations and judgements. */
const PROBLEM = /不|没|难|慢|贵|乱|差|太|无法|不能|只能|缺|少|长|久|多|坏|错/u;

export interface KeyClause {
  text: string;
  score: number;
}

/** True when a piece of text carries anything that may identify a person. */
export function hasPersonalData(text: string): boolean {
  const t = text.normalize('NFKC');
  if (NAME_CONTEXT.test(t) || ADDRESS.test(t)) return true;
  for (const m of t.matchAll(NUMBER_OR_ACCOUNT)) if (m[0] !== '12348') return true;
  return false;
}

/**
 * The clause of `content` that best says what it is about: the one naming the most of `terms` (the
 * tally's lexicon terms for the text), of a title's length, without personal data. A clause too short
 * to stand alone takes the clause after it ("午间不办公，上班族办事难").
 */
export function keyClause(content: string, terms: readonly string[] = []): KeyClause | undefined {
  const normal = content.normalize('NFKC');
  const clauses = normal.split(CLAUSE_SPLIT).map(tidy).filter((c) => c.length > 0);
  // A name given once with its context ("联系人：王建") may recur bare elsewhere ("王建你好").
  const names = namesIn(normal);
  let best: KeyClause | undefined;
  const consider = (text: string, bonus: number) => {
    if (!usable(text) || names.some((n) => text.includes(n))) return;
    const score = scoreOf(text, terms) + bonus;
    if (!best || score > best.score) best = { text: clip(text), score };
  };
  for (let i = 0; i < clauses.length; i++) {
    const text = clauses[i] as string;
    consider(text, 0);
    // Two short clauses that both say what is wrong read as one ledger line.
    const next = clauses[i + 1];
    if (next && [...`${text}，${next}`].length <= TITLE_CLAUSE_MAX && PROBLEM.test(text) && PROBLEM.test(next) && usable(next)) consider(`${text}，${next}`, 2);
  }
  return best;
}

const NAME_AFTER = /(?:我叫|我是|本人|联系人|姓名|名字|叫做|签名|署名|落款|当事人|申请人|委托人)(?:是|叫|为)?[:：\s]*(\p{Script=Han}{2,3})/gu;
const NAME_BEFORE = new RegExp(`([${SURNAMES}]\\p{Script=Han}{1,2})(?:${HONORIFICS})`, 'gu');

/** Names a text gives with their context, and their first two characters (surname and given name). */
function namesIn(text: string): string[] {
  const out = new Set<string>();
  for (const re of [NAME_AFTER, NAME_BEFORE]) {
    for (const m of text.matchAll(re)) {
      const name = m[1] as string;
      if (!SURNAMES.includes(name[0] as string)) continue;
      out.add(name);
      out.add(name.slice(0, 2));
    }
  }
  return [...out];
}

function tidy(clause: string): string {
  return clause.replace(/[^\p{Script=Han}\p{L}\p{N}，]/gu, '').replace(LEADING_FILLER, '');
}

function usable(text: string): boolean {
  const n = [...text].length;
  return n >= 4 && /\p{Script=Han}/u.test(text) && !PLEASANTRY.test(text) && !hasPersonalData(text);
}

function scoreOf(text: string, terms: readonly string[]): number {
  const n = [...text].length;
  let score = 0;
  for (const t of terms) if (t.length > 1 && text.includes(t)) score += 3;
  if (n >= 6 && n <= TITLE_CLAUSE_MAX) score += 2;
  else if (n > 30) score -= 2;
  if (PROBLEM.test(text)) score += 1;
  return score;
}

// Made on first use: ICU's Chinese word segmenter takes ~15 ms to build, and the checklist function loads
// this module for every list (keywords) while only some requests segment anything.
let icuWords: Intl.Segmenter | undefined;
const segmenter = () => (icuWords ??= new Intl.Segmenter('zh', { granularity: 'word' }));

/** Clips at a word boundary (never half a word), without an ellipsis: titles are whole phrases. */
function clip(text: string): string {
  if ([...text].length <= TITLE_CLAUSE_MAX) return text;
  let out = '';
  for (const { segment } of segmenter().segment(text)) {
    if ([...out + segment].length > TITLE_CLAUSE_MAX) break;
    out += segment;
  }
  return out.replace(/，$/u, '');
}

/** Words of a clause for keywords (two characters or more, not function words). */
export function clauseWords(text: string): string[] {
  return [...segmenter().segment(text)]
    .filter((s) => s.isWordLike && [...s.segment].length >= 2 && !STOP.has(s.segment))
    .map((s) => s.segment);
}

const STOP = new Set(['我们', '你们', '他们', '这个', '那个', '什么', '怎么', '因为', '所以', '但是', '如果', '还是', '就是', '一个', '可以', '希望', '建议', '觉得', '没有', '现在', '时候', '已经', '非常', '比较', '还有', '这样', '那么', '自己', '大家']);
