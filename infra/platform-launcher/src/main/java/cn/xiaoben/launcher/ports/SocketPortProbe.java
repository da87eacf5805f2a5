package cn.xiaoben.launcher.ports;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Probes by binding: first the wildcard address (fails if anything listens on the port on any address), then
 * 127.0.0.1 (our components bind there).
 */
public final class SocketPortProbe implements PortProbe {

	@Override
	public boolean isFree(int port) {
		return canBind(new InetSocketAddress(port)) && canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
	}

	private static boolean canBind(InetSocketAddress address) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(address);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}
}
