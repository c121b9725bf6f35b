/* lunxun search, words: the message and field numbers, the limits of ranking, the question and
 * filler words, the table of slips and everyday words, Chinese numerals. */

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var TITLE = 0, TEXT = 1, TAGS = 2;
var WEIGHT = [8, 1, 6];
var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
var HAN_RUNS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
var EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
var ONLY_PUNCTUATION = /^[\p{P}\p{S}]*$/u;
var SEPARATOR = /[\s\u200b\u3000\-、。，．？！；：:,.!?;（）()“”‘’"'《》〈〉【】\[\]]+/;
var STEP_NUMBER = /^\d+\.\s*/;
var LONGEST_WORD = 12;
var MAX_TEASERS = 2;
var MAX_SECTIONS = 6;  // per page; Material folds all but the best under "more" anyway
var MARKED_PAGES = 50;  // Material shows ten results and more on scrolling: mark the first

/* How much of a query a page must hold (by weight), and what a word counts that tells
 * pages apart poorly: one of the question's generic nouns (方法), or one on most pages. */
var ENOUGH = 0.6;
var SOFT_WEIGHT = 0.3;
var COMMON_PAGES = 0.5;  // share of the pages above which a word is common
var NEAR_QUALITY = 0.9;  // a page found through the table ranks below one found as typed

/* Question and filler words: never looked up unless the query is nothing else. Longer
 * phrases first, so 什么是 goes before 什么 does. */
var FILLERS = [
  "怎么样", "怎么办", "怎么做", "怎么搞", "怎么弄", "怎么写", "怎么开", "怎么才能",
  "怎样才能", "如何才能", "什么是", "什么叫", "是什么", "有哪些", "有什么", "为什么",
  "怎么", "怎样", "如何", "咋样", "咋办", "什么", "哪些", "哪个", "哪里", "为何",
  "有没有", "是不是", "能不能", "可不可以", "应该", "应当", "需要", "可以", "请问",
  "是指", "指的是", "指什么", "是啥", "啥", "哪几步", "哪几个", "哪几种", "哪几", "几步",
  "几个", "几种", "几项", "几条", "多少", "遇到", "碰到", "发生", "出现", "要有", "要走",
  "关于", "有关", "一下", "一些", "主要", "具体", "进行", "开展", "工作中",
  "的", "地", "得", "了", "吗", "呢", "吧", "啊", "呀", "嘛", "么", "咋",
  "是", "有", "在", "把", "被", "对", "给", "用", "和", "与", "及", "或", "跟", "同",
  "要", "该", "去", "来", "做", "搞", "弄", "让", "将", "从", "向", "里", "中", "上", "下"
];
var FILLER = new Set(FILLERS);
var QUESTION = new RegExp(FILLERS.filter(function (word) { return word.length > 1; }).join("|"));

/* Generic nouns and verbs of a question (调节矛盾的方法, 村里开会怎么表决): they may help a
 * page rank, never make it. */
var SOFT = new Set(["方法", "办法", "做法", "措施", "经验", "工作", "问题", "情况", "内容",
  "流程", "步骤", "作用", "意义", "要求", "原则", "制度", "机制", "工作法", "事情", "事",
  "处理", "解决", "落实", "做好", "搞好", "开会", "办理", "注意", "注意事项"]);

/* Near-misses and everyday words → the words the training material uses. Each target is
 * a term of the site's material (tests/render/test_search_words.py checks them against the
 * built index); a slip whose target a site does not have finds nothing there, as before. */
var NEAR = {
  // slips of the pinyin keyboard: same sound, other characters
  "调节": ["调解"], "条解": ["调解"], "纠份": ["纠纷"], "纠分": ["纠纷"],
  "公式": ["公示"], "轮询": ["轮训"], "轮巡": ["轮训"], "底保": ["低保"],
  "突发时间": ["突发事件"], "事件处置": ["处置"], "议是": ["议事"], "意事": ["议事"],
  "帮服": ["帮扶"], "慰向": ["慰问"], "党务工开": ["党务公开"], "居务工开": ["居务公开"],
  "设岗定职": ["设岗定责"], "网络化": ["网格化"], "排察": ["排查"], "调出": ["调处"],
  "拆危": ["拆违"], "物业废": ["物业费"], "测平": ["测评"], "互平": ["互评"],
  "自平": ["自评"], "应激": ["应急"], "胆试": ["胆识"], "见试": ["见识"],
  // how people say it → how the material says it
  "吵架": ["纠纷", "矛盾"], "闹矛盾": ["矛盾"], "打架": ["纠纷"], "扯皮": ["纠纷"],
  "邻居": ["邻里"], "邻居纠纷": ["邻里纠纷"], "开会": ["会议"], "投票": ["表决"],
  "村里": ["村", "社区"], "村子": ["村", "社区"], "小区": ["社区"], "老百姓": ["群众", "居民"],
  "百姓": ["群众", "居民"], "居民群众": ["群众"], "上访": ["信访"], "维稳": ["稳控"],
  "困难户": ["困难群众", "困难党员"], "穷人": ["困难群众"], "贫困": ["困难"],
  "老年人": ["老人"], "孤寡老人": ["独居老人"], "空巢老人": ["独居老人"],
  "培训": ["轮训"], "集训": ["轮训"], "考勤": ["签到点名"], "点名": ["签到点名"],
  "打分": ["测评"], "评分": ["测评"], "评比": ["评议"], "看望": ["走访"], "探望": ["走访"],
  "拜访": ["走访"], "家访": ["走访", "入户"], "上门": ["走访", "入户"],
  "违建": ["拆违"], "违章建筑": ["违建"], "物业费收不上来": ["物业费收缴"],
  "治安巡查": ["治安巡逻"], "巡逻": ["治安巡逻"], "紧急情况": ["突发事件"], "突发情况": ["突发事件"],
  "出事": ["突发事件"], "公开透明": ["公开"], "表态": ["承诺"], "问责": ["过错追究"],
  "奖励": ["表彰激励"], "年轻干部": ["后备干部"], "接班人": ["后备干部"], "义工": ["志愿服务"]
};

/* Chinese numerals, to read 四加二 as 4+2 and 5个必访 as 五个必访. */
var NUMERALS = "〇一二三四五六七八九十";
var NUMERAL_SUM = /[一二三四五六七八九十](?:加[一二三四五六七八九十])+/g;
var DIGIT_BEFORE_HAN = /(^|[^\d])([1-9]|10)(?=[\u3400-\u4dbf\u4e00-\u9fff])/g;
