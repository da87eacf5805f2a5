package cn.xiaoben.launcher.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Subjects, staffing (teachers per subject for a 34-teacher school) and plausible lesson topics per grade, after
 * the national curriculum textbooks.
 */
public final class Curriculum {

	/** A lesson topic of one grade. */
	public record Topic(String grade, String title) {
	}

	private static final Map<Stage, Map<String, Integer>> STAFFING = new EnumMap<>(Stage.class);

	private static final Map<Stage, Map<String, List<Topic>>> TOPICS = new EnumMap<>(Stage.class);

	static {
		STAFFING.put(Stage.PRIMARY, staffing("语文 9 数学 8 英语 4 科学 2 音乐 2 体育 3 美术 2 道德与法治 2 信息技术 2"));
		STAFFING.put(Stage.JUNIOR,
				staffing("语文 5 数学 6 英语 5 物理 3 化学 2 生物 2 历史 2 地理 2 道德与法治 2 音乐 1 体育 2 美术 1 信息技术 1"));
		STAFFING.put(Stage.SENIOR,
				staffing("语文 5 数学 5 英语 5 物理 3 化学 3 生物 2 历史 2 地理 2 政治 2 音乐 1 体育 2 美术 1 信息技术 1"));
		STAFFING.put(Stage.NINE_YEAR,
				staffing("语文 6 数学 6 英语 4 科学 1 物理 2 化学 1 生物 1 历史 1 地理 1 道德与法治 3 音乐 2 体育 3 美术 2 信息技术 1"));

		TOPICS.put(Stage.PRIMARY, topics("""
				语文: 一年级 小小的船; 一年级 四个太阳; 二年级 小蝌蚪找妈妈; 二年级 曹冲称象; 三年级 赵州桥; 三年级 富饶的西沙群岛; 四年级 观潮; 四年级 爬山虎的脚; 五年级 落花生; 五年级 草船借箭; 六年级 桥; 六年级 匆匆
				数学: 一年级 20以内的进位加法; 二年级 表内乘法; 三年级 万以内的加法和减法; 三年级 分数的初步认识; 四年级 三位数乘两位数; 四年级 平行四边形和梯形; 五年级 小数除法; 五年级 多边形的面积; 六年级 圆的面积; 六年级 比例
				英语: 三年级 Unit 1 Hello!; 三年级 Unit 2 Colours; 四年级 Unit 1 My classroom; 四年级 Unit 4 At the farm; 五年级 Unit 2 My week; 五年级 Unit 6 In a nature park; 六年级 Unit 1 How can I get there?; 六年级 Unit 2 Last weekend
				科学: 一年级 我们知道的植物; 二年级 磁铁能吸引什么; 三年级 水结冰了; 三年级 空气能占据空间吗; 四年级 电路出故障了; 五年级 地球的运动; 六年级 昼夜交替现象
				音乐: 一年级 小星星; 二年级 小红帽; 三年级 彼得与狼（欣赏）; 四年级 茉莉花; 五年级 我和你; 六年级 友谊地久天长
				体育: 一年级 立定跳远; 二年级 跳短绳; 三年级 前滚翻; 四年级 50米快速跑; 五年级 篮球行进间运球; 六年级 足球脚内侧传球
				美术: 一年级 看谁涂得最好看; 二年级 会变的花、树、叶; 三年级 美丽的花边; 四年级 水墨游戏; 五年级 设计生活用品; 六年级 学画山水画
				道德与法治: 一年级 上学路上; 二年级 我们不乱扔; 三年级 我是独特的; 四年级 我们的班规我们订; 五年级 古代科技 耀我中华; 六年级 宪法是根本法
				信息技术: 三年级 认识计算机; 四年级 文字的输入; 五年级 制作演示文稿; 六年级 初识编程：小猫走迷宫
				"""));
		TOPICS.put(Stage.JUNIOR, topics("""
				语文: 七年级 春; 七年级 济南的冬天; 七年级 从百草园到三味书屋; 八年级 背影; 八年级 桃花源记; 九年级 岳阳楼记; 九年级 孔乙己; 九年级 沁园春·雪
				数学: 七年级 有理数的加法; 七年级 一元一次方程; 七年级 相交线与平行线; 八年级 全等三角形; 八年级 勾股定理; 八年级 一次函数; 九年级 一元二次方程; 九年级 二次函数的图象和性质; 九年级 圆周角
				英语: 七年级 Unit 3 Is this your pencil?; 七年级 Unit 7 How much are these socks?; 八年级 Unit 4 What's the best movie theater?; 八年级 Unit 6 I'm going to study computer science; 九年级 Unit 5 What are the shirts made of?; 九年级 Unit 9 I like music that I can dance to
				物理: 八年级 声音的产生与传播; 八年级 光的反射; 八年级 牛顿第一定律; 八年级 浮力; 九年级 欧姆定律; 九年级 电功率; 九年级 比热容
				化学: 九年级 氧气的实验室制取; 九年级 质量守恒定律; 九年级 二氧化碳的性质; 九年级 金属的化学性质; 九年级 酸和碱的中和反应
				生物: 七年级 植物细胞; 七年级 光合作用; 七年级 人体的呼吸; 八年级 鸟的生殖和发育; 八年级 基因控制生物的性状
				历史: 七年级 秦统一中国; 七年级 贞观之治; 八年级 鸦片战争; 八年级 五四运动; 九年级 古代埃及; 九年级 第一次工业革命
				地理: 七年级 地球的运动; 七年级 世界的气候; 八年级 中国的地形; 八年级 中国的河流; 八年级 黄土高原
				道德与法治: 七年级 中学时代; 七年级 珍视生命; 八年级 遵守规则; 八年级 坚持依宪治国; 九年级 创新驱动发展; 九年级 中国的机遇与挑战
				音乐: 七年级 歌唱祖国; 八年级 春江花月夜（欣赏）; 九年级 黄河大合唱（欣赏）
				体育: 七年级 耐久跑; 八年级 篮球三步上篮; 九年级 排球正面双手垫球; 九年级 立定跳远
				美术: 七年级 色彩的魅力; 八年级 校园环境设计; 九年级 中国山水画
				信息技术: 七年级 认识信息技术; 八年级 Python程序初步; 九年级 制作网页
				"""));
		TOPICS.put(Stage.SENIOR, topics("""
				语文: 高一 沁园春·长沙; 高一 赤壁赋; 高一 劝学; 高二 林教头风雪山神庙; 高二 雷雨（节选）; 高三 议论文写作：观点与材料; 高三 古诗词鉴赏专题
				数学: 高一 集合与常用逻辑用语; 高一 函数的单调性; 高一 三角函数的诱导公式; 高二 空间向量与立体几何; 高二 等差数列; 高二 导数的几何意义; 高三 圆锥曲线综合复习
				英语: 高一 Unit 1 Teenage Life; 高一 Unit 3 Sports and Fitness; 高二 Unit 2 Wildlife Protection; 高二 Unit 4 Space Exploration; 高三 读后续写专题; 高三 语法填空专项
				物理: 高一 匀变速直线运动; 高一 牛顿第二定律; 高二 静电场; 高二 电磁感应; 高三 动量守恒定律复习
				化学: 高一 物质的量; 高一 氧化还原反应; 高二 化学反应速率; 高二 原电池; 高三 有机合成专题
				生物: 高一 细胞膜的结构; 高一 酶的特性; 高二 DNA的复制; 高二 孟德尔的豌豆杂交实验; 高三 生态系统的稳定性
				历史: 高一 中华文明的起源与早期国家; 高一 辛亥革命; 高二 新航路的开辟; 高二 第二次世界大战; 高三 中国近现代史专题复习
				地理: 高一 大气的受热过程; 高一 常见天气系统; 高二 区域发展战略; 高二 产业转移; 高三 自然地理综合复习
				政治: 高一 中国特色社会主义的开创与发展; 高一 我国的基本经济制度; 高二 哲学的基本问题; 高二 文化的民族性与多样性; 高三 经济与社会专题复习
				音乐: 高一 音乐鉴赏：梁祝; 高二 中国民族民间音乐; 高三 合唱训练
				体育: 高一 太极拳; 高一 篮球战术基础配合; 高二 足球脚背正面射门; 高三 体能训练
				美术: 高一 中国古代绘画鉴赏; 高二 素描静物; 高三 设计基础
				信息技术: 高一 数据与计算：算法初步; 高一 Python循环结构; 高二 网络基础; 高三 人工智能初步
				"""));
		Map<String, List<Topic>> nineYear = new LinkedHashMap<>();
		for (Stage part : List.of(Stage.PRIMARY, Stage.JUNIOR)) {
			TOPICS.get(part).forEach((subject, list) -> nineYear.computeIfAbsent(subject, s -> new ArrayList<>()).addAll(list));
		}
		nineYear.replaceAll((subject, list) -> List.copyOf(list));
		TOPICS.put(Stage.NINE_YEAR, Collections.unmodifiableMap(nineYear));
	}

	private Curriculum() {
	}

	/** Subject to number of teachers, in a stable order; the counts add up to {@link #TEACHERS_PER_SCHOOL}. */
	public static Map<String, Integer> staffing(Stage stage) {
		return STAFFING.get(stage);
	}

	public static final int TEACHERS_PER_SCHOOL = 34;

	public static List<Topic> topics(Stage stage, String subject) {
		return TOPICS.get(stage).getOrDefault(subject, List.of());
	}

	/** Grades in which the subject is taught at that stage, in curriculum order. */
	public static List<String> grades(Stage stage, String subject) {
		Set<String> grades = new LinkedHashSet<>();
		topics(stage, subject).forEach(t -> grades.add(t.grade()));
		return List.copyOf(grades);
	}

	private static Map<String, Integer> staffing(String spec) {
		String[] tokens = spec.trim().split("\\s+");
		Map<String, Integer> staffing = new LinkedHashMap<>();
		for (int i = 0; i < tokens.length; i += 2) {
			staffing.put(tokens[i], Integer.parseInt(tokens[i + 1]));
		}
		return Collections.unmodifiableMap(staffing);
	}

	private static Map<String, List<Topic>> topics(String spec) {
		Map<String, List<Topic>> topics = new LinkedHashMap<>();
		for (String line : spec.strip().split("\n")) {
			int colon = line.indexOf(':');
			String subject = line.substring(0, colon).trim();
			List<Topic> list = new ArrayList<>();
			for (String entry : line.substring(colon + 1).split(";")) {
				String trimmed = entry.trim();
				int space = trimmed.indexOf(' ');
				list.add(new Topic(trimmed.substring(0, space), trimmed.substring(space + 1).trim()));
			}
			topics.put(subject, List.copyOf(list));
		}
		return Collections.unmodifiableMap(topics);
	}
}
