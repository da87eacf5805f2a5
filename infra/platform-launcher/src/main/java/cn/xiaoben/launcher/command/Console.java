package cn.xiaoben.launcher.command;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** User-facing output; safe to use from the parallel start threads. */
public final class Console {

	private final PrintStream out;

	private final PrintStream err;

	public Console(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public static Console system() {
		return new Console(System.out, System.err);
	}

	public synchronized void line(String format, Object... args) {
		out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
		out.flush();
	}

	public synchronized void error(String format, Object... args) {
		err.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
		err.flush();
	}

	public static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}
}
