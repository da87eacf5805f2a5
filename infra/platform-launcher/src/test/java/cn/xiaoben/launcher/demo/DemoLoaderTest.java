package cn.xiaoben.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@SuppressWarnings("unchecked")
class DemoLoaderTest {

	/**
	 * The county of the term a fixed day gives (never the wall clock's): the fake's "now" is the term's, as the
	 * services' is when the launcher loads today's term. A few creates lose their answer on the way back (the
	 * record is made, the loader sees a broken connection and retries): they still count as created by this run.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "2026-12-07", "2028-01-31" })
	void loadsTheWholeCountyThroughTheApiAndARerunCreatesNothing(String reference, @TempDir Path dir) throws Exception {
		DemoCredentialsStore store = new DemoCredentialsStore(dir.resolve("demo-credentials.json"));
		GatewayClient.Client bureau = new GatewayClient.Client("bureau-console", "s3cret+/=");
		TermCalendar calendar = TermCalendar.forReference(LocalDate.parse(reference));
		DemoCounty county = DemoCountyGenerator.generate(calendar);
		try (FakeGateway gateway = new FakeGateway(0, "s3cret+/=", true, calendar.demoNow())) {
			String url = "http://localhost:" + gateway.port();
			List<String> progress = new ArrayList<>();
			List<String> lost = List.of("demo-teacher-cgyx-t05", "demo-obs-cgyx-0001", "demo-obs-sqjy-0204",
					"demo-ses-hkxx-02", "demo-refl-cgzx-001", "demo-mentor-cgyx-01");
			gateway.loseFirstAnswerTo(lost.toArray(String[]::new));

			DemoLoader.Summary first = new DemoLoader(url, bureau, store, progress::add, calendar).load();

			assertThat(gateway.lostAnswers).containsExactlyInAnyOrderElementsOf(lost);

			assertThat(gateway.townships).hasSize(3);
			assertThat(gateway.schools).hasSize(12);
			assertThat(gateway.teachers).hasSize(county.teacherCount()).hasSizeGreaterThanOrEqualTo(400);
			assertThat(gateway.observations).hasSize(county.observationCount() + county.count(a -> a.sessionObservations().size()));
			assertThat(gateway.accounts).hasSize(county.staff().size());
			assertThat(first.newObservations()).isEqualTo(county.observationCount());
			assertThat(progress).isNotEmpty();
			assertActivities(gateway, county, store.load(), calendar);
			assertThat(first.newActivities()).isEqualTo(first.activities()).isEqualTo(ActivityLoader.planned(county));
			assertThat(progress).anySatisfy(line -> assertThat(line).contains("weekly PD"))
				.anySatisfy(line -> assertThat(line).contains("reading notes"))
				.anySatisfy(line -> assertThat(line).contains("research projects"));

			DemoCredentials credentials = store.load();
			assertThat(credentials.complete).isTrue();
			assertThat(credentials.termYear).isEqualTo(calendar.year());
			assertThat(credentials.showcase.about).endsWith("?year=" + calendar.schoolYear());
			assertThat(credentials.districtId).isEqualTo("d-yunxi");
			assertThat(credentials.schools).hasSize(12)
				.allSatisfy(s -> assertThat(s.clientSecret).isNotBlank())
				.allSatisfy(s -> assertThat(s.teachers).hasSize(34));
			assertThat(credentials.accounts).extracting(a -> a.username)
				.contains("bureau.admin", "jyy.zhang", "chengguan.admin", "cgyx.admin", "cgyx.lead", "cgyx.teacher1");
			assertThat(credentials.accounts).filteredOn(a -> a.role.equals("TEACHER"))
				.allSatisfy(a -> assertThat(a.teacherId).isNotNull());
			assertShowcaseCorrection(gateway, credentials);
			assertThat(gateway.correctionPosts.get()).isEqualTo(1);

			int sessionActions = gateway.sessionActionPosts.get();
			int evidencePosts = gateway.evidencePosts.get();
			int slots = gateway.slots.size();
			DemoLoader.Summary second = new DemoLoader(url, bureau, store, progress::add, calendar).load();

			assertThat(second.newObservations()).isZero();
			assertThat(second.newActivities()).isZero();
			assertThat(gateway.sessionActionPosts.get()).as("held or cancelled sessions are left alone").isEqualTo(sessionActions);
			assertThat(gateway.evidencePosts.get()).as("minutes and lesson plans already there are not posted again")
				.isEqualTo(evidencePosts);
			assertThat(gateway.slots).hasSize(slots);
			assertThat(gateway.correctionPosts.get()).as("the showcase teacher's attendance is corrected once").isEqualTo(1);
			assertThat(gateway.corrections).hasSize(1);
			assertThat(gateway.teachers).hasSize(county.teacherCount());
			assertThat(gateway.observations).hasSize(county.observationCount() + county.count(a -> a.sessionObservations().size()));
			assertThat(gateway.schools).hasSize(12);
			assertActivities(gateway, county, store.load(), calendar);
		}
	}

	/**
	 * Exactly one correction, of the showcase teacher's record in the earliest held collective preparation of their
	 * school where they have one: LATE → PRESENT for the planned minutes, otherwise 15 minutes less.
	 */
	private static void assertShowcaseCorrection(FakeGateway gateway, DemoCredentials credentials) {
		String showcase = credentials.showcase.teacherId;
		Map<String, Object> correction = gateway.corrections.get(0);
		assertThat(gateway.corrections).hasSize(1);
		assertThat(correction.get("teacherId")).isEqualTo(showcase);
		Map<String, Object> earliest = gateway.sessions.values().stream()
			.filter(s -> "HELD".equals(s.get("status")) && "COLLECTIVE_PREPARATION".equals(s.get("form"))
					&& credentials.showcase.schoolId.equals(s.get("schoolId")))
			.filter(s -> ((List<Map<String, Object>>) s.getOrDefault("attendance", List.of())).stream()
				.anyMatch(r -> showcase.equals(r.get("teacherId"))))
			.min(java.util.Comparator.comparing(s -> OffsetDateTime.parse((String) s.get("plannedStart"))))
			.orElseThrow();
		assertThat(correction.get("sessionId")).isEqualTo(earliest.get("id"));
		Map<String, Object> record = ((List<Map<String, Object>>) earliest.get("attendance")).stream()
			.filter(r -> showcase.equals(r.get("teacherId"))).findFirst().orElseThrow();
		assertThat(record.get("source")).isEqualTo("CORRECTION");
		List<Map<String, Object>> history = (List<Map<String, Object>>) record.get("history");
		assertThat(history).singleElement().satisfies(old -> assertThat(old.get("source")).isEqualTo("UPLOAD"));
		Map<String, Object> old = history.get(0);
		int planned = (int) java.time.Duration.between(OffsetDateTime.parse((String) earliest.get("plannedStart")),
				OffsetDateTime.parse((String) earliest.get("plannedEnd"))).toMinutes();
		if ("LATE".equals(old.get("mark"))) {
			assertThat(correction).containsEntry("mark", "PRESENT").containsEntry("attendedMinutes", planned)
				.containsEntry("reason", ActivityLoader.LATE_REASON);
		}
		else {
			assertThat(correction).containsEntry("mark", old.get("mark"))
				.containsEntry("attendedMinutes", Math.max(0, (Integer) old.get("attendedMinutes") - 15))
				.containsEntry("reason", ActivityLoader.LEFT_EARLY_REASON);
		}
		assertThat(record).containsEntry("mark", correction.get("mark"))
			.containsEntry("attendedMinutes", correction.get("attendedMinutes"))
			.containsEntry("role", old.get("role"));
	}

	/** Every planned activity arrived exactly once, with its key and a plausible body. */
	private static void assertActivities(FakeGateway gateway, DemoCounty county, DemoCredentials credentials,
			TermCalendar calendar) {
		Map<String, String> idOfKey = new HashMap<>();
		credentials.schools.forEach(s -> idOfKey.putAll(s.teachers));
		Map<String, String> keyOfId = new HashMap<>();
		idOfKey.forEach((key, id) -> keyOfId.put(id, key));

		// weekly PD: one slot per big group, one session per week; holidays cancelled; past ones held
		assertThat(gateway.slots).hasSize(county.count(a -> a.weeklySlots().size())).hasSizeGreaterThan(40);
		int cancelled = county.count(a -> a.weeklySlots().stream().mapToInt(s -> s.cancelled().size()).sum());
		assertThat(gateway.cancellations).hasSize(cancelled).isNotEmpty()
			.allSatisfy((id, reason) -> assertThat(reason).contains("放假"));
		assertThat(gateway.sessions.values()).filteredOn(s -> "PLANNED".equals(s.get("status")))
			.as("future weekly sessions stay planned")
			.isNotEmpty()
			.allSatisfy(s -> assertThat(OffsetDateTime.parse((String) s.get("plannedStart"))).isAfter(calendar.demoNow()));
		assertThat(gateway.sessions.values()).filteredOn(s -> s.get("slotId") != null && "PLANNED".equals(s.get("status")))
			.as("the coming week's weekly sessions: one per slot")
			.hasSize(gateway.slots.size())
			.allSatisfy(s -> assertThat(OffsetDateTime.parse((String) s.get("plannedStart")).toLocalDate())
				.isAfter(calendar.lastDay()).isBeforeOrEqualTo(calendar.planUntil()));
		int heldByHand = county.count(a -> (int) a.sessions().stream().filter(s -> !s.attendance().isEmpty()).count());
		assertThat(gateway.attendanceUploads).hasSize(county.count(DemoCounty.Activities::heldSlotSessions) + heldByHand);
		List<String> marks = new ArrayList<>();
		gateway.attendanceUploads.forEach((sessionId, file) -> file.forEach(line -> marks.add(line.path("mark").asText())));
		assertThat(marks).hasSizeGreaterThan(2000);
		assertThat(marks.stream().filter("PRESENT"::equals).count()).isGreaterThan(marks.size() * 8L / 10);
		assertThat(marks).contains("LATE", "EXCUSED", "ABSENT");
		// every weekly session's attendance lists exactly the group minus the host, as planned by the service
		gateway.attendanceUploads.forEach((sessionId, file) -> {
			Map<String, Object> session = gateway.sessions.get(sessionId);
			if (session.get("slotId") != null) {
				List<String> listed = new ArrayList<>();
				file.forEach(line -> listed.add(line.path("teacherId").asText()));
				assertThat(listed).containsExactlyInAnyOrderElementsOf((List<String>) session.get("participantIds"));
			}
		});

		// hand-planned sessions of every other form, each with its key
		List<Map<String, Object>> byHand = gateway.sessions.values().stream().filter(s -> s.get("slotId") == null).toList();
		assertThat(byHand).hasSize(county.count(a -> a.sessions().size()))
			.allSatisfy(s -> assertThat(gateway.keyOf.get((String) s.get("id"))).startsWith("demo-ses-"));
		assertThat(byHand).extracting(s -> s.get("form")).contains("COLLECTIVE_PREPARATION", "LECTURE", "SALON",
				"READING_CLUB", "OPEN_LESSON", "SAME_LESSON_DIFFERENT_DESIGNS");
		assertThat(byHand).filteredOn(s -> "PLANNED".equals(s.get("status"))).isNotEmpty();
		assertThat(byHand).filteredOn(s -> "TOWNSHIP".equals(s.get("level"))).hasSize(1);
		// each form with the fields SessionFormRules requires (the fake rejects the others)
		assertThat(byHand).filteredOn(s -> "COLLECTIVE_PREPARATION".equals(s.get("form"))).isNotEmpty()
			.allSatisfy(s -> assertThat(s).containsKeys("mainPreparerId", "lessonContent"));
		assertThat(byHand).filteredOn(s -> "SAME_LESSON_DIFFERENT_DESIGNS".equals(s.get("form"))).isNotEmpty()
			.allSatisfy(s -> assertThat((List<?>) s.get("teachingTeacherIds")).hasSize(2));
		assertThat(byHand).filteredOn(s -> "OPEN_LESSON".equals(s.get("form"))).isNotEmpty().allSatisfy(s -> {
			assertThat((List<?>) s.get("teachingTeacherIds")).hasSize(1);
			assertThat(s.get("lessonKind")).isIn("OPEN", "DEMONSTRATION", "REPORT");
			assertThat((Map<String, Object>) s.get("lessonContent")).containsOnlyKeys("subject", "grade", "title");
		});
		assertThat(byHand).filteredOn(s -> "LECTURE".equals(s.get("form"))).allSatisfy(s -> assertThat(s).containsKey("speakerId"));
		assertThat(byHand).filteredOn(s -> "READING_CLUB".equals(s.get("form")))
			.allSatisfy(s -> assertThat((Map<String, Object>) s.get("book")).containsKeys("title", "author"));
		assertThat(byHand).filteredOn(s -> "SALON".equals(s.get("form")))
			.allSatisfy(s -> assertThat(s).doesNotContainKeys("speakerId", "lessonContent", "book"));

		// evidence of the sessions: lesson plan revisions, minutes, linked observations
		int revisions = gateway.sessions.values().stream().mapToInt(s -> ((List<?>) s.getOrDefault("lessonPlan", List.of())).size()).sum();
		assertThat(revisions).isEqualTo(county.count(DemoCounty.Activities::lessonPlanRevisions)).isGreaterThan(50);
		assertThat(gateway.sessions.values()).filteredOn(s -> s.containsKey("lessonPlan"))
			.allSatisfy(s -> assertThat(s.get("form")).isEqualTo("COLLECTIVE_PREPARATION"));
		assertThat(gateway.sessions.values()).filteredOn(s -> s.containsKey("minutes"))
			.hasSize(county.count(DemoCounty.Activities::minutesCount))
			.allSatisfy(s -> assertThat((List<?>) s.get("minutes")).hasSize(1))
			.extracting(s -> s.get("form")).contains("THEMED_RESEARCH", "SALON");
		List<Map<String, Object>> linked = gateway.observations.values().stream().filter(o -> o.containsKey("sessionId")).toList();
		assertThat(linked).hasSize(county.count(a -> a.sessionObservations().size())).hasSizeGreaterThan(50)
			.allSatisfy(o -> assertThat(gateway.keyOf.get((String) o.get("id"))).startsWith("demo-lobs-"));
		assertThat(gateway.observations).hasSize(county.observationCount() + linked.size());

		// teacher records: counts, keys, bodies
		assertThat(gateway.onlineStudies).hasSize(county.count(a -> a.onlineStudies().size())).hasSizeGreaterThan(100);
		assertThat(gateway.externalTrainings).hasSize(county.count(a -> a.externalTrainings().size())).hasSizeGreaterThan(20);
		assertThat(gateway.mentorships).hasSize(county.count(a -> a.mentorships().size())).hasSizeGreaterThan(20);
		assertThat(gateway.skillProgrammes).hasSize(county.count(a -> a.skillProgrammes().size())).hasSizeGreaterThan(30);
		assertThat(gateway.materials).hasSize(county.count(a -> a.materials().size())).hasSizeGreaterThan(50);
		assertThat(gateway.onlineStudies.keySet()).allSatisfy(id -> assertThat(gateway.keyOf.get(id)).startsWith("demo-online-"));
		assertThat(gateway.externalTrainings.keySet()).allSatisfy(id -> assertThat(gateway.keyOf.get(id)).startsWith("demo-ext-"));
		assertThat(gateway.mentorships.keySet()).allSatisfy(id -> assertThat(gateway.keyOf.get(id)).startsWith("demo-mentor-"));
		assertThat(gateway.skillProgrammes.keySet()).allSatisfy(id -> assertThat(gateway.keyOf.get(id)).startsWith("demo-skill-"));
		assertThat(gateway.materials.keySet()).allSatisfy(id -> assertThat(gateway.keyOf.get(id)).startsWith("demo-mat-"));
		assertThat(gateway.externalTrainings.values()).allSatisfy(t -> assertThat((List<?>) t.get("certificateAttachmentIds")).hasSize(1));
		assertThat(gateway.materials.values()).extracting(m -> m.get("kind")).contains("LESSON_PLAN_SET", "TEST_PAPER");
		assertThat(gateway.mentorships.values().stream().mapToInt(m -> ((List<?>) m.get("checkpoints")).size()).sum())
			.isEqualTo(county.count(DemoCounty.Activities::checkpointCount));
		assertThat(gateway.skillProgrammes.values()).extracting(p -> p.get("status")).contains("ENROLLED", "PASSED");
		assertThat(gateway.skillProgrammes.values().stream().mapToInt(p -> ((List<?>) p.get("completions")).size()).sum()
				+ gateway.skillProgrammes.values().stream().filter(p -> !"ENROLLED".equals(p.get("status"))).count())
			.isEqualTo(county.count(DemoCounty.Activities::skillSteps));

		// reflections, reading notes, papers, competitions, projects: counts, keys, bodies
		assertThat(gateway.reflections).hasSize(county.count(a -> a.reflections().size()));
		assertThat(gateway.readingNotes).hasSize(county.count(a -> a.readingNotes().size()));
		assertThat(gateway.papers).hasSize(county.count(a -> a.papers().size())).hasSizeGreaterThan(30);
		assertThat(gateway.competitions).hasSize(county.count(a -> a.competitions().size())).hasSizeGreaterThan(20);
		assertThat(gateway.projects).hasSize(county.count(a -> a.projects().size()));
		assertThat(gateway.reflections.keySet()).allSatisfy(id -> assertThat(gateway.keyOf.get(id)).startsWith("demo-refl-"));
		assertThat(gateway.readingNotes.keySet()).allSatisfy(id -> assertThat(gateway.keyOf.get(id)).startsWith("demo-read-"));
		assertThat(gateway.papers.keySet()).allSatisfy(id -> assertThat(gateway.keyOf.get(id)).startsWith("demo-paper-"));
		assertThat(gateway.competitions.keySet()).allSatisfy(id -> assertThat(gateway.keyOf.get(id)).startsWith("demo-comp-"));
		assertThat(gateway.projects.keySet()).allSatisfy(id -> assertThat(gateway.keyOf.get(id)).startsWith("demo-proj-"));
		Map<String, Long> notesPerTeacher = gateway.readingNotes.values().stream()
			.collect(Collectors.groupingBy(n -> (String) n.get("teacherId"), Collectors.counting()));
		assertThat(notesPerTeacher.values()).contains(10L);
		assertThat(gateway.papers.values()).extracting(p -> (Object) ((Map<?, ?>) p.get("outlet")).get("type"))
			.contains("JOURNAL", "AWARD");
		assertThat(gateway.projects.values()).extracting(p -> p.get("stage")).contains("OPENED", "MIDTERM", "CONCLUDED");
		assertThat(gateway.attachments).hasSize(county.count(DemoCounty.Activities::evidenceCount)).hasSizeGreaterThan(20);
		assertThat(credentials.schools.stream().mapToInt(s -> s.attachments.size()).sum())
			.isEqualTo(gateway.attachments.size());

		// the showcase teacher: a varied term
		assertThat(credentials.showcase).isNotNull();
		assertThat(credentials.showcase.username).isEqualTo("cgyx.teacher1");
		String showcase = credentials.showcase.teacherId;
		assertThat(showcase).isEqualTo(credentials.account("cgyx.teacher1").teacherId).isNotNull();
		assertThat(notesPerTeacher.get(showcase)).isEqualTo(10L);
		assertThat(byHand).filteredOn(s -> showcase.equals(s.get("hostId"))).extracting(s -> s.get("form"))
			.contains("SALON", "OPEN_LESSON");
		assertThat(gateway.papers.values()).filteredOn(p -> ((List<?>) p.get("authorIds")).contains(showcase)).hasSize(2);
		assertThat(gateway.competitions.values()).filteredOn(c -> showcase.equals(c.get("teacherId"))).hasSize(1);
		assertThat(gateway.reflections.values()).filteredOn(r -> showcase.equals(r.get("teacherId"))).hasSize(3);
		assertThat(gateway.projects.values()).filteredOn(p -> showcase.equals(p.get("leaderId"))
				|| ((List<?>) p.get("memberIds")).contains(showcase)).hasSize(2);
		assertThat(keyOfId).containsKey(showcase);
		assertThat(gateway.onlineStudies.values()).filteredOn(o -> showcase.equals(o.get("teacherId"))).hasSize(2);
		assertThat(gateway.externalTrainings.values()).filteredOn(o -> showcase.equals(o.get("teacherId"))).hasSize(1);
		assertThat(gateway.mentorships.values()).filteredOn(m -> showcase.equals(m.get("mentorId"))).singleElement()
			.satisfies(m -> assertThat((List<?>) m.get("checkpoints")).hasSize(3));
		assertThat(gateway.skillProgrammes.values()).filteredOn(p -> showcase.equals(p.get("teacherId")))
			.extracting(p -> p.get("status")).containsExactly("PASSED");
		assertThat(gateway.materials.values()).filteredOn(m -> showcase.equals(m.get("teacherId")))
			.extracting(m -> m.get("kind")).containsExactlyInAnyOrder("LESSON_PLAN_SET", "TEST_PAPER");
		assertThat(byHand).filteredOn(s -> showcase.equals(s.get("hostId")) && "OPEN_LESSON".equals(s.get("form")))
			.singleElement().satisfies(s -> {
				assertThat(s.get("status")).isEqualTo("HELD");
				assertThat(s.get("teachingTeacherIds")).isEqualTo(List.of(showcase));
				assertThat(linked).filteredOn(o -> s.get("id").equals(o.get("sessionId"))).hasSizeGreaterThanOrEqualTo(3);
			});
	}
}
