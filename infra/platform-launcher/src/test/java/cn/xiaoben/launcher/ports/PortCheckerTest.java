package cn.xiaoben.launcher.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.xiaoben.launcher.component.ComponentCatalog;
import cn.xiaoben.launcher.config.LauncherConfig;

class PortCheckerTest {

	private static ComponentCatalog catalog(int offset) {
		return ComponentCatalog.of(new LauncherConfig(Path.of("/tmp/x"), Path.of("/tmp/x/var"), offset, false,
				Set.of(), LauncherConfig.DEFAULT_START_TIMEOUT));
	}

	@Test
	void reportsEveryTakenPortWithItsComponent() {
		Set<Integer> taken = Set.of(9092, 8082);
		PortChecker checker = new PortChecker(port -> !taken.contains(port));

		assertThat(checker.conflicts(catalog(0).all())).containsExactly(new PortConflict("kafka", 9092),
				new PortConflict("credit-service", 8082));
	}

	@Test
	void checksTheKafkaControllerPortToo() {
		PortChecker checker = new PortChecker(port -> port != 9093);

		assertThat(checker.conflicts(catalog(0).all())).containsExactly(new PortConflict("kafka", 9093));
		assertThat(new PortConflict("kafka", 9093)).hasToString("port 9093 needed by kafka is already in use");
	}

	@Test
	void appliesThePortOffset() {
		PortChecker checker = new PortChecker(port -> port != 9092);

		assertThat(checker.conflicts(catalog(100).all())).isEmpty();
		assertThat(new PortChecker(port -> port != 8180).conflicts(catalog(100).all()))
			.containsExactly(new PortConflict("gateway", 8180));
	}

	@Test
	void socketProbeSeesABoundPort() throws Exception {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			int port = socket.getLocalPort();
			assertThat(new SocketPortProbe().isFree(port)).isFalse();
			socket.close();
			assertThat(new SocketPortProbe().isFree(port)).isTrue();
		}
	}
}
