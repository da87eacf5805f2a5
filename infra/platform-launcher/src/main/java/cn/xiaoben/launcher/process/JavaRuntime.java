package cn.xiaoben.launcher.process;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The java binary and the launcher's own classpath, reused for the Kafka and Mongo child processes. */
public final class JavaRuntime {

	private JavaRuntime() {
	}

	public static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * {@code <launcher jar>:<jar dir>/lib/*} when running from the packaged jar (the manifest Class-Path is not
	 * visible in {@code java.class.path}); the current classpath otherwise (IDE, tests).
	 */
	public static String launcherClasspath() {
		try {
			Path location = Path.of(JavaRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			if (location.toString().endsWith(".jar")) {
				return location + File.pathSeparator + location.getParent().resolve("lib") + File.separator + "*";
			}
		}
		catch (URISyntaxException | SecurityException ex) {
			// fall through to the system classpath
		}
		return System.getProperty("java.class.path");
	}
}
