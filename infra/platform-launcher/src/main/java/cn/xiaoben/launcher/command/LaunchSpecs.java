package cn.xiaoben.launcher.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.xiaoben.launcher.LauncherException;
import cn.xiaoben.launcher.component.Component;
import cn.xiaoben.launcher.config.LauncherConfig;
import cn.xiaoben.launcher.kafka.KafkaServerProperties;
import cn.xiaoben.launcher.mongo.EmbeddedMongoMain;
import cn.xiaoben.launcher.process.ChildProcess;
import cn.xiaoben.launcher.process.JavaRuntime;
import cn.xiaoben.launcher.process.StrayProcesses;
import cn.xiaoben.launcher.secrets.BureauClient;
import cn.xiaoben.launcher.service.SpringBootArguments;

/** Builds the command line of each component. */
final class LaunchSpecs {

	private static final String CHILD_LOGGING = "-Dlog4j2.configurationFile=log4j2-child.xml";

	private LaunchSpecs() {
	}

	static Path jar(Component component, LauncherConfig config) {
		return config.home().resolve(component.jar());
	}

	/** Fails before anything starts when a service jar has not been built. */
	static void requireJars(List<Component> components, LauncherConfig config) {
		List<String> missing = components.stream()
			.filter(c -> c.jar() != null && !Files.isRegularFile(jar(c, config)))
			.map(c -> c.name() + " (" + c.jar() + ")")
			.toList();
		if (!missing.isEmpty()) {
			throw new LauncherException("missing jar for " + String.join(", ", missing) + ", run ./mvnw package"
					+ " (or ./mvnw -q -DskipTests package)");
		}
	}

	static ChildProcess.Spec spec(Component component, LauncherConfig config, BureauClient bureauClient) {
		List<String> command = new ArrayList<>();
		command.add(JavaRuntime.javaBinary());
		command.add("-Dxiaoben.component=" + component.name());
		command.add(StrayProcesses.marker(config.var()));
		Map<String, String> environment = Map.of();
		switch (component.kind()) {
			case MONGO -> {
				command.addAll(List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
						CHILD_LOGGING, "-cp", JavaRuntime.launcherClasspath(), EmbeddedMongoMain.class.getName(),
						"--port", String.valueOf(component.port()), "--file",
						config.mongoDir().resolve("xiaoben.mv").toString()));
			}
			case KAFKA -> {
				command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
						"-Djava.awt.headless=true", CHILD_LOGGING, "-cp", JavaRuntime.launcherClasspath(),
						"kafka.Kafka", KafkaServerProperties.file(config).toString()));
			}
			case SERVICE, GATEWAY -> {
				command.addAll(SpringBootArguments.JVM_OPTIONS);
				command.add("-jar");
				command.add(jar(component, config).toString());
				command.addAll(SpringBootArguments.applicationArguments(component, config, bureauClient));
				environment = SpringBootArguments.environment(component, bureauClient);
			}
		}
		return new ChildProcess.Spec(component.name(), command, environment, config.home(),
				config.logFile(component.name()));
	}
}
