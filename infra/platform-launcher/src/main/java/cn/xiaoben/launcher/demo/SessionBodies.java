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
 * {@code …/weekly-slots}). When the session API takes more form-specific fields, map them here: the plan
 * ({@link HandSession}) already carries the speaker, main preparer, teaching teachers, lesson kind and content, and
 * the book of each session.
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
		// not taken by the API yet: speakerKey, mainPreparerKey, teachingTeacherKeys, lessonKind, lessonContent, book
		return body;
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
