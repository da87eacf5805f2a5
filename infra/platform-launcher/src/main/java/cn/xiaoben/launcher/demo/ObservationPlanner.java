package cn.xiaoben.launcher.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.xiaoben.launcher.demo.DemoCounty.Observation;
import cn.xiaoben.launcher.demo.DemoCounty.Teacher;

/**
 * A term of lesson observations in one school: every teacher observes {@value #PER_OBSERVER} lessons of
 * colleagues, mostly of their own subject group; several colleagues often sit in the same open lesson; nobody is
 * in two lessons at once.
 */
final class ObservationPlanner {

	static final int PER_OBSERVER = 6;

	static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

	static final List<String> DIMENSIONS = List.of("objectives", "content", "method", "engagement", "effect",
			"basicSkills");

	static final List<String> PRAISE = List.of("教学目标明确，重难点突出", "课堂结构清晰，环节过渡自然", "情境导入新颖，学生兴趣浓厚",
			"教态亲切，语言规范简洁", "注重学生主体地位，师生互动充分", "板书设计合理，条理清楚", "问题设计有梯度，启发性强", "小组合作有效，展示交流充分",
			"信息技术运用恰当，直观高效", "基本功扎实，讲解准确到位", "注重学法指导，学生思维活跃", "练习设计紧扣目标，反馈及时");

	static final List<String> SUGGESTIONS = List.of("建议增加学生自主探究的时间", "课堂练习的分层设计可再加强", "对学困生的关注还可以更多一些",
			"时间分配需更合理，结尾略显仓促", "评价语言可以更具体、更有激励性", "可适当联系生活实际拓展延伸", "提问面可以更广，关注全体学生", "课堂小结可以让学生来完成",
			"板书可再精炼，突出知识结构", "实验（活动）环节的组织可以更紧凑");

	private record Lesson(Teacher teacher, LocalDate day, int period, String topic) {
	}

	private final Random random;

	private final Stage stage;

	private final String schoolCode;

	private final List<Teacher> teachers;

	private final List<LocalDate> days;

	private final Map<String, List<Lesson>> lessonsByTeacher = new HashMap<>();

	private final Set<String> busy = new HashSet<>();

	ObservationPlanner(Random random, Stage stage, String schoolCode, List<Teacher> teachers, TermCalendar calendar) {
		this.random = random;
		this.stage = stage;
		this.schoolCode = schoolCode;
		this.teachers = teachers;
		this.days = calendar.schoolDays();
	}

	List<Observation> plan() {
		List<Observation> observations = new ArrayList<>();
		for (Teacher observer : teachers) {
			Set<Lesson> attended = new HashSet<>();
			Set<String> observedTeachers = new HashSet<>();
			for (int i = 0; i < PER_OBSERVER; i++) {
				Teacher target = pickTarget(observer, observedTeachers);
				observedTeachers.add(target.key());
				Lesson lesson = pickLesson(observer, target, attended);
				attended.add(lesson);
				busy.add(slot(observer, lesson.day(), lesson.period()));
				observations.add(observation(observations.size() + 1, observer, lesson));
			}
		}
		return List.copyOf(observations);
	}

	private Teacher pickTarget(Teacher observer, Set<String> alreadyObserved) {
		List<Teacher> sameGroup = teachers.stream()
			.filter(t -> t != observer && t.subject().equals(observer.subject()))
			.toList();
		List<Teacher> others = teachers.stream().filter(t -> t != observer).toList();
		List<Teacher> pool = !sameGroup.isEmpty() && random.nextDouble() < 0.8 ? sameGroup : others;
		Teacher target = pool.get(random.nextInt(pool.size()));
		for (int attempt = 0; attempt < 4 && alreadyObserved.contains(target.key()); attempt++) {
			target = pool.get(random.nextInt(pool.size()));
		}
		return target;
	}

	private Lesson pickLesson(Teacher observer, Teacher target, Set<Lesson> attended) {
		List<Lesson> open = lessonsByTeacher.getOrDefault(target.key(), List.of())
			.stream()
			.filter(l -> !attended.contains(l) && !busy.contains(slot(observer, l.day(), l.period())))
			.toList();
		if (!open.isEmpty() && random.nextDouble() < 0.5) {
			return open.get(random.nextInt(open.size()));
		}
		for (int attempt = 0; attempt < 200; attempt++) {
			LocalDate day = days.get(random.nextInt(days.size()));
			int period = random.nextInt(TermCalendar.PERIODS.size());
			if (!busy.contains(slot(observer, day, period)) && !busy.contains(slot(target, day, period))) {
				Lesson lesson = new Lesson(target, day, period, topic(target));
				busy.add(slot(target, day, period));
				lessonsByTeacher.computeIfAbsent(target.key(), k -> new ArrayList<>()).add(lesson);
				return lesson;
			}
		}
		throw new IllegalStateException("no free period for " + observer.key() + " and " + target.key());
	}

	private String topic(Teacher teacher) {
		List<Curriculum.Topic> topics = Curriculum.topics(stage, teacher.subject())
			.stream()
			.filter(t -> t.grade().equals(teacher.grade()))
			.toList();
		return topics.get(random.nextInt(topics.size())).title();
	}

	private Observation observation(int number, Teacher observer, Lesson lesson) {
		LocalTime start = TermCalendar.PERIODS.get(lesson.period());
		Map<String, Integer> scores = new LinkedHashMap<>();
		for (String dimension : DIMENSIONS) {
			double score = lesson.teacher().quality() + random.nextGaussian() * 5;
			scores.put(dimension, (int) Math.max(60, Math.min(98, Math.round(score))));
		}
		String comment = PRAISE.get(random.nextInt(PRAISE.size())) + "；"
				+ SUGGESTIONS.get(random.nextInt(SUGGESTIONS.size())) + "。";
		return new Observation(String.format("demo-obs-%s-%04d", schoolCode, number), observer.key(),
				lesson.teacher().key(), lesson.teacher().subject(), lesson.teacher().grade(), lesson.topic(),
				OffsetDateTime.of(lesson.day(), start, CHINA), TermCalendar.LESSON_MINUTES, scores, comment);
	}

	private static String slot(Teacher teacher, LocalDate day, int period) {
		return teacher.key() + "|" + day + "|" + period;
	}
}
