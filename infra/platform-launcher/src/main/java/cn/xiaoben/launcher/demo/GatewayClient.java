package cn.xiaoben.launcher.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to the gateway like a school system does: OAuth2 client credentials (one cached token per client,
 * refreshed before it expires), JSON bodies, {@code Idempotency-Key}s. Retries what is transient: connection
 * errors and timeouts, 5xx, 429 (with backoff), 401 once with a fresh token, and 422 {@code teacher-unknown} (the
 * activity service learns new teachers from Kafka a moment later). A retry after an attempt that may have reached
 * the service (no answer, or a 5xx other than 503) is marked on its answer ({@link ApiResponse#afterLostAttempt()}):
 * the replay it gets is then the record that attempt created.
 */
public final class GatewayClient {

	/** How long transient failures (5xx, 429, connection refused) are retried. */
	static final Duration TRANSIENT_BUDGET = Duration.ofSeconds(120);

	/** How long a {@code teacher-unknown} answer is retried. */
	static final Duration TEACHER_UNKNOWN_BUDGET = Duration.ofSeconds(90);

	/**
	 * How long one request may wait for its answer, on the monotonic clock. (Not {@code HttpRequest.timeout}: the
	 * JDK 17 client measures that on the wall clock, so a step of the clock times out requests in flight, whose
	 * records the service may well have created.)
	 */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	public GatewayClient(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** OAuth client credentials. */
	public record Client(String clientId, String clientSecret) {
	}

	private record Token(String value, long expiresAtNanos, JsonNode claims) {

		boolean fresh() {
			return System.nanoTime() < expiresAtNanos;
		}
	}

	public ApiResponse post(Client client, String path, Object body, String idempotencyKey) {
		byte[] json = toJson(body);
		return exchange(client, "POST", path, () -> {
			HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(json));
			if (idempotencyKey != null) {
				request.header("Idempotency-Key", idempotencyKey);
			}
			return request;
		});
	}

	/** {@code multipart/form-data} with one part {@code file}. */
	public ApiResponse upload(Client client, String path, String filename, String contentType, byte[] content) {
		String boundary = "----xiaoben-demo-" + Long.toHexString(System.nanoTime());
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ filename.replace("\"", "") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		byte[] bytes = body.toByteArray();
		return exchange(client, "POST", path, () -> request(path)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
	}

	public ApiResponse get(Client client, String path) {
		return exchange(client, "GET", path, () -> request(path).GET());
	}

	/** The claims of the client's current access token (if it is a JWT), e.g. {@code district_id}. */
	public JsonNode claims(Client client) {
		return token(client).claims();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Accept", "application/json, application/problem+json");
	}

	private ApiResponse exchange(Client client, String method, String path,
			java.util.function.Supplier<HttpRequest.Builder> requestFactory) {
		Backoff transientBackoff = new Backoff(TRANSIENT_BUDGET);
		Backoff unknownTeacherBackoff = new Backoff(TEACHER_UNKNOWN_BUDGET);
		boolean refreshed = false;
		boolean lostAttempt = false;
		while (true) {
			HttpRequest request = requestFactory.get().header("Authorization", "Bearer " + token(client).value()).build();
			ApiResponse response;
			try {
				response = send(method, path, request);
			}
			catch (IOException ex) {
				lostAttempt |= mayHaveArrived(ex);
				transientBackoff.pause(() -> new DemoLoadException(method + " " + path + " failed: " + ex, ex));
				continue;
			}
			int status = response.status();
			if (status == 401 && !refreshed) {
				tokens.remove(client.clientId());
				refreshed = true;
			}
			else if (status == 429 || status >= 500) {
				lostAttempt |= status >= 500 && status != 503;
				transientBackoff.pause(response::failure);
			}
			else if (status == 422 && "teacher-unknown".equals(response.problemCode())) {
				unknownTeacherBackoff.pause(response::failure);
			}
			else {
				return lostAttempt ? response.asRetryOfLostAttempt() : response;
			}
		}
	}

	/** Whether the request may have reached the service: anything but a connection that was never made. */
	static boolean mayHaveArrived(IOException ex) {
		return !(ex instanceof java.net.ConnectException || ex instanceof java.net.http.HttpConnectTimeoutException);
	}

	private ApiResponse send(String method, String path, HttpRequest request) throws IOException {
		try {
			HttpResponse<byte[]> response = await(request);
			JsonNode body = null;
			if (response.body().length > 0) {
				try {
					body = JSON.readTree(response.body());
				}
				catch (IOException ex) {
					body = JSON.getNodeFactory().textNode(new String(response.body(), StandardCharsets.UTF_8));
				}
			}
			boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase)
				.orElse(false);
			return new ApiResponse(method, path, response.statusCode(), body, replayed);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DemoLoadException("interrupted");
		}
	}

	/** Sends, and cancels the exchange when no answer came within {@link #REQUEST_TIMEOUT}. */
	private HttpResponse<byte[]> await(HttpRequest request) throws IOException, InterruptedException {
		java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request,
				HttpResponse.BodyHandlers.ofByteArray());
		java.util.concurrent.CompletableFuture
			.delayedExecutor(REQUEST_TIMEOUT.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)
			.execute(() -> pending.cancel(true));
		try {
			return pending.get();
		}
		catch (java.util.concurrent.CancellationException ex) {
			throw new java.net.http.HttpTimeoutException("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
		}
		catch (java.util.concurrent.ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw new DemoLoadException(request.method() + " " + request.uri() + " failed: " + ex.getCause(), ex.getCause());
		}
	}

	private Token token(Client client) {
		Token token = tokens.get(client.clientId());
		if (token != null && token.fresh()) {
			return token;
		}
		token = fetchToken(client);
		tokens.put(client.clientId(), token);
		return token;
	}

	private Token fetchToken(Client client) {
		String basic = Base64.getEncoder()
			.encodeToString((urlEncode(client.clientId()) + ":" + urlEncode(client.clientSecret()))
				.getBytes(StandardCharsets.UTF_8));
		Backoff backoff = new Backoff(TRANSIENT_BUDGET);
		while (true) {
			HttpRequest request = request("/oauth2/token").header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.build();
			try {
				ApiResponse response = send("POST", "/oauth2/token", request);
				if (response.isSuccess() && response.text("access_token") != null) {
					long expiresIn = response.body().path("expires_in").asLong(300);
					long validNanos = Duration.ofSeconds(Math.max(10, expiresIn - 30)).toNanos();
					String value = response.text("access_token");
					return new Token(value, System.nanoTime() + validNanos, decodeClaims(value));
				}
				if (response.status() == 429 || response.status() >= 500) {
					backoff.pause(response::failure);
					continue;
				}
				throw new DemoLoadException("token request for client " + client.clientId() + " answered "
						+ response.status() + " " + response.body());
			}
			catch (IOException ex) {
				backoff.pause(() -> new DemoLoadException("token request failed: " + ex, ex));
			}
		}
	}

	private static JsonNode decodeClaims(String jwt) {
		String[] parts = jwt.split("\\.");
		if (parts.length != 3) {
			return JSON.createObjectNode();
		}
		try {
			return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		}
		catch (IOException | IllegalArgumentException ex) {
			return JSON.createObjectNode();
		}
	}

	private static byte[] toJson(Object body) {
		try {
			return JSON.writeValueAsBytes(body);
		}
		catch (IOException ex) {
			throw new DemoLoadException("cannot serialise " + body, ex);
		}
	}

	private static String urlEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Exponential backoff (200 ms doubling to 3 s) within a time budget. */
	private static final class Backoff {

		private final long deadline;

		private long delayMillis = 200;

		Backoff(Duration budget) {
			this.deadline = System.nanoTime() + budget.toNanos();
		}

		void pause(java.util.function.Supplier<? extends RuntimeException> whenExhausted) {
			if (System.nanoTime() + Duration.ofMillis(delayMillis).toNanos() > deadline) {
				throw whenExhausted.get();
			}
			try {
				Thread.sleep(delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new DemoLoadException("interrupted");
			}
			delayMillis = Math.min(delayMillis * 2, 3000);
		}
	}
}
