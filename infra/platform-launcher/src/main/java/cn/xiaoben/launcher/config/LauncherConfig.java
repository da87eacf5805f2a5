package cn.xiaoben.launcher.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

/**
 * Everything a command needs to know about where and how the stack runs.
 *
 * @param home the repository root (jars are resolved against it)
 * @param var the data directory (logs, pid files, Mongo and Kafka data, secrets, demo credentials)
 * @param portOffset added to every default port, so a second stack can run next to the first
 * @param loadDemo whether {@code up} loads the demo county the first time
 * @param only components to act on; empty means all
 * @param startTimeout how long one component may take to become healthy
 * @param demoDate {@code --demo-date}: the day (in China) the demo county is loaded as of; null: today
 */
public record LauncherConfig(Path home, Path var, int portOffset, boolean loadDemo, Set<String> only,
		Duration startTimeout, LocalDate demoDate) {

	public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

	public LauncherConfig {
		home = home.toAbsolutePath().normalize();
		var = var.toAbsolutePath().normalize();
		only = Set.copyOf(only);
		if (portOffset < 0 || portOffset > 20000) {
			throw new IllegalArgumentException("--port-offset must be between 0 and 20000");
		}
	}

	/** Without {@code --demo-date}. */
	public LauncherConfig(Path home, Path var, int portOffset, boolean loadDemo, Set<String> only,
			Duration startTimeout) {
		this(home, var, portOffset, loadDemo, only, startTimeout, null);
	}

	public static LauncherConfig defaults(Path home) {
		return new LauncherConfig(home, home.resolve("var"), 0, true, Set.of(), DEFAULT_START_TIMEOUT);
	}

	public int port(int basePort) {
		return basePort + portOffset;
	}

	public Path logDir() {
		return var.resolve("log");
	}

	public Path logFile(String component) {
		return logDir().resolve(component + ".log");
	}

	public Path runDir() {
		return var.resolve("run");
	}

	public Path mongoDir() {
		return var.resolve("mongo");
	}

	public Path kafkaDir() {
		return var.resolve("kafka");
	}

	public Path secretsDir() {
		return var.resolve("secrets");
	}

	public Path demoCredentialsFile() {
		return var.resolve("demo-credentials.json");
	}

	public String kafkaBootstrapServers() {
		return "127.0.0.1:" + port(BasePorts.KAFKA);
	}

	public String mongoUri(String database) {
		return "mongodb://127.0.0.1:" + port(BasePorts.MONGO) + "/" + database;
	}

	public String identityUrl() {
		return "http://127.0.0.1:" + port(BasePorts.IDENTITY);
	}

	/** The public entry point; also the token issuer. */
	public String gatewayUrl() {
		return "http://localhost:" + port(BasePorts.GATEWAY);
	}
}
