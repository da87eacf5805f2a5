package cn.xiaoben.launcher.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import cn.xiaoben.launcher.demo.DemoCounty.Activities;
import cn.xiaoben.launcher.demo.DemoCounty.Book;
import cn.xiaoben.launcher.demo.DemoCounty.Lesson;
import cn.xiaoben.launcher.demo.DemoCounty.LinkedObservation;
import cn.xiaoben.launcher.demo.DemoCounty.PlanRevision;
import cn.xiaoben.launcher.demo.DemoCounty.CompetitionResult;
import cn.xiaoben.launcher.demo.DemoCounty.Evidence;
import cn.xiaoben.launcher.demo.DemoCounty.HandSession;
import cn.xiaoben.launcher.demo.DemoCounty.Mark;
import cn.xiaoben.launcher.demo.DemoCounty.Paper;
import cn.xiaoben.launcher.demo.DemoCounty.ReadingNote;
import cn.xiaoben.launcher.demo.DemoCounty.Reflection;
import cn.xiaoben.launcher.demo.DemoCounty.ResearchProject;
import cn.xiaoben.launcher.demo.DemoCounty.School;
import cn.xiaoben.launcher.demo.DemoCounty.StageStep;
import cn.xiaoben.launcher.demo.DemoCounty.Teacher;
import cn.xiaoben.launcher.demo.DemoCounty.WeeklySlot;

/**
 * The term's other activities of one school, besides lesson observations: weekly PD per subject group (with
 * attendance), hand-planned sessions of every other form, reflections and reading notes, papers, competition
 * results and research projects. Seeded per school, so adding activities never changes the observations. The
 * showcase teacher (if in this school) gets a rich, varied term.
 */
final class ActivityPlanner {

	/** Groups this small have no weekly PD of their own (they join a 综合组 in real schools). */
	static final int MIN_GROUP_FOR_WEEKLY_PD = 3;

	/** Share of teachers who reach ten reading notes this term (most write fewer). */
	static final double AVID_READERS = 0.06;

	static final int AVID_NOTES = 10;

	private static final List<String> LECTURES = List.of("核心素养导向的大单元教学设计", "作业设计与“双减”背景下的减负提质",
			"信息技术与学科教学的深度融合", "课堂观察的方法与工具", "如何撰写一份好的教学反思", "新课标背景下的学业质量评价",
			"从教学设计到教学实施：逆向设计的思路");

	private static final List<String> SALONS = List.of("双减背景下的分层作业设计", "如何上好一节复习课", "青年教师成长沙龙：我的第一个三年",
			"课堂提问的有效性", "家校沟通中的难题与对策", "跨学科主题学习怎样落地");

	private static final List<String[]> BOOKS = List.of(
			new String[] { "给教师的建议", "苏霍姆林斯基", "第1–20条" },
			new String[] { "静悄悄的革命", "佐藤学", "第二章 教室的风景" },
			new String[] { "教学勇气", "帕克·帕尔默", "第一章 教师的心灵" },
			new String[] { "可见的学习", "约翰·哈蒂", "第四章 课堂上的学习" },
			new String[] { "追求理解的教学设计", "格兰特·威金斯", "第一、二章" },
			new String[] { "做最好的老师", "李镇西", "“教育，从尊重开始”一辑" },
			new String[] { "第56号教室的奇迹", "雷夫·艾斯奎斯", "前五章" },
			new String[] { "教育的情调", "马克斯·范梅南", "第三部分" },
			new String[] { "给教师的一百条新建议", "朱永新", "第31–60条" },
			new String[] { "学校的挑战", "佐藤学", "第一章" },
			new String[] { "陶行知教育文集", "陶行知", "《教学做合一》等篇" },
			new String[] { "怎样解题", "乔治·波利亚", "第一部分" },
			new String[] { "儿童的人格教育", "阿尔弗雷德·阿德勒", "第五至八章" },
			new String[] { "民主主义与教育", "约翰·杜威", "第十一章 经验与思维" },
			new String[] { "教师的语言力", "三好真史", "全书" },
			new String[] { "深度学习：走向核心素养", "刘月霞、郭华", "理论篇" });

	private static final List<String[]> ARTICLES = List.of(
			new String[] { "核心素养导向的课堂教学转型", "余文森" },
			new String[] { "大单元教学设计的关键问题", "崔允漷" },
			new String[] { "作业设计：从“量”到“质”的转变", "王月芬" },
			new String[] { "让学习真实发生", "郭华" });

	private static final List<String> READING_THOUGHTS = List.of("书中的观点让我很受触动：教育首先是关注人的成长，其次才是知识的传授。",
			"联系自己的{subject}课堂，我发现过去过于关注知识点的落实，而忽视了学生思维的发展。", "作者用大量鲜活的案例说明，好的课堂是倾听和对话的课堂。",
			"读完这一部分，我在班里尝试做了一些小的改变，学生的反应出乎意料地积极。", "我把书中的一些做法摘录下来，准备在下学期的教学中继续实践。",
			"这让我重新思考教师的角色：不只是知识的传授者，更是学习的组织者和陪伴者。", "其中关于评价的论述提醒我，评价的目的在于促进学习，而不是给学生贴标签。",
			"我在教研组的读书交流中分享了这些体会，同事们也提出了很多有启发的问题。");

	private static final List<String> REFLECTION_GOOD = List.of("课前我认真研读了教材和课程标准，把教学目标定位在让学生真正理解知识的来龙去脉上。",
			"导入环节借助生活情境激发了学生的兴趣，课堂气氛比较活跃。", "小组合作环节分工明确，大部分学生都能积极参与讨论并大胆表达。",
			"板书按知识结构逐步生成，学生课后反馈思路很清楚。", "练习设计有梯度，基础题和拓展题兼顾了不同层次的学生。",
			"我有意识地把课堂时间更多地留给学生，自己只在关键处点拨。");

	private static final List<String> REFLECTION_BAD = List.of("但是时间分配前松后紧，课堂小结比较仓促。", "但个别学困生在合作中参与不够，我关注得还不够及时。",
			"但提问的面还不够广，有几位学生整节课都没有发言的机会。", "但评价语言比较单一，对学生的激励还可以更具体。");

	private static final List<String> REFLECTION_NEXT = List.of("下一次我会在教学设计中预留弹性时间，并提前设计分层任务单。",
			"今后备课时要更多地预设学生可能遇到的困难，做到心中有数。", "我准备在教研组集体备课时再和同事们交流这一点，听听大家的建议。");

	private static final List<String> NARRATIVE_TITLES = List.of("那个总坐在角落里的孩子", "一次迟到引发的谈话", "课堂上的意外提问",
			"让每一个孩子都被看见", "家访路上", "一张小纸条", "他终于举起了手");

	private static final List<String> NARRATIVE = List.of("开学第二周，我注意到班上有个孩子总是一个人坐在角落里，很少和同学说话。",
			"课后我没有急着批评，而是约他到办公室聊了聊，才知道他家里最近遇到了一些困难。", "从那以后，我有意在课堂上给他一些容易成功的小任务，并及时表扬。",
			"慢慢地，他开始主动举手发言，作业也认真了许多。", "这件事让我明白，教育有时候需要慢下来，先读懂孩子，再谈教育。",
			"家长在电话里说，孩子回家后第一次主动讲起了学校里的事。");

	private static final List<String> CASE_THEMES = List.of("小组合作学习", "分层作业设计", "课堂提问", "错题资源利用", "学习任务单使用");

	private static final List<String> CASE_TEXT = List.of("本案例记录了{subject}课堂中一次{theme}的完整过程。",
			"背景：班级学生基础差异较大，传统的统一要求难以兼顾所有学生。", "过程：教师先明确任务和评价标准，再让学生分组尝试，最后集中展示与点评。",
			"分析：学生的参与度明显提高，但部分小组出现了“优生包办”的现象。", "启示：合作学习需要明确个人责任，教师要在巡视中及时介入和指导。");

	private static final List<String> PAPER_THEMES = List.of("问题链设计", "大单元教学", "分层作业", "课堂评价", "情境教学", "深度学习",
			"跨学科主题学习", "信息技术融合");

	private static final String CITY = "临江市";

	private final Random random;

	private final School school;

	private final String townshipName;

	private final int schoolIndex;

	private final List<Teacher> teachers;

	private final List<String> groupNeighbours;

	private final String showcaseKey;

	private final TermCalendar calendar;

	private final List<LocalDate> days;

	/**
	 * @param groupNeighbours teacher keys of other schools of the township who join the showcase teacher's
	 * township-level open lesson (only used in the showcase school)
	 */
	ActivityPlanner(Random random, TermCalendar calendar, School school, String townshipName, int schoolIndex,
			String showcaseKey, List<String> groupNeighbours) {
		this.random = random;
		this.calendar = calendar;
		this.days = calendar.schoolDays();
		this.school = school;
		this.townshipName = townshipName;
		this.schoolIndex = schoolIndex;
		this.teachers = school.teachers();
		this.showcaseKey = showcaseKey;
		this.groupNeighbours = groupNeighbours;
	}

	/**
	 * The plan. What came first (slots … projects) is drawn first from the school's random stream, so the later
	 * additions (session evidence, linked observations, the teacher records) leave it as it was.
	 */
	Activities plan() {
		List<WeeklySlot> slots = weeklySlots();
		List<HandSession> sessions = sessions();
		List<Reflection> reflections = reflections();
		List<ReadingNote> notes = readingNotes();
		List<Paper> papers = papers();
		List<CompetitionResult> competitions = competitions();
		List<ResearchProject> projects = projects();
		slots = slots.stream().map(this::slotEvidence).toList();
		sessions = sessions.stream().map(this::sessionEvidence).toList();
		List<LinkedObservation> linked = linkedObservations(sessions);
		TeacherRecordPlanner records = new TeacherRecordPlanner(random, calendar, school, showcaseKey);
		return new Activities(slots, sessions, reflections, notes, papers, competitions, projects, linked,
				records.onlineStudies(), records.externalTrainings(), records.mentorships(), records.skillProgrammes(),
				records.materials());
	}

	// ------------------------------------------------------------------ session evidence

	private static final List<String> THEMES = List.of("作业设计的分层与评价", "课堂提问的有效性", "单元整体教学设计", "学困生的转化策略",
			"课堂评价语言的运用", "跨学科主题学习的设计", "期中质量分析与改进", "情境创设与问题链设计");

	private static final List<String> DISCUSSION = List.of("大家结合各自课堂中的实例交流了做法和困惑。",
			"有老师提出，任务设计要从学生的真实起点出发，不能只看教参。", "也有老师认为，课堂上要给学生留出足够的思考时间，不能急于给出答案。",
			"组长建议把好的做法整理成案例，在组内共享。", "讨论中大家对评价标准的细化形成了不同意见，约定下次继续研讨。");

	private static final List<String> AGREED = List.of("形成共识：下阶段每位教师至少上一节围绕本主题的研讨课。",
			"形成共识：统一设计分层作业单，两周后交流使用效果。", "形成共识：各年级备课组整理典型课例，月底前汇总到教研组。");

	/** Minutes for three held themed sessions of a THEMED_RESEARCH slot; lesson plans for two collective preparations. */
	private WeeklySlot slotEvidence(WeeklySlot slot) {
		List<LocalDate> held = new ArrayList<>(slot.attendance().keySet());
		Map<LocalDate, String> minutes = new TreeMap<>();
		Map<LocalDate, List<PlanRevision>> plans = new TreeMap<>();
		if (slot.form().equals("THEMED_RESEARCH")) {
			for (LocalDate date : sample(held, 3)) {
				minutes.put(date, minutesText("主题教研", THEMES.get(random.nextInt(THEMES.size())), teacher(slot.hostKey())));
			}
		}
		else {
			List<LocalDate> dates = sample(held, 2).stream().sorted().toList();
			for (int d = 0; d < dates.size(); d++) {
				String key = String.format("demo-plan-%s-%s-%s", school.code(), school.subjects().indexOf(slot.subject()) + 1,
						dates.get(d).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
				plans.put(dates.get(d), revisions(key, d == dates.size() - 1 ? 2 : 1));
			}
		}
		return slot.withEvidence(java.util.Collections.unmodifiableMap(minutes), java.util.Collections.unmodifiableMap(plans));
	}

	/** Held sessions (not lectures) get minutes; the collective preparation a 初稿 and a 修改稿. */
	private HandSession sessionEvidence(HandSession session) {
		List<PlanRevision> plan = session.form().equals("COLLECTIVE_PREPARATION") ? revisions(session.key() + "-plan", 2)
				: List.of();
		String minutes = null;
		if (!session.attendance().isEmpty() && !session.form().equals("LECTURE")) {
			String theme = session.topic().substring(session.topic().indexOf('：') + 1);
			minutes = minutesText(SessionBodies.formZh(session.form()), theme, teacher(session.hostKey()));
		}
		return session.withEvidence(minutes, plan);
	}

	private List<PlanRevision> revisions(String key, int count) {
		List<PlanRevision> revisions = new ArrayList<>();
		for (int r = 1; r <= count; r++) {
			String what = r == 1 ? "初稿" : "修改稿";
			revisions.add(new PlanRevision(new Evidence(key + "-r" + r, "教案" + what + "-" + key + "-r" + r + ".pdf",
					"Lesson plan revision " + r + " " + key), r == 1 ? "主备人提交教案初稿" : "根据集体研讨意见修改：调整导入环节，增加分层练习"));
		}
		return List.copyOf(revisions);
	}

	private String minutesText(String form, String theme, Teacher host) {
		return "【" + form + "纪要】主题：" + theme + "。主持人：" + (host == null ? "" : host.name()) + "。"
				+ String.join("", sample(DISCUSSION, 3)) + AGREED.get(random.nextInt(AGREED.size()));
	}

	/**
	 * Lesson observations linked to each held open lesson and 同课异构: three colleagues of the school who were there
	 * observe every teaching teacher (the second teacher of a 同课异构 teaches in the next period).
	 */
	private List<LinkedObservation> linkedObservations(List<HandSession> sessions) {
		List<LinkedObservation> linked = new ArrayList<>();
		for (HandSession session : sessions) {
			if (session.attendance().isEmpty()
					|| !List.of("OPEN_LESSON", "SAME_LESSON_DIFFERENT_DESIGNS").contains(session.form())) {
				continue;
			}
			List<String> present = session.attendance().stream()
				.filter(m -> m.mark().equals("PRESENT") || m.mark().equals("LATE"))
				.map(Mark::teacherKey)
				.filter(k -> teacher(k) != null && !session.teachingTeacherKeys().contains(k))
				.toList();
			List<String> observers = sample(present, session.level().equals("SCHOOL") ? 3 : 4);
			for (int t = 0; t < session.teachingTeacherKeys().size(); t++) {
				Teacher teaching = teacher(session.teachingTeacherKeys().get(t));
				for (String observer : observers) {
					Map<String, Integer> scores = new java.util.LinkedHashMap<>();
					for (String dimension : ObservationPlanner.DIMENSIONS) {
						double score = teaching.quality() + 2 + random.nextGaussian() * 4;
						scores.put(dimension, (int) Math.max(60, Math.min(98, Math.round(score))));
					}
					String comment = ObservationPlanner.PRAISE.get(random.nextInt(ObservationPlanner.PRAISE.size())) + "；"
							+ ObservationPlanner.SUGGESTIONS.get(random.nextInt(ObservationPlanner.SUGGESTIONS.size())) + "。";
					String key = String.format("demo-lobs-%s-%03d", school.code(), linked.size() + 1);
					linked.add(new LinkedObservation(session.key(), new DemoCounty.Observation(key, observer,
							teaching.key(), session.lessonContent().subject(), session.lessonContent().grade(),
							session.lessonContent().title(), session.start().plusMinutes(50L * t),
							TermCalendar.LESSON_MINUTES, scores, comment)));
				}
			}
		}
		return List.copyOf(linked);
	}

	// ------------------------------------------------------------------ weekly PD

	private List<WeeklySlot> weeklySlots() {
		List<WeeklySlot> slots = new ArrayList<>();
		int n = 0;
		for (String subject : school.subjects()) {
			List<Teacher> group = group(subject);
			if (group.size() < MIN_GROUP_FOR_WEEKLY_PD) {
				continue;
			}
			DayOfWeek day = DayOfWeek.of(1 + (n++ + schoolIndex) % 5);
			boolean preparation = List.of("语文", "数学", "英语").contains(subject);
			int duration = preparation ? 90 : 60;
			LocalTime start = school.stage() == Stage.PRIMARY ? LocalTime.of(15, 40) : LocalTime.of(16, 20);
			Teacher host = group.get(0);
			Map<LocalDate, List<Mark>> attendance = new TreeMap<>();
			Map<LocalDate, String> cancelled = new TreeMap<>();
			for (LocalDate date = calendar.firstDay(); !date.isAfter(calendar.planUntil()); date = date.plusDays(1)) {
				if (date.getDayOfWeek() != day) {
					continue;
				}
				String holiday = calendar.holiday(date);
				if (holiday != null) {
					cancelled.put(date, holiday + "放假，本周教研活动取消");
				}
				else if (!date.isAfter(calendar.lastDay())) {
					attendance.put(date, marks(group.stream().filter(t -> t != host).map(Teacher::key).toList(), duration));
				}
			}
			String form = preparation ? "COLLECTIVE_PREPARATION" : "THEMED_RESEARCH";
			String topic = School.groupName(subject) + (preparation ? "每周集体备课" : "每周主题教研");
			String place = preparation ? subject + "组办公室" : "教研活动室";
			slots.add(new WeeklySlot(subject, day, start, duration, place, host.key(), form, topic,
					java.util.Collections.unmodifiableMap(attendance), java.util.Collections.unmodifiableMap(cancelled),
					Map.of(), Map.of()));
		}
		return List.copyOf(slots);
	}

	/** Mostly present for the whole session, some late, a few excused or absent. */
	private List<Mark> marks(List<String> teacherKeys, int duration) {
		List<Mark> marks = new ArrayList<>();
		for (String key : teacherKeys) {
			double r = random.nextDouble();
			if (key.equals(showcaseKey) && r >= 0.86) {
				r = 0; // the showcase teacher does not miss sessions
			}
			if (r < 0.86) {
				marks.add(new Mark(key, "PRESENT", duration));
			}
			else if (r < 0.93) {
				marks.add(new Mark(key, "LATE", duration - 5 - random.nextInt(16)));
			}
			else if (r < 0.975) {
				marks.add(new Mark(key, "EXCUSED", 0));
			}
			else {
				marks.add(new Mark(key, "ABSENT", 0));
			}
		}
		return List.copyOf(marks);
	}

	// ------------------------------------------------------------------ hand-planned sessions

	private List<HandSession> sessions() {
		List<HandSession> sessions = new ArrayList<>();
		String biggest = school.subjects().stream().max(Comparator.comparingInt(s -> group(s).size())).orElseThrow();
		// 集体备课: the group lead hosts, another member prepares the lesson
		List<Teacher> chinese = group(biggest);
		Teacher preparer = chinese.get(1 + random.nextInt(chinese.size() - 1));
		String prepTopic = topicOf(preparer);
		sessions.add(session(sessions, "COLLECTIVE_PREPARATION", "集体备课：" + preparer.grade() + "《" + prepTopic + "》", "SCHOOL",
				chinese.get(0), biggest, day(9, 10), LocalTime.of(14, 0), 90, biggest + "组办公室",
				others(chinese, chinese.get(0)), null, preparer.key(), List.of(), null,
				new Lesson(preparer.subject(), preparer.grade(), prepTopic), null));
		// 专题讲座: a senior teacher speaks to the whole staff
		Teacher speaker = teachers.stream().filter(t -> t.title().equals("高级教师"))
			.max(Comparator.comparingInt(Teacher::quality)).orElse(teachers.get(0));
		String lecture = LECTURES.get((schoolIndex + random.nextInt(3)) % LECTURES.size());
		sessions.add(session(sessions, "LECTURE", "专题讲座：" + lecture, "SCHOOL", speaker, null, day(9, 11), LocalTime.of(15, 40),
				90, "学校报告厅", others(teachers, speaker), speaker.key(), null, List.of(), null, null, null));
		// 专题沙龙
		Teacher salonHost = pick(teachers);
		sessions.add(session(sessions, "SALON", "专题沙龙：" + SALONS.get(random.nextInt(SALONS.size())), "SCHOOL", salonHost, null,
				day(10, 11), LocalTime.of(15, 40), 60, "教师书吧", sample(others(teachers, salonHost), 10), null, null,
				List.of(), null, null, null));
		// 读书交流会
		String[] book = BOOKS.get(random.nextInt(BOOKS.size()));
		Teacher reader = pick(teachers);
		sessions.add(session(sessions, "READING_CLUB", "读书交流会：《" + book[0] + "》", "SCHOOL", reader, null, day(10, 11),
				LocalTime.of(15, 40), 60, "图书馆阅览室", sample(others(teachers, reader), 12), null, null, List.of(),
				null, null, new Book(book[0], book[1], book[2])));
		// 公开课: one teacher of the biggest groups teaches, the group and a few others watch and discuss
		String lessonSubject = school.subjects().get(1);
		List<Teacher> lessonGroup = group(lessonSubject);
		Teacher teaching = lessonGroup.get(lessonGroup.size() - 1);
		if (!teaching.key().equals(showcaseKey)) {
			sessions.add(openLesson(sessions, teaching, "SCHOOL", day(10, 11), lessonGroup, List.of()));
		}
		// 同课异构: two teachers teach the same topic in their own designs
		List<Teacher> sameGroup = group(school.subjects().get(0));
		Teacher first = sameGroup.get(1);
		Teacher second = sameGroup.get(2);
		String same = topicOf(first);
		sessions.add(session(sessions, "SAME_LESSON_DIFFERENT_DESIGNS", "同课异构：" + first.grade() + "《" + same + "》", "SCHOOL",
				first, first.subject(), day(11, 11), LocalTime.of(9, 55), 120, "录播教室", others(sameGroup, first), null,
				null, List.of(first.key(), second.key()), null, new Lesson(first.subject(), first.grade(), same), null));
		// a lecture still ahead, planned in every third school
		if (schoolIndex % 3 == 0) {
			Teacher next = pick(teachers);
			sessions.add(session(sessions, "LECTURE", "专题讲座：" + LECTURES.get((schoolIndex + 3) % LECTURES.size()), "SCHOOL",
					next, null, calendar.planned(12, 2), LocalTime.of(15, 40), 90, "学校报告厅", others(teachers, next),
					next.key(), null, List.of(), null, null, null));
		}
		Teacher showcase = teacher(showcaseKey);
		if (showcase != null) {
			List<Teacher> group = group(showcase.subject());
			sessions.add(session(sessions, "SALON", "专题沙龙：" + showcase.subject() + "课堂提问的有效性", "SCHOOL", showcase,
					showcase.subject(), calendar.planned(10, 21), LocalTime.of(15, 40), 60, "教师书吧",
					others(group, showcase), null, null, List.of(), null, null, null));
			sessions.add(openLesson(sessions, showcase, "TOWNSHIP", calendar.planned(11, 12), group, groupNeighbours));
		}
		return List.copyOf(sessions);
	}

	private HandSession openLesson(List<HandSession> sessions, Teacher teaching, String level, LocalDate date,
			List<Teacher> group, List<String> guests) {
		String topic = topicOf(teaching);
		String kind = level.equals("TOWNSHIP") ? "示范课" : teaching.title().equals("高级教师") ? "示范课"
				: calendar.year() - teaching.birthYear() < 30 ? "汇报课" : "公开课";
		String lessonKind = switch (kind) {
			case "示范课" -> "DEMONSTRATION";
			case "汇报课" -> "REPORT";
			default -> "OPEN";
		};
		List<String> participants = new ArrayList<>(others(group, teaching));
		participants.addAll(sample(others(teachers, teaching).stream().filter(k -> !participants.contains(k)).toList(), 4));
		participants.addAll(guests);
		String prefix = level.equals("TOWNSHIP") ? townshipName + kind : kind;
		return session(sessions, "OPEN_LESSON", prefix + "：" + teaching.grade() + teaching.subject() + "《" + topic + "》", level,
				teaching, teaching.subject(), date, LocalTime.of(9, 55), 90, "录播教室", participants, null, null,
				List.of(teaching.key()), lessonKind, new Lesson(teaching.subject(), teaching.grade(), topic), null);
	}

	private HandSession session(List<HandSession> sessions, String form, String topic, String level, Teacher host,
			String subject, LocalDate date, LocalTime start, int minutes, String place, List<String> participants,
			String speakerKey, String mainPreparerKey, List<String> teachingKeys, String lessonKind,
			Lesson lessonContent, Book book) {
		OffsetDateTime begin = OffsetDateTime.of(date, start, ObservationPlanner.CHINA);
		List<Mark> attendance = date.isAfter(calendar.lastDay()) ? List.of() : marks(participants, minutes);
		return new HandSession(String.format("demo-ses-%s-%02d", school.code(), sessions.size() + 1), form, topic,
				level, host.key(), subject, begin, begin.plusMinutes(minutes), place, List.copyOf(participants),
				attendance, speakerKey, mainPreparerKey, List.copyOf(teachingKeys), lessonKind, lessonContent, book, null,
				List.of());
	}

	// ------------------------------------------------------------------ reflections and reading notes

	private List<Reflection> reflections() {
		List<Reflection> reflections = new ArrayList<>();
		for (Teacher teacher : teachers) {
			boolean showcase = teacher.key().equals(showcaseKey);
			double r = random.nextDouble();
			int count = showcase ? 3 : r < 0.3 ? 0 : r < 0.75 ? 1 : 2;
			for (int i = 0; i < count; i++) {
				String kind = showcase ? List.of("teachingReflection", "educationNarrative", "caseStudy").get(i)
						: pickWeighted("teachingReflection", 0.6, "educationNarrative", 0.25, "caseStudy");
				String topic = topicOf(teacher);
				String title;
				String text;
				switch (kind) {
					case "teachingReflection" -> {
						title = "《" + topic + "》教学反思";
						text = "本周我在" + teacher.grade() + "执教了《" + topic + "》一课。" + String.join("", sample(REFLECTION_GOOD, 2))
								+ REFLECTION_BAD.get(random.nextInt(REFLECTION_BAD.size()))
								+ REFLECTION_NEXT.get(random.nextInt(REFLECTION_NEXT.size()));
					}
					case "educationNarrative" -> {
						title = NARRATIVE_TITLES.get(random.nextInt(NARRATIVE_TITLES.size()));
						text = String.join("", NARRATIVE.subList(0, 3 + random.nextInt(NARRATIVE.size() - 2)));
					}
					default -> {
						String theme = CASE_THEMES.get(random.nextInt(CASE_THEMES.size()));
						title = teacher.subject() + "课堂" + theme + "案例分析——以《" + topic + "》为例";
						text = String.join("", CASE_TEXT).replace("{subject}", teacher.subject()).replace("{theme}", theme);
					}
				}
				reflections.add(new Reflection(String.format("demo-refl-%s-%03d", school.code(), reflections.size() + 1),
						teacher.key(), kind, title, text, day(9, 11)));
			}
		}
		return List.copyOf(reflections);
	}

	private List<ReadingNote> readingNotes() {
		List<ReadingNote> notes = new ArrayList<>();
		for (Teacher teacher : teachers) {
			boolean avid = teacher.key().equals(showcaseKey) || random.nextDouble() < AVID_READERS;
			double r = random.nextDouble();
			int count = avid ? AVID_NOTES : r < 0.25 ? 0 : r < 0.6 ? 1 : r < 0.85 ? 2 : r < 0.95 ? 3 : 4;
			List<Integer> order = shuffled(BOOKS.size() + ARTICLES.size());
			List<LocalDate> dates = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				// spread over the term: the i-th note falls in the i-th part of it
				int from = days.size() * i / count;
				int to = Math.max(from + 1, days.size() * (i + 1) / count);
				dates.add(days.get(from + random.nextInt(to - from)));
			}
			for (int i = 0; i < count; i++) {
				int item = order.get(i);
				String text;
				ReadingNote note;
				String key = String.format("demo-read-%s-%04d", school.code(), notes.size() + 1);
				String thoughts = String.join("", sample(READING_THOUGHTS, 3)).replace("{subject}", teacher.subject());
				if (item < BOOKS.size()) {
					String[] book = BOOKS.get(item);
					text = "近期我读了" + book[1] + "的《" + book[0] + "》（" + book[2] + "）。" + thoughts;
					note = new ReadingNote(key, teacher.key(), "book", "读《" + book[0] + "》有感", book[0], book[1], book[2],
							text, dates.get(i));
				}
				else {
					String[] article = ARTICLES.get(item - BOOKS.size());
					text = "近期我读了" + article[1] + "的文章《" + article[0] + "》。" + thoughts;
					note = new ReadingNote(key, teacher.key(), "article", "《" + article[0] + "》读后", article[0], article[1],
							null, text, dates.get(i));
				}
				notes.add(note);
			}
		}
		return List.copyOf(notes);
	}

	// ------------------------------------------------------------------ papers, competitions, research

	private List<Paper> papers() {
		List<Paper> papers = new ArrayList<>();
		for (Teacher teacher : teachers) {
			boolean showcase = teacher.key().equals(showcaseKey);
			if (!showcase && (calendar.year() - teacher.birthYear() < 26 || random.nextDouble() >= 0.18)) {
				continue;
			}
			int count = showcase ? 2 : 1;
			for (int i = 0; i < count; i++) {
				boolean journal = showcase ? i == 0 : random.nextDouble() < 0.4;
				String level = showcase ? (journal ? "PROVINCE" : "COUNTY")
						: pickWeighted("SCHOOL", 0.12, "TOWNSHIP", 0.15, "COUNTY", 0.38, "CITY", 0.2, "PROVINCE", 0.12,
								"NATIONAL");
				if (journal && List.of("SCHOOL", "TOWNSHIP").contains(level)) {
					level = "COUNTY"; // no journal below the county's own
				}
				List<String> authors = new ArrayList<>(List.of(teacher.key()));
				List<Teacher> group = others(group(teacher.subject()), teacher).stream().map(this::teacher).toList();
				if (!group.isEmpty() && random.nextDouble() < 0.3) {
					authors.add(pick(group).key());
				}
				String theme = PAPER_THEMES.get(random.nextInt(PAPER_THEMES.size()));
				boolean isCase = !showcase && random.nextDouble() < 0.25;
				String title = isCase ? teacher.subject() + theme + "教学案例——以《" + topicOf(teacher) + "》为例"
						: pickWeighted("基于核心素养的" + teacher.subject() + theme + "实践研究", 0.4,
								teacher.subject() + "教学中" + theme + "的实践与思考", 0.35,
								"以《" + topicOf(teacher) + "》为例谈" + teacher.subject() + theme);
				String outlet = journal ? journal(level, teacher.subject()) : award(level);
				String grade = journal ? null
						: showcase ? "FIRST" : pickWeighted("FIRST", 0.15, "SECOND", 0.3, "THIRD", 0.35, "EXCELLENCE");
				String key = String.format("demo-paper-%s-%02d", school.code(), papers.size() + 1);
				Evidence evidence = journal ? null : new Evidence(key + "-cert", "获奖证书-" + key + ".pdf",
						"Award certificate " + key);
				papers.add(new Paper(key, List.copyOf(authors), title, isCase ? "CASE" : "PAPER",
						journal ? "JOURNAL" : "AWARD", outlet, level, grade, day(9, 11), evidence));
			}
		}
		return List.copyOf(papers);
	}

	private String journal(String level, String subject) {
		return switch (level) {
			case "COUNTY" -> "云溪教育";
			case "CITY" -> CITY + "教育研究";
			case "PROVINCE" -> pickWeighted("基础教育论坛", 0.5, "中小学教学研究");
			default -> switch (subject) {
				case "数学" -> school.stage() == Stage.PRIMARY ? "小学数学教师" : "中学数学教学参考";
				case "语文" -> "语文建设";
				case "英语" -> "中小学外语教学";
				default -> "中国教育学刊";
			};
		};
	}

	private String award(String level) {
		return switch (level) {
			case "SCHOOL" -> school.name() + calendar.year() + "年教学论文评比";
			case "TOWNSHIP" -> townshipName + calendar.year() + "年教育教学论文评选";
			case "COUNTY" -> "云溪县" + calendar.year() + "年中小学优秀教育教学论文评选";
			case "CITY" -> CITY + "第十二届基础教育优秀论文评选";
			case "PROVINCE" -> "省教育学会" + calendar.year() + "年度教育教学论文评选";
			default -> "全国中小学教师优秀教学案例征集评选";
		};
	}

	private List<CompetitionResult> competitions() {
		List<CompetitionResult> results = new ArrayList<>();
		for (Teacher teacher : teachers) {
			boolean showcase = teacher.key().equals(showcaseKey);
			if (!showcase && (calendar.year() - teacher.birthYear() > 45 || random.nextDouble() >= 0.18)) {
				continue;
			}
			String kind = showcase ? "QUALITY_LESSON"
					: pickWeighted("QUALITY_LESSON", 0.45, "BASIC_SKILLS", 0.25, "TEACHING_EXPERT", 0.1,
							teacher.subject().equals("数学") ? "PROBLEM_SOLVING" : "OTHER", 0.1, "OTHER");
			String level = showcase ? "COUNTY" : pickWeighted("TOWNSHIP", 0.3, "COUNTY", 0.5, "CITY");
			String where = switch (level) {
				case "TOWNSHIP" -> townshipName;
				case "COUNTY" -> "云溪县";
				default -> CITY;
			};
			String name = switch (kind) {
				case "QUALITY_LESSON" -> where + calendar.year() + "年" + teacher.subject() + "优质课评选";
				case "BASIC_SKILLS" -> where + "青年教师教学基本功大赛";
				case "TEACHING_EXPERT" -> where + "教学能手评选";
				case "PROBLEM_SOLVING" -> where + "数学教师解题大赛";
				default -> where + "中小学微课制作比赛";
			};
			String result = showcase ? "FIRST"
					: pickWeighted("FIRST", 0.15, "SECOND", 0.25, "THIRD", 0.3, "EXCELLENCE", 0.15, "PARTICIPATED");
			String key = String.format("demo-comp-%s-%02d", school.code(), results.size() + 1);
			Evidence evidence = List.of("FIRST", "SECOND").contains(result)
					? new Evidence(key + "-cert", "获奖证书-" + key + ".pdf", "Competition certificate " + key) : null;
			results.add(new CompetitionResult(key, teacher.key(), name, kind, level, result,
					showcase ? calendar.planned(10, 28) : day(9, 11), evidence));
		}
		return List.copyOf(results);
	}

	private List<ResearchProject> projects() {
		List<ResearchProject> projects = new ArrayList<>();
		Teacher showcase = teacher(showcaseKey);
		// a county (senior schools: city) project of the biggest group, opened but running on
		String mainSubject = showcase != null ? showcase.subject() : school.subjects().get(schoolIndex % 2);
		List<Teacher> group = group(mainSubject);
		Teacher leader = group.get(0);
		List<String> members = new ArrayList<>(others(group, leader).subList(0, Math.min(4, group.size() - 1)));
		if (showcase != null && !members.contains(showcaseKey)) {
			members.set(0, showcaseKey);
		}
		String level = school.stage() == Stage.SENIOR ? "CITY" : "COUNTY";
		String theme = PAPER_THEMES.get(random.nextInt(PAPER_THEMES.size()));
		String key1 = String.format("demo-proj-%s-1", school.code());
		projects.add(new ResearchProject(key1, "基于核心素养的" + school.stage().label() + mainSubject + theme + "研究", level,
				mainSubject, leader.key(), List.copyOf(members), calendar.planned(9, 4 + random.nextInt(4)), List.of(
						new StageStep("APPROVED", calendar.planned(10, 12 + random.nextInt(5)),
								"经云溪县教育科学规划领导小组评审，准予立项。", null),
						new StageStep("OPENED", calendar.planned(11, 3 + random.nextInt(5)), "召开开题论证会，专家组同意开题。",
								new Evidence(key1 + "-opening", "开题报告-" + key1 + ".pdf", "Opening report " + key1)))));
		// a school micro-project (校级微课题) that runs within the term; in every other school it is concluded
		String microSubject = showcase != null ? showcase.subject() : school.subjects().get(2 + schoolIndex % 3);
		List<Teacher> microGroup = group(microSubject);
		Teacher microLeader = showcase != null ? showcase : microGroup.get(microGroup.size() - 1);
		List<String> microMembers = others(microGroup, microLeader).stream()
			.filter(k -> !k.equals(leader.key())).limit(2).toList();
		String key2 = String.format("demo-proj-%s-2", school.code());
		List<StageStep> steps = new ArrayList<>(List.of(
				new StageStep("APPROVED", calendar.planned(9, 14 + random.nextInt(5)), "学校教科室审核通过，准予立项。", null),
				new StageStep("OPENED", calendar.planned(9, 21 + random.nextInt(3)), "教研组内开题，明确研究问题与分工。", null),
				new StageStep("MIDTERM", calendar.planned(10, 19 + random.nextInt(10)), "完成中期检查，研究按计划推进。", null)));
		if (showcase != null || schoolIndex % 2 == 0) {
			steps.add(new StageStep("CONCLUDED", calendar.planned(11, 9 + random.nextInt(10)), "通过结题鉴定，成果在校内推广。",
					new Evidence(key2 + "-report", "结题报告-" + key2 + ".pdf", "Final report " + key2)));
		}
		String microTopic = CASE_THEMES.get(random.nextInt(CASE_THEMES.size()));
		projects.add(new ResearchProject(key2, school.stage().label() + microSubject + microTopic + "的实践研究（微课题）", "SCHOOL",
				microSubject, microLeader.key(), microMembers, calendar.planned(9, 2 + random.nextInt(7)),
				List.copyOf(steps)));
		return List.copyOf(projects);
	}

	// ------------------------------------------------------------------ helpers

	private List<Teacher> group(String subject) {
		return teachers.stream().filter(t -> t.subject().equals(subject)).toList();
	}

	private Teacher teacher(String key) {
		return teachers.stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
	}

	private static List<String> others(List<Teacher> group, Teacher except) {
		return group.stream().filter(t -> t != except).map(Teacher::key).toList();
	}

	private String topicOf(Teacher teacher) {
		List<Curriculum.Topic> topics = Curriculum.topics(school.stage(), teacher.subject())
			.stream()
			.filter(t -> t.grade().equals(teacher.grade()))
			.toList();
		return topics.get(random.nextInt(topics.size())).title();
	}

	/** A school day in the given months (September = 9 … November = 11). */
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

	private List<Integer> shuffled(int n) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		java.util.Collections.shuffle(order, random);
		return order;
	}

	/** {@code pickWeighted(a, pa, b, pb, …, last)}: a with probability pa, b with pb, …, else last. */
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
