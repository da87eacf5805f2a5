package cn.xiaoben.launcher.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-memory stand-in for gateway + identity + activity implementing the demo loader's API contract, with the
 * behaviours the loader must cope with: strict JSON (unknown fields are a 400), a 503 on the very first call,
 * teachers known to the activity service only a moment after registration (422 {@code teacher-unknown}),
 * Idempotency-Key replays, 409 on duplicate names, and (on request, {@link #loseFirstAnswerTo}) a create whose
 * answer is lost on the way back. Its "now" (future dates, sessions not started yet) is the one it is given, like
 * the services' clock. Also runnable as a fake Spring Boot jar ({@link #main(String[])}) for trying the launcher
 * without the real services.
 */
public final class FakeGateway implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	static {
		// without it every response waits for the client's delayed ACK (~40 ms per call)
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private static final Pattern SCHOOL_PATH = Pattern.compile("/api/directory/schools/([^/]+)/(subject-groups|teachers)");

	private static final Set<String> OBSERVATION_FIELDS = Set.of("observerId", "teacherId", "subject", "grade",
			"topic", "observedAt", "durationMinutes", "scores", "comment", "sessionId");

	private static final Set<String> TEACHER_FIELDS = Set.of("name", "gender", "subject", "subjectGroupId", "title",
			"birthYear");

	private static final Set<String> SESSION_FIELDS = Set.of("form", "topic", "level", "hostId", "subjectGroupId",
			"plannedStart", "plannedEnd", "place", "participantIds", "hostUnit", "speakerId", "speakerName",
			"mainPreparerId", "teachingTeacherIds", "lessonKind", "lessonContent", "book");

	/** The form fields each form uses (SessionFormRules): any other of them is rejected. */
	private static final Map<String, Set<String>> FORM_FIELDS = Map.of("THEMED_RESEARCH", Set.of("speakerId"),
			"COLLECTIVE_PREPARATION", Set.of("mainPreparerId", "lessonContent"), "SAME_LESSON_DIFFERENT_DESIGNS",
			Set.of("teachingTeacherIds", "lessonContent"), "OPEN_LESSON",
			Set.of("lessonKind", "teachingTeacherIds", "lessonContent"), "LECTURE", Set.of("speakerId", "speakerName"),
			"SALON", Set.of(), "READING_CLUB", Set.of("book"));

	private static final Set<String> ALL_FORM_FIELDS = Set.of("speakerId", "speakerName", "mainPreparerId",
			"teachingTeacherIds", "lessonKind", "lessonContent", "book");

	private static final Set<String> SLOT_FIELDS = Set.of("subjectGroupId", "dayOfWeek", "start", "durationMinutes",
			"place", "hostId", "form", "topic");

	private static final Set<String> FORMS = Set.of("THEMED_RESEARCH", "COLLECTIVE_PREPARATION", "LECTURE", "SALON",
			"SAME_LESSON_DIFFERENT_DESIGNS", "OPEN_LESSON", "READING_CLUB");

	private static final Set<String> LEVELS = Set.of("SCHOOL", "TOWNSHIP", "COUNTY", "CITY", "PROVINCE", "NATIONAL");

	private static final List<String> STAGES = List.of("APPLIED", "APPROVED", "OPENED", "MIDTERM", "CONCLUDED");

	private static final Pattern ACTIVITY_SCHOOL_PATH = Pattern
		.compile("/api/activities/schools/([^/]+)/(weekly-slots|sessions/plan)");

	private static final Pattern SESSION_ACTION = Pattern.compile("/api/activities/sessions/([^/]+)/(attendance|cancel)");

	private static final Pattern PROJECT_STAGES = Pattern.compile("/api/activities/research-projects/([^/]+)/stages");

	private static final Pattern SESSION_EVIDENCE = Pattern
		.compile("/api/activities/sessions/([^/]+)/(lesson-plan/revisions|minutes)");

	private static final Pattern CORRECTION = Pattern
		.compile("/api/activities/sessions/([^/]+)/attendance/([^/]+)/corrections");

	private static final Pattern SESSION_ONE = Pattern.compile("/api/activities/sessions/([^/]+)");

	private static final Pattern CHECKPOINTS = Pattern.compile("/api/activities/mentorships/([^/]+)/checkpoints");

	private static final Pattern SKILL_STEP = Pattern
		.compile("/api/activities/skill-programmes/([^/]+)/(modules/([0-9]+)/completion|result)");

	/** How long after its registration a teacher is unknown to the activity service (monotonic clock). */
	private static final long TEACHER_PROPAGATION_NANOS = java.time.Duration.ofSeconds(1).toNanos();

	private final HttpServer server;

	private final String bureauSecret;

	private final boolean gateway;

	/** The services' "now": sessions starting later have not started, dates after its day lie in the future. */
	private final OffsetDateTime now;

	private final java.time.LocalDate today;

	/** Idempotency-Keys whose first create is made but answered by a dropped connection. */
	private final Set<String> loseFirstAnswer = ConcurrentHashMap.newKeySet();

	/** The keys of the creates whose answer was lost (the records exist). */
	public final Set<String> lostAnswers = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean firstCall = new AtomicBoolean(true);

	private final Map<String, String> clientSecrets = new ConcurrentHashMap<>();

	/** client id → school id (null for the bureau) */
	private final Map<String, String> clientSchool = new ConcurrentHashMap<>();

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> townships = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> schools = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> groups = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> teachers = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> accounts = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> observations = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> slots = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> sessions = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> reflections = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> readingNotes = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> papers = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> competitions = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> projects = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> attachments = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> onlineStudies = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> externalTrainings = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> mentorships = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> skillProgrammes = new ConcurrentHashMap<>();

	public final Map<String, Map<String, Object>> materials = new ConcurrentHashMap<>();

	/** Lesson plan revisions and minutes posted, accepted or not. */
	public final java.util.concurrent.atomic.AtomicInteger evidencePosts = new java.util.concurrent.atomic.AtomicInteger();

	/** Every POST of an attendance file or a cancellation that was accepted, by session id. */
	public final Map<String, JsonNode> attendanceUploads = new ConcurrentHashMap<>();

	public final Map<String, String> cancellations = new ConcurrentHashMap<>();

	/** Attendance uploads and cancellations tried, accepted or not. */
	public final java.util.concurrent.atomic.AtomicInteger sessionActionPosts = new java.util.concurrent.atomic.AtomicInteger();

	/** Attendance corrections posted, accepted or not. */
	public final java.util.concurrent.atomic.AtomicInteger correctionPosts = new java.util.concurrent.atomic.AtomicInteger();

	/** The bodies of the accepted attendance corrections, with {@code sessionId} and {@code teacherId}. */
	public final List<Map<String, Object>> corrections = java.util.Collections.synchronizedList(new ArrayList<>());

	/** Idempotency-Key of each record created with one, by record id. */
	public final Map<String, String> keyOf = new ConcurrentHashMap<>();

	private final Map<String, Long> teacherRegisteredAt = new ConcurrentHashMap<>();

	private final Map<String, String> idempotency = new ConcurrentHashMap<>();

	public FakeGateway(int port, String bureauSecret, boolean gateway, OffsetDateTime now) throws IOException {
		this.bureauSecret = bureauSecret;
		this.gateway = gateway;
		this.now = now;
		this.today = now.atZoneSameInstant(java.time.ZoneOffset.ofHours(8)).toLocalDate();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext("/", this::handle);
		server.start();
	}

	public int port() {
		return server.getAddress().getPort();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	/**
	 * The first create with one of these keys is made but its answer is lost: the connection closes without a
	 * response, as after a timeout or a network failure.
	 */
	public void loseFirstAnswerTo(String... idempotencyKeys) {
		loseFirstAnswer.addAll(List.of(idempotencyKeys));
	}

	/** {@code --server.port=N}; serves the API only when started as the gateway. */
	public static void main(String[] args) throws IOException {
		int port = 8080;
		boolean gateway = false;
		for (String arg : args) {
			if (arg.startsWith("--server.port=")) {
				port = Integer.parseInt(arg.substring("--server.port=".length()));
			}
			gateway |= arg.startsWith("--xiaoben.gateway.services.");
		}
		// like the services' clock: the demo the launcher loads today (without --demo-date) is in the past
		new FakeGateway(port, null, gateway, TermCalendar.forReference(java.time.LocalDate.now(TermCalendar.ZONE)).demoNow());
		System.out.println("fake " + (gateway ? "gateway" : "service") + " listening on " + port + " args "
				+ String.join(" ", args));
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			if (path.equals("/actuator/health/readiness")) {
				send(exchange, 200, Map.of("status", "UP"));
				return;
			}
			if (!gateway) {
				send(exchange, 404, problem("not-found", "no such endpoint"));
				return;
			}
			if (firstCall.getAndSet(false)) {
				send(exchange, 503, problem("unavailable", "warming up"));
				return;
			}
			byte[] raw = exchange.getRequestBody().readAllBytes();
			if (path.equals("/oauth2/token") && method.equals("POST")) {
				token(exchange, new String(raw, StandardCharsets.UTF_8));
				return;
			}
			String bearer = exchange.getRequestHeaders().getFirst("Authorization");
			String client = bearer != null && bearer.startsWith("Bearer ") ? tokens.get(bearer.substring(7)) : null;
			if (client == null) {
				send(exchange, 401, problem("unauthorized", "no valid token"));
				return;
			}
			String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
			if (path.equals("/api/activities/attachments") && method.equals("POST")) {
				synchronized (this) {
					attachment(exchange, client, contentType, raw);
				}
				return;
			}
			JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			synchronized (this) {
				if (path.startsWith("/api/activities/") && !path.equals("/api/activities/lesson-observations")) {
					activity(exchange, method, path, exchange.getRequestURI().getQuery(), clientSchool.get(client), body, key);
				}
				else {
					route(exchange, method, path, client, body, key);
				}
			}
		}
		catch (RuntimeException ex) {
			send(exchange, 500, problem("internal", ex.toString()));
		}
	}

	private void route(HttpExchange exchange, String method, String path, String client, JsonNode body, String key)
			throws IOException {
		boolean bureau = clientSchool.get(client) == null;
		if (key != null && idempotency.containsKey(key) && method.equals("POST")) {
			replay(exchange, key);
			return;
		}
		Matcher school = SCHOOL_PATH.matcher(path);
		if (path.equals("/api/directory/townships") && bureau) {
			if (method.equals("GET")) {
				send(exchange, 200, page(new ArrayList<>(townships.values())));
				return;
			}
			String name = body.path("name").asText();
			if (townships.values().stream().anyMatch(t -> t.get("name").equals(name))) {
				send(exchange, 409, problem("duplicate", "township exists"));
				return;
			}
			created(exchange, townships, key, Map.of("districtId", "d-yunxi", "name", name));
		}
		else if (path.equals("/api/directory/schools") && bureau && method.equals("POST")) {
			String name = body.path("name").asText();
			if (schools.values().stream().anyMatch(s -> s.get("name").equals(name))) {
				send(exchange, 409, problem("duplicate", "school exists"));
				return;
			}
			if (!townships.containsKey(body.path("townshipId").asText())) {
				send(exchange, 422, problem("township-unknown", "no such township"));
				return;
			}
			String schoolId = UUID.randomUUID().toString();
			String clientId = "school-" + schoolId.substring(0, 8);
			String secret = UUID.randomUUID() + "+/=";
			clientSecrets.put(clientId, secret);
			clientSchool.put(clientId, schoolId);
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("id", schoolId);
			record.put("name", name);
			record.put("stage", body.path("stage").asText());
			record.put("townshipId", body.path("townshipId").asText());
			record.put("districtId", "d-yunxi");
			schools.put(schoolId, record);
			Map<String, Object> response = new LinkedHashMap<>(record);
			response.put("client", Map.of("clientId", clientId, "clientSecret", secret));
			if (key != null) {
				idempotency.put(key, schoolId);
			}
			send(exchange, 201, response);
		}
		else if (school.matches()) {
			String schoolId = school.group(1);
			if (!schoolId.equals(clientSchool.get(client))) {
				send(exchange, 403, problem("forbidden", "not your school"));
				return;
			}
			boolean teachersPath = school.group(2).equals("teachers");
			Map<String, Map<String, Object>> store = teachersPath ? teachers : groups;
			List<Map<String, Object>> ofSchool = store.values().stream().filter(r -> schoolId.equals(r.get("schoolId"))).toList();
			if (method.equals("GET")) {
				send(exchange, 200, page(ofSchool));
				return;
			}
			if (teachersPath) {
				if (!fieldsAre(body, TEACHER_FIELDS) || !groups.containsKey(body.path("subjectGroupId").asText())) {
					send(exchange, 400, problem("invalid", "bad teacher " + body));
					return;
				}
				Map<String, Object> record = JSON.convertValue(body, Map.class);
				record.put("schoolId", schoolId);
				String id = created(exchange, teachers, key, record);
				teacherRegisteredAt.put(id, System.nanoTime());
			}
			else {
				String name = body.path("name").asText();
				if (ofSchool.stream().anyMatch(g -> g.get("name").equals(name))) {
					send(exchange, 409, problem("duplicate", "group exists"));
					return;
				}
				created(exchange, groups, key, Map.of("schoolId", schoolId, "name", name, "subject", body.path("subject").asText()));
			}
		}
		else if (path.equals("/api/directory/accounts") && bureau && method.equals("POST")) {
			String username = body.path("username").asText();
			if (accounts.values().stream().anyMatch(a -> a.get("username").equals(username))) {
				send(exchange, 409, problem("duplicate", "username taken"));
				return;
			}
			Map<String, Object> record = JSON.convertValue(body, Map.class);
			record.remove("password");
			created(exchange, accounts, key, record);
		}
		else if (path.equals("/api/activities/lesson-observations") && method.equals("POST") && !bureau) {
			if (key == null || !fieldsAre(body, OBSERVATION_FIELDS)) {
				send(exchange, 400, problem("invalid", "bad observation " + body));
				return;
			}
			for (String field : List.of("observerId", "teacherId")) {
				Long registered = teacherRegisteredAt.get(body.path(field).asText());
				if (registered == null || System.nanoTime() - registered < TEACHER_PROPAGATION_NANOS) {
					send(exchange, 422, problem("teacher-unknown", "teacher not known yet"));
					return;
				}
				if (!clientSchool.get(client).equals(teachers.get(body.path(field).asText()).get("schoolId"))) {
					send(exchange, 403, problem("forbidden", "teacher of another school"));
					return;
				}
			}
			OffsetDateTime observedAt = OffsetDateTime.parse(body.path("observedAt").asText());
			if (body.has("sessionId")) {
				String bad = linkedObservation(body, observedAt);
				if (bad != null) {
					send(exchange, 422, problem("observation-not-in-session", bad));
					return;
				}
			}
			created(exchange, observations, key, JSON.convertValue(body, Map.class));
		}
		else {
			send(exchange, 404, problem("not-found", method + " " + path));
		}
	}

	private String created(HttpExchange exchange, Map<String, Map<String, Object>> store, String key,
			Map<String, Object> fields) throws IOException {
		String id = UUID.randomUUID().toString();
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", id);
		record.putAll(fields);
		store.put(id, record);
		if (key != null) {
			idempotency.put(key, id);
			keyOf.put(id, key);
			if (loseFirstAnswer.remove(key)) {
				lostAnswers.add(key);
				return id; // closing the exchange without a response drops the connection
			}
		}
		send(exchange, 201, record);
		return id;
	}

	private Map<String, Object> find(String id) {
		for (Map<String, Map<String, Object>> store : List.of(townships, schools, groups, teachers, accounts,
				observations, sessions, reflections, readingNotes, papers, competitions, projects, onlineStudies,
				externalTrainings, mentorships, skillProgrammes, materials)) {
			if (store.containsKey(id)) {
				return store.get(id);
			}
		}
		throw new IllegalStateException(id);
	}

	private void token(HttpExchange exchange, String form) throws IOException {
		String auth = exchange.getRequestHeaders().getFirst("Authorization");
		String[] pair = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8).split(":", 2);
		String clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
		String secret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
		boolean bureau = clientId.equals("bureau-console") && (bureauSecret == null || bureauSecret.equals(secret));
		if (!form.contains("grant_type=client_credentials") || !(bureau || secret.equals(clientSecrets.get(clientId)))) {
			send(exchange, 401, Map.of("error", "invalid_client"));
			return;
		}
		String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(
				JSON.writeValueAsBytes(Map.of("sub", clientId, "district_id", "d-yunxi")));
		String token = "eyJhbGciOiJub25lIn0." + claims + "." + UUID.randomUUID();
		tokens.put(token, clientId);
		send(exchange, 200, Map.of("access_token", token, "token_type", "Bearer", "expires_in", 300));
	}

	private static boolean fieldsAre(JsonNode body, Set<String> allowed) {
		List<String> names = new ArrayList<>();
		body.fieldNames().forEachRemaining(names::add);
		return allowed.containsAll(names);
	}

	private static Map<String, Object> page(List<Map<String, Object>> items) {
		return Map.of("items", items, "page", 0, "size", items.size(), "total", items.size());
	}

	private static Map<String, Object> problem(String code, String detail) {
		Map<String, Object> problem = new HashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", code);
		problem.put("detail", detail);
		problem.put("code", code);
		return problem;
	}

	private static void send(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}


	// ---------------------------------------------------------------- activities other than observations

	private void activity(HttpExchange exchange, String method, String path, String query, String schoolId,
			JsonNode body, String key) throws IOException {
		if (schoolId == null) {
			send(exchange, 403, problem("forbidden", "school-scoped tokens only"));
			return;
		}
		if (key != null && idempotency.containsKey(key) && method.equals("POST")) {
			replay(exchange, key);
			return;
		}
		Matcher schoolPath = ACTIVITY_SCHOOL_PATH.matcher(path);
		Matcher action = SESSION_ACTION.matcher(path);
		Matcher stages = PROJECT_STAGES.matcher(path);
		String bad = null;
		if (schoolPath.matches()) {
			if (!schoolPath.group(1).equals(schoolId)) {
				send(exchange, 403, problem("forbidden", "not your school"));
			}
			else if (schoolPath.group(2).equals("weekly-slots")) {
				weeklySlots(exchange, method, schoolId, body);
			}
			else {
				plan(exchange, schoolId, query);
			}
			return;
		}
		if (action.matches() && method.equals("POST")) {
			sessionAction(exchange, action.group(1), action.group(2), schoolId, body);
			return;
		}
		if (path.equals("/api/activities/sessions") && method.equals("GET")) {
			// what a school system reads: its school's sessions (the fake has no others), filtered, oldest first
			Map<String, String> params = params(query);
			send(exchange, 200, page(sessions.values().stream()
				.filter(s -> schoolId.equals(s.get("schoolId")))
				.filter(s -> !params.containsKey("schoolId") || params.get("schoolId").equals(s.get("schoolId")))
				.filter(s -> !params.containsKey("status") || params.get("status").equals(s.get("status")))
				.filter(s -> !params.containsKey("form") || params.get("form").equals(s.get("form")))
				.filter(s -> !params.containsKey("teacherId") || people(s).contains(params.get("teacherId")))
				.sorted(java.util.Comparator.comparing((Map<String, Object> s) -> OffsetDateTime.parse((String) s.get("plannedStart")))
					.thenComparing(s -> (String) s.get("id")))
				.skip(Long.parseLong(params.getOrDefault("page", "0")) * Long.parseLong(params.getOrDefault("size", "20")))
				.limit(Long.parseLong(params.getOrDefault("size", "20")))
				.toList()));
			return;
		}
		if (stages.matches() && method.equals("POST")) {
			stage(exchange, stages.group(1), schoolId, body);
			return;
		}
		Matcher correction = CORRECTION.matcher(path);
		if (correction.matches() && method.equals("POST")) {
			correction(exchange, correction.group(1), correction.group(2), schoolId, body);
			return;
		}
		Matcher evidence = SESSION_EVIDENCE.matcher(path);
		if (evidence.matches() && method.equals("POST")) {
			sessionEvidence(exchange, evidence.group(1), evidence.group(2), schoolId, body);
			return;
		}
		Matcher one = SESSION_ONE.matcher(path);
		if (one.matches() && method.equals("GET")) {
			Map<String, Object> session = sessions.get(one.group(1));
			if (session == null || !schoolId.equals(session.get("schoolId"))) {
				send(exchange, 404, problem("not-found", "session " + one.group(1)));
				return;
			}
			send(exchange, 200, session);
			return;
		}
		Matcher checkpoint = CHECKPOINTS.matcher(path);
		if (checkpoint.matches() && method.equals("POST")) {
			checkpoint(exchange, checkpoint.group(1), schoolId, body);
			return;
		}
		Matcher skill = SKILL_STEP.matcher(path);
		if (skill.matches() && method.equals("POST")) {
			skillStep(exchange, skill.group(1), skill.group(3), schoolId, body);
			return;
		}
		if (!method.equals("POST") || key == null) {
			send(exchange, method.equals("POST") ? 400 : 404, problem("not-found", method + " " + path + " key " + key));
			return;
		}
		Map<String, Map<String, Object>> store;
		switch (path) {
			case "/api/activities/sessions" -> {
				store = sessions;
				bad = !fieldsAre(body, SESSION_FIELDS) || !FORMS.contains(body.path("form").asText())
						|| !LEVELS.contains(body.path("level").asText()) ? "bad session " + body
								: ofSchool(body.path("hostId").asText(), schoolId);
				for (JsonNode p : body.path("participantIds")) {
					if (bad == null && !teachers.containsKey(p.asText())) {
						bad = "unknown participant " + p;
					}
					else if (bad == null && body.path("level").asText().equals("SCHOOL")) {
						bad = ofSchool(p.asText(), schoolId);
					}
				}
				if (bad == null && !OffsetDateTime.parse(body.path("plannedEnd").asText())
					.isAfter(OffsetDateTime.parse(body.path("plannedStart").asText()))) {
					bad = "end before start";
				}
				bad = bad != null ? bad : formFields(body, schoolId);
			}
			case "/api/activities/reflections" -> {
				store = reflections;
				bad = submission(body, Set.of("teacherId", "kind", "title", "text", "writtenOn"),
						Set.of("teachingReflection", "educationNarrative", "caseStudy"), "writtenOn", schoolId);
			}
			case "/api/activities/reading-notes" -> {
				store = readingNotes;
				bad = submission(body, Set.of("teacherId", "kind", "title", "bookTitle", "bookAuthor", "chapters", "text",
						"writtenOn"), Set.of("book", "article"), "writtenOn", schoolId);
				if (bad == null && body.path("bookTitle").asText().isBlank()) {
					bad = "bookTitle required";
				}
			}
			case "/api/activities/papers" -> {
				store = papers;
				bad = !fieldsAre(body, Set.of("authorIds", "title", "kind", "outlet", "level", "awardGrade", "publishedOn",
						"attachmentIds")) || !LEVELS.contains(body.path("level").asText())
						|| !Set.of("PAPER", "CASE").contains(body.path("kind").asText()) ? "bad paper " + body
								: notFuture(body, "publishedOn");
				boolean award = body.path("outlet").path("type").asText().equals("AWARD");
				if (bad == null && (award != body.hasNonNull("awardGrade")
						|| !Set.of("AWARD", "JOURNAL").contains(body.path("outlet").path("type").asText())
						|| body.path("outlet").path("name").asText().isBlank())) {
					bad = "outlet/awardGrade " + body;
				}
				for (JsonNode author : body.path("authorIds")) {
					bad = bad != null ? bad : ofSchool(author.asText(), schoolId);
				}
				bad = bad != null ? bad : attachmentsOf(body, schoolId);
			}
			case "/api/activities/competition-results" -> {
				store = competitions;
				bad = !fieldsAre(body, Set.of("teacherId", "competition", "kind", "level", "result", "heldOn",
						"attachmentIds")) || !LEVELS.contains(body.path("level").asText())
						|| !Set.of("QUALITY_LESSON", "BASIC_SKILLS", "TEACHING_EXPERT", "PROBLEM_SOLVING", "OTHER")
							.contains(body.path("kind").asText())
						|| !Set.of("FIRST", "SECOND", "THIRD", "EXCELLENCE", "PARTICIPATED")
							.contains(body.path("result").asText()) ? "bad competition result " + body
									: notFuture(body, "heldOn");
				bad = bad != null ? bad : ofSchool(body.path("teacherId").asText(), schoolId);
				bad = bad != null ? bad : attachmentsOf(body, schoolId);
			}
			case "/api/activities/research-projects" -> {
				store = projects;
				bad = !fieldsAre(body, Set.of("title", "level", "subject", "leaderId", "memberIds", "appliedOn"))
						|| !LEVELS.contains(body.path("level").asText()) ? "bad project " + body
								: notFuture(body, "appliedOn");
				bad = bad != null ? bad : ofSchool(body.path("leaderId").asText(), schoolId);
				for (JsonNode member : body.path("memberIds")) {
					bad = bad != null ? bad : ofSchool(member.asText(), schoolId);
				}
			}
			case "/api/activities/online-studies" -> {
				store = onlineStudies;
				bad = !fieldsAre(body, Set.of("teacherId", "platform", "course", "hours", "completedOn",
						"certificateAttachmentIds")) || body.path("course").asText().isBlank()
						|| body.path("platform").asText().isBlank() ? "bad online study " + body : notFuture(body, "completedOn");
				bad = bad != null ? bad : hours(body, 200);
				bad = bad != null ? bad : ofSchool(body.path("teacherId").asText(), schoolId);
			}
			case "/api/activities/external-trainings" -> {
				store = externalTrainings;
				bad = !fieldsAre(body, Set.of("teacherId", "kind", "title", "organizer", "level", "place", "startDate",
						"endDate", "hours", "certificateAttachmentIds"))
						|| !Set.of("TRAINING", "OBSERVATION").contains(body.path("kind").asText())
						|| !Set.of("COUNTY", "CITY", "PROVINCE", "NATIONAL").contains(body.path("level").asText())
						|| body.path("certificateAttachmentIds").isEmpty() ? "bad external training " + body
								: notFuture(body, "endDate");
				if (bad == null) {
					java.time.LocalDate start = java.time.LocalDate.parse(body.path("startDate").asText());
					java.time.LocalDate end = java.time.LocalDate.parse(body.path("endDate").asText());
					bad = end.isBefore(start) ? "end before start"
							: hours(body, 24 * (java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1));
				}
				bad = bad != null ? bad : ofSchool(body.path("teacherId").asText(), schoolId);
				bad = bad != null ? bad : attachmentsOf(body.path("certificateAttachmentIds"), schoolId);
			}
			case "/api/activities/mentorships" -> {
				store = mentorships;
				bad = !fieldsAre(body, Set.of("mentorId", "menteeId", "schoolYear", "goals", "startedOn"))
						|| !schoolYear().equals(body.path("schoolYear").asText()) || body.path("goals").isEmpty()
						|| body.path("mentorId").equals(body.path("menteeId")) ? "bad mentorship " + body
								: notFuture(body, "startedOn");
				bad = bad != null ? bad : ofSchool(body.path("mentorId").asText(), schoolId);
				bad = bad != null ? bad : ofSchool(body.path("menteeId").asText(), schoolId);
				if (bad == null && mentorships.values().stream().anyMatch(m -> m.get("menteeId").equals(body.path("menteeId").asText()))) {
					send(exchange, 409, problem("mentee-already-paired", "paired"));
					return;
				}
			}
			case "/api/activities/skill-programmes" -> {
				store = skillProgrammes;
				bad = !fieldsAre(body, Set.of("teacherId", "programme", "level", "modules", "enrolledOn"))
						|| !LEVELS.contains(body.path("level").asText()) || body.path("modules").isEmpty()
						? "bad skill programme " + body : notFuture(body, "enrolledOn");
				bad = bad != null ? bad : ofSchool(body.path("teacherId").asText(), schoolId);
			}
			case "/api/activities/teaching-materials" -> {
				store = materials;
				bad = !fieldsAre(body, Set.of("teacherId", "kind", "title", "subject", "grade", "submittedOn",
						"attachmentIds")) || !Set.of("LESSON_PLAN_SET", "TEST_PAPER", "COURSEWARE").contains(body.path("kind").asText())
						|| body.path("attachmentIds").isEmpty() ? "bad teaching material " + body : notFuture(body, "submittedOn");
				bad = bad != null ? bad : ofSchool(body.path("teacherId").asText(), schoolId);
				bad = bad != null ? bad : attachmentsOf(body, schoolId);
			}
			default -> {
				send(exchange, 404, problem("not-found", method + " " + path));
				return;
			}
		}
		if (bad != null) {
			send(exchange, 400, problem("invalid", bad));
			return;
		}
		Map<String, Object> record = JSON.convertValue(body, Map.class);
		record.put("schoolId", schoolId);
		if (store == sessions) {
			record.put("status", "PLANNED");
		}
		if (store == projects) {
			record.put("stage", "APPLIED");
			record.put("stageOn", body.path("appliedOn").asText());
		}
		if (store == mentorships) {
			record.put("checkpoints", new ArrayList<>());
		}
		if (store == skillProgrammes) {
			record.put("completions", new ArrayList<>());
			record.put("completedModules", 0);
			record.put("status", "ENROLLED");
		}
		created(exchange, store, key, record);
	}

	/** Like the services: the first record again, 201 with {@code Idempotent-Replayed: true}. */
	private void replay(HttpExchange exchange, String key) throws IOException {
		exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
		send(exchange, 201, find(idempotency.get(key)));
	}

	private void weeklySlots(HttpExchange exchange, String method, String schoolId, JsonNode body) throws IOException {
		if (method.equals("GET")) {
			send(exchange, 200, slots.values().stream().filter(s -> schoolId.equals(s.get("schoolId"))).toList());
			return;
		}
		Map<String, Object> group = groups.get(body.path("subjectGroupId").asText());
		String bad;
		bad = !fieldsAre(body, SLOT_FIELDS) || group == null || !schoolId.equals(group.get("schoolId"))
				|| !Set.of("THEMED_RESEARCH", "COLLECTIVE_PREPARATION", "SALON").contains(body.path("form").asText())
						? "bad slot " + body
						: ofSchool(body.path("hostId").asText(), schoolId);
		java.time.DayOfWeek.valueOf(body.path("dayOfWeek").asText());
		java.time.LocalTime.parse(body.path("start").asText());
		if (bad != null) {
			send(exchange, 400, problem("invalid", bad));
			return;
		}
		// like the real service: not idempotent, every POST is a new slot
		String id = "slot-" + UUID.randomUUID().toString().substring(0, 13);
		Map<String, Object> record = new LinkedHashMap<>(JSON.convertValue(body, Map.class));
		record.put("id", id);
		record.put("schoolId", schoolId);
		slots.put(id, record);
		send(exchange, 201, record);
	}

	private static Map<String, String> params(String query) {
		Map<String, String> params = new HashMap<>();
		for (String pair : query.split("&")) {
			String[] kv = pair.split("=", 2);
			params.put(kv[0], kv[1]);
		}
		return params;
	}

	private void plan(HttpExchange exchange, String schoolId, String query) throws IOException {
		Map<String, String> params = params(query);
		java.time.LocalDate from = java.time.LocalDate.parse(params.get("from"));
		java.time.LocalDate to = java.time.LocalDate.parse(params.get("to"));
		List<String> createdIds = new ArrayList<>();
		List<String> existing = new ArrayList<>();
		for (Map<String, Object> slot : slots.values().stream().filter(s -> schoolId.equals(s.get("schoolId"))).toList()) {
			for (java.time.LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
				if (!date.getDayOfWeek().name().equals(slot.get("dayOfWeek"))) {
					continue;
				}
				String id = "ses-" + slot.get("id") + "-" + date.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
				if (sessions.containsKey(id)) {
					existing.add(id);
					continue;
				}
				OffsetDateTime start = OffsetDateTime.of(date, java.time.LocalTime.parse((String) slot.get("start")),
						java.time.ZoneOffset.ofHours(8));
				Map<String, Object> session = new LinkedHashMap<>();
				session.put("id", id);
				session.put("schoolId", schoolId);
				session.put("slotId", slot.get("id"));
				session.put("form", slot.get("form"));
				session.put("hostId", slot.get("hostId"));
				session.put("plannedStart", start.toString());
				session.put("plannedEnd", start.plusMinutes(((Number) slot.get("durationMinutes")).intValue()).toString());
				session.put("participantIds", teachers.values().stream()
					.filter(t -> slot.get("subjectGroupId").equals(t.get("subjectGroupId")) && !slot.get("hostId").equals(t.get("id")))
					.map(t -> t.get("id"))
					.toList());
				session.put(slot.get("form").equals("THEMED_RESEARCH") ? "speakerId" : "mainPreparerId", slot.get("hostId"));
				session.put("status", "PLANNED");
				sessions.put(id, session);
				createdIds.add(id);
			}
		}
		send(exchange, 200, Map.of("created", createdIds, "existing", existing));
	}

	private void sessionAction(HttpExchange exchange, String id, String action, String schoolId, JsonNode body)
			throws IOException {
		sessionActionPosts.incrementAndGet();
		Map<String, Object> session = sessions.get(id);
		if (session == null || !schoolId.equals(session.get("schoolId"))) {
			send(exchange, session == null ? 404 : 403, problem("not-found", "session " + id));
			return;
		}
		if (!"PLANNED".equals(session.get("status"))) {
			send(exchange, 409, problem("session-" + String.valueOf(session.get("status")).toLowerCase(), "not planned"));
			return;
		}
		if (action.equals("cancel")) {
			if (!fieldsAre(body, Set.of("reason"))) {
				send(exchange, 400, problem("invalid", "bad cancel " + body));
				return;
			}
			session.put("status", "CANCELLED");
			cancellations.put(id, body.path("reason").asText());
			send(exchange, 200, session);
			return;
		}
		OffsetDateTime start = OffsetDateTime.parse((String) session.get("plannedStart"));
		int planned = (int) java.time.Duration.between(start, OffsetDateTime.parse((String) session.get("plannedEnd"))).toMinutes();
		if (start.isAfter(now)) {
			send(exchange, 422, problem("session-not-started", "starts " + start));
			return;
		}
		if (!body.isArray() || body.isEmpty()) {
			send(exchange, 400, problem("invalid-attendance-file", "not a JSON array " + body));
			return;
		}
		for (JsonNode line : body) {
			String mark = line.path("mark").asText();
			int minutes = line.path("attendedMinutes").asInt(-1);
			boolean attended = mark.equals("PRESENT") || mark.equals("LATE");
			if (!fieldsAre(line, Set.of("teacherId", "mark", "attendedMinutes")) || !teachers.containsKey(line.path("teacherId").asText())
					|| !Set.of("PRESENT", "LATE", "ABSENT", "EXCUSED").contains(mark) || minutes < 0 || minutes > planned
					|| (!attended && minutes != 0)) {
				send(exchange, 400, problem("invalid-attendance-file", "bad line " + line));
				return;
			}
		}
		// the records as the service keeps them: one per line, the host PRESENT for the planned minutes unless listed
		List<Map<String, Object>> records = new ArrayList<>();
		boolean hostListed = false;
		for (JsonNode line : body) {
			boolean host = line.path("teacherId").asText().equals(session.get("hostId"));
			hostListed |= host;
			records.add(attendanceRecord(line.path("teacherId").asText(), host ? "HOST" : "PARTICIPANT",
					line.path("mark").asText(), line.path("attendedMinutes").asInt(), "UPLOAD"));
		}
		if (!hostListed) {
			records.add(0, attendanceRecord((String) session.get("hostId"), "HOST", "PRESENT", planned, "UPLOAD"));
		}
		session.put("attendance", records);
		session.put("status", "HELD");
		attendanceUploads.put(id, body);
		send(exchange, 200, session);
	}

	private static Map<String, Object> attendanceRecord(String teacherId, String role, String mark, int minutes,
			String source) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("teacherId", teacherId);
		record.put("role", role);
		record.put("mark", mark);
		record.put("attendedMinutes", minutes);
		record.put("source", source);
		return record;
	}

	/** Like the service: HELD sessions of the school only; the superseded record moves into the new one's history. */
	@SuppressWarnings("unchecked")
	private void correction(HttpExchange exchange, String id, String teacherId, String schoolId, JsonNode body)
			throws IOException {
		correctionPosts.incrementAndGet();
		Map<String, Object> session = sessions.get(id);
		if (session == null || !schoolId.equals(session.get("schoolId"))) {
			send(exchange, 404, problem("not-found", "session " + id));
			return;
		}
		if (!"HELD".equals(session.get("status"))) {
			send(exchange, 409, problem("session-" + String.valueOf(session.get("status")).toLowerCase(), "not held"));
			return;
		}
		int planned = (int) java.time.Duration.between(OffsetDateTime.parse((String) session.get("plannedStart")),
				OffsetDateTime.parse((String) session.get("plannedEnd"))).toMinutes();
		String mark = body.path("mark").asText();
		int minutes = body.path("attendedMinutes").isInt() ? body.path("attendedMinutes").asInt() : -1;
		boolean attended = mark.equals("PRESENT") || mark.equals("LATE");
		String reason = body.path("reason").asText("");
		if (!fieldsAre(body, Set.of("mark", "attendedMinutes", "reason")) || body.size() != 3
				|| !Set.of("PRESENT", "LATE", "ABSENT", "EXCUSED").contains(mark) || minutes < 0 || minutes > planned
				|| (!attended && minutes != 0) || reason.isBlank() || reason.length() > 500) {
			send(exchange, 400, problem("invalid", "bad correction " + body));
			return;
		}
		List<Map<String, Object>> records = (List<Map<String, Object>>) session.getOrDefault("attendance", List.of());
		for (int i = 0; i < records.size(); i++) {
			Map<String, Object> old = records.get(i);
			if (teacherId.equals(old.get("teacherId"))) {
				List<Object> history = new ArrayList<>((List<Object>) old.getOrDefault("history", List.of()));
				Map<String, Object> superseded = new LinkedHashMap<>(old);
				superseded.remove("history");
				history.add(superseded);
				Map<String, Object> corrected = attendanceRecord(teacherId, (String) old.get("role"), mark, minutes,
						"CORRECTION");
				corrected.put("reason", reason);
				corrected.put("history", history);
				records.set(i, corrected);
				Map<String, Object> posted = new LinkedHashMap<>(JSON.convertValue(body, Map.class));
				posted.put("sessionId", id);
				posted.put("teacherId", teacherId);
				corrections.add(posted);
				send(exchange, 200, corrected);
				return;
			}
		}
		send(exchange, 404, problem("not-found", "attendance record of teacher " + teacherId));
	}

	private void stage(HttpExchange exchange, String id, String schoolId, JsonNode body) throws IOException {
		Map<String, Object> project = projects.get(id);
		if (project == null || !schoolId.equals(project.get("schoolId"))) {
			send(exchange, 404, problem("not-found", "project " + id));
			return;
		}
		int next = STAGES.indexOf((String) project.get("stage")) + 1;
		String stage = body.path("stage").asText();
		if (next >= STAGES.size() || !STAGES.get(next).equals(stage)) {
			send(exchange, 409, problem("stage-out-of-order", "expected " + (next < STAGES.size() ? STAGES.get(next) : "none")));
			return;
		}
		String bad = !fieldsAre(body, Set.of("stage", "on", "note", "attachmentIds")) ? "bad stage " + body
				: notFuture(body, "on");
		if (bad == null && java.time.LocalDate.parse(body.path("on").asText())
			.isBefore(java.time.LocalDate.parse((String) project.get("stageOn")))) {
			bad = "on before the current stage";
		}
		bad = bad != null ? bad : attachmentsOf(body, schoolId);
		if (bad != null) {
			send(exchange, 400, problem("invalid", bad));
			return;
		}
		project.put("stage", stage);
		project.put("stageOn", body.path("on").asText());
		@SuppressWarnings("unchecked")
		List<Object> history = (List<Object>) project.computeIfAbsent("stages", k -> new ArrayList<>());
		history.add(JSON.convertValue(body, Map.class));
		send(exchange, 200, project);
	}

	private void attachment(HttpExchange exchange, String client, String contentType, byte[] raw) throws IOException {
		String schoolId = clientSchool.get(client);
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int start = text.indexOf("\r\n\r\n");
		if (schoolId == null || !contentType.startsWith("multipart/form-data; boundary=") || start < 0
				|| !text.substring(0, start).contains("name=\"file\"")) {
			send(exchange, 400, problem("invalid", "not a multipart upload with a file part"));
			return;
		}
		String boundary = contentType.substring(contentType.indexOf('=') + 1);
		int end = text.lastIndexOf("\r\n--" + boundary + "--");
		String content = text.substring(start + 4, end);
		if (!content.startsWith("%PDF-") || !content.trim().endsWith("%%EOF")) {
			send(exchange, 415, problem("content-not-allowed", "not a PDF"));
			return;
		}
		String id = UUID.randomUUID().toString();
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", id);
		record.put("schoolId", schoolId);
		record.put("contentType", "application/pdf");
		record.put("size", end - start - 4);
		attachments.put(id, record);
		send(exchange, 201, record);
	}

	private String submission(JsonNode body, Set<String> fields, Set<String> kinds, String dateField, String schoolId) {
		if (!fieldsAre(body, fields) || !kinds.contains(body.path("kind").asText())
				|| body.path("text").asText().length() < 50 || body.path("title").asText().isBlank()) {
			return "bad submission " + body;
		}
		String bad = notFuture(body, dateField);
		return bad != null ? bad : ofSchool(body.path("teacherId").asText(), schoolId);
	}

	private String ofSchool(String teacherId, String schoolId) {
		Map<String, Object> teacher = teachers.get(teacherId);
		return teacher != null && schoolId.equals(teacher.get("schoolId")) ? null
				: "teacher " + teacherId + " not in school " + schoolId;
	}

	private String attachmentsOf(JsonNode body, String schoolId) {
		return body.isArray() ? attachmentIds(body, schoolId) : attachmentIds(body.path("attachmentIds"), schoolId);
	}

	private String attachmentIds(JsonNode ids, String schoolId) {
		for (JsonNode id : ids) {
			Map<String, Object> attachment = attachments.get(id.asText());
			if (attachment == null || !schoolId.equals(attachment.get("schoolId"))) {
				return "attachment " + id + " unknown";
			}
		}
		return null;
	}

	private String notFuture(JsonNode body, String field) {
		java.time.LocalDate date = java.time.LocalDate.parse(body.path(field).asText());
		return date.isAfter(today) ? field + " in the future" : null;
	}

	/** The school year of today ({@code 2026-2027} from September 2026 to August 2027). */
	private String schoolYear() {
		int first = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
		return first + "-" + (first + 1);
	}

	// ---------------------------------------------------------------- form fields, evidence, teacher records

	/** SessionFormRules: the form's fields required, the others rejected. */
	private String formFields(JsonNode body, String schoolId) {
		String form = body.path("form").asText();
		Set<String> used = FORM_FIELDS.get(form);
		for (String field : ALL_FORM_FIELDS) {
			if (body.has(field) && !used.contains(field)) {
				return field + " not-for-form " + form;
			}
		}
		if (body.has("hostUnit") && !body.path("hostUnit").asText().equals("SCHOOL")) {
			return "this fake takes SCHOOL sessions only";
		}
		int teaching = body.path("teachingTeacherIds").size();
		String missing = switch (form) {
			case "THEMED_RESEARCH" -> body.has("speakerId") ? null : "speakerId";
			case "COLLECTIVE_PREPARATION" -> body.has("mainPreparerId") && lesson(body) ? null : "mainPreparerId/lessonContent";
			case "SAME_LESSON_DIFFERENT_DESIGNS" -> teaching >= 2 && lesson(body) ? null : "teachingTeacherIds/lessonContent";
			case "OPEN_LESSON" -> teaching == 1 && lesson(body)
					&& Set.of("OPEN", "DEMONSTRATION", "OBSERVATION", "REPORT").contains(body.path("lessonKind").asText())
							? null : "lessonKind/teachingTeacherIds/lessonContent";
			case "LECTURE" -> body.has("speakerId") != body.has("speakerName") ? null : "one speaker";
			case "READING_CLUB" -> body.path("book").path("title").asText().isBlank() ? "book" : null;
			default -> null;
		};
		if (missing != null) {
			return "required-for-form " + missing + " " + body;
		}
		for (String field : List.of("speakerId", "mainPreparerId")) {
			if (body.has(field) && !teachers.containsKey(body.path(field).asText())) {
				return field + " unknown";
			}
		}
		for (JsonNode t : body.path("teachingTeacherIds")) {
			if (!teachers.containsKey(t.asText())) {
				return "teaching teacher unknown";
			}
			if (body.path("level").asText().equals("SCHOOL") && ofSchool(t.asText(), schoolId) != null) {
				return "teaching teacher of another school";
			}
		}
		return null;
	}

	private static boolean lesson(JsonNode body) {
		JsonNode lesson = body.path("lessonContent");
		return lesson.isObject() && fieldsAre(lesson, Set.of("subject", "grade", "title"))
				&& !lesson.path("subject").asText().isBlank() && !lesson.path("grade").asText().isBlank()
				&& !lesson.path("title").asText().isBlank();
	}

	/** Host, participants and the teachers the form names. */
	@SuppressWarnings("unchecked")
	private static Set<String> people(Map<String, Object> session) {
		Set<String> people = new java.util.HashSet<>((List<String>) session.getOrDefault("participantIds", List.of()));
		people.add((String) session.get("hostId"));
		people.addAll((List<String>) session.getOrDefault("teachingTeacherIds", List.of()));
		for (String field : List.of("speakerId", "mainPreparerId")) {
			if (session.get(field) != null) {
				people.add((String) session.get(field));
			}
		}
		return people;
	}

	@SuppressWarnings("unchecked")
	private String linkedObservation(JsonNode body, OffsetDateTime observedAt) {
		Map<String, Object> session = sessions.get(body.path("sessionId").asText());
		if (session == null || !Set.of("OPEN_LESSON", "SAME_LESSON_DIFFERENT_DESIGNS").contains(session.get("form"))
				|| "CANCELLED".equals(session.get("status"))) {
			return "sessionId " + body.path("sessionId");
		}
		if (!((List<String>) session.get("teachingTeacherIds")).contains(body.path("teacherId").asText())) {
			return "teacherId not teaching";
		}
		if (!people(session).contains(body.path("observerId").asText())) {
			return "observerId not in the session";
		}
		if (!OffsetDateTime.parse((String) session.get("plannedStart")).toLocalDate().equals(observedAt.toLocalDate())) {
			return "observedAt not on the session's date";
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private void sessionEvidence(HttpExchange exchange, String id, String what, String schoolId, JsonNode body)
			throws IOException {
		evidencePosts.incrementAndGet();
		Map<String, Object> session = sessions.get(id);
		if (session == null || !schoolId.equals(session.get("schoolId"))) {
			send(exchange, 404, problem("not-found", "session " + id));
			return;
		}
		if (what.equals("minutes")) {
			if (!"HELD".equals(session.get("status"))) {
				send(exchange, 409, problem("session-" + String.valueOf(session.get("status")).toLowerCase(), "not held"));
				return;
			}
			if (!fieldsAre(body, Set.of("text", "attachmentIds")) || body.path("text").asText().length() < 20) {
				send(exchange, 400, problem("invalid", "bad minutes " + body));
				return;
			}
			((List<Object>) session.computeIfAbsent("minutes", k -> new ArrayList<>())).add(JSON.convertValue(body, Map.class));
			send(exchange, 200, session);
			return;
		}
		if (!"COLLECTIVE_PREPARATION".equals(session.get("form"))) {
			send(exchange, 422, problem("not-for-form", "not a collective preparation"));
			return;
		}
		Map<String, Object> attachment = attachments.get(body.path("attachmentId").asText());
		if (!fieldsAre(body, Set.of("attachmentId", "note")) || attachment == null
				|| !schoolId.equals(attachment.get("schoolId"))) {
			send(exchange, 400, problem("invalid", "bad revision " + body));
			return;
		}
		((List<Object>) session.computeIfAbsent("lessonPlan", k -> new ArrayList<>())).add(JSON.convertValue(body, Map.class));
		send(exchange, 200, session);
	}

	@SuppressWarnings("unchecked")
	private void checkpoint(HttpExchange exchange, String id, String schoolId, JsonNode body) throws IOException {
		Map<String, Object> pairing = mentorships.get(id);
		if (pairing == null || !schoolId.equals(pairing.get("schoolId"))) {
			send(exchange, 404, problem("not-found", "mentorship " + id));
			return;
		}
		String bad = !fieldsAre(body, Set.of("on", "kind", "note", "attachmentIds"))
				|| !Set.of("LESSON_OBSERVED", "LESSON_GUIDED", "PLAN_REVIEWED", "TERM_REVIEW", "OTHER")
					.contains(body.path("kind").asText()) || body.path("note").asText().isBlank() ? "bad checkpoint " + body
							: notFuture(body, "on");
		if (bad == null && java.time.LocalDate.parse(body.path("on").asText())
			.isBefore(java.time.LocalDate.parse((String) pairing.get("startedOn")))) {
			bad = "checkpoint before the start";
		}
		if (bad != null) {
			send(exchange, 400, problem("invalid", bad));
			return;
		}
		((List<Object>) pairing.get("checkpoints")).add(JSON.convertValue(body, Map.class));
		send(exchange, 200, pairing);
	}

	@SuppressWarnings("unchecked")
	private void skillStep(HttpExchange exchange, String id, String module, String schoolId, JsonNode body)
			throws IOException {
		Map<String, Object> programme = skillProgrammes.get(id);
		if (programme == null || !schoolId.equals(programme.get("schoolId"))) {
			send(exchange, 404, problem("not-found", "programme " + id));
			return;
		}
		List<String> completions = (List<String>) programme.get("completions");
		List<Object> modules = (List<Object>) programme.get("modules");
		String bad = notFuture(body, "on");
		java.time.LocalDate on = java.time.LocalDate.parse(body.path("on").asText());
		String after = completions.isEmpty() ? (String) programme.get("enrolledOn") : completions.get(completions.size() - 1);
		if (bad == null && on.isBefore(java.time.LocalDate.parse(after))) {
			bad = "on before " + after;
		}
		if (module != null) {
			int number = Integer.parseInt(module);
			if (number != completions.size() + 1 || number > modules.size()) {
				send(exchange, 409, problem("module-already-completed", "module " + number));
				return;
			}
			bad = bad != null ? bad : fieldsAre(body, Set.of("on")) ? null : "bad completion " + body;
		}
		else {
			if (!"ENROLLED".equals(programme.get("status")) || completions.size() < modules.size()) {
				send(exchange, 409, problem("result-already-recorded", "or modules incomplete"));
				return;
			}
			bad = bad != null ? bad : fieldsAre(body, Set.of("passed", "on", "score")) && body.path("passed").isBoolean()
					? null : "bad result " + body;
		}
		if (bad != null) {
			send(exchange, 400, problem("invalid", bad));
			return;
		}
		if (module != null) {
			completions.add(on.toString());
			programme.put("completedModules", completions.size());
		}
		else {
			programme.put("status", body.path("passed").asBoolean() ? "PASSED" : "FAILED");
		}
		send(exchange, 200, programme);
	}

	private static String hours(JsonNode body, long max) {
		double hours = body.path("hours").asDouble(-1);
		return hours < 0.5 || hours > max || hours * 2 != Math.rint(hours * 2) ? "bad hours " + body.path("hours") : null;
	}
}
