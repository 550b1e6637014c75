// Expected pinyin is the surface reading a native speaker produces (tone after sandhi, 5 = neutral,
// a trailing r = erhua), written by hand from the standard pronunciation, not copied from the code.
import { describe, expect, it } from "vitest";
import { normalizeChinese } from "../../../inference/frontend/zh/chineseNormalizer";
import { pinyinString } from "../../../inference/frontend/zh/pinyin";

const read = (text: string): string => pinyinString(normalizeChinese(text));

const POLYPHONES: ReadonlyArray<[string, string]> = [
  // 行 xíng / háng
  ["银行", "yin2 hang2"],
  ["我们一起去银行", "wo3 men5 yi4 qi3 qu4 yin2 hang2"],
  ["行不行", "xing2 bu5 xing2"],
  ["自行车", "zi4 xing2 che1"],
  ["行业", "hang2 ye4"],
  ["旅行", "lv3 xing2"],
  ["两行字", "liang3 hang2 zi4"],
  ["银行行长", "yin2 hang2 hang2 zhang3"],
  ["说行就行", "shuo1 xing2 jiu4 xing2"],
  // 长 cháng / zhǎng
  ["长大以后", "zhang3 da4 yi3 hou4"],
  ["班长", "ban1 zhang3"],
  ["头发很长", "tou2 fa5 hen3 chang2"],
  ["他长得很高", "ta1 zhang3 de5 hen3 gao1"],
  ["长城", "chang2 cheng2"],
  ["校长", "xiao4 zhang3"],
  ["成长", "cheng2 zhang3"],
  // 重 zhòng / chóng
  ["重要", "zhong4 yao4"],
  ["重复", "chong2 fu4"],
  ["重新开始", "chong2 xin1 kai1 shi3"],
  ["这个箱子很重", "zhe4 ge5 xiang1 zi5 hen3 zhong4"],
  ["你要重写", "ni3 yao4 chong2 xie3"],
  ["重庆", "chong2 qing4"],
  ["体重", "ti3 zhong4"],
  // 了 le / liǎo
  ["我吃了饭了", "wo3 chi1 le5 fan4 le5"],
  ["了解", "liao2 jie3"],
  ["受不了", "shou4 bu5 liao3"],
  ["太好了", "tai4 hao3 le5"],
  ["了不起", "liao3 bu5 qi3"],
  // 还 hái / huán
  ["他还没还钱", "ta1 hai2 mei2 huan2 qian2"],
  ["还是", "hai2 shi4"],
  ["还书", "huan2 shu1"],
  ["我还要", "wo3 hai2 yao4"],
  ["归还", "gui1 huan2"],
  ["他还给我一本书", "ta1 huan2 gei2 wo3 yi4 ben3 shu1"],
  // 得 de / dé / děi
  ["他跑得很快", "ta1 pao3 de5 hen3 kuai4"],
  ["你得好好学习", "ni2 dei3 hao2 hao3 xue2 xi2"],
  ["我得了第一名", "wo3 de2 le5 di4 yi1 ming2"],
  ["觉得", "jue2 de5"],
  ["得到", "de2 dao4"],
  ["值得", "zhi2 de5"],
  ["这个办法行得通", "zhe4 ge5 ban4 fa3 xing2 de5 tong1"],
  ["你说得对", "ni3 shuo1 de5 dui4"],
  ["她唱得特别好听", "ta1 chang4 de5 te4 bie2 hao3 ting1"],
  ["获得者", "huo4 de2 zhe3"],
  // 地 de / dì
  ["慢慢地走", "man4 man4 de5 zou3"],
  ["在地上", "zai4 di4 shang4"],
  ["他开心地笑了", "ta1 kai1 xin1 de5 xiao4 le5"],
  ["他高兴地跑了", "ta1 gao1 xing4 de5 pao3 le5"],
  // other common polyphones
  ["音乐", "yin1 yue4"],
  ["快乐", "kuai4 le4"],
  ["睡觉", "shui4 jiao4"],
  ["头发", "tou2 fa5"],
  ["发现", "fa1 xian4"],
  ["便宜", "pian2 yi5"],
  ["方便", "fang1 bian4"],
  ["爱好", "ai4 hao4"],
  ["他教我们数学", "ta1 jiao1 wo3 men5 shu4 xue2"],
  ["教室", "jiao4 shi4"],
  ["全国快递业务量", "quan2 guo2 kuai4 di4 ye4 wu4 liang4"],
  ["测量", "ce4 liang2"],
  ["我有空", "wo2 you3 kong4"],
  ["空气", "kong1 qi4"],
  ["没关系", "mei2 guan1 xi5"],
  ["我的天哪", "wo3 de5 tian1 na5"],
  ["你是哪里人", "ni3 shi4 na2 li5 ren2"],
];

const SANDHI: ReadonlyArray<[string, string]> = [
  // third tone: 3-3 → 2-3, three syllables by structure, across words
  ["你好", "ni2 hao3"],
  ["老虎", "lao2 hu3"],
  ["水果", "shui2 guo3"],
  ["小狗", "xiao2 gou3"],
  ["展览馆", "zhan2 lan2 guan3"],
  ["纸老虎", "zhi3 lao2 hu3"],
  ["我很好", "wo3 hen2 hao3"],
  ["我也很好", "wo2 ye3 hen2 hao3"],
  ["想想", "xiang2 xiang5"],
  ["岂有此理", "qi2 you3 ci2 li3"],
  ["永远友好", "yong2 yuan3 you2 hao3"],
  // 一
  ["一起", "yi4 qi3"],
  ["一天", "yi4 tian1"],
  ["一年", "yi4 nian2"],
  ["一样", "yi2 yang4"],
  ["一些", "yi4 xie1"],
  ["第一", "di4 yi1"],
  ["十一", "shi2 yi1"],
  ["1984年", "yi1 jiu3 ba1 si4 nian2"],
  ["统一", "tong3 yi1"],
  ["看一看", "kan4 yi5 kan4"],
  ["数一数", "shu3 yi5 shu3"],
  ["一天一天地过去了", "yi4 tian1 yi4 tian1 de5 guo4 qu4 le5"],
  ["一模一样", "yi4 mu2 yi2 yang4"],
  ["100", "yi4 bai3"],
  ["10000", "yi2 wan4"],
  ["1月1号", "yi1 yue4 yi1 hao4"],
  // 不
  ["不去", "bu2 qu4"],
  ["不要", "bu2 yao4"],
  ["不是", "bu2 shi4"],
  ["不错", "bu2 cuo4"],
  ["不好", "bu4 hao3"],
  ["不来", "bu4 lai2"],
  ["不吃", "bu4 chi1"],
  ["是不是", "shi4 bu5 shi4"],
  ["对不起", "dui4 bu5 qi3"],
  ["差不多", "cha4 bu5 duo1"],
  ["这道题我做不出来", "zhe4 dao4 ti2 wo3 zuo4 bu5 chu1 lai2"],
  ["我看不懂", "wo3 kan4 bu5 dong3"],
  ["他说不去", "ta1 shuo1 bu2 qu4"],
];

const ERHUA_AND_NEUTRAL: ReadonlyArray<[string, string]> = [
  ["这个门儿", "zhe4 ge5 men2r"],
  ["一会儿", "yi2 hui4r"],
  ["一点儿", "yi4 dian3r"],
  ["哪儿", "na3r"],
  ["好玩儿", "hao3 wan2r"],
  ["没事儿", "mei2 shi4r"],
  ["花儿", "hua1r"],
  ["女儿", "nv3 er2"],
  ["儿子", "er2 zi5"],
  ["婴儿", "ying1 er2"],
  ["东西", "dong1 xi5"],
  ["桌子", "zhuo1 zi5"],
  ["箱子", "xiang1 zi5"],
  ["孔子", "kong2 zi3"],
  ["我们", "wo3 men5"],
  ["什么", "shen2 me5"],
  ["看看", "kan4 kan5"],
  ["处处", "chu4 chu4"],
  ["天天", "tian1 tian1"],
  ["妈妈", "ma1 ma5"],
  ["朋友", "peng2 you5"],
  ["知道", "zhi1 dao5"],
];

const SENTENCES: ReadonlyArray<[string, string]> = [
  ["今天天气真好,适合出门散步。", "jin1 tian1 tian1 qi4 zhen1 hao3 , shi4 he2 chu1 men2 san4 bu4 ."],
  ["时间是 3:30。", "shi2 jian1 shi4 san1 dian3 san1 shi2 fen1 ."],
  ["豐富的經驗", "feng1 fu4 de5 jing1 yan4"],
  ["電腦", "dian4 nao3"],
  ["銀行", "yin2 hang2"],
  ["學習", "xue2 xi2"],
  ["他還沒還錢", "ta1 hai2 mei2 huan2 qian2"],
  ["頭髮很長", "tou2 fa5 hen3 chang2"],
  ["看著我", "kan4 zhe5 wo3"],
];

describe("Mandarin pinyin", () => {
  it.each(POLYPHONES)("polyphone: %s → %s", (text, expected) => expect(read(text)).toBe(expected));
  it.each(SANDHI)("sandhi: %s → %s", (text, expected) => expect(read(text)).toBe(expected));
  it.each(ERHUA_AND_NEUTRAL)("erhua / neutral tone: %s → %s", (text, expected) => expect(read(text)).toBe(expected));
  it.each(SENTENCES)("sentence: %s → %s", (text, expected) => expect(read(text)).toBe(expected));
});
