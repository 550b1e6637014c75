import { toPinyin, pinyinString } from "./inference/frontend/zh/pinyin.ts";
for (const t of ["她唱得特别好听。", "这个办法行得通。", "你说得对。", "他开心地笑了。", "他高兴地跑了。", "我得走了。", "他跑得很快。", "写得好", "他认真地学习。"]) {
  const toks = toPinyin(t).map((x: any) => "word" in x ? `${x.word.text}/${x.word.pos}` : x.punctuation).join(" ");
  console.log(t, pinyinString(t), "|", toks);
}
