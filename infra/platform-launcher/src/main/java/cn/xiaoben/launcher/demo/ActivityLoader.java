package cn.xiaoben.launcher.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import cn.xiaoben.launcher.demo.DemoCounty.Activities;
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
import cn.xiaoben.launcher.demo.DemoCounty.WeeklySlot;
import cn.xiaoben.launcher.demo.DemoCredentials.SchoolEntry;

/**
 * Loads a school's other activities through the gateway with the school system's client, like the observations:
 * every create carries an {@code Idempotency-Key}; what has no key is made idempotent by reading first (weekly
 * slots by subject group, research project stages by the project's current stage) or by its state (an
 * attendance upload or a cancellation of a session that is no longer planned answers 409, which is fine on a
 * re-run). What has already happened is decided by the term's {@link TermCalendar#demoNow()}, never by the wall
 * clock, so the same term loads the same way on any day. Each method returns how many records it created or
 * changed.
 */
final class ActivityLoader {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static final List<String> STAGES = List.of("APPLIED", "APPROVED", "OPENED", "MIDTERM", "CONCLUDED");

	private final GatewayClient api;

	private final TermCalendar calendar;

	private final DemoCredentials credentials;

	private final Runnable save;

	/** Hand-planned session ids by the plan's key (filled by {@link #sessions}, read by {@link #sessionEvidence}). */
	private final Map<String, String> handSessionIds = new java.util.concurrent.ConcurrentHashMap<>();

	/** Per school code: the weekly sessions (id → slot and date) the plan gives minutes or lesson plans. */
	private final Map<String, Map<String, SlotDate>> weeklyEvidence = new java.util.concurrent.ConcurrentHashMap<>();

	private record SlotDate(WeeklySlot slot, LocalDate date) {
	}

	ActivityLoader(GatewayClient api, TermCalendar calendar, DemoCredentials credentials, Runnable save) {
		this.api = api;
		this.calendar = calendar;
		this.credentials = credentials;
		this.save = save;
	}

	/** How many records the plan holds (what {@link #planned} counts is what the methods can create). */
	static int planned(DemoCounty county) {
		return county.count(a -> a.weeklySlots().size() + a.heldSlotSessions()
				+ a.weeklySlots().stream().mapToInt(s -> s.cancelled().size()).sum() + a.sessions().size()
				+ (int) a.sessions().stream().filter(s -> !s.attendance().isEmpty()).count() + a.reflections().size()
				+ a.readingNotes().size() + a.papers().size() + a.competitions().size() + a.projects().size()
				+ a.projects().stream().mapToInt(p -> p.stages().size()).sum() + a.lessonPlanRevisions()
				+ a.minutesCount() + a.sessionObservations().size() + a.onlineStudies().size()
				+ a.externalTrainings().size() + a.mentorships().size() + a.checkpointCount()
				+ a.skillProgrammes().size() + a.skillSteps() + a.materials().size())
				+ (county.showcase() == null ? 0 : 1); // the showcase teacher's attendance correction
	}

	// ------------------------------------------------------------------ weekly PD

	int weeklyPd(School school) {
		SchoolEntry entry = credentials.school(school.code());
		GatewayClient.Client client = client(entry);
		String base = "/api/activities/schools/" + entry.schoolId;
		ApiResponse list = ok(api.get(client, base + "/weekly-slots"));
		Map<String, String> slotOfGroup = new HashMap<>();
		list.body().forEach(s -> slotOfGroup.putIfAbsent(s.path("subjectGroupId").asText(), s.path("id").asText()));
		int changed = 0;
		Map<String, WeeklySlot> planOfSlot = new HashMap<>();
		for (WeeklySlot slot : school.activities().weeklySlots()) {
			String groupId = entry.subjectGroups.get(slot.subject());
			String slotId = slotOfGroup.get(groupId);
			if (slotId == null) {
				ApiResponse created = ok(api.post(client, base + "/weekly-slots",
						SessionBodies.weeklySlot(slot, groupId, teacherId(slot.hostKey())), null));
				slotId = created.text("id");
				changed++;
			}
			planOfSlot.put(slotId, slot);
		}
		ApiResponse planned = ok(api.post(client, base + "/sessions/plan?from=" + calendar.firstDay() + "&to="
				+ calendar.planUntil(), Map.of(), null));
		Set<String> stillPlanned = plannedSessions(client, entry.schoolId);
		Map<String, SlotDate> evidence = new HashMap<>();
		for (String field : List.of("created", "existing")) {
			for (JsonNode id : planned.body().path(field)) {
				if (stillPlanned.contains(id.asText())) {
					changed += weeklySession(client, id.asText(), planOfSlot);
				}
				SlotDate target = slotDate(id.asText(), planOfSlot);
				if (target != null && (target.slot().minutes().containsKey(target.date())
						|| target.slot().lessonPlans().containsKey(target.date()))) {
					evidence.put(id.asText(), target);
				}
			}
		}
		weeklyEvidence.put(school.code(), evidence);
		return changed;
	}

	/** The ids of the school's sessions that are still planned (a re-run leaves the others alone). */
	private Set<String> plannedSessions(GatewayClient.Client client, String schoolId) {
		Set<String> ids = new HashSet<>();
		for (int page = 0; page < 100; page++) {
			JsonNode body = ok(api.get(client, "/api/activities/sessions?schoolId=" + schoolId
					+ "&status=PLANNED&size=200&page=" + page)).body();
			body.path("items").forEach(s -> ids.add(s.path("id").asText()));
			if (body.path("items").size() < 200) {
				break;
			}
		}
		return ids;
	}

	/** {@code ses-<slotId>-<yyyyMMdd>}: cancelled on a holiday, held with its attendance, or left planned. */
	private int weeklySession(GatewayClient.Client client, String sessionId, Map<String, WeeklySlot> planOfSlot) {
		SlotDate target = slotDate(sessionId, planOfSlot);
		if (target == null) {
			return 0; // a slot the demo did not make
		}
		WeeklySlot slot = target.slot();
		LocalDate date = target.date();
		String path = "/api/activities/sessions/" + sessionId;
		if (slot.cancelled().containsKey(date)) {
			return stateChange(api.post(client, path + "/cancel", Map.of("reason", slot.cancelled().get(date)), null));
		}
		List<Mark> marks = slot.attendance().get(date);
		OffsetDateTime start = OffsetDateTime.of(date, slot.start(), ObservationPlanner.CHINA);
		if (marks == null || start.isAfter(calendar.demoNow())) {
			return 0;
		}
		return stateChange(api.post(client, path + "/attendance", SessionBodies.attendance(marks, this::teacherId), null));
	}

	private static SlotDate slotDate(String sessionId, Map<String, WeeklySlot> planOfSlot) {
		int dash = sessionId.lastIndexOf('-');
		WeeklySlot slot = planOfSlot.get(sessionId.substring("ses-".length(), dash));
		return slot == null ? null
				: new SlotDate(slot, LocalDate.parse(sessionId.substring(dash + 1), DateTimeFormatter.BASIC_ISO_DATE));
	}

	// ------------------------------------------------------------------ hand-planned sessions

	int sessions(School school) {
		SchoolEntry entry = credentials.school(school.code());
		GatewayClient.Client client = client(entry);
		int changed = 0;
		for (HandSession session : school.activities().sessions()) {
			ApiResponse response = ok(api.post(client, "/api/activities/sessions",
					SessionBodies.session(session, this::teacherId, entry.subjectGroups::get), session.key()));
			changed += response.isNewlyCreated() ? 1 : 0;
			handSessionIds.put(session.key(), response.text("id"));
			if (!session.attendance().isEmpty() && "PLANNED".equals(response.text("status"))
					&& session.start().isBefore(calendar.demoNow())) {
				changed += stateChange(api.post(client, "/api/activities/sessions/" + response.text("id") + "/attendance",
						SessionBodies.attendance(session.attendance(), this::teacherId), null));
			}
		}
		return changed;
	}

	// ------------------------------------------------------------------ session evidence

	/**
	 * Lesson plan revisions and minutes of weekly and hand-planned sessions (no key: what the session already has
	 * is skipped), then the lesson observations linked to the held open lessons and 同课异构 (keyed).
	 */
	int sessionEvidence(School school) {
		SchoolEntry entry = credentials.school(school.code());
		GatewayClient.Client client = client(entry);
		int changed = 0;
		for (Map.Entry<String, SlotDate> e : weeklyEvidence.getOrDefault(school.code(), Map.of()).entrySet()) {
			WeeklySlot slot = e.getValue().slot();
			LocalDate date = e.getValue().date();
			changed += evidence(client, entry, e.getKey(), slot.lessonPlans().getOrDefault(date, List.of()),
					slot.minutes().get(date));
		}
		for (HandSession session : school.activities().sessions()) {
			if (session.minutes() != null || !session.lessonPlan().isEmpty()) {
				changed += evidence(client, entry, handSessionIds.get(session.key()), session.lessonPlan(),
						session.minutes());
			}
		}
		for (DemoCounty.LinkedObservation linked : school.activities().sessionObservations()) {
			Map<String, Object> body = observation(linked.observation(), this::teacherId);
			body.put("sessionId", handSessionIds.get(linked.sessionKey()));
			changed += created(api.post(client, "/api/activities/lesson-observations", body, linked.observation().key()));
		}
		return changed;
	}

	private int evidence(GatewayClient.Client client, SchoolEntry entry, String sessionId,
			List<DemoCounty.PlanRevision> revisions, String minutes) {
		if (sessionId == null) {
			throw new DemoLoadException("no id for a session of " + entry.code);
		}
		String path = "/api/activities/sessions/" + sessionId;
		JsonNode session = ok(api.get(client, path)).body();
		int changed = 0;
		for (int r = session.path("lessonPlan").size(); r < revisions.size(); r++) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("attachmentId", evidence(client, entry, revisions.get(r).evidence()).get(0));
			body.put("note", revisions.get(r).note());
			ok(api.post(client, path + "/lesson-plan/revisions", body, null));
			changed++;
		}
		if (minutes != null && session.path("minutes").isEmpty() && "HELD".equals(session.path("status").asText())) {
			ok(api.post(client, path + "/minutes", Map.of("text", minutes), null));
			changed++;
		}
		return changed;
	}

	/** The body of {@code POST /api/activities/lesson-observations} (without {@code sessionId}). */
	static Map<String, Object> observation(DemoCounty.Observation observation, java.util.function.Function<String, String> teacherId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("observerId", teacherId.apply(observation.observerKey()));
		body.put("teacherId", teacherId.apply(observation.teacherKey()));
		body.put("subject", observation.subject());
		body.put("grade", observation.grade());
		body.put("topic", observation.topic());
		body.put("observedAt", observation.observedAt().format(TIMESTAMP));
		body.put("durationMinutes", observation.durationMinutes());
		body.put("scores", observation.scores());
		body.put("comment", observation.comment());
		return body;
	}

	// ------------------------------------------------------------------ an attendance correction

	static final String LATE_REASON = "迟到系校长室临时安排的公务，经核实更正为出勤";

	static final String LEFT_EARLY_REASON = "提前离场参加家长会，按实际出勤时间更正";

	/**
	 * One attendance correction for the showcase teacher, so that the credit service voids the standing award and
	 * re-awards it (a revoked ledger entry with its voiding entry in the transcript): in the earliest held
	 * collective preparation of the school where the teacher has an attendance record, LATE becomes PRESENT for
	 * the planned minutes, any other mark keeps its mark with 15 minutes less (not below 0). Nothing is posted
	 * when one of the teacher's records there already is a correction (a re-run).
	 *
	 * @return 1 when a correction was posted, else 0
	 */
	int attendanceCorrection(School school, String teacherId) {
		SchoolEntry entry = credentials.school(school.code());
		GatewayClient.Client client = client(entry);
		JsonNode items = ok(api.get(client, "/api/activities/sessions?teacherId=" + teacherId
				+ "&status=HELD&form=COLLECTIVE_PREPARATION&size=50")).body().path("items");
		JsonNode earliest = null;
		JsonNode record = null;
		for (JsonNode session : items) {
			for (JsonNode r : session.path("attendance")) {
				if (!teacherId.equals(r.path("teacherId").asText())) {
					continue;
				}
				if ("CORRECTION".equals(r.path("source").asText())) {
					return 0; // corrected by an earlier run
				}
				// the school system may correct only what its school hosts
				if (entry.schoolId.equals(session.path("schoolId").asText()) && (earliest == null
						|| start(session).isBefore(start(earliest)))) {
					earliest = session;
					record = r;
				}
			}
		}
		if (earliest == null) {
			return 0;
		}
		int planned = (int) java.time.Duration.between(start(earliest),
				OffsetDateTime.parse(earliest.path("plannedEnd").asText())).toMinutes();
		String mark = record.path("mark").asText();
		Map<String, Object> body = new LinkedHashMap<>();
		if ("LATE".equals(mark)) {
			body.put("mark", "PRESENT");
			body.put("attendedMinutes", planned);
			body.put("reason", LATE_REASON);
		}
		else {
			int minutes = record.path("attendedMinutes").isNumber() ? record.path("attendedMinutes").asInt() : planned;
			body.put("mark", mark);
			body.put("attendedMinutes", Math.max(0, minutes - 15));
			body.put("reason", LEFT_EARLY_REASON);
		}
		ok(api.post(client, "/api/activities/sessions/" + earliest.path("id").asText() + "/attendance/" + teacherId
				+ "/corrections", body, null));
		return 1;
	}

	private static OffsetDateTime start(JsonNode session) {
		return OffsetDateTime.parse(session.path("plannedStart").asText());
	}

	// ------------------------------------------------------------------ teacher records

	/**
	 * Online studies, external training claims (with a certificate PDF), mentorships and their checkpoints, skill
	 * programmes with their completed modules and results, teaching materials (with a PDF). Creations are keyed;
	 * checkpoints, module completions and results are skipped when the (replayed) record already has them.
	 */
	int teacherRecords(School school) {
		SchoolEntry entry = credentials.school(school.code());
		GatewayClient.Client client = client(entry);
		Activities activities = school.activities();
		int changed = 0;
		for (DemoCounty.OnlineStudy o : activities.onlineStudies()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("teacherId", teacherId(o.teacherKey()));
			body.put("platform", o.platform());
			body.put("course", o.course());
			body.put("hours", java.math.BigDecimal.valueOf(o.hours()));
			body.put("completedOn", o.completedOn().toString());
			changed += created(api.post(client, "/api/activities/online-studies", body, o.key()));
		}
		for (DemoCounty.ExternalTraining t : activities.externalTrainings()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("teacherId", teacherId(t.teacherKey()));
			body.put("kind", t.kind());
			body.put("title", t.title());
			body.put("organizer", t.organizer());
			body.put("level", t.level());
			body.put("place", t.place());
			body.put("startDate", t.startDate().toString());
			body.put("endDate", t.endDate().toString());
			body.put("hours", java.math.BigDecimal.valueOf(t.hours()));
			body.put("certificateAttachmentIds", evidence(client, entry, t.certificate()));
			changed += created(api.post(client, "/api/activities/external-trainings", body, t.key()));
		}
		for (DemoCounty.Mentorship m : activities.mentorships()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("mentorId", teacherId(m.mentorKey()));
			body.put("menteeId", teacherId(m.menteeKey()));
			body.put("schoolYear", m.schoolYear());
			body.put("goals", m.goals());
			body.put("startedOn", m.startedOn().toString());
			ApiResponse response = ok(api.post(client, "/api/activities/mentorships", body, m.key()));
			changed += created(response);
			String path = "/api/activities/mentorships/" + response.text("id") + "/checkpoints";
			for (int c = response.body().path("checkpoints").size(); c < m.checkpoints().size(); c++) {
				DemoCounty.Checkpoint checkpoint = m.checkpoints().get(c);
				ok(api.post(client, path, Map.of("on", checkpoint.on().toString(), "kind", checkpoint.kind(), "note",
						checkpoint.note()), null));
				changed++;
			}
		}
		for (DemoCounty.SkillProgramme p : activities.skillProgrammes()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("teacherId", teacherId(p.teacherKey()));
			body.put("programme", p.programme());
			body.put("level", p.level());
			body.put("modules", p.modules());
			body.put("enrolledOn", p.enrolledOn().toString());
			ApiResponse response = ok(api.post(client, "/api/activities/skill-programmes", body, p.key()));
			changed += created(response);
			String path = "/api/activities/skill-programmes/" + response.text("id");
			for (int m = response.body().path("completedModules").asInt(0); m < p.completions().size(); m++) {
				ok(api.post(client, path + "/modules/" + (m + 1) + "/completion",
						Map.of("on", p.completions().get(m).toString()), null));
				changed++;
			}
			if (p.passed() != null && "ENROLLED".equals(response.text("status"))) {
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("passed", p.passed());
				result.put("on", p.resultOn().toString());
				result.put("score", p.score());
				ok(api.post(client, path + "/result", result, null));
				changed++;
			}
		}
		for (DemoCounty.TeachingMaterial t : activities.materials()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("teacherId", teacherId(t.teacherKey()));
			body.put("kind", t.kind());
			body.put("title", t.title());
			body.put("subject", t.subject());
			body.put("grade", t.grade());
			body.put("submittedOn", t.submittedOn().toString());
			body.put("attachmentIds", evidence(client, entry, t.evidence()));
			changed += created(api.post(client, "/api/activities/teaching-materials", body, t.key()));
		}
		return changed;
	}

	// ------------------------------------------------------------------ reflections, reading notes

	int submissions(School school) {
		SchoolEntry entry = credentials.school(school.code());
		GatewayClient.Client client = client(entry);
		int changed = 0;
		for (Reflection r : school.activities().reflections()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("teacherId", teacherId(r.teacherKey()));
			body.put("kind", r.kind());
			body.put("title", r.title());
			body.put("text", r.text());
			body.put("writtenOn", r.writtenOn().toString());
			changed += created(api.post(client, "/api/activities/reflections", body, r.key()));
		}
		for (ReadingNote n : school.activities().readingNotes()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("teacherId", teacherId(n.teacherKey()));
			body.put("kind", n.kind());
			body.put("title", n.title());
			body.put("bookTitle", n.bookTitle());
			body.put("bookAuthor", n.bookAuthor());
			body.put("chapters", n.chapters());
			body.put("text", n.text());
			body.put("writtenOn", n.writtenOn().toString());
			changed += created(api.post(client, "/api/activities/reading-notes", body, n.key()));
		}
		return changed;
	}

	// ------------------------------------------------------------------ papers, competitions, research projects

	int achievements(School school) {
		SchoolEntry entry = credentials.school(school.code());
		GatewayClient.Client client = client(entry);
		Activities activities = school.activities();
		int changed = 0;
		for (Paper p : activities.papers()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("authorIds", p.authorKeys().stream().map(this::teacherId).toList());
			body.put("title", p.title());
			body.put("kind", p.kind());
			body.put("outlet", Map.of("type", p.outletType(), "name", p.outletName()));
			body.put("level", p.level());
			body.put("awardGrade", p.awardGrade());
			body.put("publishedOn", p.publishedOn().toString());
			body.put("attachmentIds", evidence(client, entry, p.evidence()));
			changed += created(api.post(client, "/api/activities/papers", body, p.key()));
		}
		for (CompetitionResult c : activities.competitions()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("teacherId", teacherId(c.teacherKey()));
			body.put("competition", c.competition());
			body.put("kind", c.kind());
			body.put("level", c.level());
			body.put("result", c.result());
			body.put("heldOn", c.heldOn().toString());
			body.put("attachmentIds", evidence(client, entry, c.evidence()));
			changed += created(api.post(client, "/api/activities/competition-results", body, c.key()));
		}
		for (ResearchProject project : activities.projects()) {
			changed += project(client, entry, project);
		}
		return changed;
	}

	private int project(GatewayClient.Client client, SchoolEntry entry, ResearchProject project) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", project.title());
		body.put("level", project.level());
		body.put("subject", project.subject());
		body.put("leaderId", teacherId(project.leaderKey()));
		body.put("memberIds", project.memberKeys().stream().map(this::teacherId).toList());
		body.put("appliedOn", project.appliedOn().toString());
		ApiResponse response = ok(api.post(client, "/api/activities/research-projects", body, project.key()));
		int changed = created(response);
		String id = response.text("id");
		int reached = STAGES.indexOf(response.text("stage"));
		for (StageStep step : project.stages()) {
			if (STAGES.indexOf(step.stage()) <= reached) {
				continue; // advanced by an earlier run
			}
			Map<String, Object> change = new LinkedHashMap<>();
			change.put("stage", step.stage());
			change.put("on", step.on().toString());
			change.put("note", step.note());
			change.put("attachmentIds", evidence(client, entry, step.evidence()));
			ok(api.post(client, "/api/activities/research-projects/" + id + "/stages", change, null));
			changed++;
		}
		return changed;
	}

	/** Uploads the evidence PDF once (remembered in the credentials file); null when there is none. */
	private List<String> evidence(GatewayClient.Client client, SchoolEntry entry, Evidence evidence) {
		if (evidence == null) {
			return null;
		}
		String id = entry.attachments.get(evidence.key());
		if (id == null) {
			byte[] pdf = MinimalPdf.page("Xiaoben demo county Yunxi", evidence.title(), "School: " + entry.code,
					"This one-page PDF stands in for the scanned document.");
			id = ok(api.upload(client, "/api/activities/attachments", evidence.filename(), "application/pdf", pdf))
				.text("id");
			synchronized (credentials) {
				entry.attachments.put(evidence.key(), id);
			}
			save.run();
		}
		return List.of(id);
	}

	// ------------------------------------------------------------------ helpers

	/** A teacher id from a demo key ({@code cgyx-t05}) of any school. */
	private String teacherId(String key) {
		String schoolCode = key.substring(0, key.lastIndexOf("-t"));
		String id = credentials.school(schoolCode).teachers.get(key);
		if (id == null) {
			throw new DemoLoadException("teacher " + key + " has no id in the credentials file");
		}
		return id;
	}

	private static GatewayClient.Client client(SchoolEntry entry) {
		return new GatewayClient.Client(entry.clientId, entry.clientSecret);
	}

	private static ApiResponse ok(ApiResponse response) {
		if (!response.isSuccess()) {
			throw response.failure();
		}
		return response;
	}

	private static int created(ApiResponse response) {
		return ok(response).isNewlyCreated() ? 1 : 0;
	}

	/**
	 * 200: done now; 409: the session is no longer planned, done by an earlier run, or by this call's own attempt
	 * whose answer was lost.
	 */
	private static int stateChange(ApiResponse response) {
		if (response.status() == 409) {
			return response.afterLostAttempt() ? 1 : 0;
		}
		ok(response);
		return 1;
	}
}
