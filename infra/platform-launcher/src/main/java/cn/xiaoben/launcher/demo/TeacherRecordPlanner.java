package cn.xiaoben.launcher.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.xiaoben.launcher.demo.DemoCounty.Checkpoint;
import cn.xiaoben.launcher.demo.DemoCounty.Evidence;
import cn.xiaoben.launcher.demo.DemoCounty.ExternalTraining;
import cn.xiaoben.launcher.demo.DemoCounty.Mentorship;
import cn.xiaoben.launcher.demo.DemoCounty.OnlineStudy;
import cn.xiaoben.launcher.demo.DemoCounty.School;
import cn.xiaoben.launcher.demo.DemoCounty.SkillProgramme;
import cn.xiaoben.launcher.demo.DemoCounty.Teacher;
import cn.xiaoben.launcher.demo.DemoCounty.TeachingMaterial;

/**
 * The records a teacher keeps besides sessions and writing, for one school's autumn term: online studies
 * (网络研修), external trainings (外出培训 / 外出听课, with a certificate), mentorships (师徒结对 of the school year
 * the term opens, young teachers as mentees) with checkpoints, skill programmes (信息技术应用能力提升工程2.0 …) with
 * completed modules and some results, and teaching materials (一套完整教案 / 一份试卷, a PDF each). Nothing is dated
 * after the term's last day. The showcase teacher (if in the school) has one of each and mentors the youngest
 * teacher of their group.
 */
final class TeacherRecordPlanner {

	/** 青年教师: at most this age at the start of the school year (the portfolio's {@code youngTeacherMaxAge}). */
	static final int YOUNG_MAX_AGE = 35;

	static final int MAX_MENTEES_PER_SCHOOL = 3;

	private static final List<String> PLATFORMS = List.of("国家中小学智慧教育平台", "国家中小学智慧教育平台", "省教师教育网",
			"中国教师研修网");

	private static final List<String> COURSES = List.of("{year}年暑期教师研修：{subject}学科教学专题", "义务教育课程标准（2022年版）解读",
			"中小学教师心理健康教育专题", "人工智能助推教师专业发展", "师德师风专题教育", "作业设计与评价专题", "家庭教育指导能力提升",
			"{subject}大单元教学设计案例研修");

	private static final List<String[]> PROGRAMMES = List.of(
			new String[] { "信息技术应用能力提升工程2.0", "COUNTY", "A1 技术支持的学情分析", "A3 演示文稿设计与制作", "B2 微课程设计与制作",
					"A6 技术支持的课堂导入", "A9 技术支持的课堂讲授" },
			new String[] { "新课标专题研修（2022年版课程标准）", "PROVINCE", "课程标准总体解读", "学科核心素养与课程目标", "学业质量标准",
					"教学建议与典型案例" });

	private static final List<String> GOALS = List.of("站稳讲台：独立完成一个单元的教学设计与实施", "每学期听师傅的课不少于10节，并写出听课反思",
			"在师傅指导下上好一节汇报课", "学会分析学情与作业，做好培优补差");

	private final Random random;

	private final School school;

	private final TermCalendar calendar;

	private final String showcaseKey;

	private final List<Teacher> teachers;

	private final List<LocalDate> days;

	TeacherRecordPlanner(Random random, TermCalendar calendar, School school, String showcaseKey) {
		this.random = random;
		this.calendar = calendar;
		this.school = school;
		this.showcaseKey = showcaseKey;
		this.teachers = school.teachers();
		this.days = calendar.schoolDays();
	}

	boolean young(Teacher teacher) {
		return calendar.year() - teacher.birthYear() <= YOUNG_MAX_AGE;
	}

	// ------------------------------------------------------------------ 网络研修

	List<OnlineStudy> onlineStudies() {
		List<OnlineStudy> studies = new ArrayList<>();
		for (Teacher teacher : teachers) {
			boolean showcase = teacher.key().equals(showcaseKey);
			double r = random.nextDouble();
			int count = showcase ? 2 : r < 0.5 ? 0 : r < 0.85 ? 1 : 2;
			List<String> courses = sample(COURSES, count);
			for (int i = 0; i < count; i++) {
				String course = courses.get(i).replace("{subject}", teacher.subject())
					.replace("{year}", String.valueOf(calendar.year()));
				double hours = 2 + random.nextInt(17) * 0.5; // 2.0 … 10.0
				studies.add(new OnlineStudy(String.format("demo-online-%s-%03d", school.code(), studies.size() + 1),
						teacher.key(), PLATFORMS.get(random.nextInt(PLATFORMS.size())), course, hours, day(9, 11)));
			}
		}
		return List.copyOf(studies);
	}

	// ------------------------------------------------------------------ 外出培训 / 外出听课

	List<ExternalTraining> externalTrainings() {
		List<ExternalTraining> trainings = new ArrayList<>();
		for (Teacher teacher : teachers) {
			boolean showcase = teacher.key().equals(showcaseKey);
			if (!showcase && random.nextDouble() >= 0.1) {
				continue;
			}
			boolean observation = !showcase && random.nextDouble() < 0.3;
			String level = showcase ? "CITY"
					: observation ? pick(List.of("COUNTY", "CITY")) : pickWeighted("COUNTY", 0.3, "CITY", 0.4, "PROVINCE", 0.2, "NATIONAL");
			int length = observation ? 1 : 1 + random.nextInt(3);
			LocalDate start = day(9, 11);
			while (start.plusDays(length - 1).isAfter(calendar.lastDay())
					|| start.plusDays(length - 1).getDayOfWeek() == DayOfWeek.SATURDAY
					|| start.plusDays(length - 1).getDayOfWeek() == DayOfWeek.SUNDAY) {
				start = day(9, 11);
			}
			String subject = teacher.subject();
			String stage = school.stage().label();
			String title;
			String organizer;
			String place;
			switch (level) {
				case "COUNTY" -> {
					title = observation ? "云溪县" + stage + subject + "优质课观摩活动" : "云溪县" + stage + subject + "骨干教师培训";
					organizer = "云溪县教师发展中心";
					place = "云溪县教师发展中心";
				}
				case "CITY" -> {
					title = observation ? "临江市" + stage + subject + "课堂教学展示观摩" : "临江市" + stage + subject + "教师专业能力提升研修班";
					organizer = "临江市教育科学研究院";
					place = "临江市第一实验学校";
				}
				case "PROVINCE" -> {
					title = "省" + stage + subject + "新课标实施培训班";
					organizer = "省教育厅教师工作处";
					place = "省教育学院";
				}
				default -> {
					title = "国培计划（" + calendar.year() + "）——" + stage + subject + "骨干教师示范性培训";
					organizer = "教育部教师工作司";
					place = "北京师范大学";
				}
			}
			double hours = length * 6.0;
			String key = String.format("demo-ext-%s-%02d", school.code(), trainings.size() + 1);
			trainings.add(new ExternalTraining(key, teacher.key(), observation ? "OBSERVATION" : "TRAINING", title,
					organizer, level, place, start, start.plusDays(length - 1), hours,
					new Evidence(key + "-cert", "结业证书-" + key + ".pdf", "Training certificate " + key)));
		}
		return List.copyOf(trainings);
	}

	// ------------------------------------------------------------------ 师徒结对

	/**
	 * The youngest teachers (at most {@value #MAX_MENTEES_PER_SCHOOL}, the showcase teacher's young colleague first)
	 * each get an experienced mentor of their subject (else of the school), one mentee per mentor.
	 */
	List<Mentorship> mentorships() {
		List<Mentorship> mentorships = new ArrayList<>();
		List<Teacher> young = new ArrayList<>(teachers.stream()
			.filter(this::young)
			.sorted(Comparator.comparingInt(Teacher::birthYear).reversed().thenComparing(Teacher::key))
			.toList());
		Set<String> mentors = new HashSet<>();
		Teacher showcase = teachers.stream().filter(t -> t.key().equals(showcaseKey)).findFirst().orElse(null);
		if (showcase != null) {
			Teacher mentee = young.stream().filter(t -> t.subject().equals(showcase.subject()) && t != showcase)
				.findFirst().orElse(null);
			if (mentee != null) {
				young.remove(mentee);
				young.add(0, mentee);
				mentors.add(showcase.key());
			}
		}
		for (Teacher mentee : young.subList(0, Math.min(MAX_MENTEES_PER_SCHOOL, young.size()))) {
			Teacher mentor = mentorships.isEmpty() && mentors.contains(showcaseKey) ? showcase : mentorFor(mentee, mentors);
			if (mentor == null) {
				continue;
			}
			mentors.add(mentor.key());
			LocalDate started = calendar.planned(9, 7 + random.nextInt(5));
			List<Checkpoint> checkpoints = new ArrayList<>();
			checkpoints.add(new Checkpoint(started.plusDays(7 + random.nextInt(7)), "PLAN_REVIEWED",
					"师傅审阅徒弟第一单元教案，就教学目标的表述和重难点的突破提出修改意见。"));
			checkpoints.add(new Checkpoint(calendar.planned(10, 12 + random.nextInt(10)), "LESSON_OBSERVED",
					"师傅听徒弟一节" + mentee.subject() + "课并当面评课：课堂节奏把握较好，提问的层次还需加强。"));
			if (random.nextDouble() < 0.6 || mentor == showcase) {
				checkpoints.add(new Checkpoint(calendar.planned(11, 3 + random.nextInt(12)), "LESSON_GUIDED",
						"师傅指导徒弟准备汇报课，一起打磨教学设计并试讲两次。"));
			}
			mentorships.add(new Mentorship(String.format("demo-mentor-%s-%02d", school.code(), mentorships.size() + 1),
					mentor.key(), mentee.key(), calendar.schoolYear(), sample(GOALS, 3), started, List.copyOf(checkpoints)));
		}
		return List.copyOf(mentorships);
	}

	private Teacher mentorFor(Teacher mentee, Set<String> taken) {
		Comparator<Teacher> best = Comparator.comparingInt(Teacher::quality).reversed().thenComparing(Teacher::key);
		List<Teacher> experienced = teachers.stream()
			.filter(t -> !taken.contains(t.key()) && !t.key().equals(showcaseKey) && calendar.year() - t.birthYear() >= 40
					&& !t.title().equals("三级教师"))
			.sorted(best)
			.toList();
		return experienced.stream().filter(t -> t.subject().equals(mentee.subject())).findFirst()
			.orElse(experienced.isEmpty() ? null : experienced.get(0));
	}

	// ------------------------------------------------------------------ 技能提升项目

	List<SkillProgramme> skillProgrammes() {
		List<SkillProgramme> programmes = new ArrayList<>();
		for (Teacher teacher : teachers) {
			boolean showcase = teacher.key().equals(showcaseKey);
			if (!showcase && random.nextDouble() >= 0.15) {
				continue;
			}
			String[] programme = showcase ? PROGRAMMES.get(0) : PROGRAMMES.get(random.nextInt(PROGRAMMES.size()));
			List<String> modules = java.util.Arrays.asList(programme).subList(2, programme.length).stream().toList();
			LocalDate enrolled = calendar.planned(9, 8 + random.nextInt(10));
			int done = showcase ? modules.size() : random.nextInt(modules.size() + 1);
			List<LocalDate> completions = new ArrayList<>();
			LocalDate on = enrolled;
			for (int m = 0; m < done; m++) {
				on = on.plusDays(7 + random.nextInt(9));
				if (on.isAfter(calendar.lastDay())) {
					break;
				}
				completions.add(on);
			}
			Boolean passed = null;
			LocalDate resultOn = null;
			Integer score = null;
			if (completions.size() == modules.size() && (showcase || random.nextDouble() < 0.8)) {
				resultOn = on.plusDays(2).isAfter(calendar.lastDay()) ? on : on.plusDays(2);
				passed = showcase || random.nextDouble() < 0.9;
				score = passed ? 78 + random.nextInt(18) : 50 + random.nextInt(10);
			}
			programmes.add(new SkillProgramme(String.format("demo-skill-%s-%02d", school.code(), programmes.size() + 1),
					teacher.key(), programme[0], programme[1], modules, enrolled, List.copyOf(completions), passed,
					resultOn, score));
		}
		return List.copyOf(programmes);
	}

	// ------------------------------------------------------------------ 教案 / 试卷

	/** Young teachers hand in their 六个一 materials (most a lesson plan set, many a test paper); a few others too. */
	List<TeachingMaterial> materials() {
		List<TeachingMaterial> materials = new ArrayList<>();
		for (Teacher teacher : teachers) {
			boolean showcase = teacher.key().equals(showcaseKey);
			boolean young = young(teacher);
			boolean plans = showcase || random.nextDouble() < (young ? 0.55 : 0.04);
			boolean test = showcase || random.nextDouble() < (young ? 0.4 : 0.04);
			int unit = 1 + random.nextInt(6);
			if (plans) {
				materials.add(material(materials, teacher, "LESSON_PLAN_SET",
						teacher.grade() + teacher.subject() + "第" + unit + "单元完整教案", day(10, 11)));
			}
			if (test) {
				materials.add(material(materials, teacher, "TEST_PAPER",
						teacher.grade() + teacher.subject() + (random.nextBoolean() ? "期中质量检测试卷" : "第" + unit + "单元测试卷"),
						day(10, 11)));
			}
		}
		return List.copyOf(materials);
	}

	private TeachingMaterial material(List<TeachingMaterial> materials, Teacher teacher, String kind, String title,
			LocalDate on) {
		String key = String.format("demo-mat-%s-%03d", school.code(), materials.size() + 1);
		String what = kind.equals("TEST_PAPER") ? "试卷" : "教案";
		return new TeachingMaterial(key, teacher.key(), kind, title, teacher.subject(), teacher.grade(), on,
				new Evidence(key + "-file", what + "-" + key + ".pdf", (kind.equals("TEST_PAPER") ? "Test paper " : "Lesson plans ") + key));
	}

	// ------------------------------------------------------------------ helpers

	private LocalDate day(int fromMonth, int toMonth) {
		List<LocalDate> pool = days.stream()
			.filter(d -> d.getMonthValue() >= fromMonth && d.getMonthValue() <= toMonth)
			.toList();
		return pool.get(random.nextInt(pool.size()));
	}

	private <T> T pick(List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	private <T> List<T> sample(List<T> list, int n) {
		List<T> copy = new ArrayList<>(list);
		java.util.Collections.shuffle(copy, random);
		return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
	}

	@SuppressWarnings("unchecked")
	private <T> T pickWeighted(Object... choices) {
		double r = random.nextDouble();
		double sum = 0;
		for (int i = 0; i + 1 < choices.length; i += 2) {
			sum += (Double) choices[i + 1];
			if (r < sum) {
				return (T) choices[i];
			}
		}
		return (T) choices[choices.length - 1];
	}
}
