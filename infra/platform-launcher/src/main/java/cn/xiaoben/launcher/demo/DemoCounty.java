package cn.xiaoben.launcher.demo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The demo county as a plan: what the loader creates through the gateway. Pure data, fully deterministic. */
public record DemoCounty(String name, List<Township> townships, List<StaffAccount> staff) {

	public List<School> schools() {
		return townships.stream().flatMap(t -> t.schools().stream()).toList();
	}

	public int teacherCount() {
		return schools().stream().mapToInt(s -> s.teachers().size()).sum();
	}

	public int observationCount() {
		return schools().stream().mapToInt(s -> s.observations().size()).sum();
	}

	/** @param code ASCII code (pinyin), used in usernames and idempotency keys */
	public record Township(String code, String name, List<School> schools) {
	}

	public record School(String code, String name, Stage stage, String townshipCode, List<String> subjects,
			List<Teacher> teachers, List<Observation> observations) {

		public static String groupName(String subject) {
			return subject + "教研组";
		}
	}

	/**
	 * @param key stable key within the demo ({@code <school>-t01}); {@code grade} is the grade the teacher
	 * teaches this term; {@code quality} drives the observation scores
	 */
	public record Teacher(String key, String name, String gender, String subject, String title, int birthYear,
			String grade, int quality) {
	}

	/** One lesson observation record: {@code observer} watched {@code teacher}'s lesson. */
	public record Observation(String key, String observerKey, String teacherKey, String subject, String grade,
			String topic, OffsetDateTime observedAt, int durationMinutes, Map<String, Integer> scores,
			String comment) {
	}

	/**
	 * A staff login. {@code townshipCode}, {@code schoolCode} and {@code teacherKey} are resolved to ids by the
	 * loader.
	 */
	public record StaffAccount(String username, String displayName, String role, String townshipCode,
			String schoolCode, String teacherKey, String scope) {
	}
}
