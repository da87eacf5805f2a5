package cn.xiaoben.launcher.demo;

import java.nio.file.Path;

public final class DemoCredentialsStore {
	public static boolean isComplete(Path file) { return false; }
}
