package cn.xiaoben.launcher.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code <command> [component] [--home DIR] [--var DIR] [--port-offset N] [--no-demo] [--only a,b]
 * [--timeout S] [--demo-date=YYYY-MM-DD]}.
 */
public final class CommandLine {

	public static final String USAGE = """
			usage: platform <command> [component] [options]
			commands:
			  up                 start every component (./platform builds missing jars first), wait until healthy,
			                     load the demo county the first time
			  down               stop everything (reverse order, SIGTERM, then SIGKILL after 20 s)
			  status             component, pid, port, health
			  restart <c>        stop and start one component
			  kill <c>           kill -9 one component (crash simulation)
			  demo               (re)load the demo county through the gateway (idempotent)
			options:
			  --home DIR         repository root (default: current directory)
			  --var DIR          data, logs, pids (default: <home>/var)
			  --port-offset N    add N to every port (run a second stack)
			  --no-demo          do not load the demo county
			  --only a,b         act on these components only (e.g. --only mongo,kafka)
			  --timeout SECONDS  per-component start timeout (default 180)
			  --demo-date=YYYY-MM-DD
			                     load the demo county as of that day (default: today in China): the autumn
			                     term whose 12th teaching week ended last, up to the Sunday after it; the
			                     week after stays planned. A re-run keeps the term var/ already holds
			""";

	private CommandLine() {
	}

	public record Invocation(String command, String component, LauncherConfig config) {
	}

	public static Invocation parse(String[] args, Path cwd) {
		List<String> positional = new ArrayList<>();
		Path home = null;
		Path var = null;
		int offset = 0;
		boolean demo = true;
		Set<String> only = new LinkedHashSet<>();
		Duration timeout = LauncherConfig.DEFAULT_START_TIMEOUT;
		LocalDate demoDate = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--home" -> home = Path.of(value(args, ++i, arg));
				case "--var" -> var = Path.of(value(args, ++i, arg));
				case "--port-offset" -> offset = number(value(args, ++i, arg), arg);
				case "--no-demo" -> demo = false;
				case "--only" -> Arrays.stream(value(args, ++i, arg).split(","))
					.map(String::trim)
					.filter(s -> !s.isEmpty())
					.forEach(only::add);
				case "--timeout" -> timeout = Duration.ofSeconds(number(value(args, ++i, arg), arg));
				case "--demo-date" -> demoDate = date(value(args, ++i, arg));
				case "-h", "--help" -> positional.add(0, "help");
				default -> {
					if (arg.startsWith("--demo-date=")) {
						demoDate = date(arg.substring("--demo-date=".length()));
					}
					else if (arg.startsWith("--")) {
						throw new UsageException("unknown option " + arg);
					}
					else {
						positional.add(arg);
					}
				}
			}
		}
		if (positional.isEmpty()) {
			throw new UsageException("missing command");
		}
		String command = positional.get(0);
		String component = positional.size() > 1 ? positional.get(1) : null;
		if (positional.size() > 2) {
			throw new UsageException("too many arguments: " + positional);
		}
		Path resolvedHome = home != null ? cwd.resolve(home) : cwd;
		Path resolvedVar = var != null ? cwd.resolve(var) : resolvedHome.resolve("var");
		try {
			return new Invocation(command, component,
					new LauncherConfig(resolvedHome, resolvedVar, offset, demo, only, timeout, demoDate));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new UsageException(option + " needs a value");
		}
		return args[index];
	}

	private static int number(String value, String option) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new UsageException(option + " needs a number, got '" + value + "'");
		}
	}

	private static LocalDate date(String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new UsageException("--demo-date needs a date YYYY-MM-DD, got '" + value + "'");
		}
	}

	/** Bad command line; printed together with the usage text. */
	public static final class UsageException extends RuntimeException {

		public UsageException(String message) {
			super(message);
		}
	}
}
