"""Mandarin training sentences, composed offline from templates over word lists written for this project
(same licence as the repo; no third-party text).

Everyday topics — times, dates, places, food, weather, family, work, shopping, travel — with numbers, dates,
clock times, prices and percentages written both in digits and in characters (so the text normaliser is
exercised the way users write), measure words, the polyphones 行 长 重 了 还 得 in their different readings,
and 一/不/third-tone sandhi contexts. `pick(n, seed)` gives n distinct sentences of 6–30 characters,
reproducibly. Held-out evaluation sentences (`EVAL_SENTENCES`) never enter the training set.
"""
from __future__ import annotations

import random

EVAL_SENTENCES = [
    "今天天气真好,适合出门散步。",
    "我们明天用 Zoom 开会，时间是 3:30。",
    "请把窗户关上，外面风太大了。",
    "这家餐厅的红烧肉做得特别好吃。",
    "他昨天晚上十一点才回到家。",
    "火车下午两点四十分从南京出发。",
    "我想预订一张去西安的机票。",
    "孩子们在操场上开心地踢足球。",
    "这本小说我已经看了三遍了。",
    "银行的营业时间是早上九点到下午五点。",
    "她的声音很好听，大家都喜欢她唱歌。",
    "超市里的苹果今天打八折。",
    "你能帮我把这个箱子搬到楼上吗？",
    "2025年12月31日是星期三。",
    "这件衣服原价三百块，现在只要一百五。",
    "长江是中国最长的河流。",
    "我们得重新检查一遍这些数据。",
    "医生说他需要多休息，多喝水。",
    "周末我打算去看望爷爷奶奶。",
    "这次考试的及格率是百分之八十五。",
    "地铁站就在前面路口的左边。",
    "请问附近有没有便宜一点的旅馆？",
    "他说话的速度太快，我没听清楚。",
    "今年冬天比去年冷得多。",
    "会议推迟到下周一上午十点。",
    "我还没吃早饭，有点饿了。",
    "这条路晚上很安静，几乎没有车。",
    "她每天早上六点半起床跑步。",
    "谢谢你的帮助，我真的很感激。",
    "电影票一共是八十六块五。",
]

# ---------- word lists ----------
PEOPLE = ["我", "你", "他", "她", "我们", "他们", "你们", "我妈妈", "我爸爸", "我哥哥", "我姐姐", "我弟弟",
          "我妹妹", "爷爷", "奶奶", "老师", "我的同事", "小王", "小李", "张经理", "王医生", "隔壁的邻居",
          "我的朋友", "那位先生", "这个孩子", "我们班长", "校长", "李阿姨", "陈老师", "我表哥"]
PLACES = ["学校", "医院", "银行", "超市", "公司", "图书馆", "公园", "火车站", "机场", "饭店", "咖啡馆",
          "邮局", "书店", "菜市场", "电影院", "博物馆", "体育馆", "办公室", "商场", "健身房", "动物园",
          "大学", "药店", "游泳馆", "理发店"]
CITIES = ["北京", "上海", "广州", "深圳", "成都", "杭州", "西安", "南京", "重庆", "长沙", "武汉", "天津",
          "苏州", "青岛", "厦门", "昆明", "哈尔滨", "大连"]
DAYS = ["今天", "明天", "昨天", "后天", "前天", "这个周末", "下个星期", "上个星期", "下个月", "最近",
        "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期天", "每天"]
PARTS_OF_DAY = ["早上", "上午", "中午", "下午", "晚上"]
# food with its measure word
FOOD = [("碗", "米饭"), ("碗", "面条"), ("碗", "粥"), ("个", "包子"), ("个", "苹果"), ("个", "鸡蛋"),
        ("个", "馒头"), ("个", "橙子"), ("杯", "咖啡"), ("杯", "茶"), ("杯", "牛奶"), ("杯", "果汁"),
        ("盘", "饺子"), ("盘", "青菜"), ("块", "蛋糕"), ("块", "豆腐"), ("斤", "牛肉"), ("斤", "香蕉"),
        ("条", "鱼"), ("份", "炒饭"), ("根", "黄瓜"), ("瓶", "矿泉水"), ("袋", "大米"), ("串", "葡萄")]
# things with measure words, for shopping and counting
THINGS = [("本", "书"), ("本", "词典"), ("张", "票"), ("张", "桌子"), ("把", "椅子"), ("把", "雨伞"),
          ("件", "衣服"), ("件", "毛衣"), ("条", "裤子"), ("双", "鞋"), ("台", "电脑"), ("部", "手机"),
          ("辆", "自行车"), ("支", "笔"), ("封", "信"), ("张", "地图"), ("顶", "帽子"), ("盒", "巧克力"),
          ("瓶", "洗发水"), ("个", "书包")]
# what people go to a place to do
PLACE_ACTIVITIES = {
    "学校": ["上课", "开家长会", "接孩子"], "医院": ["看病", "看望朋友", "做检查"], "银行": ["取钱", "存钱", "办卡"],
    "超市": ["买东西", "买水果", "买菜"], "公司": ["上班", "开会", "加班"], "图书馆": ["看书", "还书", "复习功课"],
    "公园": ["散步", "跑步", "放风筝"], "火车站": ["接人", "买票", "送朋友"], "机场": ["接爸爸", "送客人"],
    "饭店": ["吃饭", "请客"], "咖啡馆": ["喝咖啡", "见朋友"], "邮局": ["寄信", "寄快递"], "书店": ["买书", "买词典"],
    "菜市场": ["买菜", "买鱼"], "电影院": ["看电影"], "博物馆": ["参观", "看展览"], "体育馆": ["打篮球", "打羽毛球"],
    "商场": ["买衣服", "逛街"], "健身房": ["锻炼身体", "跑步"], "游泳馆": ["游泳"], "理发店": ["理发", "剪头发"],
    "药店": ["买药"],
}
HOME_ACTIVITIES = ["做饭", "洗衣服", "打扫房间", "看书", "听音乐", "写作业", "弹钢琴", "画画", "包饺子", "休息",
                   "看电视", "上网"]
ACTIVITIES = ["看电影", "买东西", "吃饭", "开会", "上班", "打电话", "写作业", "做饭", "洗衣服", "跑步",
              "散步", "游泳", "学中文", "复习功课", "看书", "听音乐", "打扫房间", "坐地铁", "开车",
              "骑自行车", "爬山", "打篮球", "踢足球", "弹钢琴", "画画", "钓鱼", "上网", "照相", "练书法",
              "包饺子", "逛街", "加班", "看病", "取钱", "寄快递"]
FEELINGS = ["很高兴", "有点累", "非常忙", "特别开心", "很紧张", "挺轻松", "有点难过", "很满意", "很着急",
            "不太舒服", "很放心", "有点担心"]
WEATHER = ["晴天", "阴天", "多云", "小雨", "大雨", "雷阵雨", "小雪", "大雪"]
ADJ_PLACE = ["很安静", "非常热闹", "特别干净", "有点远", "挺方便", "很漂亮", "人很多", "不太大"]
NUM_CN = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def cn_number(n: int) -> str:
    """0..99 in characters (the way the sentences write numbers when they are not in digits)."""
    if n <= 10:
        return NUM_CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else NUM_CN[tens]) + "十" + (NUM_CN[ones] if ones else "")


def count_of(r: random.Random, n: int) -> str:
    """n things, written in characters (两 before a measure word) or digits."""
    if r.random() < 0.4:
        return str(n)
    return "两" if n == 2 else cn_number(n)


HOURS_OF = {"早上": (6, 9), "上午": (8, 11), "中午": (12, 12), "下午": (1, 6), "晚上": (7, 11)}


def clock(r: random.Random, digits: bool = True) -> str:
    """A clock time: 24-hour digits (the normaliser reads 15:30) or part of the day + hour in characters."""
    m = r.choice([0, 5, 10, 15, 20, 30, 30, 45, 50])
    part = r.choice(PARTS_OF_DAY)
    lo, hi = HOURS_OF[part]
    h = r.randint(lo, hi)
    if digits and r.random() < 0.35:
        return f"{h + 12 if part in ('下午', '晚上') else h}:{m:02d}"
    hh = "两" if h == 2 else cn_number(h)
    if m == 0:
        return f"{part}{hh}点"
    if m == 30 and r.random() < 0.6:
        return f"{part}{hh}点半"
    return f"{part}{hh}点{cn_number(m) if m >= 10 else '零' + cn_number(m)}分"


def date(r: random.Random) -> str:
    y, mo, d = r.randint(1990, 2030), r.randint(1, 12), r.randint(1, 28)
    return r.choice([f"{y}年{mo}月{d}日", f"{mo}月{d}日", f"{mo}月{d}号", f"{cn_number(mo)}月{cn_number(d)}号"])


def price(r: random.Random, cheap: bool = False) -> str:
    """A price in one of the ways people write it: 12元, 12.5元, ￥12.80, 12块钱, 三块钱."""
    yuan = r.choice([2, 3, 5, 6, 8, 12, 15, 18, 25]) if cheap else r.choice([25, 36, 48, 99, 128, 199, 260, 399, 1500])
    style = r.random()
    if style < 0.3:
        return f"{yuan}元"
    if style < 0.5:
        return f"{yuan}.{r.choice([5, 50, 80, 99])}元"
    if style < 0.65:
        return f"￥{yuan}.{r.choice(['00', '50', '80'])}"
    return f"{yuan}块钱" if yuan >= 10 or r.random() < 0.5 else f"{count_of(r, yuan)}块钱"


# ---------- templates: each takes a Random and returns one sentence ----------
def _t_go(r):
    place = r.choice(list(PLACE_ACTIVITIES))
    return f"{r.choice(PEOPLE)}{r.choice(DAYS)}{clock(r, digits=False)}要去{place}{r.choice(PLACE_ACTIVITIES[place])}。"


def _t_meet(r):
    return f"我们约好{r.choice(DAYS)}{clock(r)}在{r.choice(PLACES)}门口见面。"


def _t_eat(r):
    mw, food = r.choice(FOOD)
    return f"{r.choice(PEOPLE)}{r.choice(['早饭', '午饭', '晚饭'])}吃了{count_of(r, r.randint(1, 5))}{mw}{food}。"


def _t_order(r):
    (m1, f1), (m2, f2) = r.sample(FOOD, 2)
    return f"{r.choice(['服务员', '老板', '师傅'])}，我要{count_of(r, r.randint(1, 3))}{m1}{f1}和{count_of(r, r.randint(1, 3))}{m2}{f2}。"


def _t_buy(r):
    mw, thing = r.choice(THINGS)
    return f"{r.choice(PEOPLE)}在{r.choice(['商场', '超市', '网上', '书店'])}买了{count_of(r, r.randint(1, 4))}{mw}{thing}，花了{price(r)}。"


def _t_price(r):
    cheap = r.random() < 0.5
    mw, thing = r.choice(FOOD if cheap else THINGS)
    return r.choice([f"这{mw}{thing}多少钱？", f"这{mw}{thing}卖{price(r, cheap)}。", f"一{mw}{thing}要{price(r, cheap)}，有点贵。",
                     f"请问这{mw}{thing}能便宜一点吗？"])


def _t_weather(r):
    weather = r.choice(WEATHER)
    hi = r.randint(-8, 3) if "雪" in weather else r.randint(8, 38)
    temp = f"零下{cn_number(-hi)}度" if hi < 0 else f"{hi}度"
    return r.choice([f"{r.choice(DAYS[:6])}是{weather}，最高气温{temp}。",
                     f"天气预报说{r.choice(CITIES)}{r.choice(DAYS[:6])}有{r.choice(WEATHER[3:])}。",
                     f"{r.choice(CITIES)}的{r.choice(['春天', '夏天', '秋天', '冬天'])}{r.choice(['很暖和', '特别热', '非常冷', '很干燥', '经常下雨'])}。",
                     f"外面{r.choice(['下雨了', '刮风了', '下雪了', '出太阳了'])}，{r.choice(['记得带伞', '多穿点衣服', '别出门了', '我们出去走走吧'])}。"])


def _t_travel(r):
    a, b = r.sample(CITIES, 2)
    return r.choice([f"从{a}到{b}坐高铁要{count_of(r, r.randint(2, 9))}个小时。",
                     f"{r.choice(PEOPLE)}{r.choice(DAYS)}坐飞机去{b}出差。",
                     f"我们的航班{clock(r)}从{a}起飞。",
                     f"{r.choice(PEOPLE)}打算{r.choice(['下个月', '明年', '国庆节', '暑假'])}去{b}旅游。"])


def _t_date(r):
    return r.choice([f"{r.choice(PEOPLE)}的生日是{date(r)}。", f"这个项目{date(r)}开始，{date(r)}结束。",
                     f"{date(r)}我们{r.choice(['搬家', '开学', '放假', '结婚', '开会'])}。",
                     f"合同{date(r)}到期，请提前准备。"])


def _t_time(r):
    return r.choice([f"{r.choice(PEOPLE)}每天{clock(r)}{r.choice(['起床', '上班', '吃午饭', '下班', '睡觉'])}。",
                     f"会议改到{r.choice(DAYS[:4])}{clock(r)}。", f"现在是{clock(r)}，我们该走了。",
                     f"电影{clock(r)}开始，别迟到。"])


def _t_number(r):
    p = r.choice([f"{r.randint(2, 98)}%", f"{r.randint(1, 9)}.{r.randint(1, 9)}%", f"百分之{cn_number(r.randint(2, 99))}"])
    n = r.randint(12, 9800)
    return r.choice([f"今年的销售额增长了{p}。", f"这个班一共有{r.randint(20, 60)}个学生。",
                     f"这座城市有{n}万人口。", f"他的体重是{r.randint(45, 95)}.{r.randint(1, 9)}公斤。",
                     f"这条路全长{r.randint(2, 80)}公里。", f"参加比赛的人数比去年多了{p}。",
                     f"我的房间号是{r.randint(101, 1520)}。", f"这本书一共有{r.randint(100, 600)}页。"])


def _t_family(r):
    who, lo, hi = r.choice([("我爸爸", 40, 70), ("我妈妈", 38, 68), ("爷爷", 65, 95), ("奶奶", 62, 95),
                            ("我弟弟", 3, 30), ("我妹妹", 3, 30), ("我哥哥", 12, 45), ("我姐姐", 12, 45)])
    return r.choice([f"{who}今年{cn_number(r.randint(lo, hi)) if hi < 100 else hi}岁了。",
                     f"{r.choice(PEOPLE[7:14])}{r.choice(DAYS)}在家{r.choice(HOME_ACTIVITIES)}。",
                     f"我家有{r.choice(['三', '四', '五', '六'])}口人，{r.choice(['爸爸', '妈妈', '哥哥', '姐姐'])}在{r.choice(PLACES)}工作。",
                     f"{r.choice(PEOPLE[7:14])}说{r.choice(DAYS[:5])}要{r.choice(ACTIVITIES)}。"])


def _t_work(r):
    return r.choice([f"{r.choice(PEOPLE)}今天{r.choice(FEELINGS)}，因为{r.choice(['工作太多', '要开会', '考试通过了', '明天放假', '孩子生病了'])}。",
                     f"{r.choice(['张经理', '王医生', '陈老师', '李阿姨'])}让我们{clock(r)}以前把{r.choice(['报告', '材料', '作业', '表格'])}交上去。",
                     f"这份{r.choice(['报告', '合同', '计划'])}我{r.choice(['明天', '下午', '周末'])}再修改一下。",
                     f"{r.choice(PEOPLE)}在{r.choice(PLACES)}工作了{cn_number(r.randint(2, 30))}年。"])


def _t_place(r):
    return r.choice([f"这个{r.choice(PLACES)}{r.choice(ADJ_PLACE)}。", f"请问{r.choice(PLACES)}怎么走？",
                     f"{r.choice(PLACES)}就在{r.choice(PLACES)}的{r.choice(['旁边', '对面', '后面', '前面', '左边', '右边'])}。",
                     f"从这儿到{r.choice(PLACES)}要走{cn_number(r.randint(5, 30))}分钟。"])


def _t_together(r):
    when = f"{r.choice(DAYS)}{r.choice(PARTS_OF_DAY)}"
    act = r.choice(ACTIVITIES)
    return r.choice([f"{when}我们一起{act}吧。", f"{when}要不要一起{act}？", f"{when}大家一起{act}。"])


def _t_sandhi(r):
    # 一 and 不 before each tone, third-tone chains
    return r.choice([f"{r.choice(PEOPLE)}一天{r.choice(ACTIVITIES)}一次。", f"你一定要{r.choice(ACTIVITIES)}。",
                     f"这不是我的{r.choice(THINGS)[1]}。", f"我不想{r.choice(ACTIVITIES)}，我想休息一下。",
                     f"{r.choice(['小李', '老李', '你'])}好，我很好，你也好吗？", f"我也想买一{r.choice(THINGS)[0]}。",
                     f"他一句话也不说。", f"我们可以一起{r.choice(ACTIVITIES)}。", f"这里的水果不太好。",
                     f"展览馆里有很多老虎的照片。", f"请给我一把雨伞，好吗？"])


# The polyphones 行 长 重 了 还 得 in each of their readings, in several contexts each.
POLYPHONE_SENTENCES = [
    # 行 háng / xíng
    "我下午要去银行取钱。", "他在银行工作了十年。", "这个行业发展得很快。", "这家商店是我们这一行里最大的。",
    "你的行李太重了，我帮你拿。", "这样做行不行？", "不行，明天我没有时间。", "他每天骑自行车上班。",
    "旅行的时候要注意安全。", "这个办法肯定行得通。", "外面有一行大雁飞过去了。", "请在第三行写上你的名字。",
    # 长 cháng / zhǎng
    "长城是世界上最有名的建筑之一。", "这条河很长，一直流到大海。", "他的头发太长了，该剪了。",
    "孩子长得真快，已经比我高了。", "我们的校长姓王。", "他长大以后想当医生。", "这位是我们的班长。",
    "这棵树长得很高。", "我们在长沙住了三年。", "周末的时间总是不够长。",
    # 重 zhòng / chóng
    "这个箱子太重了，我搬不动。", "健康比什么都重要。", "请你重新说一遍。", "这两个句子的意思重复了。",
    "我们下个月去重庆出差。", "他的病很重，需要住院。", "老师让我们把作业重写一遍。", "这件事非常重要，别忘了。",
    # 了 le / liǎo
    "我已经吃了晚饭了。", "他昨天去了上海。", "我不太了解这个情况。", "太辣了，我受不了。",
    "这件事我一个人做不了。", "天黑了，我们回家吧。", "他终于明白了老师的意思。", "我们了解了一下那里的天气。",
    # 还 hái / huán
    "我还没有吃饭呢。", "你还是早点休息吧。", "明天我去图书馆还书。", "借你的钱下个月还给你。",
    "他还在办公室加班。", "我要还信用卡的钱。", "除了苹果，我还买了香蕉。", "请把雨伞还给我。",
    # 得 de / dé / děi
    "他跑得很快。", "她唱歌唱得特别好听。", "他在比赛中得了第一名。", "我得走了，明天见。",
    "你得早点睡觉，明天还要上班。", "这次考试他得到了满分。", "你说得对，我们听你的。", "我们得先把房间打扫干净。",
    "天太冷了，你得多穿点衣服。", "这个问题我们得好好想一想。",
]

TEMPLATES = [_t_go, _t_meet, _t_eat, _t_order, _t_buy, _t_price, _t_weather, _t_travel, _t_date, _t_time,
             _t_number, _t_family, _t_work, _t_place, _t_together, _t_sandhi]


def training_sentences(n_target: int = 6000, seed: int = 20261123) -> list[str]:
    """A reproducible pool of distinct sentences of 6–30 characters, evaluation sentences excluded."""
    r = random.Random(seed)
    held_out = set(EVAL_SENTENCES)
    seen, out = set(held_out), []
    for s in POLYPHONE_SENTENCES:
        if s not in seen:
            seen.add(s)
            out.append(s)
    attempts = 0
    while len(out) < n_target and attempts < n_target * 20:
        attempts += 1
        s = r.choice(TEMPLATES)(r)
        if 6 <= len(s) <= 30 and s not in seen:
            seen.add(s)
            out.append(s)
    return out


POOL_SIZE = 6000

# Short utterances, one character to one word: people type "好" or "谢谢" as often as a sentence, and the
# duration predictor must have seen utterances that short (trained on sentences only, it gives a lone
# syllable a tenth of a second). The characters cover the four tones; none shares a syllable with the
# tone test's sets (ma, tang, yi, ba, fei), so that test still measures syllables the model never heard alone.
SHORT_CHARACTERS = ("天书花高开风听说吃喝山西东多生家七三歌春秋冬猫包星心中新"
                    "人来学国门年鱼钱红白同球茶牛羊云床船头南"
                    "好我水你九五小老手走买想口狗雨酒米海火"
                    "大去是看四六快路面菜坐睡谢树爱饭字电问夜")
SHORT_WORDS = ["你好", "谢谢", "好的", "对不起", "没关系", "再见", "早上好", "晚安", "是的", "不是", "当然",
               "太好了", "没问题", "请进", "欢迎", "加油", "真的吗", "等一下", "明白了", "辛苦了"]
# More lone syllables, in all four tones: with only the ~130 above the model learned how *those* sound
# alone and spoke other syllables alone as it does inside sentences (short, tone flattened). None of
# them is ma, tang, yi, ba or fei in any tone: tests/engine/mandarinTones.test.ts speaks those.
MORE_CHARACTERS = ("冰杯班边车村灯刀分干哥功光黑欢鸡金经空拉青沙身声双松他通偷湾窗乡烟腰音英猪钟周专桌租"
                   "哭虾跟该推孙酸拖挖端超吹初当丢呼夸宽亲区缺诗收些兄休需压优遭张招真争知"
                   "鼻长成池虫除达读房福含河湖滑黄回节局蓝狼雷离连凉林流龙楼炉轮毛眉明拿男泥农爬盘旁"
                   "皮瓶婆骑墙桥琴晴穷求拳群然荣如神时熟谁绳抬谈提条停图团玩王文无鞋熊寻牙言摇银油圆"
                   "杂咱值竹足昨层才怀活"
                   "饱北本笔表饼草吵打胆岛点懂短耳粉赶港古鬼滚喊虎挤讲脚姐井久举卷苦可懒冷李脸两柳满"
                   "每美母哪奶脑鸟暖女跑品普起浅抢请取染忍软伞扫闪首死锁塔讨体土腿碗晚网尾舞洗喜写"
                   "选雪眼养咬有远早怎找纸主准紫嘴左整展总"
                   "暗抱被必变病布唱错带蛋到掉定动豆对饿二放份父够挂贵过汉号后画话坏换会见叫借近静旧"
                   "句块困辣累亮绿卖慢帽梦庙木内怕胖气热认日肉入晒上送算岁太套痛兔外万望位下线像笑"
                   "信姓秀要用右月在站照这阵正住做最醉座")
TERMINATORS = ["", "。", "", "！", "", "？", "", "。"]


def short_utterances() -> list[str]:
    """Single characters and words, alone, with and without a full stop / exclamation / question mark."""
    words = list(SHORT_CHARACTERS) + SHORT_WORDS + PLACES + CITIES + WEATHER + [n for _, n in FOOD + THINGS]
    words = list(dict.fromkeys(w for w in words if w not in EVAL_SENTENCES))
    more = [c for c in dict.fromkeys(MORE_CHARACTERS) if c not in words]
    return [w + TERMINATORS[i % len(TERMINATORS)] for i, w in enumerate(words)] + \
           [w + TERMINATORS[(i + 1) % len(TERMINATORS)] for i, w in enumerate(SHORT_CHARACTERS)] + \
           [c + TERMINATORS[i % len(TERMINATORS)] for i, c in enumerate(more)]


def pick(n: int, seed: int = 1234) -> list[str]:
    """n training sentences (pick(n) is a prefix of pick(m) for n < m, like sentences.pick): the polyphone
    sentences always come first, the rest reproducibly shuffled."""
    pool = training_sentences(max(n, POOL_SIZE))
    fixed, rest = pool[:len(POLYPHONE_SENTENCES)], pool[len(POLYPHONE_SENTENCES):]
    random.Random(seed).shuffle(rest)
    return (fixed + rest)[:n]


if __name__ == "__main__":
    import sys
    for s in pick(int(sys.argv[1]) if len(sys.argv) > 1 else 20):
        print(s)
