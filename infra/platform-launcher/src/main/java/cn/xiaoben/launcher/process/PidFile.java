package cn.xiaoben.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code var/run/<component>.pid}: the pid on the first line and the process start instant (epoch millis) on the
 * second, so a pid reused by an unrelated process after a reboot or crash is not mistaken for ours.
 */
public final class PidFile {

	private static final long START_TOLERANCE_MILLIS = 2_000;

	private final Path file;

	public PidFile(Path runDir, String component) {
		this.file = runDir.resolve(component + ".pid");
	}

	public Path path() {
		return file;
	}

	public boolean exists() {
		return Files.exists(file);
	}

	public void write(ProcessHandle process) {
		long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, process.pid() + "\n" + started + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Optional<Long> pid() {
		return read().map(lines -> Long.parseLong(lines.get(0).trim()));
	}

	/** The live process this file points to, if it still is the one we started. */
	public Optional<ProcessHandle> liveProcess() {
		Optional<List<String>> lines = read();
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		long pid = Long.parseLong(lines.get().get(0).trim());
		long started = lines.get().size() > 1 ? Long.parseLong(lines.get().get(1).trim()) : 0L;
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> sameStart(handle, started));
	}

	/** A pid file whose process is gone (crashed or killed). */
	public boolean isStale() {
		return exists() && liveProcess().isEmpty();
	}

	public void delete() {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean sameStart(ProcessHandle handle, long recordedMillis) {
		if (recordedMillis == 0L) {
			return true;
		}
		return handle.info()
			.startInstant()
			.map(actual -> Math.abs(actual.toEpochMilli() - recordedMillis) <= START_TOLERANCE_MILLIS)
			.orElse(true);
	}

	private Optional<List<String>> read() {
		try {
			List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
			if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
				return Optional.empty();
			}
			return Optional.of(lines);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
