package cn.xiaoben.launcher.ports;

/** Tells whether a local TCP port can still be bound. */
@FunctionalInterface
public interface PortProbe {

	boolean isFree(int port);
}
