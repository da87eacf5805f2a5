package cn.xiaoben.launcher.demo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import cn.xiaoben.launcher.demo.DemoCounty.Observation;
import cn.xiaoben.launcher.demo.DemoCounty.School;
import cn.xiaoben.launcher.demo.DemoCounty.StaffAccount;
import cn.xiaoben.launcher.demo.DemoCounty.Teacher;
import cn.xiaoben.launcher.demo.DemoCounty.Township;
import cn.xiaoben.launcher.demo.DemoCredentials.AccountEntry;
import cn.xiaoben.launcher.demo.DemoCredentials.SchoolEntry;
import cn.xiaoben.launcher.demo.DemoCredentials.TownshipEntry;

/**
 * Loads the demo county through the gateway exactly as real systems would: the bureau console creates
 * townships, schools (receiving each school system's credentials) and staff accounts; each school system
 * registers its subject groups and teachers and submits its lesson observations and its other activities
 * ({@link ActivityLoader}). Everything is keyed, so a re-run creates nothing new. The county is that of the
 * term its caller names ({@link TermCalendar}); the credentials file records the term's year.
 */
public final class DemoLoader {

	public static final String DEMO_PASSWORD = "Xiaoben@2026";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static final int PARALLEL_SCHOOLS = 4;

	private final GatewayClient api;

	private final GatewayClient.Client bureau;

	private final DemoCredentialsStore store;

	private final Consumer<String> progress;

	private final TermCalendar calendar;

	private final DemoCounty county;

	private DemoCredentials credentials;

	private final ActivityLoader activities;

	public DemoLoader(String gatewayUrl, GatewayClient.Client bureau, DemoCredentialsStore store,
			Consumer<String> progress, TermCalendar calendar) {
		this.api = new GatewayClient(gatewayUrl);
		this.bureau = bureau;
		this.store = store;
		this.progress = progress;
		this.calendar = calendar;
		this.county = DemoCountyGenerator.generate(calendar);
		this.credentials = store.load();
		credentials.gatewayUrl = gatewayUrl;
		credentials.county = county.name();
		credentials.termYear = calendar.year();
		credentials.demoPassword = DEMO_PASSWORD;
		credentials.bureauClient = new DemoCredentials.Client(bureau.clientId(), bureau.clientSecret());
		this.activities = new ActivityLoader(api, calendar, credentials, this::save);
	}

	/**
	 * What one run did. {@code activities}: the other records of the plan (weekly slots, sessions held or
	 * cancelled, hand-planned sessions, reflections, reading notes, papers, competition results, research projects
	 * and their stages); {@code newActivities}: how many of them this run created or changed.
	 */
	public record Summary(int schools, int teachers, int observations, int newObservations, int activities,
			int newActivities, Duration took) {
	}

	public Summary load() {
		long begin = System.nanoTime();
		JsonNode claims = api.claims(bureau);
		if (claims.hasNonNull("district_id")) {
			credentials.districtId = claims.get("district_id").asText();
		}
		credentials.complete = false;
		save();
		for (Township township : county.townships()) {
			township(township);
		}
		for (School school : county.schools()) {
			school(school);
		}
		progress.accept("demo: 3 townships, " + county.schools().size() + " schools registered; teachers ...");
		parallel(county.schools(), this::teachers);
		for (StaffAccount account : county.staff()) {
			account(account);
		}
		progress.accept("demo: " + county.teacherCount() + " teachers, " + county.staff().size()
				+ " staff accounts; lesson observations ...");
		AtomicInteger created = new AtomicInteger();
		parallel(county.schools(), school -> created.addAndGet(observations(school)));
		showcase();
		AtomicInteger changed = new AtomicInteger();
		progress.accept("demo: " + county.observationCount() + " lesson observations; weekly PD of "
				+ county.count(a -> a.weeklySlots().size()) + " subject groups ...");
		parallel(county.schools(), school -> changed.addAndGet(activities.weeklyPd(school)));
		progress.accept("demo: " + county.count(DemoCounty.Activities::heldSlotSessions)
				+ " weekly sessions held with attendance; " + county.count(a -> a.sessions().size())
				+ " sessions of the other forms ...");
		parallel(county.schools(), school -> changed.addAndGet(activities.sessions(school)));
		progress.accept("demo: " + county.count(a -> a.reflections().size()) + " reflections and "
				+ county.count(a -> a.readingNotes().size()) + " reading notes ...");
		parallel(county.schools(), school -> changed.addAndGet(activities.submissions(school)));
		progress.accept("demo: " + county.count(a -> a.papers().size()) + " papers, "
				+ county.count(a -> a.competitions().size()) + " competition results, "
				+ county.count(a -> a.projects().size()) + " research projects (" + county.count(
						DemoCounty.Activities::evidenceCount) + " PDF attachments) ...");
		parallel(county.schools(), school -> changed.addAndGet(activities.achievements(school)));
		progress.accept("demo: evidence of the sessions (" + county.count(DemoCounty.Activities::lessonPlanRevisions)
				+ " lesson plan revisions, " + county.count(DemoCounty.Activities::minutesCount) + " minutes, "
				+ county.count(a -> a.sessionObservations().size()) + " observations of open lessons / 同课异构; "
				+ "1 attendance correction of the showcase teacher) ...");
		parallel(county.schools(), school -> changed.addAndGet(activities.sessionEvidence(school)));
		changed.addAndGet(activities.attendanceCorrection(showcaseSchool(), credentials.showcase.teacherId));
		progress.accept("demo: " + county.count(a -> a.onlineStudies().size()) + " online studies, "
				+ county.count(a -> a.externalTrainings().size()) + " external training claims, "
				+ county.count(a -> a.mentorships().size()) + " mentorships, "
				+ county.count(a -> a.skillProgrammes().size()) + " skill programmes, "
				+ county.count(a -> a.materials().size()) + " teaching materials ...");
		parallel(county.schools(), school -> changed.addAndGet(activities.teacherRecords(school)));
		credentials.complete = true;
		credentials.loadedAt = OffsetDateTime.now().format(TIMESTAMP);
		save();
		return new Summary(county.schools().size(), county.teacherCount(), county.observationCount(), created.get(),
				ActivityLoader.planned(county), changed.get(), Duration.ofNanos(System.nanoTime() - begin));
	}

	private School showcaseSchool() {
		String code = county.showcase().schoolCode();
		return county.schools().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
	}

	/** Names the showcase teacher in the credentials file, so a newcomer knows whose portfolio to open. */
	private void showcase() {
		DemoCounty.Showcase plan = county.showcase();
		School school = showcaseSchool();
		SchoolEntry entry = credentials.school(plan.schoolCode());
		DemoCredentials.ShowcaseEntry showcase = new DemoCredentials.ShowcaseEntry();
		showcase.username = plan.username();
		showcase.teacherId = entry.teachers.get(plan.teacherKey());
		showcase.name = school.teachers().stream().filter(t -> t.key().equals(plan.teacherKey())).findFirst()
			.orElseThrow().name();
		showcase.school = school.name();
		showcase.schoolCode = school.code();
		showcase.schoolId = entry.schoolId;
		showcase.about = "weekly maths PD, hosts a salon (with minutes), teaches a township-level 示范课 observed by "
				+ "colleagues, 6 lesson observations, 3 reflections, 10 reading notes, 2 papers, a county competition "
				+ "award, leads a concluded school micro-project and is a member of a county project, 2 online studies, "
				+ "a city training claim, mentors a young maths teacher, passed 信息技术应用能力提升工程2.0, handed in a "
				+ "lesson plan set and a test paper, one corrected attendance (the credit transcript shows the voided "
				+ "entry and its voiding entry); portfolio: GET /api/activities/teachers/{teacherId}/portfolio"
				+ "?year=" + calendar.schoolYear();
		synchronized (credentials) {
			credentials.showcase = showcase;
		}
		save();
	}

	private void township(Township township) {
		TownshipEntry entry = credentials.township(township.code());
		entry.name = township.name();
		if (entry.id != null) {
			return;
		}
		ApiResponse response = api.post(bureau, "/api/directory/townships", Map.of("name", township.name()),
				"demo-township-" + township.code());
		if (response.isSuccess()) {
			entry.id = response.text("id");
		}
		else if (response.status() == 409) {
			entry.id = findIdByName(bureau, "/api/directory/townships", township.name(), response);
		}
		else {
			throw response.failure();
		}
		save();
	}

	private void school(School school) {
		SchoolEntry entry = credentials.school(school.code());
		entry.name = school.name();
		entry.stage = school.stage().label();
		TownshipEntry township = credentials.township(school.townshipCode());
		entry.township = township.name;
		entry.townshipId = township.id;
		if (entry.schoolId != null && entry.clientSecret != null) {
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("townshipId", township.id);
		body.put("name", school.name());
		body.put("stage", school.stage().label());
		ApiResponse response = api.post(bureau, "/api/directory/schools", body, "demo-school-" + school.code());
		if (response.status() == 409) {
			throw new DemoLoadException("school " + school.name() + " already exists, but its system credentials "
					+ "are not in " + store.file() + " (a client secret is shown only once); "
					+ "stop the platform and delete the var directory to start over");
		}
		if (!response.isSuccess()) {
			throw response.failure();
		}
		entry.schoolId = response.text("id");
		JsonNode client = response.body().path("client");
		entry.clientId = client.path("clientId").asText(null);
		entry.clientSecret = client.path("clientSecret").asText(null);
		if (entry.clientId == null || entry.clientSecret == null) {
			throw new DemoLoadException("POST /api/directory/schools returned no client credentials for "
					+ school.name() + ": " + response.body());
		}
		save();
	}

	private void teachers(School school) {
		SchoolEntry entry = credentials.school(school.code());
		GatewayClient.Client client = new GatewayClient.Client(entry.clientId, entry.clientSecret);
		String base = "/api/directory/schools/" + entry.schoolId;
		for (String subject : school.subjects()) {
			if (entry.subjectGroups.containsKey(subject)) {
				continue;
			}
			String name = School.groupName(subject);
			ApiResponse response = api.post(client, base + "/subject-groups", Map.of("name", name, "subject", subject),
					"demo-group-" + school.code() + "-" + (school.subjects().indexOf(subject) + 1));
			String id;
			if (response.isSuccess()) {
				id = response.text("id");
			}
			else if (response.status() == 409) {
				id = findIdByName(client, base + "/subject-groups", name, response);
			}
			else {
				throw response.failure();
			}
			synchronized (credentials) {
				entry.subjectGroups.put(subject, id);
			}
			save();
		}
		Map<String, String> existing = entry.teachers.size() < school.teachers().size() ? existingTeachers(client, base)
				: Map.of();
		for (Teacher teacher : school.teachers()) {
			if (entry.teachers.containsKey(teacher.key())) {
				continue;
			}
			String id = existing.get(teacher.name());
			if (id == null) {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("name", teacher.name());
				body.put("gender", teacher.gender());
				body.put("subject", teacher.subject());
				body.put("subjectGroupId", entry.subjectGroups.get(teacher.subject()));
				body.put("title", teacher.title());
				body.put("birthYear", teacher.birthYear());
				ApiResponse response = api.post(client, base + "/teachers", body, "demo-teacher-" + teacher.key());
				if (!response.isSuccess()) {
					throw response.failure();
				}
				id = response.text("id");
			}
			synchronized (credentials) {
				entry.teachers.put(teacher.key(), id);
			}
			save();
		}
	}

	/** Teachers the school already registered (a run interrupted before it could record them), by name. */
	private Map<String, String> existingTeachers(GatewayClient.Client client, String base) {
		Map<String, String> byName = new HashMap<>();
		for (int page = 0; page < 50; page++) {
			ApiResponse response = api.get(client, base + "/teachers?page=" + page + "&size=100");
			if (!response.isSuccess()) {
				throw response.failure();
			}
			JsonNode items = response.body().path("items");
			items.forEach(t -> byName.putIfAbsent(t.path("name").asText(), t.path("id").asText()));
			long total = response.body().path("total").asLong(items.size());
			if (items.isEmpty() || byName.size() >= total) {
				break;
			}
		}
		return byName;
	}

	private void account(StaffAccount plan) {
		if (credentials.account(plan.username()) != null) {
			return;
		}
		AccountEntry entry = new AccountEntry();
		entry.username = plan.username();
		entry.password = DEMO_PASSWORD;
		entry.role = plan.role();
		entry.displayName = plan.displayName();
		entry.scope = plan.scope();
		if (plan.townshipCode() != null) {
			entry.townshipId = credentials.township(plan.townshipCode()).id;
		}
		if (plan.schoolCode() != null) {
			SchoolEntry school = credentials.school(plan.schoolCode());
			entry.schoolId = school.schoolId;
			if (plan.teacherKey() != null) {
				entry.teacherId = school.teachers.get(plan.teacherKey());
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", entry.username);
		body.put("password", entry.password);
		body.put("displayName", entry.displayName);
		body.put("role", entry.role);
		body.put("townshipId", entry.townshipId);
		body.put("schoolId", entry.schoolId);
		body.put("teacherId", entry.teacherId);
		body.values().removeIf(java.util.Objects::isNull);
		ApiResponse response = api.post(bureau, "/api/directory/accounts", body, "demo-account-" + plan.username());
		if (!response.isSuccess() && response.status() != 409) {
			throw response.failure();
		}
		credentials.addAccount(entry);
		save();
	}

	/** @return how many observations were newly created (201) */
	private int observations(School school) {
		SchoolEntry entry = credentials.school(school.code());
		GatewayClient.Client client = new GatewayClient.Client(entry.clientId, entry.clientSecret);
		int created = 0;
		for (Observation observation : school.observations()) {
			Map<String, Object> body = ActivityLoader.observation(observation, entry.teachers::get);
			ApiResponse response = api.post(client, "/api/activities/lesson-observations", body, observation.key());
			if (!response.isSuccess()) {
				throw response.failure();
			}
			if (response.isNewlyCreated()) {
				created++;
			}
		}
		return created;
	}

	private String findIdByName(GatewayClient.Client client, String path, String name, ApiResponse conflict) {
		ApiResponse list = api.get(client, path + "?page=0&size=200");
		if (list.isSuccess()) {
			JsonNode items = list.body().isArray() ? list.body() : list.body().path("items");
			for (JsonNode item : items) {
				if (name.equals(item.path("name").asText())) {
					return item.path("id").asText();
				}
			}
		}
		throw conflict.failure();
	}

	private void save() {
		store.save(credentials);
	}

	private static void parallel(List<School> schools, Consumer<School> task) {
		ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_SCHOOLS, r -> {
			Thread t = new Thread(r, "demo-loader");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> futures = new ArrayList<>();
			schools.forEach(school -> futures.add(pool.submit(() -> task.accept(school))));
			for (Future<?> future : futures) {
				try {
					future.get();
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					throw new DemoLoadException(ex.getCause().toString(), ex.getCause());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new DemoLoadException("interrupted");
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
