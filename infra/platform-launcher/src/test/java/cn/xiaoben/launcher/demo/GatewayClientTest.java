package cn.xiaoben.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A keyed create whose first answer never arrives: the client retries, the service replays the record the first
 * attempt made, and that record still counts as created by this call. A replay to the first attempt does not.
 */
class GatewayClientTest {

	private static final GatewayClient.Client CLIENT = new GatewayClient.Client("school-x", "secret");

	private HttpServer server;

	private final Set<String> created = ConcurrentHashMap.newKeySet();

	/** What the service does with the first POST of a key: "lose" (create, no answer), "502" (create, 502), "503". */
	private final Map<String, String> firstAttempt = new ConcurrentHashMap<>();

	private final List<String> attempts = Collections.synchronizedList(new ArrayList<>());

	private GatewayClient api;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
		server.createContext("/", this::handle);
		server.start();
		api = new GatewayClient("http://127.0.0.1:" + server.getAddress().getPort());
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void aReplayAfterALostAnswerIsTheRecordThisCallCreated() {
		firstAttempt.put("k-lost", "lose");

		ApiResponse response = api.post(CLIENT, "/api/things", Map.of("a", 1), "k-lost");

		assertThat(attempts).containsExactly("k-lost", "k-lost");
		assertThat(response.replayed()).isTrue();
		assertThat(response.afterLostAttempt()).isTrue();
		assertThat(response.isNewlyCreated()).isTrue();
	}

	@Test
	void aReplayAfterA502IsTheRecordThisCallCreated() {
		firstAttempt.put("k-502", "502");

		ApiResponse response = api.post(CLIENT, "/api/things", Map.of("a", 1), "k-502");

		assertThat(attempts).containsExactly("k-502", "k-502");
		assertThat(response.isNewlyCreated()).isTrue();
	}

	@Test
	void aRecordOfAnEarlierRunIsNotNew() {
		created.add("k-old");
		firstAttempt.put("k-busy", "503");

		assertThat(api.post(CLIENT, "/api/things", Map.of("a", 1), "k-old").isNewlyCreated()).isFalse();
		created.add("k-busy");
		ApiResponse afterUnavailable = api.post(CLIENT, "/api/things", Map.of("a", 1), "k-busy");

		assertThat(afterUnavailable.afterLostAttempt()).as("a 503 was not handled").isFalse();
		assertThat(afterUnavailable.isNewlyCreated()).isFalse();
		assertThat(api.post(CLIENT, "/api/things", Map.of("a", 1), "k-new").isNewlyCreated()).isTrue();
	}

	@Test
	void onlyAConnectionNeverMadeIsSureNotToHaveArrived() {
		assertThat(GatewayClient.mayHaveArrived(new java.net.ConnectException("refused"))).isFalse();
		assertThat(GatewayClient.mayHaveArrived(new java.net.http.HttpConnectTimeoutException("connect"))).isFalse();
		assertThat(GatewayClient.mayHaveArrived(new java.net.http.HttpTimeoutException("request timed out"))).isTrue();
		assertThat(GatewayClient.mayHaveArrived(new IOException("HTTP/1.1 header parser received no bytes"))).isTrue();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			if (exchange.getRequestURI().getPath().equals("/oauth2/token")) {
				send(exchange, 200, "{\"access_token\":\"t\",\"expires_in\":300}", false);
				return;
			}
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			attempts.add(key);
			String first = firstAttempt.remove(key);
			if ("503".equals(first)) {
				send(exchange, 503, "{\"code\":\"unavailable\"}", false);
				return;
			}
			boolean replay = !created.add(key);
			if ("lose".equals(first)) {
				return; // handled, but the connection closes without an answer
			}
			if ("502".equals(first)) {
				send(exchange, 502, "{\"code\":\"bad-gateway\"}", false);
				return;
			}
			send(exchange, 201, "{\"id\":\"" + key + "\"}", replay);
		}
	}

	private static void send(HttpExchange exchange, int status, String json, boolean replayed) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		if (replayed) {
			exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
		}
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}
}
