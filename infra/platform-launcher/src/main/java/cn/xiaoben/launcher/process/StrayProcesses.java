package cn.xiaoben.launcher.process;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Finds processes of this stack that have no pid file any more (e.g. the launcher died between start and pid
 * write): every child carries {@code -Dxiaoben.var=<var dir>} on its command line.
 */
public final class StrayProcesses {

	private StrayProcesses() {
	}

	public static String marker(Path var) {
		return "-Dxiaoben.var=" + var;
	}

	public static List<ProcessHandle> of(Path var) {
		String marker = marker(var);
		long self = ProcessHandle.current().pid();
		return ProcessHandle.allProcesses()
			.filter(p -> p.pid() != self)
			.filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(marker)).orElse(false))
			.toList();
	}
}
