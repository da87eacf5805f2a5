package cn.xiaoben.launcher.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.xiaoben.launcher.demo.DemoCounty.School;
import cn.xiaoben.launcher.demo.DemoCounty.StaffAccount;
import cn.xiaoben.launcher.demo.DemoCounty.Teacher;
import cn.xiaoben.launcher.demo.DemoCounty.Township;

/**
 * Generates 云溪县 from a seed for one autumn term ({@link TermCalendar}): 3 townships, 12 schools, 34 teachers
 * each, a term of lesson observations and of every other activity form ({@link ActivityPlanner}), the staff logins
 * and the showcase teacher. Same seed and term, same county, so idempotency keys stay stable across runs. Another
 * term gives the same shape: the plan's dates move with the calendar, the teachers' ages stay.
 */
public final class DemoCountyGenerator {

	public static final long SEED = 20260901L;

	public static final String COUNTY = "云溪县";

	/** The teacher login whose portfolio shows the richest term (see README). */
	public static final String SHOWCASE_USERNAME = "cgyx.teacher1";

	/** Township code, name, then per school: code, name, stage. */
	private static final List<Object[]> LAYOUT = List.of(
			new Object[] { "chengguan", "城关镇", List.of(
					new Object[] { "cgyx", "城关第一小学", Stage.PRIMARY },
					new Object[] { "cgex", "城关第二小学", Stage.PRIMARY },
					new Object[] { "cgzx", "城关中学", Stage.JUNIOR },
					new Object[] { "yxyz", "云溪县第一中学", Stage.SENIOR }) },
			new Object[] { "hekou", "河口镇", List.of(
					new Object[] { "hkxx", "河口镇中心小学", Stage.PRIMARY },
					new Object[] { "hkex", "河口镇第二小学", Stage.PRIMARY },
					new Object[] { "hkcz", "河口镇初级中学", Stage.JUNIOR },
					new Object[] { "yxez", "云溪县第二中学", Stage.SENIOR }) },
			new Object[] { "shiqiao", "石桥镇", List.of(
					new Object[] { "sqxx", "石桥镇中心小学", Stage.PRIMARY },
					new Object[] { "sqsy", "石桥镇实验小学", Stage.PRIMARY },
					new Object[] { "sqcz", "石桥镇初级中学", Stage.JUNIOR },
					new Object[] { "sqjy", "石桥镇九年一贯制学校", Stage.NINE_YEAR }) });

	private DemoCountyGenerator() {
	}

	/** The county of the given term (the autumn term of 2026 is the one the README describes). */
	public static DemoCounty generate(TermCalendar calendar) {
		return generate(SEED, calendar);
	}

	@SuppressWarnings("unchecked")
	static DemoCounty generate(long seed, TermCalendar calendar) {
		Random random = new Random(seed);
		List<Township> townships = new ArrayList<>();
		for (Object[] township : LAYOUT) {
			List<School> schools = new ArrayList<>();
			for (Object[] school : (List<Object[]>) township[2]) {
				schools.add(school(random, (String) school[0], (String) school[1], (Stage) school[2],
						(String) township[0], calendar));
			}
			townships.add(new Township((String) township[0], (String) township[1], List.copyOf(schools)));
		}
		List<StaffAccount> staff = staff(townships);
		StaffAccount showcaseAccount = staff.stream()
			.filter(a -> a.username().equals(SHOWCASE_USERNAME))
			.findFirst()
			.orElseThrow();
		DemoCounty.Showcase showcase = new DemoCounty.Showcase(showcaseAccount.username(), showcaseAccount.schoolCode(),
				showcaseAccount.teacherKey());
		return new DemoCounty(COUNTY, withActivities(seed, townships, showcase, calendar), staff, showcase);
	}

	/**
	 * The other activities of the term, planned once every school has its teachers (the showcase teacher's
	 * township-level open lesson has guests from the township's other primary school). Each school has its own
	 * random stream, so the observations stay what they were before activities existed.
	 */
	private static List<Township> withActivities(long seed, List<Township> townships, DemoCounty.Showcase showcase,
			TermCalendar calendar) {
		List<Township> result = new ArrayList<>();
		int index = 0;
		for (Township township : townships) {
			List<School> schools = new ArrayList<>();
			for (School school : township.schools()) {
				boolean showcaseSchool = school.code().equals(showcase.schoolCode());
				List<String> guests = List.of();
				if (showcaseSchool) {
					String subject = school.teachers().stream()
						.filter(t -> t.key().equals(showcase.teacherKey()))
						.findFirst()
						.orElseThrow()
						.subject();
					guests = township.schools().stream()
						.filter(s -> s != school && s.stage() == school.stage())
						.flatMap(s -> s.teachers().stream())
						.filter(t -> t.subject().equals(subject))
						.limit(4)
						.map(Teacher::key)
						.toList();
				}
				Random random = new Random(seed * 31 + school.code().hashCode());
				DemoCounty.Activities activities = new ActivityPlanner(random, calendar, school, township.name(), index++,
						showcaseSchool ? showcase.teacherKey() : null, guests).plan();
				schools.add(new School(school.code(), school.name(), school.stage(), school.townshipCode(),
						school.subjects(), school.teachers(), school.observations(), activities));
			}
			result.add(new Township(township.code(), township.name(), List.copyOf(schools)));
		}
		return List.copyOf(result);
	}

	/** Teachers are 26 to 61 in the term's year (born 1965–2000 for 2026): the same people in every term. */
	private static School school(Random random, String code, String name, Stage stage, String townshipCode,
			TermCalendar calendar) {
		List<Teacher> teachers = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (Map.Entry<String, Integer> staffing : Curriculum.staffing(stage).entrySet()) {
			String subject = staffing.getKey();
			List<String> grades = Curriculum.grades(stage, subject);
			for (int i = 0; i < staffing.getValue(); i++) {
				boolean female = random.nextDouble() < femaleShare(stage, subject);
				int birthYear = calendar.year() - 61 + random.nextInt(36);
				String teacherName = ChineseNames.name(random, female, calendar.year() - birthYear);
				while (!names.add(teacherName)) {
					teacherName = ChineseNames.name(random, female, calendar.year() - birthYear);
				}
				String title = title(random, calendar.year() - birthYear);
				String grade = grades.get(random.nextInt(grades.size()));
				teachers.add(new Teacher(String.format("%s-t%02d", code, teachers.size() + 1), teacherName,
						female ? "女" : "男", subject, title, birthYear, grade, quality(random, title)));
			}
		}
		List<String> subjects = List.copyOf(Curriculum.staffing(stage).keySet());
		List<DemoCounty.Observation> observations = new ObservationPlanner(random, stage, code, teachers, calendar).plan();
		return new School(code, name, stage, townshipCode, subjects, List.copyOf(teachers), observations, null);
	}

	private static double femaleShare(Stage stage, String subject) {
		if (subject.equals("体育")) {
			return 0.3;
		}
		return stage == Stage.PRIMARY ? 0.8 : 0.6;
	}

	private static String title(Random random, int age) {
		double r = random.nextDouble();
		if (age < 27) {
			return r < 0.4 ? "三级教师" : "二级教师";
		}
		if (age < 35) {
			return r < 0.6 ? "二级教师" : "一级教师";
		}
		if (age < 45) {
			return r < 0.1 ? "二级教师" : r < 0.8 ? "一级教师" : "高级教师";
		}
		return r < 0.05 ? "二级教师" : r < 0.5 ? "一级教师" : "高级教师";
	}

	private static int quality(Random random, String title) {
		int base = switch (title) {
			case "三级教师" -> 74;
			case "二级教师" -> 78;
			case "一级教师" -> 83;
			default -> 86;
		};
		return (int) Math.round(base + random.nextGaussian() * 4);
	}

	private static List<StaffAccount> staff(List<Township> townships) {
		List<StaffAccount> staff = new ArrayList<>();
		staff.add(new StaffAccount("bureau.admin", "云溪县教育局管理员", "BUREAU_ADMIN", null, null, null, COUNTY));
		staff.add(new StaffAccount("jyy.zhang", "张慧敏（县教研员）", "EXPERT", null, null, null, COUNTY));
		for (Township township : townships) {
			staff.add(new StaffAccount(township.code() + ".admin", township.name() + "教育管理员", "TOWNSHIP_ADMIN",
					township.code(), null, null, township.name()));
		}
		for (Township township : townships) {
			for (School school : township.schools()) {
				staff.add(new StaffAccount(school.code() + ".admin", school.name() + "管理员", "SCHOOL_ADMIN",
						township.code(), school.code(), null, school.name()));
			}
		}
		School first = townships.get(0).schools().get(0);
		List<Teacher> maths = first.teachers().stream().filter(t -> t.subject().equals("数学")).toList();
		Teacher lead = maths.get(0);
		Teacher teacher1 = maths.get(1);
		Teacher teacher2 = first.teachers().stream().filter(t -> t.subject().equals("语文")).findFirst().orElseThrow();
		String township = first.townshipCode();
		staff.add(new StaffAccount(first.code() + ".lead", lead.name(), "GROUP_LEAD", township, first.code(),
				lead.key(), first.name() + " " + School.groupName(lead.subject())));
		staff.add(new StaffAccount(first.code() + ".teacher1", teacher1.name(), "TEACHER", township, first.code(),
				teacher1.key(), first.name() + " " + teacher1.subject()));
		staff.add(new StaffAccount(first.code() + ".teacher2", teacher2.name(), "TEACHER", township, first.code(),
				teacher2.key(), first.name() + " " + teacher2.subject()));
		return List.copyOf(staff);
	}
}
