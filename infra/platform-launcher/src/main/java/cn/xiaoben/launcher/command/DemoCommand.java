package cn.xiaoben.launcher.command;

import cn.xiaoben.launcher.config.LauncherConfig;

public final class DemoCommand {
	public static int run(LauncherConfig config, Console console) { return 0; }
	static int load(LauncherConfig config, Console console) { return 0; }
	static void printLogins(LauncherConfig config, Console console) { }
}
