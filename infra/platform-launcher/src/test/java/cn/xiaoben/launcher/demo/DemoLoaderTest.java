package cn.xiaoben.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLoaderTest {

	@Test
	void loadsTheWholeCountyThroughTheApiAndARerunCreatesNothing(@TempDir Path dir) throws Exception {
		DemoCredentialsStore store = new DemoCredentialsStore(dir.resolve("demo-credentials.json"));
		GatewayClient.Client bureau = new GatewayClient.Client("bureau-console", "s3cret+/=");
		DemoCounty county = DemoCountyGenerator.generate();
		try (FakeGateway gateway = new FakeGateway(0, "s3cret+/=", true)) {
			String url = "http://localhost:" + gateway.port();
			List<String> progress = new ArrayList<>();

			DemoLoader.Summary first = new DemoLoader(url, bureau, store, progress::add).load();

			assertThat(gateway.townships).hasSize(3);
			assertThat(gateway.schools).hasSize(12);
			assertThat(gateway.teachers).hasSize(county.teacherCount()).hasSizeGreaterThanOrEqualTo(400);
			assertThat(gateway.observations).hasSize(county.observationCount());
			assertThat(gateway.accounts).hasSize(county.staff().size());
			assertThat(first.newObservations()).isEqualTo(county.observationCount());
			assertThat(progress).isNotEmpty();

			DemoCredentials credentials = store.load();
			assertThat(credentials.complete).isTrue();
			assertThat(credentials.districtId).isEqualTo("d-yunxi");
			assertThat(credentials.schools).hasSize(12)
				.allSatisfy(s -> assertThat(s.clientSecret).isNotBlank())
				.allSatisfy(s -> assertThat(s.teachers).hasSize(34));
			assertThat(credentials.accounts).extracting(a -> a.username)
				.contains("bureau.admin", "jyy.zhang", "chengguan.admin", "cgyx.admin", "cgyx.lead", "cgyx.teacher1");
			assertThat(credentials.accounts).filteredOn(a -> a.role.equals("TEACHER"))
				.allSatisfy(a -> assertThat(a.teacherId).isNotNull());

			DemoLoader.Summary second = new DemoLoader(url, bureau, store, progress::add).load();

			assertThat(second.newObservations()).isZero();
			assertThat(gateway.teachers).hasSize(county.teacherCount());
			assertThat(gateway.observations).hasSize(county.observationCount());
			assertThat(gateway.schools).hasSize(12);
		}
	}
}
