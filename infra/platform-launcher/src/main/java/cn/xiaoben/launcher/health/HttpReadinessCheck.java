package cn.xiaoben.launcher.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/** Spring Boot readiness: {@code GET /actuator/health/readiness} answers 200 with {@code "status":"UP"}. */
public final class HttpReadinessCheck implements HealthCheck {

	private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final URI uri;

	public HttpReadinessCheck(int port) {
		this.uri = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
	}

	@Override
	public boolean isHealthy() {
		try {
			HttpResponse<String> response = CLIENT.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && UP.matcher(response.body()).find();
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
