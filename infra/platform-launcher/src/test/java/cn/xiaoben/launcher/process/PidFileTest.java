package cn.xiaoben.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

	@Test
	void pointsAtALiveProcess(@TempDir Path dir) {
		PidFile pidFile = new PidFile(dir, "mongo");
		pidFile.write(ProcessHandle.current());

		assertThat(pidFile.liveProcess()).contains(ProcessHandle.current());
		assertThat(pidFile.isStale()).isFalse();
		pidFile.delete();
		assertThat(pidFile.exists()).isFalse();
		assertThat(pidFile.liveProcess()).isEmpty();
	}

	@Test
	void detectsAStalePidOrAReusedPid(@TempDir Path dir) throws Exception {
		PidFile pidFile = new PidFile(dir, "kafka");
		Files.writeString(pidFile.path(), "2147483646\n0\n");
		assertThat(pidFile.isStale()).isTrue();

		// our own pid, but recorded with another start time: a reused pid is not ours
		Files.writeString(pidFile.path(), ProcessHandle.current().pid() + "\n1000\n");
		assertThat(pidFile.liveProcess()).isEmpty();

		Files.writeString(pidFile.path(), "garbage");
		assertThat(pidFile.liveProcess()).isEmpty();
	}

	@Test
	void logTailReturnsTheLastLines(@TempDir Path dir) throws Exception {
		Path log = dir.resolve("x.log");
		StringBuilder text = new StringBuilder();
		for (int i = 1; i <= 100; i++) {
			text.append("line ").append(i).append('\n');
		}
		Files.writeString(log, text);

		assertThat(LogTail.lastLines(log, 3)).containsExactly("line 98", "line 99", "line 100");
		assertThat(LogTail.lastLines(dir.resolve("missing.log"), 3)).isEmpty();
	}
}
