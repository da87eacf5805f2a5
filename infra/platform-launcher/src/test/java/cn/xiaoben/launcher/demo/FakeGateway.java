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
 * Idempotency-Key replays, 409 on duplicate names. Also runnable as a fake Spring Boot jar
 * ({@link #main(String[])}) for trying the launcher without the real services.
 */
public final class FakeGateway implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	static {
		// without it every response waits for the client's delayed ACK (~40 ms per call)
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private static final Pattern SCHOOL_PATH = Pattern.compile("/api/directory/schools/([^/]+)/(subject-groups|teachers)");

	private static final Set<String> OBSERVATION_FIELDS = Set.of("observerId", "teacherId", "subject", "grade",
			"topic", "observedAt", "durationMinutes", "scores", "comment");

	private static final Set<String> TEACHER_FIELDS = Set.of("name", "gender", "subject", "subjectGroupId", "title",
			"birthYear");

	private static final long TEACHER_PROPAGATION_MILLIS = 1000;

	private final HttpServer server;

	private final String bureauSecret;

	private final boolean gateway;

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

	private final Map<String, Long> teacherRegisteredAt = new ConcurrentHashMap<>();

	private final Map<String, String> idempotency = new ConcurrentHashMap<>();

	public FakeGateway(int port, String bureauSecret, boolean gateway) throws IOException {
		this.bureauSecret = bureauSecret;
		this.gateway = gateway;
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
		new FakeGateway(port, null, gateway);
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
			JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			synchronized (this) {
				route(exchange, method, path, client, body, key);
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
			send(exchange, 200, find(idempotency.get(key)));
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
				teacherRegisteredAt.put(id, System.currentTimeMillis());
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
				if (registered == null || System.currentTimeMillis() - registered < TEACHER_PROPAGATION_MILLIS) {
					send(exchange, 422, problem("teacher-unknown", "teacher not known yet"));
					return;
				}
				if (!clientSchool.get(client).equals(teachers.get(body.path(field).asText()).get("schoolId"))) {
					send(exchange, 403, problem("forbidden", "teacher of another school"));
					return;
				}
			}
			OffsetDateTime.parse(body.path("observedAt").asText());
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
		}
		send(exchange, 201, record);
		return id;
	}

	private Map<String, Object> find(String id) {
		for (Map<String, Map<String, Object>> store : List.of(townships, schools, groups, teachers, accounts,
				observations)) {
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

}
