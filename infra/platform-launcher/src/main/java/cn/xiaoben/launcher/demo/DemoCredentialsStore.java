package cn.xiaoben.launcher.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads and atomically rewrites {@code var/demo-credentials.json} (mode 600: it holds client secrets). */
public final class DemoCredentialsStore {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final Path file;

	public DemoCredentialsStore(Path file) {
		this.file = file;
	}

	public Path file() {
		return file;
	}

	public static boolean isComplete(Path file) {
		return Files.exists(file) && new DemoCredentialsStore(file).load().complete;
	}

	public DemoCredentials load() {
		if (!Files.exists(file)) {
			return new DemoCredentials();
		}
		try {
			return JSON.readValue(file.toFile(), DemoCredentials.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	public synchronized void save(DemoCredentials credentials) {
		Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		try {
			Files.createDirectories(file.getParent());
			byte[] bytes;
			synchronized (credentials) {
				bytes = JSON.writeValueAsBytes(credentials);
			}
			Files.write(tmp, bytes);
			try {
				Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not POSIX
			}
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}
}
