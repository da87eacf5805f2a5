package cn.xiaoben.launcher.demo;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.xiaoben.launcher.demo.DemoCounty.HandSession;
import cn.xiaoben.launcher.demo.DemoCounty.WeeklySlot;

/**
 * The one place where the loader writes session requests ({@code POST /api/activities/sessions} and
 * {@code …/weekly-slots}), with each form's own fields as {@code SessionFormRules} of the activity service wants
 * them: THEMED_RESEARCH and LECTURE a {@code speakerId}; COLLECTIVE_PREPARATION {@code mainPreparerId} and
 * {@code lessonContent}; SAME_LESSON_DIFFERENT_DESIGNS {@code teachingTeacherIds} (≥ 2) and {@code lessonContent};
 * OPEN_LESSON {@code lessonKind}, one teaching teacher and {@code lessonContent}; READING_CLUB {@code book}; SALON
 * nothing. A weekly slot plans THEMED_RESEARCH or COLLECTIVE_PREPARATION only; its host becomes the speaker / main
 * preparer of each session the service plans from it.
 */
final class SessionBodies {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private SessionBodies() {
	}

	/**
	 * @param teacherId demo teacher key → teacher id (any school of the county)
	 * @param groupId subject → subject group id of the session's school
	 */
	static Map<String, Object> session(HandSession session, Function<String, String> teacherId,
			Function<String, String> groupId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("form", session.form());
		body.put("topic", session.topic());
		body.put("level", session.level());
		body.put("hostId", teacherId.apply(session.hostKey()));
		if (session.subject() != null) {
			body.put("subjectGroupId", groupId.apply(session.subject()));
		}
		body.put("plannedStart", session.start().format(TIMESTAMP));
		body.put("plannedEnd", session.end().format(TIMESTAMP));
		body.put("place", session.place());
		body.put("participantIds", session.participantKeys().stream().map(teacherId).toList());
		// the form's own fields (SessionFormRules): only those the form uses, a field it does not use is rejected
		switch (session.form()) {
			case "THEMED_RESEARCH" -> body.put("speakerId", teacherId.apply(session.speakerKey()));
			case "LECTURE" -> body.put("speakerId", teacherId.apply(session.speakerKey()));
			case "COLLECTIVE_PREPARATION" -> {
				body.put("mainPreparerId", teacherId.apply(session.mainPreparerKey()));
				body.put("lessonContent", lesson(session.lessonContent()));
			}
			case "SAME_LESSON_DIFFERENT_DESIGNS" -> {
				body.put("teachingTeacherIds", session.teachingTeacherKeys().stream().map(teacherId).toList());
				body.put("lessonContent", lesson(session.lessonContent()));
			}
			case "OPEN_LESSON" -> {
				body.put("lessonKind", session.lessonKind());
				body.put("teachingTeacherIds", session.teachingTeacherKeys().stream().map(teacherId).toList());
				body.put("lessonContent", lesson(session.lessonContent()));
			}
			case "READING_CLUB" -> {
				Map<String, Object> book = new LinkedHashMap<>();
				book.put("title", session.book().title());
				book.put("author", session.book().author());
				book.put("chapters", session.book().chapters());
				book.values().removeIf(java.util.Objects::isNull);
				body.put("book", book);
			}
			default -> {
				// SALON: nothing beyond the topic
			}
		}
		return body;
	}

	private static Map<String, Object> lesson(DemoCounty.Lesson lesson) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("subject", lesson.subject());
		body.put("grade", lesson.grade());
		body.put("title", lesson.title());
		return body;
	}

	/** The session API's form names in Chinese (for topics and minutes). */
	static String formZh(String form) {
		return switch (form) {
			case "THEMED_RESEARCH" -> "主题教研";
			case "COLLECTIVE_PREPARATION" -> "集体备课";
			case "LECTURE" -> "专题讲座";
			case "SALON" -> "专题沙龙";
			case "SAME_LESSON_DIFFERENT_DESIGNS" -> "同课异构";
			case "OPEN_LESSON" -> "公开课";
			case "READING_CLUB" -> "读书交流会";
			default -> form;
		};
	}

	static Map<String, Object> weeklySlot(WeeklySlot slot, String groupId, String hostId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("subjectGroupId", groupId);
		body.put("dayOfWeek", slot.dayOfWeek().name());
		body.put("start", slot.start().toString());
		body.put("durationMinutes", slot.durationMinutes());
		body.put("place", slot.place());
		body.put("hostId", hostId);
		body.put("form", slot.form());
		body.put("topic", slot.topic());
		return body;
	}

	/** The attendance file of a held session: one line per participant (the host is PRESENT by default). */
	static List<Map<String, Object>> attendance(List<DemoCounty.Mark> marks, Function<String, String> teacherId) {
		return marks.stream().map(m -> {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("teacherId", teacherId.apply(m.teacherKey()));
			line.put("mark", m.mark());
			line.put("attendedMinutes", m.minutes());
			return line;
		}).toList();
	}
}
