package cn.xiaoben.launcher.kafka;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

import cn.xiaoben.launcher.LauncherException;
import cn.xiaoben.launcher.config.LauncherConfig;
import cn.xiaoben.launcher.process.JavaRuntime;

/**
 * Writes {@code var/kafka/server.properties} and, the first time only, formats the KRaft storage with
 * {@code kafka.tools.StorageTool format -t <cluster id> -c <props>} (static voters: no {@code --standalone}).
 */
public final class KafkaStorage {

	private KafkaStorage() {
	}

	public static boolean isFormatted(LauncherConfig config) {
		return Files.exists(KafkaServerProperties.dataDir(config).resolve("meta.properties"));
	}

	public static void prepare(LauncherConfig config) {
		try {
			Files.createDirectories(KafkaServerProperties.dataDir(config));
			Files.writeString(KafkaServerProperties.file(config), KafkaServerProperties.render(config));
			if (!isFormatted(config)) {
				format(config, clusterId(config));
			}
		}
		catch (IOException ex) {
			throw new LauncherException("cannot prepare Kafka storage in " + config.kafkaDir() + ": " + ex.getMessage(),
					ex);
		}
	}

	private static String clusterId(LauncherConfig config) throws IOException {
		Path file = config.kafkaDir().resolve("cluster.id");
		if (Files.exists(file)) {
			return Files.readString(file).trim();
		}
		String id = Uuid.randomUuid().toString();
		Files.writeString(file, id + "\n");
		return id;
	}

	private static void format(LauncherConfig config, String clusterId) throws IOException {
		Path log = config.logFile("kafka");
		Files.createDirectories(log.getParent());
		List<String> command = List.of(JavaRuntime.javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
				"-Dlog4j2.configurationFile=log4j2-child.xml", "-cp", JavaRuntime.launcherClasspath(),
				"kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
				KafkaServerProperties.file(config).toString());
		Process process = new ProcessBuilder(command).directory(config.home().toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new LauncherException("formatting Kafka storage timed out; see " + log);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new LauncherException("interrupted while formatting Kafka storage");
		}
		if (process.exitValue() != 0 || !isFormatted(config)) {
			throw new LauncherException("formatting Kafka storage failed (exit " + process.exitValue() + "); see " + log);
		}
	}
}
