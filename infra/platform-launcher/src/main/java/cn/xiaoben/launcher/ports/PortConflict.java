package cn.xiaoben.launcher.ports;

/** A port one of our components needs but something else holds. */
public record PortConflict(String component, int port) {

	@Override
	public String toString() {
		return "port " + port + " needed by " + component + " is already in use";
	}
}
