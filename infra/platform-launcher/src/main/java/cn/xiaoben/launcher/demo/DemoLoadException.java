package cn.xiaoben.launcher.demo;

/** The demo county could not be loaded; the message says which call failed and how. */
public class DemoLoadException extends RuntimeException {

	public DemoLoadException(String message) {
		super(message);
	}

	public DemoLoadException(String message, Throwable cause) {
		super(message, cause);
	}
}
