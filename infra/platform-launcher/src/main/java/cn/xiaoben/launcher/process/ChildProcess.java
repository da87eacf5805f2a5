package cn.xiaoben.launcher.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.xiaoben.launcher.LauncherException;

/**
 * Starts a component as a detached OS process: its own session (via {@code setsid} where available, so Ctrl-C
 * in the launcher's terminal and the launcher's exit do not reach it), stdin from /dev/null, stdout and stderr
 * appended to its log file.
 */
public final class ChildProcess {

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private ChildProcess() {
	}

	/** A command line, its extra environment, and where it runs and logs. */
	public record Spec(String component, List<String> command, Map<String, String> environment, Path workDir,
			Path logFile) {
	}

	public static Process start(Spec spec) {
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(SETSID)) {
			command.add(SETSID.toString());
		}
		command.addAll(spec.command());
		try {
			Files.createDirectories(spec.logFile().getParent());
			Files.writeString(spec.logFile(),
					"==== " + OffsetDateTime.now() + " starting " + spec.component() + ": "
							+ String.join(" ", spec.command()) + System.lineSeparator(),
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(command).directory(spec.workDir().toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
			builder.environment().putAll(spec.environment());
			return builder.start();
		}
		catch (IOException ex) {
			throw new LauncherException("cannot start " + spec.component() + ": " + ex.getMessage(), ex);
		}
	}
}
