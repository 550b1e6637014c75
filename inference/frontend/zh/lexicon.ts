/**
 * Word readings that override pinyin-pro's: neutral tones its dictionary lacks and polyphones it gets wrong
 * (measured on the test table in tests/unit/zh). Lexical tones; sandhi is applied afterwards in code,
 * except where the surface tone is lexicalised (哪里 nálǐ, 小姐 xiáojie: a 3-3 pair whose second syllable
 * became neutral, so no rule could derive it).
 */
export const WORD_READINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // neutral-tone second syllables
    东西: "dong1 xi5", 地方: "di4 fang5", 时候: "shi2 hou5", 朋友: "peng2 you5", 先生: "xian1 sheng5",
    明白: "ming2 bai5", 知道: "zhi1 dao5", 告诉: "gao4 su5", 事情: "shi4 qing5", 舒服: "shu1 fu5",
    麻烦: "ma2 fan5", 意思: "yi4 si5", 关系: "guan1 xi5", 客气: "ke4 qi5", 消息: "xiao1 xi5",
    月亮: "yue4 liang5", 玻璃: "bo1 li5", 葡萄: "pu2 tao5", 眼睛: "yan3 jing5", 脑袋: "nao3 dai5",
    多少: "duo1 shao5", 商量: "shang1 liang5", 打听: "da3 ting5", 收拾: "shou1 shi5", 热闹: "re4 nao5",
    清楚: "qing1 chu5", 姑娘: "gu1 niang5", 谢谢: "xie4 xie5", 窗户: "chuang1 hu5", 丈夫: "zhang4 fu5",
    媳妇: "xi2 fu5", 学生: "xue2 sheng5", 干净: "gan1 jing5", 规矩: "gui1 ju5", 钥匙: "yao4 shi5",
    那里: "na4 li5", 这里: "zhe4 li5", 哪里: "na2 li5", 小姐: "xiao2 jie5", 喜欢: "xi3 huan5",
    // 得
    值得: "zhi2 de5", 只得: "zhi3 de2", 长得: "zhang3 de5", 舍不得: "she3 bu5 de5", 怪不得: "guai4 bu5 de5",
    恨不得: "hen4 bu5 de5", 巴不得: "ba1 bu5 de5", 了不得: "liao3 bu5 de5", 顾不得: "gu4 bu5 de5",
    不见得: "bu4 jian4 de5",
    // 重 (again) / 长 (grow, chief) / 还 (give back)
    重写: "chong2 xie3", 重做: "chong2 zuo4", 重组: "chong2 zu3", 重装: "chong2 zhuang1", 重复: "chong2 fu4",
    长高: "zhang3 gao1", 处长: "chu4 zhang3", 还钱: "huan2 qian2", 还书: "huan2 shu1", 还给: "huan2 gei3", 数一数: "shu3 yi5 shu3",
    // 空 kòng (free time)
    有空: "you3 kong4", 没空: "mei2 kong4", 空儿: "kong4 er5",
    // others
    没关系: "mei2 guan1 xi5",
    好好: "hao3 hao3", 好好学习: "hao3 hao3 xue2 xi2", 用不着: "yong4 bu5 zhao2",
  }),
);

/** 儿 ending these words is a full syllable (a child, a person), not the erhua suffix. */
export const FULL_ER_WORDS: ReadonlySet<string> = new Set([
  "女儿", "婴儿", "孤儿", "幼儿", "健儿", "宠儿", "男儿", "胎儿", "患儿", "少儿", "孙儿", "新生儿", "早产儿",
  "混血儿", "弃儿", "儿", "孩儿", "妻儿", "儿女",
]);

/** 子 ending these words keeps its full third tone (literary or technical senses); elsewhere it is neutral. */
export const FULL_ZI_WORDS: ReadonlySet<string> = new Set([
  "孔子", "孟子", "老子", "庄子", "原子", "电子", "分子", "量子", "质子", "中子", "离子", "因子", "粒子", "君子",
  "男子", "女子", "游子", "学子", "才子", "天子", "太子", "王子", "公子", "弟子", "赤子", "瓜子", "莲子", "棋子",
  "长子", "独生子", "父子", "母子", "仙子", "孝子", "浪子", "臣子", "夫子", "松子", "光子", "精子", "卵子",
]);
