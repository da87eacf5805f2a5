package cn.xiaoben.launcher.demo;

import java.util.Random;

/** Realistic Chinese personal names: common surnames weighted to the front, one- or two-character given names. */
public final class ChineseNames {

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String FEMALE = "丽芳娜敏静秀英华慧巧美娟霞艳玲燕红梅琳雪婷萍倩颖洁晶佳琴蕾欣悦怡瑶璐楠莉月凤兰菲露岚琪晓雯薇嘉宁";

	private static final String MALE = "伟强磊军洋勇杰涛明超刚平辉鹏飞鑫波斌宇浩凯健俊帆旭宁龙林峰建国志文亮成东海春华庆振忠立永晨阳睿";

	private ChineseNames() {
	}

	/** @param age the person's age in the demo's term (so that every term has the same people) */
	public static String name(Random random, boolean female, int age) {
		String surname = String.valueOf(SURNAMES.charAt((int) (SURNAMES.length() * Math.pow(random.nextDouble(), 2))));
		String pool = female ? FEMALE : MALE;
		// single-character given names were more common among the older generation (born before 1980, for 2026)
		double single = age >= 47 ? 0.45 : 0.25;
		if (random.nextDouble() < single) {
			return surname + pick(random, pool);
		}
		char first = pick(random, pool);
		char second = pick(random, pool);
		while (second == first) {
			second = pick(random, pool);
		}
		return surname + first + second;
	}

	private static char pick(Random random, String pool) {
		return pool.charAt(random.nextInt(pool.length()));
	}
}
