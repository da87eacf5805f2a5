package cn.xiaoben.launcher.config;

/** Default ports of the embedded stack; {@link LauncherConfig#port(int)} adds the offset. */
public final class BasePorts {

	public static final int MONGO = 27017;
	public static final int KAFKA = 9092;
	public static final int KAFKA_CONTROLLER = 9093;
	public static final int IDENTITY = 9000;
	public static final int ACTIVITY = 8081;
	public static final int CREDIT = 8082;
	public static final int EVALUATION = 8083;
	public static final int REPORTING = 8084;
	public static final int GATEWAY = 8080;

	private BasePorts() {
	}
}
