package cn.xiaoben.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.xiaoben.launcher.component.Component;
import cn.xiaoben.launcher.component.ComponentCatalog;
import cn.xiaoben.launcher.component.Kind;
import cn.xiaoben.launcher.secrets.BureauClient;
import cn.xiaoben.launcher.service.SpringBootArguments;

class LauncherConfigTest {

	private static final Path CWD = Path.of("/work/repo");

	@Test
	void defaults() {
		CommandLine.Invocation invocation = CommandLine.parse(new String[] { "up" }, CWD);

		LauncherConfig config = invocation.config();
		assertThat(invocation.command()).isEqualTo("up");
		assertThat(config.home()).isEqualTo(CWD);
		assertThat(config.var()).isEqualTo(CWD.resolve("var"));
		assertThat(config.portOffset()).isZero();
		assertThat(config.loadDemo()).isTrue();
		assertThat(config.gatewayUrl()).isEqualTo("http://localhost:8080");
		assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
		assertThat(config.logFile("kafka")).isEqualTo(CWD.resolve("var/log/kafka.log"));
	}

	@Test
	void options() {
		CommandLine.Invocation invocation = CommandLine.parse(new String[] { "restart", "credit-service", "--home",
				"/srv/x", "--var", "data", "--port-offset", "100", "--no-demo", "--only", "mongo, kafka",
				"--timeout", "30" }, CWD);

		LauncherConfig config = invocation.config();
		assertThat(invocation.component()).isEqualTo("credit-service");
		assertThat(config.home()).isEqualTo(Path.of("/srv/x"));
		assertThat(config.var()).isEqualTo(CWD.resolve("data"));
		assertThat(config.loadDemo()).isFalse();
		assertThat(config.only()).containsExactlyInAnyOrder("mongo", "kafka");
		assertThat(config.startTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(config.gatewayUrl()).isEqualTo("http://localhost:8180");
		assertThat(config.mongoUri("xiaoben_credit")).isEqualTo("mongodb://127.0.0.1:27117/xiaoben_credit");
	}

	@Test
	void aDemoDate() {
		assertThat(CommandLine.parse(new String[] { "up" }, CWD).config().demoDate()).isNull();
		assertThat(CommandLine.parse(new String[] { "up", "--demo-date=2027-01-15" }, CWD).config().demoDate())
			.isEqualTo(java.time.LocalDate.of(2027, 1, 15));
		CommandLine.Invocation demo = CommandLine.parse(new String[] { "demo", "--demo-date", "2026-12-07" }, CWD);
		assertThat(demo.command()).isEqualTo("demo");
		assertThat(demo.component()).isNull();
		assertThat(demo.config().demoDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 7));
		assertThatThrownBy(() -> CommandLine.parse(new String[] { "up", "--demo-date=12/07/2026" }, CWD))
			.hasMessageContaining("--demo-date");
		assertThat(CommandLine.USAGE).contains("--demo-date=YYYY-MM-DD");
	}

	@Test
	void rejectsBadCommandLines() {
		assertThatThrownBy(() -> CommandLine.parse(new String[] {}, CWD)).isInstanceOf(CommandLine.UsageException.class);
		assertThatThrownBy(() -> CommandLine.parse(new String[] { "up", "--port-offset", "x" }, CWD))
			.hasMessageContaining("--port-offset");
		assertThatThrownBy(() -> CommandLine.parse(new String[] { "up", "--bogus" }, CWD)).hasMessageContaining("--bogus");
	}

	@Test
	void everyPortFollowsTheOffset() {
		LauncherConfig config = CommandLine.parse(new String[] { "up", "--port-offset", "1000" }, CWD).config();
		ComponentCatalog catalog = ComponentCatalog.of(config);

		assertThat(catalog.all()).extracting(Component::name, Component::port)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("mongo", 28017),
					org.assertj.core.groups.Tuple.tuple("kafka", 10092),
					org.assertj.core.groups.Tuple.tuple("identity-service", 10000),
					org.assertj.core.groups.Tuple.tuple("activity-service", 9081),
					org.assertj.core.groups.Tuple.tuple("credit-service", 9082),
					org.assertj.core.groups.Tuple.tuple("evaluation-service", 9083),
					org.assertj.core.groups.Tuple.tuple("reporting-service", 9084),
					org.assertj.core.groups.Tuple.tuple("gateway", 9080));
		assertThat(catalog.get("kafka").ports()).containsExactly(10092, 10093);
	}

	@Test
	void startsInStages() {
		ComponentCatalog catalog = ComponentCatalog.of(LauncherConfig.defaults(CWD));

		assertThat(catalog.stages()).hasSize(4);
		assertThat(catalog.stages().get(0)).extracting(Component::name).containsExactly("mongo");
		assertThat(catalog.stages().get(1)).extracting(Component::name).containsExactly("kafka");
		assertThat(catalog.stages().get(2)).extracting(Component::name).containsExactly("identity-service");
		assertThat(catalog.stages().get(3)).extracting(Component::name).containsExactly("activity-service",
				"credit-service", "evaluation-service", "reporting-service", "gateway");
		assertThat(catalog.stopOrder()).first().extracting(Component::name).isEqualTo("gateway");
		assertThat(catalog.stopOrder()).last().extracting(Component::name).isEqualTo("mongo");
		assertThat(catalog.select(Set.of("kafka", "mongo")).names()).containsExactly("mongo", "kafka");
		assertThatThrownBy(() -> catalog.select(Set.of("kafak"))).hasMessageContaining("kafak");
		assertThat(catalog.get("gateway").jar()).isEqualTo("gateway/target/gateway.jar");
		assertThat(catalog.get("credit-service").jar()).isEqualTo("services/credit-service/target/credit-service.jar");
	}

	@Test
	void springBootArgumentsFollowTheOffset() {
		LauncherConfig config = CommandLine.parse(new String[] { "up", "--port-offset", "100" }, CWD).config();
		ComponentCatalog catalog = ComponentCatalog.of(config);
		BureauClient bureau = new BureauClient("bureau-console", "secret");

		List<String> identity = SpringBootArguments.applicationArguments(catalog.get("identity-service"), config, bureau);
		assertThat(identity).contains("--server.port=9100", "--spring.kafka.bootstrap-servers=127.0.0.1:9192",
				"--xiaoben.security.jwk-set-uri=http://127.0.0.1:9100/oauth2/jwks",
				"--xiaoben.security.issuer=http://localhost:8180",
				"--spring.mongodb.uri=mongodb://127.0.0.1:27117/xiaoben_identity",
				"--xiaoben.identity.bootstrap.bureau-client-id=bureau-console");
		assertThat(String.join(" ", identity)).doesNotContain("secret");
		assertThat(SpringBootArguments.environment(catalog.get("identity-service"), bureau))
			.containsEntry("XIAOBEN_IDENTITY_BOOTSTRAP_BUREAU_CLIENT_SECRET", "secret");

		List<String> gateway = SpringBootArguments.applicationArguments(catalog.get("gateway"), config, bureau);
		assertThat(gateway).contains("--server.port=8180", "--xiaoben.gateway.services.identity=http://127.0.0.1:9100",
				"--xiaoben.gateway.services.activity=http://127.0.0.1:8181",
				"--xiaoben.gateway.services.reporting=http://127.0.0.1:8184");
		assertThat(gateway).noneMatch(arg -> arg.startsWith("--spring.mongodb.uri"));

		Component reporting = catalog.get("reporting-service");
		assertThat(reporting.kind()).isEqualTo(Kind.SERVICE);
		assertThat(SpringBootArguments.applicationArguments(reporting, config, bureau))
			.contains("--spring.mongodb.uri=mongodb://127.0.0.1:27117/xiaoben_reporting")
			.noneMatch(arg -> arg.contains("bureau-client"));
	}
}
