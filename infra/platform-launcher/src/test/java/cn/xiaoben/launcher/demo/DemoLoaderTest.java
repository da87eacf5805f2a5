package cn.xiaoben.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class DemoLoaderTest {

	@Test
	void loadsTheWholeCountyThroughTheApiAndARerunCreatesNothing(@TempDir Path dir) throws Exception {
		DemoCredentialsStore store = new DemoCredentialsStore(dir.resolve("demo-credentials.json"));
		GatewayClient.Client bureau = new GatewayClient.Client("bureau-console", "s3cret+/=");
		DemoCounty county = DemoCountyGenerator.generate();
		try (FakeGateway gateway = new FakeGateway(0, "s3cret+/=", true)) {
			String url = "http://localhost:" + gateway.port();
			List<String> progress = new ArrayList<>();

			DemoLoader.Summary first = new DemoLoader(url, bureau, store, progress::add).load();

			assertThat(gateway.townships).hasSize(3);
			assertThat(gateway.schools).hasSize(12);
			assertThat(gateway.teachers).hasSize(county.teacherCount()).hasSizeGreaterThanOrEqualTo(400);
			assertThat(gateway.observations).hasSize(county.observationCount());
			assertThat(gateway.accounts).hasSize(county.staff().size());
			assertThat(first.newObservations()).isEqualTo(county.observationCount());
			assertThat(progress).isNotEmpty();
			assertActivities(gateway, county, store.load());
			assertThat(first.newActivities()).isEqualTo(first.activities()).isEqualTo(ActivityLoader.planned(county));
			assertThat(progress).anySatisfy(line -> assertThat(line).contains("weekly PD"))
				.anySatisfy(line -> assertThat(line).contains("reading notes"))
				.anySatisfy(line -> assertThat(line).contains("research projects"));

			DemoCredentials credentials = store.load();
			assertThat(credentials.complete).isTrue();
			assertThat(credentials.districtId).isEqualTo("d-yunxi");
			assertThat(credentials.schools).hasSize(12)
				.allSatisfy(s -> assertThat(s.clientSecret).isNotBlank())
				.allSatisfy(s -> assertThat(s.teachers).hasSize(34));
			assertThat(credentials.accounts).extracting(a -> a.username)
				.contains("bureau.admin", "jyy.zhang", "chengguan.admin", "cgyx.admin", "cgyx.lead", "cgyx.teacher1");
			assertThat(credentials.accounts).filteredOn(a -> a.role.equals("TEACHER"))
				.allSatisfy(a -> assertThat(a.teacherId).isNotNull());

			int sessionActions = gateway.sessionActionPosts.get();
			int slots = gateway.slots.size();
			DemoLoader.Summary second = new DemoLoader(url, bureau, store, progress::add).load();

			assertThat(second.newObservations()).isZero();
			assertThat(second.newActivities()).isZero();
			assertThat(gateway.sessionActionPosts.get()).as("held or cancelled sessions are left alone").isEqualTo(sessionActions);
			assertThat(gateway.slots).hasSize(slots);
			assertThat(gateway.teachers).hasSize(county.teacherCount());
			assertThat(gateway.observations).hasSize(county.observationCount());
			assertThat(gateway.schools).hasSize(12);
			assertActivities(gateway, county, store.load());
		}
	}

	/** Every planned activity arrived exactly once, with its key and a plausible body. */
	private static void assertActivities(FakeGateway gateway, DemoCounty county, DemoCredentials credentials) {
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
			.allSatisfy(s -> assertThat(OffsetDateTime.parse((String) s.get("plannedStart"))).isAfter(OffsetDateTime.now()));
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
	}
}
